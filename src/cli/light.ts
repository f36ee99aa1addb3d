/**
 * The one chunk of dist/cli.js that every command there loads: what every command runs through
 * (run.ts: options, context, store, output), the offline commands (status, config and ticket, which
 * themselves start from dist/light.cjs, light-entry.ts, when they can), and below the way to Loket.nl.
 * entry.ts imports this; the build also makes each lazily loaded module of ours import it
 * (scripts/build.ts, oneLightChunk), so that all of it is one chunk: split by esbuild's rule (a chunk
 * per set of entry points that share modules) it was some 20 files, and a file costs a start ~1 ms.
 */
import './run.js';
import './commands/status.js';
import './commands/config.js';
import './commands/ticket.js';
// What a run against Loket.nl needs besides: verify, the session and through them the client and
// the checks. In dist/cli.js's chunk only: status, config and ticket run from dist/light.cjs, which
// is built from light-entry.ts and does not import this file.
import './commands/verify.js';
import '../auth/session.js';
