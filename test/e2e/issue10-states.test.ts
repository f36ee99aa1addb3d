/**
 * Step states that follow the manual (issue 10, item 13), through the built CLI and the simulator:
 * step 1 is sent → waiting on Loket.nl → done once Loket added Benefits-Plaza, and "sent" may come
 * before Loket's ticket number; a confirmation records a person, never the OS account; an excluded
 * employer leaves the verify scope; step 5's state follows the selection and the links.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir, EXAMPLE_ANSWERS as EXAMPLE } from '../helpers/cli.js';

/** The OS account a confirmation must not be recorded under. */
const OS_ACCOUNT = { USER: 'beheerder42', LOGNAME: 'beheerder42', USERNAME: 'beheerder42' };

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const cli = (args: string[]) => runCli(['--sandbox', ...args], dir.path, { env: OS_ACCOUNT });
const status = async () => JSON.parse((await cli(['status', '--json'])).stdout);
const saved = () => JSON.parse(readFileSync(join(dir.path, 'config.json'), 'utf8')).profiles.sandbox;

describe('step 1: sent, waiting on Loket.nl, done once Loket.nl added Benefits-Plaza', () => {
  it('"sent" without a ticket number waits on Loket.nl; the number comes later; Loket\'s answer makes it done, recorded by the contact', async () => {
    const office = ['--office-name', 'Kantoor B', '--contact-name', 'Bea Bos', '--contact-email', 'bea@kantoorb.example', '--contact-phone', '0201234567'];
    const sent = await cli(['step', '1', '--non-interactive', ...office, '--webservicepartij-sent', '2020-10-05']);
    expect(sent.code, sent.stderr).toBe(1);
    let doc = await status();
    expect(doc.steps['1']).toBe('in-progress');
    expect(doc.overview[0]).toMatchObject({ id: '1', waitingOn: 'loket', since: '2020-10-05T00:00:00.000Z', references: [] });

    const numbered = await cli(['step', '1', '--non-interactive', '--webservicepartij-ticket', 'LKT-2020-10388']);
    expect(numbered.code, numbered.stderr).toBe(1);
    doc = await status();
    expect(doc.overview[0]).toMatchObject({ waitingOn: 'loket', references: ['LKT-2020-10388'] });

    const added = await cli(['step', '1', '--non-interactive', '--webservicepartij-added', '2020-10-12']);
    expect(added.code, added.stderr).toBe(0);
    expect((await status()).steps['1']).toBe('done');
    expect(saved().tickets.webservicepartij).toMatchObject({
      sentAt: '2020-10-05T00:00:00.000Z',
      loketTicketNumber: 'LKT-2020-10388',
      answeredAt: '2020-10-12T00:00:00.000Z',
      answeredBy: 'Bea Bos',
    });
    expect(readFileSync(join(dir.path, 'config.json'), 'utf8')).not.toContain(OS_ACCOUNT.USER);
  });

  it('the whole set-up: every confirmation names the contact person, none the OS account', async () => {
    const run = await cli(['--answers', EXAMPLE]);
    expect(run.code, run.stderr).toBe(0);
    const profile = saved();
    expect(profile.confirmations.length).toBeGreaterThan(0);
    for (const confirmation of profile.confirmations) expect(confirmation.by).toBe('Jan de Vries');
    expect(profile.tickets.webservicepartij.answeredBy).toBe('Jan de Vries');
    expect(readFileSync(join(dir.path, 'config.json'), 'utf8')).not.toContain(OS_ACCOUNT.USER);
  });
});

describe('step 5 and the verify scope follow the selection and the links', () => {
  it('adding an unlinked employer takes step 5 out of "done"; signing it up anyway needs attention; excluding it ends both the wait and its place in verify', async () => {
    expect((await cli(['--answers', EXAMPLE])).code).toBe(0);
    expect((await status()).steps['5']).toBe('done');

    // 20008 is not linked to the webservice user in the simulator's default office.
    expect((await cli(['employers', 'select', '--add', '20008'])).code).toBe(0);
    expect((await status()).steps['5']).toBe('in-progress');
    const checked = await cli(['verify', '--employers', 'selected', '--json']);
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout).employers.find((e: { employerNumber: number }) => e.employerNumber === 20008)).toMatchObject({
      required: true,
      linked: 'fail',
    });

    const forced = await cli(['employers', 'mark', '20008', 'signed-up', '--force', '--reason', 'koppeling volgt deze week']);
    expect(forced.code, forced.stderr).toBe(0);
    // Never "done" beside a row that says "not linked".
    expect((await status()).steps['5']).toBe('attention');

    expect((await cli(['employers', 'mark', '20008', 'excluded'])).code).toBe(0);
    expect((await status()).steps['5']).toBe('done');
    const scoped = await cli(['verify', '--employers', 'selected', '--json']);
    expect(scoped.code, scoped.stderr).toBe(0);
    const doc = JSON.parse(scoped.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.employers.find((e: { employerNumber: number }) => e.employerNumber === 20008)).toMatchObject({ required: false });
  });

  it('an answers file that excludes an employer: out of scope from the first run', async () => {
    const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    answers.employers['20008'] = { status: 'excluded', note: 'neemt de salariskoppeling niet af' };
    const file = join(dir.path, 'answers.json');
    writeFileSync(file, JSON.stringify(answers));
    expect((await cli(['--answers', file])).code).toBe(0);
    const doc = JSON.parse((await cli(['verify', '--employers', 'selected', '--json'])).stdout);
    expect(doc.employers.filter((e: { required: boolean }) => e.required).map((e: { employerNumber: number }) => e.employerNumber)).not.toContain(20008);
  });
});
