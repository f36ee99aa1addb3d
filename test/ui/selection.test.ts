/**
 * The selection behaviour shared by both employer pickers, below the terminal (src/ui/selection.ts);
 * test/e2e/prompts.test.ts types the same keys into the real prompt under a pseudo-terminal.
 */
import { describe, expect, it } from 'vitest';
import { initialPickerState, pickerKey, searchIndex, selectionSummary, type PickChoice, type PickerKey } from '../../src/ui/selection.js';

const choices: Array<PickChoice<string>> = [
  { name: '20002  De Groot  123456782L01', short: '20002 De Groot', value: 'a', search: '20002 De Groot 123456782L01' },
  { name: '20006  Mulder  434338710L01', short: '20006 Mulder', value: 'b', search: '20006 Mulder 434338710L01' },
  { name: '30001  Postma', short: '30001 Postma', value: 'c' },
];
const matchesOf = searchIndex(choices);

function press(keys: PickerKey[], selected: string[] = []) {
  let state = initialPickerState(selected);
  const toggled: Array<[string, boolean]> = [];
  for (const key of keys) {
    const result = pickerKey(matchesOf, state, key);
    if (result.toggled) toggled.push([result.toggled.value, result.toggled.selected]);
    state = result.state;
  }
  return { state, toggled };
}

describe('the picker', () => {
  it('typing filters on number, name and loonheffingennummer, ignoring spaces, dots and dashes', () => {
    expect(matchesOf('2000').map((c) => c.value)).toEqual(['a', 'b']);
    expect(matchesOf('degroot').map((c) => c.value)).toEqual(['a']);
    expect(matchesOf('4343.38-710').map((c) => c.value)).toEqual(['b']);
    expect(matchesOf('').map((c) => c.value)).toEqual(['a', 'b', 'c']);
  });

  it('Enter toggles the single match and clears the search; Enter with nothing typed confirms', () => {
    const { state, toggled } = press([{ kind: 'line', line: '20006' }, { kind: 'enter' }, { kind: 'enter' }]);
    expect(toggled).toEqual([['b', true]]);
    expect(state).toMatchObject({ term: '', done: true });
    expect([...state.selected]).toEqual(['b']);
  });

  it('Enter with several or no matches does not confirm: it says why and keeps the search', () => {
    const several = press([{ kind: 'line', line: '2000' }, { kind: 'enter' }]);
    expect(several.state).toMatchObject({ term: '2000', done: false, notice: { kind: 'error', text: expect.stringContaining('2 treffers voor "2000"') } });
    const none = press([{ kind: 'line', line: 'zzz' }, { kind: 'enter' }]);
    expect(none.state).toMatchObject({ done: false, notice: { kind: 'error', text: expect.stringContaining('Niets past bij "zzz"') } });
    expect(several.toggled).toEqual([]);
  });

  it('Space toggles the highlighted match and keeps the search; a typed space is no part of it', () => {
    const { state, toggled } = press([{ kind: 'line', line: '20 00' }, { kind: 'down' }, { kind: 'space' }, { kind: 'space' }, { kind: 'space' }], ['a']);
    expect(state.term).toBe('2000');
    expect(toggled).toEqual([
      ['b', true],
      ['b', false],
      ['b', true],
    ]);
    expect([...state.selected].sort()).toEqual(['a', 'b']);
  });

  it('Esc clears the search; the cursor wraps', () => {
    const { state } = press([{ kind: 'line', line: '2000' }, { kind: 'up' }, { kind: 'escape' }]);
    expect(state).toMatchObject({ term: '', active: 0 });
    expect(press([{ kind: 'line', line: '2000' }, { kind: 'up' }]).state.active).toBe(1);
  });
});

describe('the summary', () => {
  it('counts and names what was added and removed, and what stayed selected', () => {
    expect(selectionSummary(choices, ['a', 'b'], ['b', 'c'])).toBe(
      ['Selectie: 1 toegevoegd, 1 verwijderd, 1 ongewijzigd; nu 2 van 3 geselecteerd.', '  + 30001 Postma', '  − 20002 De Groot', '  = 20006 Mulder'].join(
        '\n',
      ),
    );
    expect(selectionSummary(choices, ['a'], ['a'])).toBe(['Selectie ongewijzigd: 1 van 3 geselecteerd.', '  = 20002 De Groot'].join('\n'));
  });

  it('names at most ten that stayed, and counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ name: `n${i}`, short: `s${i}`, value: i }));
    const all = many.map((c) => c.value);
    expect(selectionSummary(many, all, all).split('\n')[1]).toBe(
      `  = ${all
        .slice(0, 10)
        .map((i) => `s${i}`)
        .join(', ')} en nog 3`,
    );
  });
});
