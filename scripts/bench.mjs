#!/usr/bin/env node
// `npm run bench`: prints the figures of SPEC §12. Not part of `npm test`: timings on a
// busy machine are informative, never pass/fail assertions.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, createServer, get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'loket-asr-setup.js');
const runs = Number(process.env.BENCH_RUNS || 21);
const SCALE_RUNS = Number(process.env.BENCH_SCALE_RUNS || 5);
const sections = (process.argv[2] || 'all').split(',');
const configDir = mkdtempSync(join(tmpdir(), 'loket-asr-setup-bench-'));
// The launcher's code cache (bin/loket-asr-setup.js, requireLight) in a folder of the bench's own,
// written by the first, warming run of each command, as a user's first run writes it.
const env = { ...process.env, LOKET_ASR_SETUP_CONFIG_DIR: configDir, CI: 'true', NO_COLOR: '1', NODE_COMPILE_CACHE: join(configDir, 'compile-cache') };
delete env.NODE_DISABLE_COMPILE_CACHE;

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

/** The environment of every timed run; NODE_EXTRA_CA_CERTS as given, or removed (`unset: true`). */
function envFor(unset, extra = {}) {
  const result = { ...env, ...extra };
  if (unset) delete result.NODE_EXTRA_CA_CERTS;
  return result;
}

function timeOnce(args, runEnv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: runEnv, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}

/**
 * `verify` until its first request: a local server stands in for the API and notes when the first
 * request arrives, then the run is stopped. What a user waits for before anything happens on the wire.
 */
function timeVerifyStart(runEnv, nodeArgs = []) {
  return new Promise((resolve, reject) => {
    let child;
    let start;
    let ms;
    const server = createServer((request, response) => {
      if (ms !== undefined) return;
      ms = Number(process.hrtime.bigint() - start) / 1e6;
      response.destroy();
      // SIGTERM, not SIGKILL: the run releases its lock on the progress file as it stops.
      child.kill('SIGTERM');
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      start = process.hrtime.bigint();
      child = spawn(process.execPath, [...nodeArgs, bin, 'verify', '--json', '--api-url', `http://127.0.0.1:${port}`, '--profile', 'sandbox'], {
        env: { ...runEnv, LOKET_ACCESS_TOKEN: 'bench', LOKET_WEBSERVICE_USER: 'Webservice#01' },
        stdio: 'ignore',
      });
      child.on('exit', (code) => {
        server.close();
        if (ms === undefined) reject(new Error(`verify exited ${code} before its first request`));
        else resolve(ms);
      });
    });
  });
}

/** The JavaScript files one run loads (scripts/load-hooks.mjs), with their bytes; `verify` up to its first request. */
async function loadedBytes(args, runEnv) {
  const list = join(configDir, `loads-${Math.random().toString(16).slice(2)}`);
  const hooks = ['--import', pathToFileURL(join(root, 'scripts', 'load-hooks.mjs')).href];
  const withList = { ...runEnv, BENCH_LOADS_FILE: list };
  if (args) spawnSync(process.execPath, [...hooks, ...args], { env: withList, stdio: 'ignore' });
  else await timeVerifyStart(withList, hooks);
  const files = existsSync(list) ? [...new Set(readFileSync(list, 'utf8').split('\n').filter(Boolean))] : [];
  return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0) };
}

