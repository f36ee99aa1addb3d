/**
 * Issue 10's walk, automated: all five steps in Dutch at 80 columns, as a new user types them, under
 * a pseudo-terminal against the simulator — invalid answers explained and asked again (items 1, 14),
 * date pairs asked again as a pair, a recorded answer changed (the "again" path), "continue where you
 * were" after going back, Ctrl+C and the overview on resuming (item 12), the employer picker and the
 * warning when an employer skips "requested" (items 6, 7). What the terminal shows at the end is
 * played back (test/helpers/screen.ts): no English word, no "u", no "werkgever(s)", no word or
 * identifier cut at the edge, no line folded by the terminal.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { tempDir } from '../helpers/cli.js';
import { englishWords, formalAddress, pluralHacks } from '../helpers/dutch.js';
import { cutWords, renderScreen, type Screen } from '../helpers/screen.js';
import { ptyWrapper, startCli, type RunningCli } from '../helpers/spawn.js';

const COLUMNS = 80;
/** A person at a terminal without a desktop: no CI, so the CLI prompts; no browser to offer. */
const interactive = { CI: undefined, TERM: 'xterm-256color', DISPLAY: undefined, WAYLAND_DISPLAY: undefined };
const ENTER = '\r';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
/** Ctrl+U: empties the line a refused answer is left on. */
const CLEAR = '\x15';

/** A sentence as the terminal may show it: broken between any two words. */
const prose = (sentence: string): RegExp =>
  new RegExp(
    sentence
      .split(' ')
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
  );

/** Every word of the Dutch catalogue and what the user types: a cut one joins into one of these. */
const WORDS = [
  ...Object.values(messages('nl')).flatMap((text) => text.split(/\s+/)),
  'Administratiekantoor De Vries & Partners',
  'jan@devries-partners.example',
  'LKT-2026-10422',
  'LKT-2026-10501',
  'LKT-2020-10388',
].flatMap((text) => text.split(/\s+/));

