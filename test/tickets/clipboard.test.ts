import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyToClipboard } from '../../src/tickets/index.js';

const posixOnly = process.platform === 'win32';
const text = 'Onderwerp: Verzoek autorisatie — Bakkerij Jansen\n\nRegel 2 met é\n';

let bin: string;
beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), 'loket-asr-clipboard-'));
});
afterEach(() => {
  rmSync(bin, { recursive: true, force: true });
});

function fakeTool(name: string, script: string): void {
  const path = join(bin, name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
}

describe('copyToClipboard', () => {
  it('says so when no clipboard program is on the PATH', async () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const result = await copyToClipboard(text, { platform, env: { PATH: bin, Path: bin } });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/klembordprogramma|clipboard program/);
    }
  });

  it.skipIf(posixOnly)('pipes the text to the first tool that works (xclip)', async () => {
    const out = join(bin, 'clipboard.txt');
    fakeTool('xclip', '[ "$1 $2" = "-selection clipboard" ] || exit 9\n/bin/cat > "$CLIPBOARD_OUT"');
    const result = await copyToClipboard(text, { platform: 'linux', env: { PATH: bin, CLIPBOARD_OUT: out } });
    expect(result).toEqual({ ok: true, tool: 'xclip' });
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it.skipIf(posixOnly)('the tool (which may stay behind as a daemon) sees no LOKET_ variable or other secret', async () => {
    const out = join(bin, 'clipboard.txt');
    const seen = join(bin, 'env.txt');
    fakeTool('xclip', `/usr/bin/env > "${seen}"\n/bin/cat > "$CLIPBOARD_OUT"`);
    const env = {
      PATH: bin,
      CLIPBOARD_OUT: out,
      DISPLAY: ':0',
      LOKET_ACCESS_TOKEN: 'at-canary',
      LOKET_REFRESH_TOKEN: 'rt-canary',
      LOKET_CLIENT_SECRET: 'cs-canary',
      GITHUB_TOKEN: 'gh-canary',
    };
    expect(await copyToClipboard(text, { platform: 'linux', env })).toEqual({ ok: true, tool: 'xclip' });
    const environment = readFileSync(seen, 'utf8');
    expect(environment).toContain('DISPLAY=:0');
    expect(environment).not.toMatch(/LOKET_|canary/);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it.skipIf(posixOnly)('uses pbcopy on macOS', async () => {
    const out = join(bin, 'clipboard.txt');
    fakeTool('pbcopy', '/bin/cat > "$CLIPBOARD_OUT"');
    const result = await copyToClipboard(text, { platform: 'darwin', env: { PATH: bin, CLIPBOARD_OUT: out } });
    expect(result).toEqual({ ok: true, tool: 'pbcopy' });
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it.skipIf(posixOnly)('moves on when a tool exists but cannot reach a display', async () => {
    const out = join(bin, 'clipboard.txt');
    fakeTool('wl-copy', 'echo "Failed to connect to a Wayland server" >&2\nexit 1');
    fakeTool('xsel', '/bin/cat > "$CLIPBOARD_OUT"');
    const result = await copyToClipboard(text, { platform: 'linux', env: { PATH: bin, CLIPBOARD_OUT: out } });
    expect(result).toEqual({ ok: true, tool: 'xsel' });
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it.skipIf(posixOnly)("reports the last tool's own error when none works", async () => {
    fakeTool('xclip', 'echo "Error: Can\'t open display: (null)" >&2\nexit 1');
    const result = await copyToClipboard(text, { platform: 'linux', env: { PATH: bin } });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('xclip') });
    if (!result.ok) expect(result.reason).toContain("Can't open display");
  });

  it.skipIf(posixOnly)('gives up on a tool that never finishes, without trying the next', async () => {
    const out = join(bin, 'clipboard.txt');
    fakeTool('wl-copy', 'exec /bin/sleep 60');
    fakeTool('xclip', '/bin/cat > "$CLIPBOARD_OUT"');
    const env = { PATH: bin, CLIPBOARD_OUT: out };
    const result = await copyToClipboard(text, { platform: 'linux', env, timeoutMs: 100 });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/wl-copy.*0\.1/) });
    expect(existsSync(out)).toBe(false);
  });
});
