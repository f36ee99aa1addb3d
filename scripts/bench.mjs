#!/usr/bin/env node
// `npm run bench`: prints the figures of SPEC §12 / issue 5. Not part of `npm test`: timings on a
// busy machine are informative, never pass/fail assertions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

try {
  console.log(`loket-asr-setup bench — Node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`);
  if (sections.includes('all') || sections.includes('startup')) startup();
} finally {
  rmSync(configDir, { recursive: true, force: true });
}
