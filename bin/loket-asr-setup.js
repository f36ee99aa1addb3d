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
// bundle's own handler (src/cli/guard-stdout.ts), which is loaded for it here. Only for the shim's
// own answers: touching process.stdout creates it, which loads Node's stream modules (~3 ms), and a
// command run by the bundle may not need them (src/ui/stdio.ts).
function guardShimStdout() {
  process.stdout.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(0);
    const plain = () => {
      process.stderr.write(`loket-asr-setup: stdout: ${error && error.code ? error.code : error}\n`);
      process.exit(5);
    };
    import('../dist/cli.js').then((cli) => (cli.shimStdoutFailed ? cli.shimStdoutFailed(error, process.argv.slice(2)) : plain()), plain);
  });
}

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
  guardShimStdout();
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

  // status, config, ticket and an unattended verify run from one CommonJS file when they can
  // (src/cli/light-entry.ts): without the ES module loader they start some 7 ms sooner. The word is
  // only a hint; runLight reads the whole command line and says no to anything else (`config reset`,
  // a mistake, help, a verify at a terminal).
  const word = argv.find((arg) => arg === 'status' || arg === 'config' || arg === 'ticket' || arg === 'verify');
  let light;
  if (word && !(word === 'verify' && verifyNotUnattended(flags))) {
    try {
      light = requireLight(word);
    } catch {
      // No light bundle (a source checkout mid-build): dist/cli.js runs every command, and says what is wrong.
    }
  }
  if (light && light.exports.runLight(process.argv)) light.keepCache();
  else runBundle();
}

/**
 * A verify that dist/light.cjs will say no to (unattendedVerify in src/cli/light-entry.ts decides):
 * one with the simulator, or with a terminal on stdout or stderr, goes to dist/cli.js without
 * loading the light file first. Only a hint, and cheap: a character device that is not /dev/null
 * counts as a terminal (asking node:tty would load node:net).
 */
function verifyNotUnattended(flags) {
  if (flags.some((arg) => arg === '--sandbox' || arg === '--replay' || arg.startsWith('--replay='))) return true;
  if (process.env.LOKET_ASR_SETUP_SANDBOX || process.env.LOKET_ASR_SETUP_REPLAY) return true;
  const fs = require('node:fs');
  const maybeTerminal = (fd) => {
    try {
      const stat = fs.fstatSync(fd);
      return stat.isCharacterDevice() && stat.rdev !== fs.statSync('/dev/null').rdev;
    } catch {
      return true;
    }
  };
  return maybeTerminal(1) || maybeTerminal(2);
}

/**
 * require('../dist/light.cjs'), compiled with a V8 code cache: compiling it, and then each function
 * as it first runs, costs a start ~15 ms; reading back what V8 made of it costs 2–4 ms. Node.js 22
 * has this built in (module.enableCompileCache); Node.js 20 does not, so this is the same for one
 * file. A cache per command word (each holds the functions its runs compiled), per Node.js version
 * and per build (the key the build appended to the file; V8 itself checks only the source's length,
 * its version and its flags), written when a run had none or V8 turned it down. Where, and how to turn
 * it off, as Node.js says it: NODE_COMPILE_CACHE=<dir>, NODE_DISABLE_COMPILE_CACHE=1; by default the
 * user's cache folder (README, "The code cache"). A cache is used only when it and its folder are the
 * user's own and only theirs to write (a file someone else could have written is code someone else
 * chose). It holds compiled code of this file, nothing of a run: no input, no progress, no secret.
 */
function requireLight(word) {
  const fs = require('node:fs');
  const path = require('node:path');
  const file = path.join(__dirname, '..', 'dist', 'light.cjs');
  const { source, stamp } = readSource(fs, file);
  const key = /\/\/# cache-key=([0-9a-f]{16})\n$/.exec(source);
  const dir = key ? compileCacheDir(path) : undefined;
  const place = dir && ownFolder(fs, dir);
  const cacheFile = place && path.join(dir, `light-${key[1]}-${word}-${process.version}-${process.arch}.v8`);
  const cachedData = place === 'own' ? cacheFor(readOwnFile(fs, cacheFile), stamp) : undefined;
  const vm = require('node:vm');
  // Node's own CommonJS wrapper, so that the file runs as require() would run it. It is given this
  // file's require: the build lets it require built-ins and packages by name only (scripts/build.ts,
  // buildLightBundle), which resolve alike from bin/ and dist/, and a createRequire() of its own would
  // load node:module (~1 ms).
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, path.dirname(file));
  /** Called when the file ran the command: a run that went on to dist/cli.js would leave a cache of the top level only. */
  const keepCache = () => {
    if (!cacheFile || (cachedData && !script.cachedDataRejected)) return;
    // At exit: by then the cache holds every function the run compiled, not only the top level.
    process.once('exit', () => writeCache(fs, path, dir, cacheFile, key[1], () => Buffer.concat([Buffer.from(stamp), script.createCachedData()])));
  };
  return { exports: mod.exports, keepCache };
}

