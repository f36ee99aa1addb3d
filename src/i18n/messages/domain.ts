import { defineMessages } from '../define.js';

export const domain = defineMessages(
  {
    'domain.employers.unknown': 'Onbekende werkgever: {employer}.',
    'domain.employers.unknownHint':
      'Gebruik het id, het werkgevernummer of het loonheffingennummer uit "loket-asr-setup employers list" (haal de lijst zo nodig op met --refresh).',
    'domain.employers.ambiguous': '"{employer}" past bij {count} werkgevers.',
    'domain.employers.ambiguousHint': 'Gebruik het id van de werkgever (zie "loket-asr-setup employers list --json").',
    'domain.blocker.unchecked': 'de koppeling is nog niet via de API gecontroleerd',
    'domain.blocker.notLinked': 'webservicegebruiker {user} is niet aan deze werkgever gekoppeld',
    'domain.blocker.linkUnverifiable': 'de API kan niet laten zien of {user} gekoppeld is, en het is niet met de hand bevestigd',
    'domain.blocker.authorization':
      'Loket.nl heeft de autorisatie van Benefits-Plaza (werkgever, persoon, verlof) nog niet bevestigd (stap 3, ticket autorisatie)',
    'domain.blocker.refused': '{company} ({number}) kan nog niet op "{status}": {reason}.',
    'domain.blocker.refusedHint':
      'Los het op en controleer opnieuw (stap 2 of 3, of "loket-asr-setup verify"), bevestig de koppeling met de hand, of gebruik force met een reden (wordt vastgelegd).',
    'domain.blocker.reasonRequired': 'Voor {company} ({number}) is force gegeven zonder reden; een reden is verplicht en wordt vastgelegd.',
    'domain.ticket.missing': 'Het ticket {kind} kan nog niet worden gemaakt; er ontbreekt: {facts}.',
    'domain.ticket.missingHint': 'Vul het aan in stap 1 (loket-asr-setup step 1) of met de genoemde opties, en maak het ticket daarna opnieuw.',
    'domain.ticket.fact.officeName': 'de naam van het kantoor (--office-name, answers office.name; of log in, dan wordt de providernaam gebruikt)',
    'domain.ticket.fact.contactName': 'de contactpersoon (--contact-name, answers office.contactName)',
    'domain.ticket.fact.contactEmail': 'het e-mailadres van de contactpersoon (--contact-email, answers office.email)',
    'domain.ticket.fact.webserviceUser': 'de naam van de webservicegebruiker (--webservice-user, answers webserviceUser)',
    'domain.employerStatus.requested': 'aangevraagd',
    'domain.employerStatus.signed-up': 'aangemeld',
    'domain.employerStatus.confirmed': 'bevestigd',
    'domain.employerStatus.excluded': 'uitgesloten',
  },
  {
    'domain.employers.unknown': 'Unknown employer: {employer}.',
    'domain.employers.unknownHint':
      'Use the id, employer number or loonheffingennummer from "loket-asr-setup employers list" (fetch the list with --refresh if needed).',
    'domain.employers.ambiguous': '"{employer}" matches {count} employers.',
    'domain.employers.ambiguousHint': 'Use the employer\'s id (see "loket-asr-setup employers list --json").',
    'domain.blocker.unchecked': 'the link has not been checked through the API yet',
    'domain.blocker.notLinked': 'webservice user {user} is not linked to this employer',
    'domain.blocker.linkUnverifiable': 'the API cannot show whether {user} is linked, and it was not confirmed by hand',
    'domain.blocker.authorization': "Loket.nl has not yet confirmed Benefits-Plaza's authorization (werkgever, persoon, verlof) (step 3, autorisatie ticket)",
    'domain.blocker.refused': '{company} ({number}) cannot be set to "{status}" yet: {reason}.',
    'domain.blocker.refusedHint':
      'Fix it and check again (step 2 or 3, or "loket-asr-setup verify"), confirm the link by hand, or use force with a reason (it is recorded).',
    'domain.blocker.reasonRequired': 'Force was given for {company} ({number}) without a reason; a reason is required and is recorded.',
    'domain.ticket.missing': 'The {kind} ticket cannot be made yet; missing: {facts}.',
    'domain.ticket.missingHint': 'Fill it in in step 1 (loket-asr-setup step 1) or with the options named, then make the ticket again.',
    'domain.ticket.fact.officeName': "the office's name (--office-name, answers office.name; or log in, then the provider's name is used)",
    'domain.ticket.fact.contactName': 'the contact person (--contact-name, answers office.contactName)',
    'domain.ticket.fact.contactEmail': "the contact's e-mail address (--contact-email, answers office.email)",
    'domain.ticket.fact.webserviceUser': "the webservice user's name (--webservice-user, answers webserviceUser)",
    'domain.employerStatus.requested': 'requested',
    'domain.employerStatus.signed-up': 'signed up',
    'domain.employerStatus.confirmed': 'confirmed',
    'domain.employerStatus.excluded': 'excluded',
  },
);
