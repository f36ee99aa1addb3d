#!/usr/bin/env node
/**
 * Records the replay fixtures in test/fixtures/dumps/<name>/ (issue 14; README "Recording a dump").
 *
 *   npm run build && node scripts/record-dumps.mjs            # every fixture
 *   npm run build && node scripts/record-dumps.mjs all-good   # only these
 *
 * Each fixture is one `verify --json --dump` run of the BUILT CLI against the simulator
 * (`sandbox --scenario <name>` as a separate process), exactly as an office records one against
 * Loket.nl: the run directory's answer files (redacted by the dump writer) and verdicts.json are
 * copied into the fixture directory, with fixture.json (the verify flags, the exit code, what the
 * contract prescribes) and a README.md.
 *
 * The fixtures for the shapes loket-api.md calls [uncertain] are recorded the same way, through a
 * small rewriting proxy between the CLI and the simulator that plays the other reading of the
 * contract (an `_embedded` object, `totalPages: 0`, team items without `isLinked`, a 400 to the
 * Accept version…). So the dump holds the edited answers *and* every request the client made
 * because of them, and re-recording after a simulator change keeps them consistent. What each edit
 * does is in its README.md; their expected verdicts are checked against what the contract
 * prescribes (`sameVerdictsAs`, `expect` in fixture.json), not just against the tool's own output.
 *
 * Not recorded: `large` (its point is scale, measured by `npm run bench`; its paging is covered by
 * `small-pages`, which pages 12 employers 5 at a time, without 1 MB of fixtures). `flaky` is
 * recorded: the simulator's faults are seeded per request path, so the run is the same every
 * time; a dropped connection has no answer and so is not in the dump, and Retry-After (a header)
 * is not recorded, so the replay retries the recorded 429 with the client's own backoff.
 *
 * Every run uses --concurrency 1 so that the files are numbered the same on every recording.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'loket-asr-setup.js');
const OUT = join(ROOT, 'test', 'fixtures', 'dumps');
const USER = 'Webservice#01';
const TEAM = 'Benefits-Plaza';
const ARGS = ['--webservice-user', USER, '--employers', 'all', '--concurrency', '1'];

// ---------------------------------------------------------------------------------------------
// Edits: the other reading of an [uncertain] point, played by the proxy.

const ROUTES = {
  E3: /^\/providers\/employers$/i,
  E3b: /^\/providers\/[^/]+\/employers\/minimized$/i,
  E4b: /^\/providers\/employers\/administrations$/i,
  E8: /^\/providers\/(?!employers$|users$)[^/]+\/users$/i,
  E9: /^\/providers\/users\/[^/]+\/authorizationgroups$/i,
  E10: /^\/providers\/authorizationgroups\/[^/]+\/users$/i,
  E11: /^\/providers\/authorizationgroups\/[^/]+\/employers$/i,
};
const is = (request, ...routes) => routes.some((route) => ROUTES[route].test(request.below));
const isList = (body) => body !== null && typeof body === 'object' && 'totalPages' in body;
const items = (body) => (Array.isArray(body._embedded) ? body._embedded : body._embedded ? [body._embedded] : []);
const VERSION = { obsoleteDate: null, resourceVersion: '2018-01-01' };
/** Loket's badRequestCollection (loket-api.md §4). */
const badRequest = (description) => ({
  status: 400,
  body: {
    totalSize: 0,
    pageSize: 0,
    totalPages: 0,
    currentPage: 0,
    version: VERSION,
    messages: [{ type: 'BrokenBusinessRule', description, id: null, code: 12, properties: [] }],
    _embedded: [],
  },
});
/** A list whose items were filtered here: the totals follow. */
const withItems = (body, list) => ({ ...body, totalSize: list.length, totalPages: Math.ceil(list.length / (body.pageSize || 250)), _embedded: list });
const linkedOnly = (response) =>
  response.status === 200 && isList(response.body)
    ? {
        ...response,
        body: withItems(
          response.body,
          items(response.body).filter((item) => item.isLinked === true),
        ),
      }
    : response;
