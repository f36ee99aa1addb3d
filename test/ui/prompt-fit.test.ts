import { describe, expect, it } from 'vitest';
import { promptFit } from '../../src/ui/prompt-fit.js';

describe('promptFit: prompt lines that break between words at the terminal width', () => {
  it('breaks a question after "? " between words, continuing under its text, and keeps room for "(J/n)" when asked', () => {
    const fit = promptFit(() => 80);
    const question = 'Ticketnummer van Loket.nl (leeg laten als Loket.nl nog geen nummer heeft gestuurd)';
    expect(fit.message(question).split('\n')).toEqual(['Ticketnummer van Loket.nl (leeg laten als Loket.nl nog geen nummer heeft', '  gestuurd)']);
    const yesNo = 'Heeft Loket.nl bevestigd dat Benefits-Plaza toegang heeft tot werkgever, persoon en verlof?';
    for (const line of fit.message(yesNo, 7).split('\n')) expect(line.length + 2 + 7).toBeLessThanOrEqual(80);
  });

  it('puts an answer beside the question when it fits, and under it, whole, when it does not', () => {
    const fit = promptFit(() => 80);
    fit.message('Contactpersoon');
    expect(fit.beside('Jan de Vries')).toBe('Jan de Vries');
    fit.message('Ticketnummer van het antwoord van Loket.nl op het ticket autorisatie');
    expect(fit.beside('LKT-2026-10501')).toBe('\n  LKT-2026-10501');
    // A default and the answer after it: the second sees the room the first took.
    fit.message('Naam van je bedrijf (wordt getoond op de website van a.s.r.)');
    expect(fit.beside('(Kantoor)')).toBe('(Kantoor)');
    expect(fit.beside('Administratiekantoor De Vries & Partners')).toBe('\n  Administratiekantoor De Vries & Partners');
  });

  it('breaks a choice under its text, after the cursor and the mark, never inside a loonheffingennummer', () => {
    const fit = promptFit(() => 80);
    const row = '20002  Hoveniersbedrijf De Groot & Zonen B.V.  630189791L01, 255602297L02  [geen status]';
    const lines = fit.block(row, 4).split('\n');
    expect(lines).toEqual(['20002  Hoveniersbedrijf De Groot & Zonen B.V.  630189791L01, 255602297L02', '    [geen status]']);
  });
});