/**
 * The file's text, and a stamp of the file read (size, modification time, inode) that heads each
 * cache made from it: the build's key names the code, and the stamp catches a file changed since
 * (patched by hand, same length: V8 would run the cached code of the old one).
 */
function readSource(fs, file) {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    return { source: fs.readFileSync(fd, 'utf8'), stamp: `light.cjs ${stat.size} ${stat.mtimeMs} ${stat.ino}\n` };
  } finally {
    fs.closeSync(fd);
  }
}

/** The V8 data of a cache that `stamp` heads; none for a cache of another file. */
function cacheFor(bytes, stamp) {
  if (!bytes || bytes.length <= stamp.length || bytes.toString('latin1', 0, stamp.length) !== stamp) return undefined;
  return bytes.subarray(stamp.length);
}

/** As env-paths' cache folder for the store's name (src/store/index.ts), or NODE_COMPILE_CACHE; none when disabled. */
function compileCacheDir(path) {
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.NODE_COMPILE_CACHE) return path.resolve(env.NODE_COMPILE_CACHE, 'loket-asr-setup');
  // A relative folder (no home, a relative XDG_CACHE_HOME, which the XDG spec says to ignore) would
  // put the cache in whatever folder the command is run from: none then.
  const absolute = (dir) => (dir && path.isAbsolute(dir) ? dir : undefined);
  let home;
  try {
    home = absolute(require('node:os').homedir());
  } catch {
    home = undefined;
  }
  const under = (base, ...parts) => (absolute(base) ? path.join(base, ...parts) : undefined);
  if (process.platform === 'win32') return under(absolute(env.LOCALAPPDATA) || (home && path.join(home, 'AppData', 'Local')), 'loket-asr-setup', 'Cache');
  if (process.platform === 'darwin') return under(home, 'Library', 'Caches', 'loket-asr-setup');
  return under(absolute(env.XDG_CACHE_HOME) || (home && path.join(home, '.cache')), 'loket-asr-setup');
}

/**
 * 'own' for a folder this user owns and no one else may write, 'missing' for one to be made (mode
 * 0700), undefined for any other (a folder others may write holds files others chose): no cache then.
 */
function ownFolder(fs, dir) {
  try {
    const stat = fs.lstatSync(dir);
    return stat.isDirectory() && isOwn(stat) ? 'own' : undefined;
  } catch (error) {
    return error && error.code === 'ENOENT' ? 'missing' : undefined;
  }
}

/** This user's, and no one else's to write (POSIX; on Windows the cache folder is in the user's own profile). */
function isOwn(stat) {
  return !process.getuid || (stat.uid === process.getuid() && (stat.mode & 0o022) === 0);
}

/** The file's bytes when it is the user's own (isOwn). */
function readOwnFile(fs, file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    if (!isOwn(fs.fstatSync(fd))) return undefined;
    return fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes the cache whole or not at all (a reader never sees half a file), and drops those of other
 * builds that were written more than 30 days ago: not younger ones, as two installs of different
 * versions (a global one and one of npx) may take turns, and each would throw out the other's.
 */
function writeCache(fs, path, dir, cacheFile, key, data) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Checked again once made: someone else may have made it (or a link) in a shared parent first.
    if (ownFolder(fs, dir) !== 'own') return;
    // A new file or none ('wx': never through a link or a file someone put there first).
    const temporary = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(temporary, data(), { mode: 0o600, flag: 'wx' });
    fs.renameSync(temporary, cacheFile);
    for (const name of fs.readdirSync(dir)) {
      if (!/^light-[0-9a-f]{16}-/.test(name) || name.startsWith(`light-${key}-`)) continue;
      try {
        const other = path.join(dir, name);
        if (Date.now() - fs.lstatSync(other).mtimeMs > 30 * 24 * 3600 * 1000) fs.rmSync(other, { force: true });
      } catch {
        // Gone already (another run pruned it), or not ours to remove: the next one is looked at all the same.
      }
    }
  } catch {
    // A cache is only ever a saving: a folder that cannot be written (read-only home) costs the next start its ~7 ms, no more.
  }
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
