#!/usr/bin/env node
// Tiny shim: runs before anything else is loaded, so it must work on any Node.js and stay cheap.
// It is CommonJS (bin/package.json): starting Node's ES module loader costs as much as the rest of
// `--version`, so `--version` and `--help` are answered here and only a real command imports dist/.
// The Node-version message is the one user-facing text outside src/i18n: the catalogues live in
// the bundle, which an old Node.js may not be able to load.
'use strict';
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

// `loket-asr-setup --help | head` closes the pipe early: that is the reader's choice, not an error.
// Any other failure (ENOSPC: a full disk behind `> file`) is said in the user's language by the
// bundle's own listener (src/cli/guard-stdout.ts); this covers only the moment before it is loaded.
// When the shim answered (--help, --version) the bundle is not loaded: it is, to say it in its words.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(0);
  if (process.stdout.listenerCount('error') > 1) return;
  const plain = () => {
    process.stderr.write(`loket-asr-setup: stdout: ${error && error.code ? error.code : error}\n`);
    process.exit(5);
  };
  import('../dist/cli.js').then((cli) => (cli.shimStdoutFailed ? cli.shimStdoutFailed(error, process.argv.slice(2)) : plain()), plain);
});

const argv = process.argv.slice(2);

/**
 * `--version`, and `--help` / `help` for any command, from the texts the build wrote with commander
 * itself (dist/help.<lang>.json, see tsup.config.ts). Anything else, or any doubt (an unknown
 * language, a terminal narrower than the texts), goes to commander.
 */
function fastPath() {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    return `${require('../package.json').version}\n`;
  }
  // [command…] --help or help [command], with --lang anywhere; nothing else.
  const words = [];
  let lang = process.env.LOKET_ASR_SETUP_LANG || undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang' && i + 1 < argv.length) lang = argv[++i];
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else if ((arg === '--help' || arg === '-h') && !help) help = true;
    else if (/^[a-z]+$/.test(arg) && !help) words.push(arg);
    else return undefined;
  }
  // `help config get` is the help of `config get` (src/cli/main.ts's help command: a level per word).
  if (words[0] === 'help' && !help) {
    words.shift();
    help = true;
  }
  if (!help) return undefined;
  // As src/i18n detectLang(): --lang or LOKET_ASR_SETUP_LANG, else a locale starting with "en".
  if (lang === undefined) lang = /^en/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'en' : 'nl';
  if (lang !== 'nl' && lang !== 'en') return undefined;
  if (process.stdout.isTTY && process.stdout.columns < 80) return undefined;
  let texts;
  try {
    texts = require(`../dist/help.${lang}.json`);
  } catch {
    return undefined;
  }
  return Object.prototype.hasOwnProperty.call(texts, words.join(' ')) ? texts[words.join(' ')] : undefined;
}

const answer = fastPath();
if (answer !== undefined) {
  process.stdout.write(answer);
} else {
  // ora's chalk ignores NO_COLOR and decides once, when it loads: settle colour here, before the bundle.
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

  // status, config and ticket run from one CommonJS file when they can (src/cli/light-entry.ts):
  // without the ES module loader they start some 7 ms sooner. The word is only a hint; runLight reads
  // the whole command line and says no to anything else (`config reset`, a mistake, help).
  let light;
  if (argv.some((arg) => arg === 'status' || arg === 'config' || arg === 'ticket')) {
    try {
      light = require('../dist/light.cjs');
    } catch {
      // No light bundle (a source checkout mid-build): dist/cli.js runs every command, and says what is wrong.
    }
  }
  if (!light || !light.runLight(process.argv)) runBundle();
}

function runBundle() {
  import('../dist/cli.js').then(
    (cli) => cli.main(process.argv),
    (error) => {
      process.stderr.write(`loket-asr-setup: ${error && error.message ? error.message : error}\n`);
      // 70: the installation is broken (a bug or a damaged install), never mistaken for drift (1).
      process.exit(70);
    },
  );
}