/** Saved progress to read: the wizard, run unattended against the simulator (profile `sandbox`). */
function saveProgress() {
  const r = spawnSync(process.execPath, [bin, '--sandbox', '--non-interactive', '--answers', join(root, 'examples', 'answers.json')], { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`the wizard exited ${r.status} while saving progress for the bench`);
}

const STARTUP_TARGETS = { '--help': 1.3, '--version': 1.3, status: 1.6, 'config get': 1.6, ticket: 1.6, 'verify (first request)': 2 };

async function startup() {
  saveProgress();
  const cases = {
    'node -e 0': ['-e', '0'],
    '--help': [bin, '--help'],
    '--version': [bin, '--version'],
    status: [bin, '--profile', 'sandbox', 'status'],
    'config get': [bin, '--profile', 'sandbox', 'config', 'get', 'office.name'],
    ticket: [bin, '--profile', 'sandbox', 'ticket', 'omgevingscode'],
    'verify (first request)': null,
  };
  // A user's first run of a light command, or any run with NODE_DISABLE_COMPILE_CACHE=1: no code cache.
  const NO_CACHE = ' (no code cache)';
  for (const name of ['status', 'config get', 'ticket']) cases[name + NO_CACHE] = cases[name];
  const ways = [{ unset: true, label: 'NODE_EXTRA_CA_CERTS unset on both sides (the target)' }];
  if (process.env.NODE_EXTRA_CA_CERTS)
    ways.push({ unset: false, label: `NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS} on both sides (this machine)` });
  const bytes = {};
  for (const [name, args] of Object.entries(cases)) if (name !== 'node -e 0' && !name.endsWith(NO_CACHE)) bytes[name] = await loadedBytes(args, envFor(true));
  for (const way of ways) {
    const runEnv = envFor(way.unset);
    const coldEnv = envFor(way.unset, { NODE_DISABLE_COMPILE_CACHE: '1' });
    const once = (name) => (cases[name] ? Promise.resolve(timeOnce(cases[name], name.endsWith(NO_CACHE) ? coldEnv : runEnv)) : timeVerifyStart(runEnv));
    const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    for (const name of Object.keys(cases)) await once(name); // warm the file cache
    // Interleaved, so a burst of load on the machine hits every case alike.
    for (let i = 0; i < runs; i++) for (const name of Object.keys(cases)) times[name].push(await once(name));
    const bare = median(times['node -e 0']);
    console.log(`\nStart-up, ${way.label}: median of ${runs} interleaved runs\n`);
    table([
      ['command', 'median ms', 'vs node -e 0', 'target', 'JS loaded'],
      ...Object.entries(times).map(([name, xs]) => {
        const loaded = bytes[name];
        return [
          name,
          median(xs).toFixed(1),
          `${(median(xs) / bare).toFixed(2)}×`,
          STARTUP_TARGETS[name] ? `≤ ${STARTUP_TARGETS[name].toFixed(1)}×` : name.endsWith(NO_CACHE) ? '(first run)' : '',
          loaded ? `${(loaded.bytes / 1024).toFixed(0)} kB in ${loaded.files} files` : '',
        ];
      }),
    ]);
  }
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

async function withSimulator(simArgs, fn) {
  const { child, info } = await startSimulator(simArgs);
  try {
    return await fn(info);
  } finally {
    child.kill('SIGTERM');
  }
}

async function verifyRun(info, concurrency, label, extraArgs = []) {
  const rssFile = join(configDir, `rss-${label}`);
  const verifyEnv = {
    ...env,
    // Its own config dir: a profile left by an earlier run would be loaded (and measured) too.
    LOKET_ASR_SETUP_CONFIG_DIR: mkdtempSync(join(configDir, `verify-${label}-`)),
    LOKET_ACCESS_TOKEN: info.accessToken,
    LOKET_WEBSERVICE_USER: 'Webservice#01',
    BENCH_RSS_FILE: rssFile,
  };
  const args = ['verify', '--json', '--employers', 'all', '--api-url', info.apiUrl, '--concurrency', String(concurrency), '--profile', `bench-${label}`];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', join(root, 'scripts', 'rss-probe.cjs'), bin, ...args, ...extraArgs], {
    env: verifyEnv,
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`verify exited ${r.status}: ${r.stderr}`);
  const doc = JSON.parse(r.stdout);
  return { wallMs, doc, stderr: r.stderr, rssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

/** The URLs a `--debug` run asked for, in order (its `http GET <url> <status> …` lines). */
function requestedUrls(stderr) {
  return [...stderr.matchAll(/http GET (\S+) \d{3} /g)].map((found) => found[1]);
}

/**
 * The floor under any client on this machine: the very requests of a verify, `concurrency` at a time
 * with no order between them, each answer's bytes read and dropped. What is left above the ideal here
 * is moving the bytes (about 20 MB at 10,000 employers) over loopback, not anything a client decides.
 */
async function bytesOnly(urls, token, concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const fetchOne = (url) =>
    new Promise((resolve, reject) => {
      httpGet(url, { agent, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;version=2018-01-01' } }, (response) => {
        response.on('data', () => undefined);
        response.on('end', resolve);
        response.on('error', reject);
      }).on('error', reject);
    });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) await fetchOne(urls[next++]);
    }),
  );
  agent.destroy();
  return performance.now() - start;
}

