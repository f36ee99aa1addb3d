#!/usr/bin/env node
/**
 * Renders docs/rapport.png, the picture of the report in the README: the built CLI takes the
 * simulator's office part of the way through the five steps (examples/answers.json, with a.s.r.
 * still to confirm one employer), checks every employer, writes the report, and headless Chromium
 * (Debian's package) photographs its top. Run after `npm run build`: node scripts/report-screenshot.mjs
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'loket-asr-setup.js');
const out = join(root, 'docs', 'rapport.png');
const work = mkdtempSync(join(tmpdir(), 'loket-asr-setup-shot-'));
const env = { ...process.env, LOKET_ASR_SETUP_CONFIG_DIR: join(work, 'config'), CI: 'true', LANG: 'nl_NL.UTF-8' };
for (const key of Object.keys(env)) if (/^LOKET_(?!ASR_SETUP_CONFIG_DIR)/.test(key)) delete env[key];

try {
  const answers = JSON.parse(readFileSync(join(root, 'examples', 'answers.json'), 'utf8'));
  // One employer signed up and waiting for a.s.r., one that asked but is not linked yet.
  answers.employers = {
    20002: { status: 'confirmed', requestedAt: '2026-10-29' },
    '434338710L01': { status: 'signed-up', requestedAt: '2026-10-30' },
    20008: { status: 'requested', requestedAt: '2026-11-02' },
    20013: { status: 'excluded', note: 'geen loonheffingennummer in Loket.nl' },
  };
  const answersFile = join(work, 'answers.json');
  writeFileSync(answersFile, JSON.stringify(answers));
  // The wizard ends "in progress" (exit 1): step 5 waits for a.s.r.
  spawnSync(process.execPath, [bin, '--sandbox', '--non-interactive', '--answers', answersFile], { env, stdio: 'ignore' });
  spawnSync(process.execPath, [bin, '--sandbox', 'verify'], { env, stdio: 'ignore' });
  const report = join(work, 'rapport.html');
  execFileSync(process.execPath, [bin, '--sandbox', 'report', '--out', report], { env, stdio: 'ignore' });

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 900, height: 1525 } });
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: out });
  await browser.close();
  console.log(out);
} finally {
  rmSync(work, { recursive: true, force: true });
}
