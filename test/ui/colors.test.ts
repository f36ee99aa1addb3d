import { describe, expect, it } from 'vitest';
import { createColors, streamHasColors } from '../../src/ui/colors.js';

const ESC = '\u001b';

describe('createColors', () => {
  it('draws the basic styles as chalk does, and nothing when off', () => {
    const on = createColors(true);
    expect(on.red('x')).toBe(`${ESC}[31mx${ESC}[39m`);
    expect(on.bold('x')).toBe(`${ESC}[1mx${ESC}[22m`);
    expect(on.gray('')).toBe('');
    expect(createColors(false).red('x')).toBe('x');
  });

  it('reopens a style after a nested one closes, and around line breaks', () => {
    const on = createColors(true);
    expect(on.red(`a ${on.green('b')} c`)).toBe(`${ESC}[31ma ${ESC}[32mb${ESC}[39m${ESC}[31m c${ESC}[39m`);
    expect(on.dim('a\nb')).toBe(`${ESC}[2ma${ESC}[22m\n${ESC}[2mb${ESC}[22m`);
  });
});

describe('streamHasColors', () => {
  const tty = { isTTY: true, hasColors: () => true };
  it('follows FORCE_COLOR first, then the terminal', () => {
    expect(streamHasColors({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(streamHasColors(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(streamHasColors(tty, { FORCE_COLOR: 'false' })).toBe(false);
    expect(streamHasColors(tty, {})).toBe(true);
    expect(streamHasColors({ isTTY: true, hasColors: () => false }, {})).toBe(false);
    expect(streamHasColors({ isTTY: false }, {})).toBe(false);
  });
});