const withoutIsLinked = (response) =>
  response.status === 200 && isList(response.body)
    ? { ...response, body: { ...response.body, _embedded: items(response.body).map(({ isLinked: _dropped, ...item }) => item) } }
    : response;

const EDITS = {
  /** E10 `_embedded` as a single object, as the spec declares it. */
  'e10-embedded-object': async (request, forward) => {
    const response = await forward();
    if (!is(request, 'E10') || response.status !== 200 || items(response.body).length !== 1) return response;
    return { ...response, body: { ...response.body, _embedded: items(response.body)[0] } };
  },
  /** E9 lists only the teams the user is in; every empty list says totalPages 0, currentPage 0 and has no _embedded. */
  'empty-list-total-pages-0': async (request, forward) => {
    const response = is(request, 'E9') ? linkedOnly(await forward()) : await forward();
    if (response.status !== 200 || !isList(response.body) || items(response.body).length > 0) return response;
    const { _embedded: _none, ...rest } = response.body;
    return { ...response, body: { ...rest, totalSize: 0, totalPages: 0, currentPage: 0 } };
  },
  /** Team lists (E9, E10, E11) return only members, not every candidate with isLinked false. */
  'members-only-team-lists': async (request, forward) => (is(request, 'E9', 'E10', 'E11') ? linkedOnly(await forward()) : forward()),
  /** E10/E11 know no isLinked: the filter is refused, and the items (only members) carry no flag. */
  'team-items-without-islinked': async (request, forward) => {
    if (!is(request, 'E10', 'E11')) return forward();
    if (request.query.has('filter')) return badRequest('Invalid filter: unknown field isLinked');
    return withoutIsLinked(await forward({ filter: 'isLinked eq true' }));
  },
  /** E11 knows no isLinked and lists every candidate: its totalSize cannot be matched to the team's counter. */
  'team-items-without-islinked-mismatch': async (request, forward) => {
    if (!is(request, 'E11')) return forward();
    if (request.query.has('filter')) return badRequest('Invalid filter: unknown field isLinked');
    return withoutIsLinked(await forward());
  },
  /** E8 refuses the date version (it only declares SSO_gebruiker), as text/plain; without a version it answers. */
  'e8-version-400': async (request, forward) => {
    if (is(request, 'E8') && request.version === '2018-01-01')
      return { status: 400, body: "Invalid resource version '2018-01-01' in the Accept header", contentType: 'text/plain; charset=utf-8' };
    return forward();
  },
  /** E8 does not list the SOAP webservice user (loket-api.md §1: REST may not show it). */
  'e8-hides-user': async (request, forward) => {
    const response = await forward();
    if (!is(request, 'E8') || response.status !== 200 || !isList(response.body)) return response;
    return {
      ...response,
      body: withItems(
        response.body,
        items(response.body).filter((user) => user.userName !== USER),
      ),
    };
  },
  /** A server that caps pageSize at 5 (loket-api.md §4: trust the answer's totals, not the request). */
  'small-pages': async (request, forward) => {
    if (!is(request, 'E3', 'E3b', 'E4b', 'E11')) return forward();
    const size = 5;
    const pageNumber = Number(request.query.get('pageNumber') ?? '1');
    const whole = await forward({ pageNumber: '1', pageSize: '250' });
    if (whole.status !== 200 || !isList(whole.body)) return whole;
    const list = items(whole.body);
    return {
      ...whole,
      body: {
        ...whole.body,
        totalSize: list.length,
        pageSize: size,
        totalPages: Math.ceil(list.length / size),
        currentPage: pageNumber,
        _embedded: list.slice((pageNumber - 1) * size, pageNumber * size),
      },
    };
  },
  /** Loket's URLs have two /v2 (the spec intro's reading): /v2/<list> is a bodiless 404, /v2/v2/<list> answers. */
  'v2-prefix-fallback': async (request, forward) => {
    if (request.doubled) return forward();
    if (/^\/(user|providers|authorizationmodel)$/i.test(request.below)) return forward();
    return { status: 404, body: null };
  },
};

