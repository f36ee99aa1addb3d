import { spawn } from 'node:child_process';
import { childEnvironment } from '../env.js';
import { t } from '../i18n/index.js';

export type ClipboardResult = { ok: true; tool: string } | { ok: false; reason: string };

export interface ClipboardOptions {
  /** For tests: which OS's tools to try, and the environment (PATH) to find them in. */
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

interface ClipboardTool {
  command: string;
  args: string[];
  encode: (text: string) => Buffer;
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
// clip.exe reads stdin in the console code page unless it starts with a UTF-16LE byte-order mark,
// and office or company names often carry accents.
const utf16WithBom = (text: string): Buffer => Buffer.from(`\ufeff${text}`, 'utf16le');

function toolsFor(platform: NodeJS.Platform): ClipboardTool[] {
  if (platform === 'darwin') return [{ command: 'pbcopy', args: [], encode: utf8 }];
  if (platform === 'win32') return [{ command: 'clip', args: [], encode: utf16WithBom }];
  return [
    { command: 'wl-copy', args: [], encode: utf8 },
    { command: 'xclip', args: ['-selection', 'clipboard'], encode: utf8 },
    { command: 'xsel', args: ['--clipboard', '--input'], encode: utf8 },
  ];
}

type Attempt = { status: 'copied' } | { status: 'missing' } | { status: 'failed'; reason: string } | { status: 'timedOut'; reason: string };

/**
 * Copies text with the OS's own clipboard program (no shell, text on stdin). A tool that is not
 * installed, or cannot reach a display, makes way for the next; none left → a reason to show.
 */
export async function copyToClipboard(text: string, options: ClipboardOptions = {}): Promise<ClipboardResult> {
  const tools = toolsFor(options.platform ?? process.platform);
  // xclip and wl-copy stay behind as daemons: they get no tokens or secrets to keep.
  const env = childEnvironment(options.env ?? process.env);
  const timeoutMs = options.timeoutMs ?? 5_000;
  // One deadline for all tools together, so a slow failure followed by a hang still ends in time.
  const deadline = Date.now() + timeoutMs;
  let lastFailure: string | undefined;
  for (const tool of tools) {
    const attempt = await runTool(tool, text, env, Math.max(deadline - Date.now(), 0), timeoutMs);
    if (attempt.status === 'copied') return { ok: true, tool: tool.command };
    if (attempt.status === 'timedOut') return { ok: false, reason: attempt.reason };
    if (attempt.status === 'failed') lastFailure = attempt.reason;
  }
  return {
    ok: false,
    reason: lastFailure ?? t('tickets.clipboard.unavailable', { tools: tools.map((tool) => tool.command).join(', ') }),
  };
}

function runTool(tool: ClipboardTool, text: string, env: NodeJS.ProcessEnv, remainingMs: number, timeoutMs: number): Promise<Attempt> {
  return new Promise((resolve) => {
    const child = spawn(tool.command, tool.args, { env, stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true });
    const stderr: Buffer[] = [];
    const failed = (detail: string): Attempt => ({
      status: 'failed',
      reason: t('tickets.clipboard.failed', { tool: tool.command, detail }),
    });
    const timer = setTimeout(() => {
      child.kill();
      const seconds = timeoutMs / 1000;
      finish({ status: 'timedOut', reason: t('tickets.clipboard.timeout', { tool: tool.command, seconds }) });
    }, remainingMs);
    let settled = false;
    function finish(attempt: Attempt): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // xclip and wl-copy fork a daemon that keeps serving the clipboard and may hold our stderr pipe.
      child.stderr.destroy();
      resolve(attempt);
    }

    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(error.code === 'ENOENT' ? { status: 'missing' } : failed(error.message));
    });
    // Success is final at exit (the daemon may outlive it); a failure waits for 'close' to have stderr.
    child.on('exit', (code) => {
      if (code === 0) finish({ status: 'copied' });
    });
    child.on('close', (code, signal) => {
      const firstLine = Buffer.concat(stderr)
        .toString('utf8')
        .split(/\r?\n/)
        .find((line) => line.trim() !== '');
      const exitCode = t('tickets.clipboard.exitCode', { code: code ?? String(signal) });
      finish(failed(firstLine?.trim().slice(0, 200) ?? exitCode));
    });
    // A tool that exits without reading stdin causes EPIPE; its exit code already tells what happened.
    child.stdin.on('error', () => {});
    child.stdin.end(tool.encode(text));
  });
}
