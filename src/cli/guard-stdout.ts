/**
 * Output that cannot be written (ENOSPC behind `> file`, a closed terminal) ends the run with one
 * line and exit 5, never a stack trace; a reader that stopped reading (EPIPE, `| head`) is exit 0.
 * Installed once, by whichever way the command line is read (entry.ts's quick path or main.ts).
 */
import { t } from '../i18n/index.js';
import { onStdoutFailure, stderr } from '../ui/stdio.js';

let guarded = false;

export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  onStdoutFailure(stdoutFailed);
}

export function stdoutFailed(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  try {
    stderr().write(`loket-asr-setup: ${t('core.err.stdout', { code: error.code ?? String(error) })}\n`);
  } finally {
    process.exit(5);
  }
}