/**
 * The memory floor under any client in Node.js on this machine: a process of a few lines that asks
 * for the very requests of a verify, `concurrency` at a time, parses each answer with JSON.parse and
 * keeps one small record per item (id and name) — what any check must at least hold. Its peak RSS.
 */
const BARE_CLIENT = String.raw`
import { Agent, get } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
const [urlsFile, rssFile, concurrency] = process.argv.slice(2);
const urls = readFileSync(urlsFile, 'utf8').split('\n').filter(Boolean);
const agent = new Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const kept = [];
const headers = { Authorization: 'Bearer ' + process.env.BENCH_TOKEN, Accept: 'application/json;version=2018-01-01' };
const fetchOne = (url) => new Promise((resolve, reject) => {
  get(url, { agent, headers }, (response) => {
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('end', () => {
      const page = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const items = Array.isArray(page._embedded) ? page._embedded : [];
      for (const item of items) kept.push({ id: item.id ?? item.employerId, name: item.companyName ?? item.description ?? null });
      resolve();
    });
    response.on('error', reject);
  }).on('error', reject);
});
let next = 0;
await Promise.all(Array.from({ length: Number(concurrency) }, async () => { while (next < urls.length) await fetchOne(urls[next++]); }));
agent.destroy();
writeFileSync(rssFile, String(process.resourceUsage().maxRSS));
`;

