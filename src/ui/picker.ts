/**
 * The picker on the terminal: a custom @inquirer/core prompt that draws src/ui/selection.ts. Loaded
 * by src/ui/prompt.ts on first use, like the other prompts.
 */
import { styleText } from 'node:util';
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isTabKey,
  isUpKey,
  makeTheme,
  useKeypress,
  useMemo,
  usePagination,
  usePrefix,
  useState,
} from '@inquirer/core';
import { t } from '../i18n/index.js';
import type { PromptFit } from './prompt-fit.js';
import { initialPickerState, pickerKey, searchIndex, selectedValues, type PickChoice, type PickerKey } from './selection.js';

export interface PickerConfig<T> {
  message: string;
  choices: ReadonlyArray<PickChoice<T>>;
  selected: readonly T[];
  onToggle?: (value: T, selected: boolean) => void;
  pageSize?: number;
  keysHelpTip: (keys: Array<[string, string]>) => string;
  /** Lines broken between words at the terminal's width (src/ui/prompt.ts); without it, as they are. */
  fit?: PromptFit;
  theme?: { style?: { error?: (text: string) => string; message?: (text: string) => string; answer?: (text: string) => string } };
}

function picker<T>(config: PickerConfig<T>, done: (value: T[]) => void): [string, string] | string {
  const theme = makeTheme(config.theme);
  const matchesOf = useMemo(() => searchIndex(config.choices), [config.choices]);
  const [state, setState] = useState(() => initialPickerState(config.selected));
  const prefix = usePrefix({ status: state.done ? 'done' : 'idle', theme });
  const matches = matchesOf(state.term);

  useKeypress((key, rl) => {
    if (state.done) return;
    let event: PickerKey;
    if (isEnterKey(key)) event = { kind: 'enter' };
    else if (isUpKey(key)) event = { kind: 'up' };
    else if (isDownKey(key)) event = { kind: 'down' };
    else if (isSpaceKey(key)) event = { kind: 'space' };
    else if (key.name === 'escape') event = { kind: 'escape' };
    else if (isTabKey(key)) event = { kind: 'line', line: state.term };
    else event = { kind: 'line', line: rl.line };
    const result = pickerKey(matchesOf, state, event);
    // The readline keeps what was typed; only the search term belongs there (Enter emptied it,
    // Space and Tab added a blank).
    if (rl.line !== result.state.term) {
      rl.clearLine(0);
      rl.write(result.state.term);
    }
    if (result.toggled) config.onToggle?.(result.toggled.value, result.toggled.selected);
    setState(result.state);
    if (result.state.done) done(selectedValues(config.choices, result.state.selected));
  });

  const page = usePagination({
    items: matches,
    active: state.active,
    renderItem: ({ item, isActive }) => {
      // A long line continues under the text, not under the marks: an identifier is never cut at the edge.
      const name = config.fit ? config.fit.block(item.name, 4) : item.name;
      const line = `${isActive ? '❯' : ' '} ${state.selected.has(item.value) ? styleText('green', '◉') : '◯'} ${name}`;
      return isActive ? theme.style.highlight(line) : line;
    },
    pageSize: config.pageSize ?? 10,
    loop: false,
  });

  const message = theme.style.message(config.message, state.done ? 'done' : 'idle');
  if (state.done) return `${prefix} ${message} ${theme.style.answer(t('prompt.pick.answer', { count: state.selected.size }))}`;
  const beside = (text: string) => config.fit?.beside(text) ?? text;
  const block = (text: string) => config.fit?.block(text, 2) ?? text;
  const count = beside(styleText('dim', `(${t('prompt.pick.count', { selected: state.selected.size, total: config.choices.length })})`));
  const header = [prefix, message, count, state.term ? theme.style.highlight(state.term) : ''].filter(Boolean).join(' ');
  const notice = state.notice ? (state.notice.kind === 'error' ? theme.style.error(state.notice.text) : block(state.notice.text)) : '';
  const body = [
    matches.length > 0 ? page : '',
    state.term ? styleText('dim', block(t('prompt.pick.filter', { term: state.term, count: matches.length }))) : '',
    notice,
    config.keysHelpTip([
      [t('prompt.pick.type'), t('prompt.pick.typeAction')],
      [t('prompt.key.space'), t('prompt.pick.spaceAction')],
      ['⏎', t('prompt.pick.enterAction')],
      ['↑↓', t('prompt.key.navigate')],
    ]),
  ]
    .filter(Boolean)
    .join('\n');
  return [header, body];
}

export const pick = createPrompt(picker) as <T>(config: PickerConfig<T>, context?: { output?: NodeJS.WritableStream }) => Promise<T[]>;
