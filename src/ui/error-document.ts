/**
 * The one JSON document of a failed `--json` run (README "Global options"): written by run.ts for a
 * failing command and by main.ts for a wrong command line, so both look the same.
 */
import { CliError, MissingInputsError, exitCodeOf } from '../errors.js';
import { redact } from '../loket/redact.js';

export function errorDocument(error: unknown, exitCode: number = exitCodeOf(error), complete: (text: string) => string = (text) => text) {
  return {
    ok: false,
    error: {
      exitCode,
      message: complete(redact(error instanceof Error ? error.message : String(error))),
      ...(error instanceof CliError && error.hint ? { hint: complete(redact(error.hint)) } : {}),
      ...(error instanceof MissingInputsError ? { missing: error.missing } : {}),
    },
  };
}
