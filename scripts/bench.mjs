#!/usr/bin/env node
// `npm run bench`: prints the figures of SPEC §12. Not part of `npm test`: timings on a
// busy machine are informative, never pass/fail assertions.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'loket-asr-setup.js');
const runs = Number(process.env.BENCH_RUNS || 21);
const sections = (process.argv[2] || 'all').split(',');
const configDir = mkdtempSync(join(tmpdir(), 'loket-asr-setup-bench-'));
const env = { ...process.env, LOKET_ASR_SETUP_CONFIG_DIR: configDir, CI: 'true', NO_COLOR: '1' };

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const [n, r] of rows.entries()) {
    console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function startup() {
  const cases = {
    'node -e 0': ['-e', '0'],
    '--help': [bin, '--help'],
    '--version': [bin, '--version'],
    status: [bin, 'status'],
  };
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const args of Object.values(cases)) timeOnce(args); // warm the file cache
  // Interleaved, so a burst of load on the machine hits every case alike.
  for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(cases)) times[name].push(timeOnce(args));
  const bare = median(times['node -e 0']);
  console.log(`\nStart-up (median of ${runs} interleaved runs; target: --help ≤ 2.00× bare node)\n`);
  table([
    ['command', 'median ms', 'vs node -e 0'],
    ...Object.entries(times).map(([name, xs]) => [name, median(xs).toFixed(1), `${(median(xs) / bare).toFixed(2)}×`]),
  ]);
}

/** The simulator as a separate process (the built CLI's `sandbox --json`), like a real remote API. */
async function startSimulator(args) {
  const child = spawn(process.execPath, [bin, 'sandbox', '--json', ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  let text = '';
  for await (const chunk of child.stdout) {
    text += chunk;
    try {
      return { child, info: JSON.parse(text) };
    } catch {
      // the document is not complete yet
    }
  }
  throw new Error('the simulator did not start');
}

async function verifyRun(simArgs, concurrency, label) {
  const { child, info } = await startSimulator(simArgs);
  try {
    const rssFile = join(configDir, `rss-${label}`);
    const verifyEnv = {
      ...env,
      // Its own config dir: a profile left by an earlier run would be loaded (and measured) too.
      LOKET_ASR_SETUP_CONFIG_DIR: mkdtempSync(join(configDir, `verify-${label}-`)),
      LOKET_ACCESS_TOKEN: info.accessToken,
      LOKET_WEBSERVICE_USER: 'Webservice#01',
      BENCH_RSS_FILE: rssFile,
    };
    const start = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      [
        '-r',
        join(root, 'scripts', 'rss-probe.cjs'),
        bin,
        'verify',
        '--json',
        '--employers',
        'all',
        '--api-url',
        info.apiUrl,
        '--concurrency',
        String(concurrency),
        '--profile',
        `bench-${label}`,
      ],
      { env: verifyEnv, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' },
    );
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`verify exited ${r.status}: ${r.stderr}`);
    const doc = JSON.parse(r.stdout);
    return { wallMs, doc, rssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * The fewest page rounds a verify of the AK route can take: requests that depend on each other form a
 * chain (E2 → E8 → E9 → E10 → E11 page 1 → E11's other pages), and `--concurrency` requests share
 * each round. A perfect client needs max(chain, requests ÷ concurrency) rounds of one latency each.
 */
const AK_CHAIN_ROUNDS = 6;

async function scale() {
  const latency = 20;
  const concurrency = 8;
  const timed = await verifyRun(['--scenario', 'large', '--employers', '10000', '--latency', String(latency)], concurrency, 'scale');
  const requests = timed.doc.stats?.requests;
  const rounds = requests ? Math.max(AK_CHAIN_ROUNDS, Math.ceil(requests / concurrency)) : undefined;
  const ideal = rounds ? rounds * latency : undefined;
  console.log(
    `\nVerify at scale (simulator: 10,000 employers, ${latency} ms latency; --concurrency ${concurrency}; target ≤ 1.10× ideal = page rounds × latency)\n`,
  );
  table([
    ['employers', 'requests', 'page rounds', 'wall ms', 'ideal ms', 'ratio'],
    [
      timed.doc.summary.employers,
      requests ?? '?',
      rounds ?? '?',
      timed.wallMs.toFixed(0),
      ideal?.toFixed(0) ?? '?',
      ideal ? `${(timed.wallMs / ideal).toFixed(2)}×` : '?',
    ],
  ]);
  const large = await verifyRun(['--scenario', 'large', '--employers', '10000'], concurrency, 'memory');
  console.log(`\nMemory (simulator: 10,000 employers, no latency; target: peak RSS < 80 MB, no forced garbage collection)\n`);
  table([
    ['employers', 'requests', 'wall ms', 'peak RSS MiB'],
    [large.doc.summary.employers, large.doc.stats?.requests ?? '?', large.wallMs.toFixed(0), large.rssMiB.toFixed(1)],
  ]);
}

/** What a user downloads and installs: the tarball, and the packages `npm install` of it brings. */
function footprint() {
  const packDir = mkdtempSync(join(tmpdir(), 'loket-asr-setup-pack-'));
  try {
    // dist/ is already built (the bench runs the built CLI); prepack would only rebuild it.
    const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
      cwd: root,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    const [info] = JSON.parse(pack.stdout);
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', join(packDir, info.filename)], {
      cwd: packDir,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
    const modules = join(packDir, 'node_modules');
    const installed = readdirSync(modules)
      .filter((name) => !name.startsWith('.'))
      .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((sub) => `${name}/${sub}`) : [name]));
    console.log('\nInstalled footprint (npm install of the packed tarball)\n');
    table([
      ['tarball kB', 'unpacked kB', 'files', 'packages installed'],
      [(info.size / 1024).toFixed(0), (info.unpackedSize / 1024).toFixed(0), info.entryCount, `${installed.length} (${installed.join(', ')})`],
    ]);
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

try {
  console.log(`loket-asr-setup bench — Node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`);
  const want = (name) => sections.includes('all') || sections.includes(name);
  if (want('startup')) startup();
  if (want('scale')) await scale();
  if (want('footprint')) footprint();
} finally {
  rmSync(configDir, { recursive: true, force: true });
}
