/**
 * The few terminal styles the output uses, as chalk draws them at its basic level (16 colours): a
 * style nested in itself is reopened after the inner one closes, and a style spanning lines is
 * closed before each line break and reopened after it, so a pager or `tail` shows each line right.
 * Ours rather than chalk's because chalk, with node:os and node:tty, cost every start ~6 ms.
 */
export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  gray(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const CODES: Record<keyof Colors, [open: number, close: number]> = {
  bold: [1, 22],
  dim: [2, 22],
  gray: [90, 39],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

function style(open: string, close: string): (text: string) => string {
  return (text) => {
    let body = String(text);
    if (body === '') return body;
    if (body.includes('\u001b')) body = body.split(close).join(close + open);
    if (body.includes('\n')) body = body.replace(/(\r?\n)/g, `${close}$1${open}`);
    return open + body + close;
  };
}

const plain = (text: string): string => String(text);

export function createColors(enabled: boolean): Colors {
  const colors = {} as Colors;
  for (const [name, [open, close]] of Object.entries(CODES) as Array<[keyof Colors, [number, number]]>) {
    colors[name] = enabled ? style(`\u001b[${open}m`, `\u001b[${close}m`) : plain;
  }
  return colors;
}

/**
 * Whether talk on this stream may be coloured, as chalk decided it: FORCE_COLOR first (`0` and
 * `false` switch colour off, anything else on), then a terminal that says it has colours (Node's own
 * reading of TERM, COLORTERM, CI and Windows, tty.WriteStream#hasColors).
 */
export function streamHasColors(stream: { isTTY?: boolean; hasColors?: () => boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true && typeof stream.hasColors === 'function' && stream.hasColors();
}
