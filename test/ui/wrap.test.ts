import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createColors } from '../../src/ui/colors.js';
import { wrapProse } from '../../src/ui/wrap.js';

const INTRO =
  'Vraag Loket.nl om Benefits-Plaza toe te voegen als webservicepartij; het loonheffingennummer en de omgevingscode volgen in stap 3 van de handleiding.';

/** Every line fits and, put back together, the lines give the words of the text unchanged. */
function expectWrapped(text: string, width: number): string[] {
  const lines = wrapProse(text, width).split('\n');
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
  expect(lines.map((line) => line.trim()).join(' ')).toBe(text.replace(/\s+/g, ' ').trim());
  return lines;
}

describe('wrapProse: prose at the terminal width, between words', () => {
  it('leaves a line that fits as it is, spaces and all', () => {
    expect(wrapProse('  loket-asr-setup --sandbox          probeer alles uit', 80)).toBe('  loket-asr-setup --sandbox          probeer alles uit');
    expect(wrapProse('', 80)).toBe('');
  });

  it('breaks a long line between words, never inside one, at 80 and at 40 columns', () => {
    expect(expectWrapped(INTRO, 80)).toEqual([
      'Vraag Loket.nl om Benefits-Plaza toe te voegen als webservicepartij; het',
      'loonheffingennummer en de omgevingscode volgen in stap 3 van de handleiding.',
    ]);
    expectWrapped(INTRO, 40);
  });

  it('keeps each line of a text apart, blank lines too', () => {
    expect(wrapProse(`Stap 1\n\n${INTRO}\n`, 80).split('\n')).toEqual([
      'Stap 1',
      '',
      'Vraag Loket.nl om Benefits-Plaza toe te voegen als webservicepartij; het',
      'loonheffingennummer en de omgevingscode volgen in stap 3 van de handleiding.',
      '',
    ]);
  });

  it('continues an indented line at its indentation, and a list item below its text', () => {
    expect(wrapProse(`  ${INTRO}`, 60).split('\n')).toEqual([
      '  Vraag Loket.nl om Benefits-Plaza toe te voegen als',
      '  webservicepartij; het loonheffingennummer en de',
      '  omgevingscode volgen in stap 3 van de handleiding.',
    ]);
    expect(wrapProse(`  - ${INTRO}`, 60).split('\n')).toEqual([
      '  - Vraag Loket.nl om Benefits-Plaza toe te voegen als',
      '    webservicepartij; het loonheffingennummer en de',
      '    omgevingscode volgen in stap 3 van de handleiding.',
    ]);
    expect(wrapProse(`✔ ${INTRO}`, 60).split('\n').slice(1)).toEqual([
      '  webservicepartij; het loonheffingennummer en de',
      '  omgevingscode volgen in stap 3 van de handleiding.',
    ]);
    expect(wrapProse(`1. ${INTRO}`, 60).split('\n')[1]).toMatch(/^ {3}\S/);
  });

  it('keeps the spaces inside a line: an aligned "Label:   value" line continues under its value, a step of the overview under its title', () => {
    const checklist = '  Wachtwoord:                   kies je zelf; je typt het later alleen in het formulier van a.s.r. (deze tool vraagt er nooit om)';
    expect(wrapProse(checklist, 80).split('\n')).toEqual([
      '  Wachtwoord:                   kies je zelf; je typt het later alleen in het',
      '                                formulier van a.s.r. (deze tool vraagt er nooit',
      '                                om)',
    ]);
    expect(wrapProse('● 2. Koppelen webservicegebruiker aan werkgever(s)  [klaar] afgerond 02-12-2026, 01:11', 80).split('\n')).toEqual([
      '● 2. Koppelen webservicegebruiker aan werkgever(s)  [klaar] afgerond 02-12-2026,',
      '     01:11',
    ]);
  });

  it('gives a URL or a word longer than the width a line of its own, whole', () => {
    const url = 'https://www.asr.nl/zakelijk/pensioen/benefits-plaza/loket-nl-aanmelden-werkgevers?utm=x';
    const lines = wrapProse(`Meld de werkgever aan via ${url} en leg de datum vast.`, 40).split('\n');
    expect(lines).toEqual(['Meld de werkgever aan via', url, 'en leg de datum vast.']);
  });

  it('moves a command to type to the next line whole, up to the punctuation that ends it', () => {
    const hint = 'Leg hun bevestiging vast in stap 3 (loket-asr-setup --sandbox step 3 --authorization-reference <ticketnummer>).';
    expect(wrapProse(hint, 80).split('\n')).toEqual([
      'Leg hun bevestiging vast in stap 3',
      '(loket-asr-setup --sandbox step 3 --authorization-reference <ticketnummer>).',
    ]);
    // Longer than 60 columns, the command does not fit; it is not split at its spaces all the same.
    expect(wrapProse(hint, 60).split('\n')).toEqual([
      'Leg hun bevestiging vast in stap 3',
      '(loket-asr-setup --sandbox step 3 --authorization-reference <ticketnummer>).',
    ]);
    // Two commands in one sentence, each ended by its punctuation; the words after them wrap as prose.
    const two =
      'Geef --webservice-user Webservice#01, of leg de naam vast in stap 2 (loket-asr-setup step 2, of loket-asr-setup config set webserviceUser Webservice#01).';
    expect(wrapProse(two, 50).split('\n')).toEqual([
      'Geef --webservice-user Webservice#01, of leg de',
      'naam vast in stap 2 (loket-asr-setup step 2, of',
      'loket-asr-setup config set webserviceUser Webservice#01).',
    ]);
    expect(wrapProse('Zonder vragen: loket-asr-setup --profile kantoor-a employers select 20001 20002', 40).split('\n')).toEqual([
      'Zonder vragen:',
      'loket-asr-setup --profile kantoor-a employers select 20001 20002',
    ]);
  });

  it('carries a colour over each break and keeps the words as they were', () => {
    const wrapped = wrapProse(createColors(true).dim(`  - ${INTRO}`), 50);
    const lines = wrapped.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.startsWith('\x1b[2m') || line.startsWith('    \x1b[2m'), JSON.stringify(line)).toBe(true);
      expect(stripVTControlCharacters(line).length).toBeLessThanOrEqual(50);
    }
    expect(stripVTControlCharacters(wrapped)).toBe(wrapProse(`  - ${INTRO}`, 50));
  });
});