// ---------------------------------------------------------------------------------------------
// The fixtures. `expect` is what the contract prescribes (a part of the verify document);
// `sameVerdictsAs`: the edit must not change the verdict at all.

const FIXTURES = [
  {
    name: 'default',
    scenario: 'default',
    shows:
      'The AK route with one of everything: team "Benefits-Plaza" holds Webservice#01, p.jansen and 10 of the 12 employers; one employer without and one with an invalid loonheffingennummer; one employer the logged-in user cannot see (E3b).',
    prescribed:
      'With `--employers all`: the user is found in E8 (pass); the two employers outside the team fail (NOT_LINKED), because every linked team was read completely; the shared team is a warning; exit 1.',
    expect: {
      ok: false,
      webserviceUser: { found: 'pass', source: 'E8' },
      route: 'ak-team',
      summary: { employers: 12, linked: 10, failed: 2, unverifiable: 0, notVisible: 1 },
    },
  },
  {
    name: 'all-good',
    scenario: 'all-good',
    shows: 'Everything in order: Webservice#01 is the only member of team "Benefits-Plaza", which holds all 12 employers.',
    prescribed: 'Pass for the user and every employer; exit 0.',
    expect: { ok: true, webserviceUser: { found: 'pass' }, summary: { employers: 12, linked: 12, failed: 0, unverifiable: 0, warnings: 0 } },
  },
  {
    name: 'none-linked',
    scenario: 'none-linked',
    shows: 'Webservice#01 is a provider user in no team (E9 lists both teams with isLinked false).',
    prescribed: "The user is found, but reaches no employer: the manual's hard failure (NONE_REACHABLE), every required employer fails; exit 1.",
    expect: { ok: false, reachable: 'fail', summary: { linked: 0, failed: 12 } },
  },
  {
    name: 'werkgevergebruiker',
    scenario: 'werkgevergebruiker',
    shows: 'Webservice#01 is an employer user (E12) linked to 3 employers, read through E15. E8 filtered on its name is an empty list with `totalPages: 0`.',
    prescribed: 'Found as an employer user (route werkgevergebruiker); the 3 linked employers pass, the other 9 required ones fail; exit 1.',
    expect: {
      ok: false,
      route: 'werkgevergebruiker',
      webserviceUser: { found: 'pass', kind: 'employer-user', source: 'E12' },
      summary: { linked: 3, failed: 9 },
    },
  },
  {
    name: 'hidden-user',
    scenario: 'hidden-user',
    args: ['--team', TEAM],
    shows: 'Webservice#01 is in no user list (E8, the named team\'s E10, E12); team "Benefits-Plaza" exists and is named with --team.',
    prescribed:
      "Unverifiable, never fail: the user is not visible (USER_NOT_FOUND), and the named team's employers are information only; exit 1 (without --allow-unverifiable).",
    expect: { ok: false, webserviceUser: { found: 'unverifiable' }, summary: { failed: 0 } },
  },
  {
    name: 'team-read-fails',
    scenario: 'team-read-fails',
    shows: "Webservice#01 is in two teams; the second team's employer list (E11) answers 500 without a body.",
    prescribed: "The first team's 8 employers pass; the 4 others are unverifiable (not fail), because a team could not be read; exit 1.",
    expect: { ok: false, summary: { linked: 8, failed: 0, unverifiable: 4 } },
  },
  {
    name: 'no-rights',
    scenario: 'no-rights',
    shows: 'The logged-in user gets 403 on provider users, teams and employer users (E8–E13, E15, E5).',
    prescribed: 'Unverifiable, naming the refused activities and the rights that grant them (E14); nothing fails; exit 1.',
    expect: { ok: false, webserviceUser: { found: 'unverifiable' }, summary: { failed: 0 } },
  },
  {
    name: 'flaky',
    scenario: 'flaky',
    shows:
      'all-good, but about 30% of the requests first answered 502/503/504 or 429 (seeded, so the same on every recording). The retried answers are in the dump in recorded order; dropped connections are not (they have no answer).',
    prescribed: 'The retries get through: the same verdict as all-good; exit 0.',
    sameVerdictsAs: 'all-good',
    expect: { ok: true },
  },
  {
    name: 'e10-embedded-object',
    scenario: 'all-good',
    edit: 'e10-embedded-object',
    shows: "The team's user list (E10) has `_embedded` as a single object, as Loket's spec declares it, instead of an array.",
    prescribed: 'loket-api.md §5: an object is a one-item list. The same verdict as all-good.',
    sameVerdictsAs: 'all-good',
    expect: { ok: true, teams: [{ description: TEAM, otherUsers: 0 }] },
  },
  {
    name: 'empty-list-total-pages-0',
    scenario: 'none-linked',
    edit: 'empty-list-total-pages-0',
    shows:
      'E9 lists only the teams the user is in, so for Webservice#01 it is empty; every empty list says `totalPages: 0`, `currentPage: 0` and has no `_embedded`.',
    prescribed:
      'loket-api.md §4: an empty list may answer totalPages 0; it is a complete, empty answer. The same verdict as none-linked (reaches no employer).',
    sameVerdictsAs: 'none-linked',
    expect: { ok: false, reachable: 'fail' },
  },
  {
    name: 'members-only-team-lists',
    scenario: 'default',
    edit: 'members-only-team-lists',
    shows: 'The team lists (E9, E10, E11) return only members (items with isLinked true), not every candidate.',
    prescribed:
      'loket-api.md §5: whether a GET lists all candidates or only members is uncertain; only isLinked true counts either way. The same verdict as default.',
    sameVerdictsAs: 'default',
    expect: { ok: false, summary: { failed: 2 } },
  },
  {
    name: 'team-items-without-islinked',
    scenario: 'all-good',
    edit: 'team-items-without-islinked',
    shows:
      "E10 and E11 refuse `filter=isLinked eq true` (400) and their items have no isLinked; each list's totalSize equals the team's numberOfLinkedUsers / numberOfLinkedEmployers.",
    prescribed: "loket-api.md §5: an item without isLinked counts as linked when the list's totalSize equals Loket's counter. The same verdict as all-good.",
    sameVerdictsAs: 'all-good',
    expect: { ok: true },
  },
  {
    name: 'team-items-without-islinked-mismatch',
    scenario: 'default',
    edit: 'team-items-without-islinked-mismatch',
    shows: 'E11 refuses the isLinked filter and lists all 12 candidates without isLinked, while team "Benefits-Plaza" says numberOfLinkedEmployers 10.',
    prescribed:
      "loket-api.md §5: the counter does not match, so the team's answer is unverifiable: no employer passes or fails through it; every required employer is unverifiable; exit 1.",
    expect: { ok: false, teams: [{ description: TEAM, complete: false }], summary: { linked: 0, failed: 0, unverifiable: 12 } },
  },
  {
    name: 'e8-version-400',
    scenario: 'all-good',
    edit: 'e8-version-400',
    shows:
      'E8 answers 400 (text/plain) to `Accept: application/json;version=2018-01-01` (it declares only SSO_gebruiker), with and without the filter; without a version it answers 200.',
    prescribed: 'loket-api.md §3: on 400 retry without a version; the user is found all the same. The same verdict as all-good.',
    sameVerdictsAs: 'all-good',
    expect: { ok: true, webserviceUser: { found: 'pass', source: 'E8' } },
  },
  {
    name: 'e8-hides-user',
    scenario: 'all-good',
    edit: 'e8-hides-user',
    shows: 'E8 (provider users) does not list Webservice#01 — the REST API may not list SOAP webservice users — and no team is named.',
    prescribed: 'loket-api.md §1/§6: not found is unverifiable, never fail (USER_NOT_FOUND); no employer fails; exit 1 (without --allow-unverifiable).',
    expect: { ok: false, webserviceUser: { found: 'unverifiable', kind: null }, summary: { failed: 0 } },
  },
  {
    name: 'e8-hides-user-named-team',
    scenario: 'all-good',
    edit: 'e8-hides-user',
    args: ['--team', TEAM],
    shows: "As e8-hides-user, with --team Benefits-Plaza: the named team's users (E10) list Webservice#01 as a linked member.",
    prescribed:
      'loket-api.md §6.1: found through the named team (source E10, kind team-user) and treated as a provider user: its teams give every employer; exit 0.',
    expect: { ok: true, webserviceUser: { found: 'pass', source: 'E10', kind: 'team-user' }, summary: { linked: 12, failed: 0 } },
  },
  {
    name: 'small-pages',
    scenario: 'all-good',
    edit: 'small-pages',
    shows: 'A server that caps pageSize at 5: E3, E3b, E4b and E11 come in pages of 5 (pageSize 5, totalPages 3), pages 2 and 3 asked for after page 1.',
    prescribed: "loket-api.md §4: trust the answer's totals, not the request. The same verdict as all-good.",
    sameVerdictsAs: 'all-good',
    expect: { ok: true },
  },
  {
    name: 'v2-prefix-fallback',
    scenario: 'all-good',
    edit: 'v2-prefix-fallback',
    shows:
      "Loket's URLs have two /v2 (the spec intro's reading): the first list call below /v2 gets a bodiless 404, the same below /v2/v2 answers; the dump's `urlPath` keeps which form was used.",
    prescribed: 'loket-api.md §2: try the other form once and remember it. The same verdict as all-good.',
    sameVerdictsAs: 'all-good',
    expect: { ok: true },
  },
];

