#!/usr/bin/env node
// Tiny shim: runs before anything else is loaded, so it must work on any Node.js and stay cheap.
// The Node-version message is the one user-facing text outside src/i18n: the catalogues live in
// the bundle, which an old Node.js may not be able to load.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 17)) {
  const english = /^en/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  process.stderr.write(
    english
      ? `loket-asr-setup needs Node.js 20.17 or newer; this is ${process.versions.node}.\n`
      : `loket-asr-setup heeft Node.js 20.17 of nieuwer nodig; dit is ${process.versions.node}.\n`,
  );
  // 5: a problem of this machine, not drift (1) and not a bug (70).
  process.exit(5);
}

// chalk ignores NO_COLOR and decides once, when it loads: settle colour here, before the bundle.
const argv = process.argv.slice(2);
const end = argv.indexOf('--');
const flags = end === -1 ? argv : argv.slice(0, end);
if (
  ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') ||
  process.env.TERM === 'dumb' ||
  flags.includes('--no-color') ||
  flags.includes('--json') ||
  /^(1|true|yes)$/i.test(process.env.LOKET_ASR_SETUP_JSON || '')
) {
  process.env.FORCE_COLOR = '0';
}

// `loket-asr-setup --help | head` closes the pipe early: that is the reader's choice, not an error.
// Any other failure (ENOSPC: a full disk behind `> file`) is said in the user's language by the
// bundle's own listener (src/cli/main.ts); this covers only the moment before it is loaded.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(0);
  if (process.stdout.listenerCount('error') > 1) return;
  process.stderr.write(`loket-asr-setup: stdout: ${error && error.code ? error.code : error}\n`);
  process.exit(5);
});

import('../dist/cli.js').then(
  (cli) => cli.main(process.argv),
  (error) => {
    process.stderr.write(`loket-asr-setup: ${error && error.message ? error.message : error}\n`);
    // 70: the installation is broken (a bug or a damaged install), never mistaken for drift (1).
    process.exit(70);
  },
);