/** A line the terminal may fold: one word, URL or command longer than the width. */
const unbreakable = (line: string) => /^\s*\(?(\S+|loket-asr-setup .*)$/.test(line);

function expectReadable(screen: Screen): void {
  const text = screen.lines.join('\n');
  expect(englishWords(text)).toEqual([]);
  expect(formalAddress(text)).toEqual([]);
  expect(pluralHacks(text)).toEqual([]);
  expect(cutWords(screen, COLUMNS, WORDS)).toEqual([]);
  // Nothing was longer than the width (the terminal folds only what it must).
  expect(screen.folded.map((row) => screen.lines[row - 1]!).filter((line) => !unbreakable(line))).toEqual([]);
}

describe('the screen model of test/helpers/screen.ts', () => {
  it('plays redraws, erased lines and folds as a terminal does', () => {
    const screen = renderScreen('? Naam\x1b[2K\x1b[G✔ Naam Kantoor\nabcdefghij\x1b[1A\x1b[2K\x1b[Gweg\n', 8);
    expect(screen.lines).toEqual(['✔ Naam K', 'antoor', 'weg', 'ij']);
    expect(screen.folded).toEqual([1, 3]);
    expect(cutWords(screen, 8, ['Kantoor'])).toEqual(['✔ Naam K⏎antoor']);
    expect(cutWords(screen, 8)).toEqual([]);
  });
});

describe.skipIf(ptyWrapper() === undefined)(
  'the walk through all five steps in Dutch at 80 columns (pseudo-terminal; skipped without `script` or python3)',
  () => {
    let dir: ReturnType<typeof tempDir>;
    beforeAll(() => {
      dir = tempDir();
    });
    afterAll(() => dir.remove());
    // A run that a failed expectation left waiting would hold the progress file's lock for the next test.
    let running: RunningCli | undefined;
    afterEach(async () => {
      if (running && running.child.exitCode === null) {
        running.child.kill('SIGKILL');
        await running.done;
      }
      running = undefined;
    });

    const start = (): RunningCli => (running = startCli(['--sandbox'], dir.path, { pty: true, columns: COLUMNS, env: interactive, timeoutMs: 120_000 }));
    /** Waits for `pattern` (generous: the simulator's checks take seconds on a busy machine), then types `keys`. */
    const answer = async (cli: RunningCli, pattern: RegExp, ...keys: string[]) => {
      await cli.waitFor(pattern, 30_000);
      for (const key of keys) cli.child.stdin.write(key);
    };
    /** The wizard's menu, once it is drawn with its key hints. */
    const menu = async (cli: RunningCli, ...keys: string[]) => {
      await cli.waitFor(/\? Wat wil je nu doen\?/, 30_000);
      await answer(cli, /↑↓ verplaatsen • ⏎ kiezen/, ...keys);
    };
    /** The menu with `first` as its highlighted first choice. */
    const menuFirst = async (cli: RunningCli, first: RegExp, ...keys: string[]) => {
      await cli.waitFor(/\? Wat wil je nu doen\?/, 30_000);
      await cli.waitFor(first);
      await answer(cli, /↑↓ verplaatsen • ⏎ kiezen/, ...keys);
    };

    it('steps 1 to 3, back to step 1 to change its dates, then "verder waar je was" and Ctrl+C in step 4', async () => {
      const cli = start();
      await answer(cli, /\? Naam van het administratie- of accountantskantoor/, 'Administratiekantoor De Vries & Partners', ENTER);
      await answer(cli, /\? Contactpersoon/, 'Jan de Vries', ENTER);
      await answer(cli, /\? E-mailadres van de contactpersoon/, 'jan@devries', ENTER);
      await answer(cli, /> Na de @ hoort een domein met een punt/, CLEAR, 'jan@devries-partners.example', ENTER);
      await answer(cli, /Klopt dit e-mailadres\? \(J\/n\)/, ENTER);
      await answer(cli, /\? Telefoonnummer van de contactpersoon/, '020-1234567', ENTER);
      await cli.waitFor(/Onderwerp: Verzoek toevoegen webservicepartij/);
      await answer(cli, /\? Heb je dit ticket naar Loket\.nl gestuurd\? \(j\/N\)/, 'j', ENTER);
      // A date in the future is refused in Dutch; "gisteren" is a date.
      await answer(cli, /\? Datum waarop het ticket is verstuurd \(DD-MM-JJJJ\)/, 'morgen', ENTER);
      await answer(cli, /> Gebruik de vorm DD-MM-JJJJ/, CLEAR, 'gisteren', ENTER);
      await answer(cli, /\? Ticketnummer van Loket\.nl \(leeg laten/, ENTER);
      await answer(cli, /\? Heeft Loket\.nl laten weten/, 'n', ENTER);
      await cli.waitFor(prose('bezig: Wacht op het antwoord van Loket.nl (nog geen ticketnummer'));
      // Step 1 waits on Loket.nl; the menu offers step 2 above it.
      await menu(cli, UP, ENTER);

      await answer(cli, /\? Gebruikersnaam van de webservicegebruiker/, 'Webservice#01', ENTER);
      await cli.waitFor(prose('Stap 1 is afgerond: de webservicegebruiker bestaat'), 30_000);
      // Plural forms: one other user "zit" in the team.
      await cli.waitFor(prose('In team Benefits-Plaza zit naast Webservice#01 nog 1 andere gebruiker;'));
      await menu(cli, ENTER);

      await answer(cli, /\? Hoe geef je de webservicegebruiker toegang/, ENTER);
      await answer(cli, /\? Heb je deze stappen in Loket\.nl uitgevoerd\? \(j\/N\)/, 'j', ENTER);
      await answer(cli, /\? Ticketnummer van Loket\.nl voor de omgevingscode/, 'LKT-2026-10422', ENTER);
      await answer(cli, /\? Heb je de omgevingscode al van Loket\.nl ontvangen\?/, 'j', ENTER);
      await answer(cli, /\? Omgevingscode \(van Loket\.nl\)/, 'DVP01', ENTER);
      await answer(cli, /\? Heeft Loket\.nl bevestigd dat Benefits-Plaza toegang heeft/, 'j', ENTER);
      await answer(cli, /\? Ticketnummer van het antwoord van Loket\.nl/, 'LKT-2026-10501', ENTER);
      await answer(cli, /\? Datum waarop Loket\.nl de autorisatie bevestigde/, ENTER);
      await cli.waitFor(prose('Bevestiging van Loket.nl vastgelegd (ticket LKT-2026-10501, door Jan de Vries)'));

      // Back to step 1 (third in the menu), to change the dates it recorded: the "again" path.
      await menu(cli, DOWN, DOWN, ENTER);
      await answer(cli, /\? Kloppen deze gegevens nog\? \(J\/n\)/, ENTER);
      await answer(cli, /\? Kloppen deze gegevens nog\? \(J\/n\)/, 'n', ENTER);
      await answer(cli, /\? Datum waarop het ticket is verstuurd/, '05-10-2020', ENTER);
      await answer(cli, /\? Ticketnummer van Loket\.nl \(leeg laten/, 'LKT-2020-10388', ENTER);
      await answer(cli, /\? Heeft Loket\.nl laten weten/, 'j', ENTER);
      // Loket's answer before the ticket was sent: explained, and both dates asked again.
      await answer(cli, /\? Datum waarop Loket\.nl liet weten/, '04-10-2020', ENTER);
      await cli.waitFor(
        prose(
          'Loket.nl kan niet hebben laten weten dat Benefits-Plaza is toegevoegd (04-10-2020) voordat het ticket verstuurd was (05-10-2020). Vul beide datums opnieuw in.',
        ),
      );
      await answer(cli, /\? Datum waarop het ticket is verstuurd/, '01-10-2020', ENTER);
      await answer(cli, /\? Datum waarop Loket\.nl liet weten/, ENTER);
      await cli.waitFor(prose('klaar: Loket.nl heeft Benefits-Plaza als webservicepartij toegevoegd (LKT-2020-10388)'));

      // After going back, the menu offers to continue where the user was, first.
      await menuFirst(cli, /❯ Verder waar je was: stap 4 — Invullen aanmeldformulier van a\.s\.r\./, ENTER);
      await answer(cli, /\? Naam van je bedrijf/, '\x03');
      const r = await cli.done;
      const screen = renderScreen(r.stdout, COLUMNS);
      expect(r.code, screen.lines.join('\n')).toBe(130);
      expect(screen.lines).toContain('Afgebroken. De voortgang tot de laatste beantwoorde vraag is bewaard.');
      expect(screen.lines.join('\n')).not.toContain('Fout:');
      // Answers longer than the rest of their question's line go under it whole.
      expect(screen.lines.join('\n')).toContain('✔ Naam van het administratie- of accountantskantoor\n  Administratiekantoor De Vries & Partners');
      expect(screen.lines.join('\n')).toContain('✔ Ticketnummer van het antwoord van Loket.nl op het ticket autorisatie\n  LKT-2026-10501');
      expectReadable(screen);
    }, 150_000);

    it('resuming: where things stand first, then step 4 (a date pair asked again) and step 5 with the picker, the warning for a skipped "aangevraagd", and stop', async () => {
      const cli = start();
      await cli.waitFor(/Welkom terug\. Waar je was:/);
      await cli.waitFor(/● 3\. Gegevens instellen {2}\[klaar\]/);
      await cli.waitFor(/Volgende: stap 4 — Invullen aanmeldformulier van a\.s\.r\./);
      // The defaults come from steps 1 and 2.
      await answer(cli, /\? Naam van je bedrijf/, ENTER);
      await answer(cli, /\? E-mailadres waarop je de aanvragen van werkgevers ontvangt/, ENTER);
      await answer(cli, /Klopt dit e-mailadres\? \(J\/n\)/, ENTER);
      await answer(cli, /\? Gebruikersnaam voor het aanmeldformulier van a\.s\.r\./, ENTER);
      await answer(cli, /\? Heb je het aanmeldformulier van a\.s\.r\. verstuurd\?/, 'j', ENTER);
      await answer(cli, /\? Datum waarop je het aanmeldformulier hebt verstuurd/, '12-10-2020', ENTER);
      await answer(cli, /\? Heeft a\.s\.r\. je aanmelding bevestigd\?/, 'j', ENTER);
      await answer(cli, /\? Datum waarop a\.s\.r\. je aanmelding heeft bevestigd/, '11-10-2020', ENTER);
      await cli.waitFor(prose('a.s.r. kan de aanmelding niet bevestigen (11-10-2020) vóór die verstuurd is (12-10-2020). Vul beide datums opnieuw in.'));
      await answer(cli, /\? Datum waarop je het aanmeldformulier hebt verstuurd/, '10-10-2020', ENTER);
      await answer(cli, /\? Datum waarop a\.s\.r\. je aanmelding heeft bevestigd/, ENTER);
      await cli.waitFor(/klaar: aanmelding bevestigd door a\.s\.r\. op 11-10-2020/);
      await menu(cli, ENTER);

      // Step 5 says how an employer is signed up at a.s.r. and where.
      await cli.waitFor(prose('Hoe je een werkgever bij a.s.r. aanmeldt, staat in de instructie "Loket.nl – aanmelden werkgevers" van a.s.r.'), 30_000);
      await answer(cli, /\? Kies de werkgevers die de salariskoppeling afnemen \(0 van 12 geselecteerd\)/, '20002', ENTER);
      await answer(cli, /◉ 20002 Hoveniersbedrijf De Groot & Zonen B\.V\.: geselecteerd/, '20008', ENTER);
      await answer(cli, /◉ 20008 Installatiebedrijf Vermeulen & Zonen B\.V\.: geselecteerd/, ENTER);
      await cli.waitFor(/Selectie: 2 toegevoegd, 0 verwijderd, 0 ongewijzigd; nu 2 van 12 geselecteerd\./);
      // The status of 20008: "aangemeld" without "aangevraagd" first, and not linked.
      await answer(cli, /\? Status van een geselecteerde werkgever wijzigen/, '20008');
      await answer(cli, /❯ 20008 {2}Installatiebedrijf Vermeulen/, ENTER);
      await cli.waitFor(/\? Installatiebedrijf Vermeulen & Zonen B\.V\. \(20008\):/);
      await answer(cli, /↑↓ verplaatsen • ⏎ kiezen/, DOWN, DOWN, ENTER);
      await cli.waitFor(prose('Installatiebedrijf Vermeulen & Zonen B.V. (20008) heeft volgens je gegevens de salariskoppeling nog niet aangevraagd'));
      await cli.waitFor(prose('kan nog niet op "aangemeld": webservicegebruiker Webservice#01 is niet aan deze werkgever gekoppeld.'));
      await answer(cli, /\? Toch deze status geven\? Je legt dan een reden vast\. \(j\/N\)/, 'n', ENTER);
      // 20002: "aangevraagd door werkgever".
      await answer(cli, /\? Status van een geselecteerde werkgever wijzigen/, '20002');
      await answer(cli, /❯ 20002 {2}Hoveniersbedrijf/, ENTER);
      await cli.waitFor(/\? Hoveniersbedrijf De Groot & Zonen B\.V\. \(20002\):/);
      await answer(cli, /↑↓ verplaatsen • ⏎ kiezen/, DOWN, ENTER);
      // "Klaar" first while nothing is typed.
      await answer(cli, /\? Status van een geselecteerde werkgever wijzigen/, ENTER);
      await cli.waitFor(/Status {16}aangevraagd door werkgever/);
      // Stop: the last choice, one up from the first.
      await menu(cli, UP, ENTER);
      const r = await cli.done;
      const screen = renderScreen(r.stdout, COLUMNS);
      const text = screen.lines.join('\n');
      // Stopping from the menu is the user's choice: exit 0, the progress kept, no "Fout:".
      expect(r.code, text).toBe(0);
      expect(text).not.toContain('Fout:');
      expect(text).toMatch(/◐ 5\. Aanmelden werkgevers {2}\[bezig\]/);
      expectReadable(screen);
    }, 150_000);
  },
);