function bareClientRss(urls, token, concurrency) {
  const script = join(configDir, 'bare-client.mjs');
  const urlsFile = join(configDir, 'bare-client-urls.txt');
  const rssFile = join(configDir, 'bare-client-rss');
  writeFileSync(script, BARE_CLIENT);
  writeFileSync(urlsFile, urls.join('\n'));
  const r = spawnSync(process.execPath, [script, urlsFile, rssFile, String(concurrency)], { env: { ...env, BENCH_TOKEN: token }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the bare client failed: ${r.stderr}`);
  return Number(readFileSync(rssFile, 'utf8')) / 1024;
}

/**
 * The fewest page rounds a verify of the AK route can take: requests that depend on each other form a
 * chain (E2 → E8 → E9 → E10 → E11 page 1 → E11's other pages), and `--concurrency` requests share
 * each round. A perfect client needs max(chain, requests ÷ concurrency) rounds of one latency each.
 */
const AK_CHAIN_ROUNDS = 6;

/**
 * A first run warms the simulator (it keeps the answers it gave, as a warm server would) and tells
 * which requests a verify makes; then SCALE_RUNS timed runs, each followed by its floor (`floor`,
 * given those requests). The medians count.
 */
async function warmThenMeasure(info, concurrency, label, floor) {
  const warm = await verifyRun(info, concurrency, `${label}-warm`, ['--debug']);
  const urls = requestedUrls(warm.stderr);
  const runs = [];
  const floors = [];
  for (let i = 0; i < SCALE_RUNS; i++) {
    runs.push(await verifyRun(info, concurrency, `${label}-${i}`));
    floors.push(await floor(urls));
  }
  return { runs, floors };
}

async function scale() {
  const latency = 20;
  const concurrency = 8;
  await withSimulator(['--scenario', 'large', '--employers', '10000', '--latency', String(latency)], async (info) => {
    const { runs: timed, floors } = await warmThenMeasure(info, concurrency, 'scale', (urls) => bytesOnly(urls, info.accessToken, concurrency));
    const networkMs = median(timed.map((run) => run.doc.stats?.networkMs ?? NaN));
    const floorMs = median(floors);
    const requests = timed[0].doc.stats?.requests;
    const rounds = requests ? Math.max(AK_CHAIN_ROUNDS, Math.ceil(requests / concurrency)) : undefined;
    const ideal = rounds ? rounds * latency : undefined;
    console.log(
      `\nVerify at scale (simulator: 10,000 employers, ${latency} ms latency, warm; --concurrency ${concurrency}; median of ${SCALE_RUNS} runs; target: on the wire ≤ 1.10× ideal = page rounds × latency)\n`,
    );
    table([
      ['employers', 'requests', 'page rounds', 'ideal ms', 'bytes only ms', 'on the wire ms', 'vs ideal', 'vs bytes only', 'whole run ms'],
      [
        timed[0].doc.summary.employers,
        requests ?? '?',
        rounds ?? '?',
        ideal?.toFixed(0) ?? '?',
        `${floorMs.toFixed(0)} (${ideal ? (floorMs / ideal).toFixed(2) : '?'}×)`,
        networkMs.toFixed(0),
        ideal ? `${(networkMs / ideal).toFixed(2)}×` : '?',
        `${(networkMs / floorMs).toFixed(2)}×`,
        median(timed.map((run) => run.wallMs)).toFixed(0),
      ],
    ]);
    console.log(
      "(on the wire: the client's stats.networkMs, first request sent to last answer received; bytes only: the same requests without a client's work (see bytesOnly); the whole run adds start-up and the report)",
    );
  });
  await withSimulator(['--scenario', 'large', '--employers', '10000'], async (info) => {
    const { runs, floors: bare } = await warmThenMeasure(info, concurrency, 'memory', async (urls) => bareClientRss(urls, info.accessToken, concurrency));
    const mb = (mib) => ((mib * 1024 * 1024) / 1e6).toFixed(1);
    console.log(
      `\nMemory (simulator: 10,000 employers, no latency, warm; median of ${SCALE_RUNS} runs; target: peak RSS < 80 MB, no forced garbage collection)\n`,
    );
    table([
      ['employers', 'requests', 'wall ms', 'peak RSS MiB', 'peak RSS MB', 'bare client MB'],
      [
        runs[0].doc.summary.employers,
        runs[0].doc.stats?.requests ?? '?',
        median(runs.map((run) => run.wallMs)).toFixed(0),
        median(runs.map((run) => run.rssMiB)).toFixed(1),
        mb(median(runs.map((run) => run.rssMiB))),
        mb(median(bare)),
      ],
    ]);
    console.log('(bare client: the same requests from a script of a few lines that parses each answer and keeps an id and a name per item; see BARE_CLIENT)');
  });
}

/** What a user downloads and installs: the tarball, and the packages `npm install` of it brings. */
function footprint() {
  const packDir = mkdtempSync(join(tmpdir(), 'loket-asr-setup-pack-'));
  try {
    // With its scripts, as `npm publish` packs: prepack builds and takes `prepare` out (scripts/pack.mjs).
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', packDir], {
      cwd: root,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
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
    const licences = info.files.some((file) => file.path === 'THIRD_PARTY_LICENSES');
    const warned = /install-scripts|prepare/.test(install.stderr);
    console.log('\nInstalled footprint (npm install of the packed tarball; target: tarball < 400 kB)\n');
    table([
      ['tarball kB', 'unpacked kB', 'files', 'THIRD_PARTY_LICENSES', 'install scripts warned', 'packages installed'],
      [
        (info.size / 1000).toFixed(1),
        (info.unpackedSize / 1000).toFixed(0),
        info.entryCount,
        licences ? 'yes' : 'MISSING',
        warned ? 'yes' : 'no',
        `${installed.length} (${installed.join(', ')})`,
      ],
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
  if (want('startup')) await startup();
  if (want('scale')) await scale();
  if (want('footprint')) footprint();
} finally {
  rmSync(configDir, { recursive: true, force: true });
}
