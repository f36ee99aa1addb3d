import { describe, expect, it } from 'vitest';
import { TICKET_KINDS, formatTicket, isTicketKind, missingTicketFacts, renderTicket, type TicketFacts } from '../../src/tickets/index.js';

const facts: TicketFacts = {
  officeName: 'Administratiekantoor Tilburg B.V.',
  providerName: 'AK Tilburg Provider',
  contactName: 'Jan de Vries',
  contactEmail: 'salaris@tilburg.nl',
  contactPhone: '0131234567',
  webserviceUser: 'Webservice#01',
  teams: ['Benefits-Plaza'],
  environment: 'acceptance',
  employers: [
    { companyName: 'Bakkerij Jansen', employerNumber: 20720 },
    { companyName: 'Garage Smit', employerNumber: '20721' },
  ],
};

const langs = ['nl', 'en'] as const;

describe('renderTicket', () => {
  it.each(langs)('webservicepartij (%s) names the koppeling, AK gebruiker, office and contact', (lang) => {
    const text = formatTicket(renderTicket('webservicepartij', facts, lang));
    const { officeName, providerName, contactName, contactEmail, contactPhone } = facts;
    for (const fact of [officeName, providerName, contactName, contactEmail, contactPhone] as string[]) {
      expect(text).toContain(fact);
    }
    expect(text).toContain('Benefits-Plaza koppeling');
    expect(text).toContain('AK gebruiker');
    expect(text).toMatch(/'webservicepartij' Benefits-Plaza|Benefits-Plaza is chosen as 'webservicepartij'/);
    expect(text).toContain('salariskoppeling');
  });

  it.each(langs)('omgevingscode (%s) asks for the omgevingscode and names the kantoor and provider', (lang) => {
    const ticket = renderTicket('omgevingscode', facts, lang);
    expect(ticket.subject).toContain('omgevingscode');
    expect(ticket.subject).toContain('Administratiekantoor Tilburg B.V.');
    expect(ticket.body).toContain('AK Tilburg Provider');
    expect(ticket.body).toMatch(/administratie- o[fr] accountantskantoor/);
  });

  it.each(langs)('autorisatie (%s) asks Loket to confirm the office-wide authorization for the provider and the webservice user', (lang) => {
    const ticket = renderTicket('autorisatie', facts, lang);
    expect(ticket.subject).toContain('Benefits-Plaza');
    expect(ticket.subject).toContain('Administratiekantoor Tilburg B.V.');
    expect(ticket.body).toContain('Webservice#01');
    expect(ticket.body).toMatch(/werkgever.*persoon.*verlof/);
    expect(ticket.body).toContain('salariskoppeling');
    expect(ticket.body).toContain('Benefits-Plaza');
    // The web service lot is chosen on the webservice user (loket-api.md §1).
    expect(ticket.body).toMatch(lang === 'nl' ? /webserviceperceel/ : /web service lot/);
    const number = lang === 'nl' ? 'werkgevernummer' : 'employer number';
    expect(ticket.body).toContain(`- Bakkerij Jansen (${number} 20720)`);
    expect(ticket.body).toContain(`- Garage Smit (${number} 20721)`);
    expect(ticket.body).toMatch(lang === 'nl' ? /ticketnummer/ : /ticket number/);
  });

  it('lists at most 25 employers for reference and counts the rest', () => {
    const many = { ...facts, employers: Array.from({ length: 30 }, (_, i) => ({ companyName: `W${i}`, employerNumber: 20000 + i })) };
    const body = renderTicket('autorisatie', many, 'nl').body;
    expect(body).toContain('W24 (werkgevernummer 20024)');
    expect(body).not.toContain('W25');
    expect(body).toContain('- en nog 5 andere');
  });

  it('falls back to the provider name when no office name is recorded', () => {
    const { officeName: _office, ...rest } = facts;
    const ticket = renderTicket('omgevingscode', rest, 'nl');
    expect(ticket.subject).toContain('AK Tilburg Provider');
    expect(missingTicketFacts('omgevingscode', rest)).toEqual([]);
  });

  it('writes Dutch and English differently, with the right subject label', () => {
    for (const kind of TICKET_KINDS) {
      const nl = formatTicket(renderTicket(kind, facts, 'nl'));
      const en = formatTicket(renderTicket(kind, facts, 'en'));
      expect(nl).toMatch(/^Onderwerp: .+\n\nBeste /);
      expect(en).toMatch(/^Subject: .+\n\nDear /);
      expect(nl.endsWith('\n')).toBe(true);
      expect(nl).toContain('Omgeving: acceptatie');
      expect(en).toContain('Environment: acceptance');
    }
  });

  it('never calls it a pension link', () => {
    for (const kind of TICKET_KINDS) {
      for (const lang of langs) {
        expect(formatTicket(renderTicket(kind, facts, lang))).not.toMatch(/pensioen|pension/i);
      }
    }
  });

  it('is deterministic: the same facts give identical text', () => {
    for (const kind of TICKET_KINDS) {
      for (const lang of langs) {
        const copy = structuredClone(facts);
        expect(renderTicket(kind, copy, lang)).toEqual(renderTicket(kind, facts, lang));
      }
    }
  });

  it('leaves out what it does not know, without "undefined" or "null"', () => {
    const sparse = [{}, { officeName: '  ' }, { employers: [] }, { contactEmail: 'a@b.nl' }] as TicketFacts[];
    for (const partial of sparse) {
      for (const kind of TICKET_KINDS) {
        for (const lang of langs) {
          const text = formatTicket(renderTicket(kind, partial, lang));
          expect(text).not.toMatch(/undefined|null|NaN|\{\w+\}|^- [^\n]*: *$|\n\n\n/m);
        }
      }
    }
  });

  it('keeps each fact on its own line, even when it contains a newline', () => {
    const ticket = renderTicket('omgevingscode', { officeName: 'Kantoor\nTilburg' }, 'nl');
    expect(ticket.subject).toContain('Kantoor Tilburg');
    expect(ticket.subject).not.toContain('\n');
  });

  it('shows no field outside the allowlist, whatever the object carries', () => {
    const leaky = {
      ...facts,
      password: 'CANARY-password-1',
      clientSecret: 'CANARY-secret-2',
      token: 'CANARY-token-3',
      refreshToken: 'CANARY-token-4',
      environment: 'CANARY-environment-5',
      employers: [
        {
          companyName: 'Bakkerij Jansen',
          employerNumber: 20720,
          missingEntities: ['verlof', 'CANARY-entity-6'],
          accessToken: 'CANARY-token-7',
        },
      ],
    } as unknown as TicketFacts;
    for (const kind of TICKET_KINDS) {
      for (const lang of langs) {
        const ticket = renderTicket(kind, leaky, lang);
        expect(JSON.stringify(ticket)).not.toContain('CANARY');
        expect(Object.keys(ticket).sort()).toEqual(['body', 'kind', 'lang', 'subject']);
      }
    }
  });

  it('ignores fact values of the wrong type', () => {
    const odd = { officeName: { toString: () => 'CANARY' }, employers: [null, { companyName: 7 }] };
    const text = formatTicket(renderTicket('autorisatie', odd as unknown as TicketFacts, 'nl'));
    expect(text).not.toMatch(/CANARY|undefined|null|\[object/);
  });
});

describe('missingTicketFacts', () => {
  it('webservicepartij needs the office and a contact with e-mail', () => {
    expect(missingTicketFacts('webservicepartij', {})).toEqual(['officeName', 'contactName', 'contactEmail']);
    const complete = { officeName: 'K', contactName: 'J', contactEmail: 'j@k.nl' };
    expect(missingTicketFacts('webservicepartij', complete)).toEqual([]);
  });

  it('omgevingscode needs the office (or provider) name and a contact; blank counts as missing', () => {
    expect(missingTicketFacts('omgevingscode', { officeName: '   ' })).toEqual(['officeName', 'contactName']);
    expect(missingTicketFacts('omgevingscode', { providerName: 'P', contactName: 'J' })).toEqual([]);
  });

  it('autorisatie needs who asks and the webservice user; the employer list is only for reference', () => {
    expect(missingTicketFacts('autorisatie', {})).toEqual(['officeName', 'contactName', 'webserviceUser']);
    expect(missingTicketFacts('autorisatie', { officeName: 'Kantoor', contactName: 'Jan' })).toEqual(['webserviceUser']);
    expect(missingTicketFacts('autorisatie', { officeName: 'Kantoor', contactName: 'Jan', webserviceUser: 'W', employers: [] })).toEqual([]);
  });
});

it('isTicketKind accepts exactly the three kinds', () => {
  expect(TICKET_KINDS.every(isTicketKind)).toBe(true);
  expect(isTicketKind('pensioen')).toBe(false);
});
