/**
 * The HTML report in a real browser (issue 11): the built CLI runs `verify` against the simulator,
 * then `report`; headless Chromium (Debian's package, which .ci/run installs) opens the file and
 * renders it to PDF. Checked: no console error and no request beyond the file itself, the figures
 * on the page equal those of `verify --json` and `status --json`, and at A4's printable width
 * nothing runs off the page — also with 300 employers.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle, type ScenarioName } from '../../src/sandbox/server.js';
import { runCli, tempDir } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (Debian: apt-get install chromium; .ci/run installs it where it can)`);

/** A4 (210 mm) less the report's 12 mm side margins, at CSS's 96 px per inch. */
const A4_PRINTABLE_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);

type Doc = Record<string, any>;

interface Rendered {
  doc: Doc;
  status: Doc;
  figures: Record<string, number>;
  shownCards: Record<string, number>;
  consoleErrors: string[];
  requests: string[];
  overflow: { page: boolean; tables: number[] };
  employerRows: number;
  pdf: string;
}

describe.skipIf(!available)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  const dir = tempDir('loket-asr-setup-browser-');
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    dir.remove();
  });

  async function render(scenario: ScenarioName, options: { employers?: number; lang?: 'nl' | 'en' } = {}): Promise<Rendered> {
    const sandbox: SandboxHandle = await startSandbox({ scenario, ...(options.employers ? { employers: options.employers } : {}) });
    const config = join(dir.path, scenario);
    const env = {
      LOKET_ACCESS_TOKEN: sandbox.accessToken,
      LOKET_WEBSERVICE_USER: 'Webservice#01',
      ...(options.lang ? { LOKET_ASR_SETUP_LANG: options.lang } : {}),
    };
    try {
      const verified = await runCli(['verify', '--json', '--employers', 'all', '--api-url', sandbox.apiUrl], config, { env, timeoutMs: 60_000 });
      expect([0, 1], verified.stderr).toContain(verified.code);
      const doc = JSON.parse(verified.stdout) as Doc;
      const status = JSON.parse((await runCli(['status', '--json'], config, { env })).stdout) as Doc;
      const file = join(dir.path, `${scenario}.html`);
      const reported = await runCli(['report', '--out', file], config, { env });
      expect(reported.code, reported.stderr).toBe(0);
      expect(reported.stdout.trim()).toBe(file);

      const page = await browser.newPage({ viewport: { width: A4_PRINTABLE_WIDTH, height: 1100 } });
      const consoleErrors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
      page.on('request', (request) => requests.push(request.url()));
      await page.emulateMedia({ media: 'print' });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      const figures = await page.$$eval('[data-figure]', (els) =>
        Object.fromEntries(els.map((el) => [(el as HTMLElement).dataset.figure!, Number((el as HTMLElement).dataset.value)])),
      );
      // What a person reads on the card, not only the attribute.
      const shownCards = await page.$$eval('.card', (els) =>
        Object.fromEntries(els.map((el) => [(el as HTMLElement).dataset.figure!, Number(el.querySelector('.value')!.textContent)])),
      );
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        tables: [...document.querySelectorAll('table')].map((table) => table.scrollWidth - table.parentElement!.clientWidth).filter((excess) => excess > 1),
      }));
      const employerRows = await page.$$eval('section.employers tbody tr', (rows) => rows.length);
      const pdf = join(dir.path, `${scenario}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      await page.close();
      return { doc, status, figures, shownCards, consoleErrors, requests, overflow, employerRows, pdf };
    } finally {
      await sandbox.close();
    }
  }

  function expectFiguresOf(r: Rendered): void {
    const { doc } = r;
    const count = (linked: string) => doc.employers.filter((e: Doc) => e.linked === linked).length;
    const needsAction = doc.employers.filter((e: Doc) => (e.required && e.linked !== 'pass') || e.problems.some((p: Doc) => p.severity !== 'info')).length;
    const expected = {
      linked: doc.summary.linked,
      'to-fix': doc.summary.failed,
      unverifiable: doc.summary.unverifiable,
      confirmed: r.status.employers?.byStatus.confirmed ?? 0,
    };
    expect(r.shownCards).toEqual(expected);
    expect(r.figures).toMatchObject({
      ...expected,
      'loket-linked': count('pass'),
      'loket-not-linked': count('fail'),
      'loket-unverifiable': count('unverifiable'),
      actions: needsAction,
      employers: doc.employers.length,
    });
  }

  function expectCleanRender(r: Rendered): void {
    expect(r.consoleErrors).toEqual([]);
    // The file itself and nothing else: no font, script or image from anywhere.
    expect(r.requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(r.requests).toHaveLength(1);
    expect(r.overflow).toEqual({ page: false, tables: [] });
    expect(readFileSync(r.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(r.pdf).size).toBeGreaterThan(10_000);
  }

  it('default scenario: its figures equal the JSON documents, two employers to fix, clean render and PDF', async () => {
    const r = await render('default');
    expect(r.doc.summary).toMatchObject({ employers: 12, linked: 10, failed: 2 });
    expectFiguresOf(r);
    expectCleanRender(r);
    expect(r.employerRows).toBe(12);
  });

  it('large scenario with 300 employers (in English): every employer listed, the figures equal, nothing wider than A4', async () => {
    const r = await render('large', { employers: 300, lang: 'en' });
    expect(r.doc.summary.employers).toBe(300);
    expectFiguresOf(r);
    expectCleanRender(r);
    expect(r.employerRows).toBe(300);
    // 300 rows do not fit one page: the PDF has several.
    const pages = readFileSync(r.pdf, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(3);
  });
});
