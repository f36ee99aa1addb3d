import { defineMessages } from '../define.js';

/** Recorded dumps: reading them, replaying them (`--replay`) and `dump check` (issue 14). */
export const dumps = defineMessages(
  {
    'dumps.help.replay': 'speel een opgenomen dump (verify --dump) af in plaats van de simulator; werkt als --sandbox',
    'dumps.help.dump': 'opgenomen dumps (verify --dump): check',
    'dumps.help.check': 'controleer een dump op tokens, geheimen en persoonsgegevens voordat je hem deelt',
    'dumps.help.dir': 'de map van de dump (loket-dump-…, of de map die je bij --dump gaf)',
    'dumps.help.stripPersonal': 'maak namen, e-mailadressen, telefoonnummers en gebruikersnamen onherkenbaar, in de bestanden zelf',
    'dumps.help.keep': 'laat deze waarde staan (mag vaker; bijvoorbeeld een e-mailadres dat je wilt delen)',

    'dumps.read.notFound': 'De map {dir} bestaat niet.',
    'dumps.read.hint': 'Geef de map die verify --dump schreef (loket-dump-…), of de map die je bij --dump gaf.',
    'dumps.read.unreadable': 'Kan {dir} niet lezen: {reason}.',
    'dumps.read.severalRuns': 'In {dir} staan {count} opnames (loket-dump-…); welke bedoel je?',
    'dumps.read.severalRunsHint': 'Geef de map van één opname: {dir}/loket-dump-….',
    'dumps.read.empty': 'In {dir} staat geen opname: geen genummerde antwoordbestanden (001-get-….json) en geen map loket-dump-….',
    'dumps.read.notJson': '{file} is geen geldige JSON ({reason}).',
    'dumps.read.format': '{file} heeft dumpformaat {format}; deze versie leest formaat {supported}.',
    'dumps.read.formatHint': 'Gebruik de versie van loket-asr-setup waarmee de dump is gemaakt, of een nieuwere.',
    'dumps.read.invalid': '{file} is geen geldig antwoordbestand (veld {field}).',

    'dumps.replay.started': 'De opname in {dir} wordt afgespeeld op {url} (opgenomen antwoorden, geen simulator).',
    'dumps.replay.title':
      'Opgenomen Loket.nl-antwoorden uit {dir}: {answers, plural, one {# antwoord} other {# antwoorden}}, {employers, plural, one {# werkgever} other {# werkgevers}}.',
    'dumps.replay.unrecorded': 'replay: niet opgenomen: {method} {path}{query} (Accept-versie {version}); antwoord 404 zonder inhoud.',
    'dumps.replay.noVersion': 'geen',
    'dumps.replay.optionClash': '{option} hoort bij de simulator en gaat niet samen met --replay (alleen --port wel).',

    'dumps.check.header': 'Dump {dir}: {files, plural, one {# bestand} other {# bestanden}} bekeken.',
    'dumps.check.stripped': 'Persoonsgegevens onherkenbaar gemaakt in {files, plural, one {# bestand} other {# bestanden}}; de opbouw van de JSON is gebleven.',
    'dumps.check.kept': 'Bewust laten staan: {values}.',
    'dumps.check.errors':
      'FOUT — {count, plural, one {# token of geheim gevonden; haal het weg} other {# tokens of geheimen gevonden; haal ze weg}} voordat je de dump deelt:',
    'dumps.check.warnings': 'Let op — {count, plural, one {# persoonsgegeven} other {# persoonsgegevens}} ({kinds}):',
    'dumps.check.more': '  … en nog {count} (alle met --json).',
    'dumps.check.stripHint':
      'Met loket-asr-setup dump check {dir} --strip-personal maak je namen, e-mailadressen, telefoonnummers en gebruikersnamen onherkenbaar; de dump blijft afspeelbaar.',
    'dumps.check.ok': 'Geen tokens, geheimen of persoonsgegevens gevonden.',
    'dumps.check.okWithPersonal': 'Geen tokens of geheimen gevonden.',
    'dumps.check.failed': 'De dump bevat {count, plural, one {# token of geheim} other {# tokens of geheimen}}.',
    'dumps.check.failedHint':
      'Verwijder die waarden (vervang ze door "[redacted]") en behandel het token als uitgelekt: log uit (loket-asr-setup logout) en log opnieuw in. Meld het ook als fout: de dump had het niet mogen bevatten.',
    'dumps.check.masked': '{masked} ({length} tekens)',
    'dumps.check.kind.token': 'token',
    'dumps.check.kind.secret': 'geheim',
    'dumps.check.kind.email': 'e-mailadres',
    'dumps.check.kind.name': 'naam',
    'dumps.check.kind.phone': 'telefoonnummer',
    'dumps.check.kind.userName': 'gebruikersnaam',
  },
  {
    'dumps.help.replay': 'replay a recorded dump (verify --dump) instead of the simulator; works like --sandbox',
    'dumps.help.dump': 'recorded dumps (verify --dump): check',
    'dumps.help.check': 'check a dump for tokens, secrets and personal data before you share it',
    'dumps.help.dir': 'the dump directory (loket-dump-…, or the directory you gave --dump)',
    'dumps.help.stripPersonal': 'blank names, e-mail addresses, phone numbers and user names, in the files themselves',
    'dumps.help.keep': 'keep this value (repeatable; e.g. an e-mail address you want to share)',

    'dumps.read.notFound': 'The directory {dir} does not exist.',
    'dumps.read.hint': 'Give the directory verify --dump wrote (loket-dump-…), or the directory you gave --dump.',
    'dumps.read.unreadable': 'Cannot read {dir}: {reason}.',
    'dumps.read.severalRuns': '{dir} holds {count} recordings (loket-dump-…); which one do you mean?',
    'dumps.read.severalRunsHint': 'Give the directory of one recording: {dir}/loket-dump-….',
    'dumps.read.empty': '{dir} holds no recording: no numbered answer files (001-get-….json) and no loket-dump-… directory.',
    'dumps.read.notJson': '{file} is not valid JSON ({reason}).',
    'dumps.read.format': '{file} has dump format {format}; this version reads format {supported}.',
    'dumps.read.formatHint': 'Use the version of loket-asr-setup that made the dump, or a newer one.',
    'dumps.read.invalid': '{file} is not a valid answer file (field {field}).',

    'dumps.replay.started': 'Replaying the recording in {dir} on {url} (recorded answers, not the simulator).',
    'dumps.replay.title':
      'Recorded Loket.nl answers from {dir}: {answers, plural, one {# answer} other {# answers}}, {employers, plural, one {# employer} other {# employers}}.',
    'dumps.replay.unrecorded': 'replay: not recorded: {method} {path}{query} (Accept version {version}); answered 404 without a body.',
    'dumps.replay.noVersion': 'none',
    'dumps.replay.optionClash': '{option} belongs to the simulator and does not go with --replay (only --port does).',

    'dumps.check.header': 'Dump {dir}: {files, plural, one {# file} other {# files}} checked.',
    'dumps.check.stripped': 'Personal data blanked in {files, plural, one {# file} other {# files}}; the JSON kept its shape.',
    'dumps.check.kept': 'Kept on purpose: {values}.',
    'dumps.check.errors':
      'ERROR — {count, plural, one {# token or secret found; remove it} other {# tokens or secrets found; remove them}} before you share the dump:',
    'dumps.check.warnings': 'Note — {count, plural, one {# piece of personal data} other {# pieces of personal data}} ({kinds}):',
    'dumps.check.more': '  … and {count} more (all of them with --json).',
    'dumps.check.stripHint':
      'loket-asr-setup dump check {dir} --strip-personal blanks names, e-mail addresses, phone numbers and user names; the dump still replays.',
    'dumps.check.ok': 'No tokens, secrets or personal data found.',
    'dumps.check.okWithPersonal': 'No tokens or secrets found.',
    'dumps.check.failed': 'The dump holds {count, plural, one {# token or secret} other {# tokens or secrets}}.',
    'dumps.check.failedHint':
      'Remove those values (replace them with "[redacted]") and treat the token as leaked: log out (loket-asr-setup logout) and log in again. Please also report it as a bug: the dump should never have held it.',
    'dumps.check.masked': '{masked} ({length} characters)',
    'dumps.check.kind.token': 'token',
    'dumps.check.kind.secret': 'secret',
    'dumps.check.kind.email': 'e-mail address',
    'dumps.check.kind.name': 'name',
    'dumps.check.kind.phone': 'phone number',
    'dumps.check.kind.userName': 'user name',
  },
);
