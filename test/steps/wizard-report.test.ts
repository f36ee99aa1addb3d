/** `npm start` can end with the report in the browser: the wizard's menu offers it once a check is saved. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultReportFile } from '../../src/report/index.js';
import { runWizard } from '../../src/steps/wizard.js';
import { harness, NOW, scriptedPrompter, throughStep, type Harness } from './helpers.js';

// The file is named by the local date of the harness's clock.
const REPORT = defaultReportFile('html', new Date(NOW));

describe('the wizard: open the report', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('not offered before any check; after step 2 checked, it writes the report of that check and opens it', async () => {
    const menus: string[][] = [];
    const opened: string[] = [];
    const prompter = scriptedPrompter([
      [/Gebruikersnaam van de webservicegebruiker/, 'Webservice#01'],
      [
        /Wat wil je nu doen/,
        (choices) => {
          menus.push(choices.map((c) => c.name));
          return choices.find((c) => c.name.startsWith('Rapport openen'))!.value;
        },
      ],
    ]);
    h = await harness({ scenario: 'all-good', prompter, profile: throughStep(1), browser: { available: true, open: (url) => (opened.push(url), true) } });
    expect(existsSync(join(h.dir, 'last-verify.default.json'))).toBe(false);
    const report = await runWizard(h.ctx, { menu: true, report: { dir: h.dir } });
    expect(report.stopped).toBe(true);
    expect(menus[0]).toContain('Rapport openen in de browser en stoppen');
    expect(menus[0]!.at(-1)).toMatch(/^Stoppen/);

    // Step 2's check was kept like verify's, and the report was made from it.
    const saved = JSON.parse(readFileSync(join(h.dir, 'last-verify.default.json'), 'utf8'));
    expect(saved).toMatchObject({ webserviceUser: { userName: 'Webservice#01', found: 'pass' }, summary: { employers: 12, linked: 12 } });
    expect(opened).toHaveLength(1);
    const file = fileURLToPath(opened[0]!);
    expect(file).toBe(join(h.dir, REPORT));
    expect(readFileSync(file, 'utf8')).toContain('data-figure="linked" data-value="12"');
    expect(h.stderr.text).toContain('geopend in je browser');
  });

  it('without a browser the path is given to open by hand', async () => {
    const prompter = scriptedPrompter([
      [/Gebruikersnaam van de webservicegebruiker/, 'Webservice#01'],
      [/Wat wil je nu doen/, (choices) => choices.find((c) => c.name.startsWith('Rapport openen'))!.value],
    ]);
    h = await harness({ scenario: 'all-good', prompter, profile: throughStep(1), browser: { available: true, open: () => false } });
    await runWizard(h.ctx, { menu: true, report: { dir: h.dir } });
    expect(h.stderr.text).toContain(`open het bestand zelf: ${join(h.dir, REPORT)}`);
  });
});