// ---------------------------------------------------------------------------------------------

function cleanEnv(configDir) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(LOKET_|NO_COLOR|FORCE_COLOR|CI$|LANG$|LC_)/.test(key)) env[key] = value;
  return { ...env, CI: 'true', LANG: 'nl_NL.UTF-8', LOKET_ASR_SETUP_CONFIG_DIR: configDir };
}

/** The simulator as its own process; resolves with its `--json` banner and a stop function. */
function startSimulator(scenario, configDir) {
  return new Promise((resolve, reject) => {
    // stderr is kept for a failure only: on a normal stop the simulator says it was stopped.
    const child = spawn(process.execPath, [BIN, 'sandbox', '--scenario', scenario, '--json'], { env: cleanEnv(configDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`simulator exited (${code}) before it listened\n${errors}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      try {
        const banner = JSON.parse(out);
        child.removeAllListeners('exit');
        const stopped = new Promise((done) => child.once('exit', done));
        resolve({ ...banner, stop: () => (child.kill('SIGTERM'), stopped) });
      } catch {
        // Not the whole document yet.
      }
    });
  });
}

/** Forwards to the simulator, letting an edit change the request or the answer. */
function startProxy(target, edit) {
  const upstream = new URL(target);
  const forwardFor =
    (req, url, below) =>
    (changes = {}) =>
      new Promise((resolve, reject) => {
        const query = new URLSearchParams(url.searchParams);
        for (const [key, value] of Object.entries(changes)) query.set(key, value);
        const headers = { accept: req.headers.accept ?? 'application/json', authorization: req.headers.authorization ?? '' };
        const ask = http.request(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: `/v2${below}${query.size ? `?${query}` : ''}`, headers },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (chunk) => (text += chunk));
            res.on('end', () => {
              let body = null;
              if (text !== '') {
                try {
                  body = JSON.parse(text);
                } catch {
                  body = text;
                }
              }
              resolve({ status: res.statusCode, body, contentType: res.headers['content-type'] });
            });
          },
        );
        ask.on('error', reject);
        ask.end();
      });
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(`http://127.0.0.1${req.url}`);
      const doubled = /^\/v2\/v2(\/|$)/i.test(url.pathname);
      const below = url.pathname.replace(doubled ? /^\/v2\/v2/i : /^\/v2/i, '').replace(/\/+$/, '');
      const version = /;\s*version\s*=\s*"?([^;,"\s]*)"?/i.exec(req.headers.accept ?? '')?.[1] ?? null;
      const request = { method: req.method, below, doubled, query: url.searchParams, version };
      const answer = await edit(request, forwardFor(req, url, below));
      if (answer.body === null || answer.body === undefined) return res.writeHead(answer.status, { 'Content-Length': '0' }).end();
      const text = typeof answer.body === 'string';
      res.writeHead(answer.status, { 'Content-Type': answer.contentType ?? (text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8') });
      res.end(text ? answer.body : JSON.stringify(answer.body));
    } catch (error) {
      console.error(error);
      res.writeHead(502, { 'Content-Length': '0' }).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ apiUrl: `http://127.0.0.1:${server.address().port}/v2`, close: () => new Promise((done) => server.close(done)) }),
    ),
  );
}

function runVerify(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'verify', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function readme(fixture) {
  const recorded = fixture.edit
    ? `the simulator's \`${fixture.scenario}\` scenario, through the recording script's edit \`${fixture.edit}\``
    : `the simulator's \`${fixture.scenario}\` scenario`;
  return [
    `# ${fixture.name}`,
    '',
    `**What it shows.** ${fixture.shows}`,
    '',
    `**What the contract prescribes.** ${fixture.prescribed}`,
    '',
    `Recorded from ${recorded}, with \`verify --json --dump\` and the flags in \`fixture.json\` (\`args\`);`,
    '`test/dumps/replay.test.ts` replays it and compares the verify document with `verdicts.json`' +
      (fixture.sameVerdictsAs ? `, which must equal \`${fixture.sameVerdictsAs}\`'s` : '') +
      ', and with `expect`.',
    '',
    'Generated by `scripts/record-dumps.mjs`; re-record with `npm run build && node scripts/record-dumps.mjs ' + fixture.name + '`.',
    '',
  ].join('\n');
}

async function record(fixture) {
  const work = mkdtempSync(join(tmpdir(), 'loket-record-'));
  const simulator = await startSimulator(fixture.scenario, join(work, 'simulator'));
  const proxy = fixture.edit ? await startProxy(simulator.url, EDITS[fixture.edit]) : undefined;
  try {
    const args = [...ARGS, ...(fixture.args ?? [])];
    const dumpParent = join(work, 'dump');
    const result = await runVerify(['--json', '--api-url', proxy?.apiUrl ?? simulator.apiUrl, '--dump', dumpParent, ...args], {
      ...cleanEnv(join(work, 'config')),
      LOKET_ACCESS_TOKEN: simulator.accessToken,
    });
    if (result.code !== 0 && result.code !== 1) throw new Error(`${fixture.name}: verify exited ${result.code}\n${result.stderr}`);
    const [run] = readdirSync(dumpParent);
    const target = join(OUT, fixture.name);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    cpSync(join(dumpParent, run), target, { recursive: true });
    const meta = {
      scenario: fixture.scenario,
      ...(fixture.edit ? { edit: fixture.edit } : {}),
      args,
      exitCode: result.code,
      ...(fixture.sameVerdictsAs ? { sameVerdictsAs: fixture.sameVerdictsAs } : {}),
      expect: fixture.expect,
    };
    writeFileSync(join(target, 'fixture.json'), `${JSON.stringify(meta, null, 2)}\n`);
    writeFileSync(join(target, 'README.md'), readme(fixture));
    const files = readdirSync(target).filter((name) => /^\d+-/.test(name)).length;
    const verdicts = JSON.parse(readFileSync(join(target, 'verdicts.json'), 'utf8'));
    console.log(`${fixture.name}: ${files} answers, exit ${result.code}, ok ${verdicts.ok}`);
  } finally {
    await proxy?.close();
    await simulator.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !FIXTURES.some((fixture) => fixture.name === name));
if (unknown.length) {
  console.error(`unknown fixture(s): ${unknown.join(', ')}; known: ${FIXTURES.map((fixture) => fixture.name).join(', ')}`);
  process.exit(2);
}
for (const fixture of FIXTURES.filter((f) => wanted.length === 0 || wanted.includes(f.name))) await record(fixture);
