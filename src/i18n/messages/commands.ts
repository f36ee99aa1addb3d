import { defineMessages } from '../define.js';

export const commands = defineMessages(
  {
    'commands.yes': 'ja',
    'commands.col.employer': 'werkgever',
    'commands.col.payrollTaxNumbers': 'loonheffingennummers',
    'commands.col.selected': 'selectie',
    'commands.col.status': 'status',
    'commands.col.lastCheck': 'laatste controle',

    'commands.verify.noWebserviceUser': 'Welke webservicegebruiker moet gecontroleerd worden? Er is geen naam bekend.',
    'commands.verify.noWebserviceUserHint':
      'Geef --webservice-user Webservice#01, zet LOKET_WEBSERVICE_USER, of leg de naam vast in stap 2 (loket-asr-setup step 2, of loket-asr-setup config set webserviceUser Webservice#01).',
    'commands.verify.noSelection': 'Er zijn nog geen werkgevers geselecteerd.',
    'commands.verify.noSelectionHint': 'Selecteer werkgevers met "loket-asr-setup employers select", of controleer ze allemaal met --employers all.',
    'commands.verify.stage.login': 'Aanmelding en kantoor controleren…',
    'commands.verify.stage.employers': 'Werkgevers en loonheffingennummers ophalen…',
    'commands.verify.stage.webserviceUser': 'De webservicegebruiker zoeken…',
    'commands.verify.stage.teams': 'Teams en gekoppelde werkgevers lezen…',
    'commands.verify.summary':
      '{employers, plural, one {# werkgever} other {# werkgevers}}: {linked} gekoppeld; van de werkgevers die nodig zijn {failed} niet gekoppeld en {unverifiable} niet te controleren; {warnings, plural, one {# waarschuwing} other {# waarschuwingen}}.',
    'commands.verify.ok': 'De salariskoppeling is in orde voor alle werkgevers die nodig zijn.',
    'commands.verify.okNoSelection':
      'De webservicegebruiker is gevonden en bereikt werkgevers. Nog geen werkgevers geselecteerd (stap 5): controleer daarna opnieuw, of gebruik --employers all.',
    'commands.verify.failed': 'Controle niet geslaagd: {reasons}.',
    'commands.verify.dumped': 'De antwoorden van Loket.nl staan in {dir} (lees ze na voordat je ze deelt).',
    'commands.verify.reason.user': '{user} is niet te vinden',
    'commands.verify.reason.noneReachable': 'de webservicegebruiker bereikt geen enkele werkgever',
    'commands.verify.reason.reachUnverifiable': 'niet na te gaan welke werkgevers de webservicegebruiker bereikt',
    'commands.verify.reason.failed':
      '{count, plural, one {# werkgever die nodig is, is niet gekoppeld} other {# werkgevers die nodig zijn, zijn niet gekoppeld}}',
    'commands.verify.reason.unverifiable':
      '{count, plural, one {# werkgever die nodig is, is niet te controleren} other {# werkgevers die nodig zijn, zijn niet te controleren}}',
    'commands.verify.hintFix': 'De oplossingen staan hierboven; details per werkgever: loket-asr-setup verify --json.',
    'commands.verify.hintFixJson': 'De oplossing staat bij elke melding (problems[].fix), per werkgever in employers.',
    'commands.verify.hintUnverifiable':
      'Niet te controleren is niet hetzelfde als fout: bevestig zulke koppelingen met de hand (stap 2), of laat ze toe met --allow-unverifiable.',

    'commands.ticket.unknownKind': 'Onbekend soort ticket "{kind}". Kies uit: {kinds}.',
    'commands.ticket.written': 'Ticket opgeslagen in {file}',
    'commands.ticket.copied': 'Ticket gekopieerd naar het klembord ({tool}).',
    'commands.ticket.copyFailed': 'Kopiëren naar het klembord lukt niet ({reason}); de tekst staat hieronder.',
    'commands.ticket.next.webservicepartij':
      'Stuur dit via het supportformulier van Loket.nl en noteer het ticketnummer in stap 1 (--webservicepartij-ticket).',
    'commands.ticket.next.omgevingscode': 'Stuur dit naar Loket.nl-support; de omgevingscode die je terugkrijgt vul je in bij stap 3 (--omgevingscode).',
    'commands.ticket.next.autorisatie':
      'Stuur dit naar Loket.nl-support en leg hun bevestiging vast in stap 3 (loket-asr-setup step 3 --authorization-reference <ticketnummer>).',

    'commands.file.writeFailed': 'Kan {file} niet schrijven: {reason}.',
    'commands.file.writeFailedHint': 'Kies een map waarin je mag schrijven, of laat --out weg om de uitvoer op het scherm te krijgen.',

    'commands.check.linked': 'gekoppeld',
    'commands.check.notLinked': 'niet gekoppeld',
    'commands.check.linkUnverifiable': 'koppeling onbekend',

    'commands.employers.fetched': '{count, plural, one {# werkgever} other {# werkgevers}} opgehaald uit Loket.nl.',
    'commands.employers.none': 'Loket.nl gaf geen werkgevers terug voor deze gebruiker.',
    'commands.employers.count': '{count, plural, one {# werkgever} other {# werkgevers}}, waarvan {selected} geselecteerd.',

    'commands.select.prompt': 'Kies de werkgevers voor de salariskoppeling',
    'commands.select.conflict': 'Gebruik maar één van --add, --remove en --none.',
    'commands.select.noneWithEmployers': '--none selecteert niets en neemt geen werkgevers aan.',
    'commands.select.needEmployers': 'Welke werkgevers? Noem ze bij id, werkgevernummer of loonheffingennummer.',
    'commands.select.needEmployersHint': 'Bijvoorbeeld: loket-asr-setup employers select 20720 20721 (vervangt de selectie), met --add of --remove, of --none.',
    'commands.select.equivalent': 'Zonder vragen: {command}',

    'commands.mark.unknownStatus': 'Onbekende status "{status}". Kies uit: {statuses}.',
    'commands.mark.reasonRequired': '--force vraagt om een reden: geef --reason "…" (die wordt vastgelegd).',
    'commands.mark.reasonWithoutForce': '--reason hoort bij --force.',
    'commands.mark.badDate': 'Ongeldige --date: {reason}',
    'commands.mark.done': '{number} {company}: status {status} vastgelegd.',
    'commands.mark.unchanged': '{number} heeft al status {status}; niets gewijzigd.',
    'commands.mark.forced': 'Vastgelegd met --force: de controles waren niet in orde. De reden staat in de geschiedenis van de werkgever.',

    'commands.export.empty': 'Er zijn nog geen werkgevers bekend; haal ze op met "loket-asr-setup employers list --refresh".',
    'commands.export.written': '{count, plural, one {# werkgever} other {# werkgevers}} geëxporteerd naar {file}',
  },
  {
    'commands.yes': 'yes',
    'commands.col.employer': 'employer',
    'commands.col.payrollTaxNumbers': 'loonheffingennummers',
    'commands.col.selected': 'selected',
    'commands.col.status': 'status',
    'commands.col.lastCheck': 'last check',

    'commands.verify.noWebserviceUser': 'Which webservice user should be checked? No name is known.',
    'commands.verify.noWebserviceUserHint':
      'Give --webservice-user Webservice#01, set LOKET_WEBSERVICE_USER, or record the name in step 2 (loket-asr-setup step 2, or loket-asr-setup config set webserviceUser Webservice#01).',
    'commands.verify.noSelection': 'No employers have been selected yet.',
    'commands.verify.noSelectionHint': 'Select employers with "loket-asr-setup employers select", or check them all with --employers all.',
    'commands.verify.stage.login': 'Checking the login and the office…',
    'commands.verify.stage.employers': 'Fetching employers and loonheffingennummers…',
    'commands.verify.stage.webserviceUser': 'Looking for the webservice user…',
    'commands.verify.stage.teams': 'Reading teams and their employers…',
    'commands.verify.summary':
      '{employers, plural, one {# employer} other {# employers}}: {linked} linked; of the employers needed, {failed} not linked and {unverifiable} unverifiable; {warnings, plural, one {# warning} other {# warnings}}.',
    'commands.verify.ok': 'The salariskoppeling is in order for every employer needed.',
    'commands.verify.okNoSelection':
      'The webservice user was found and reaches employers. No employers selected yet (step 5): check again after that, or use --employers all.',
    'commands.verify.failed': 'Check failed: {reasons}.',
    'commands.verify.dumped': "Loket.nl's answers are in {dir} (look through them before you share them).",
    'commands.verify.reason.user': '{user} cannot be found',
    'commands.verify.reason.noneReachable': 'the webservice user reaches no employer at all',
    'commands.verify.reason.reachUnverifiable': 'cannot tell which employers the webservice user reaches',
    'commands.verify.reason.failed': '{count, plural, one {# employer needed is not linked} other {# employers needed are not linked}}',
    'commands.verify.reason.unverifiable': '{count, plural, one {# employer needed cannot be checked} other {# employers needed cannot be checked}}',
    'commands.verify.hintFix': 'The fixes are above; details per employer: loket-asr-setup verify --json.',
    'commands.verify.hintFixJson': 'Each problem carries its fix (problems[].fix), per employer in employers.',
    'commands.verify.hintUnverifiable': 'Unverifiable is not the same as wrong: confirm such links by hand (step 2), or allow them with --allow-unverifiable.',

    'commands.ticket.unknownKind': 'Unknown ticket kind "{kind}". Choose from: {kinds}.',
    'commands.ticket.written': 'Ticket saved to {file}',
    'commands.ticket.copied': 'Ticket copied to the clipboard ({tool}).',
    'commands.ticket.copyFailed': 'Cannot copy to the clipboard ({reason}); the text follows below.',
    'commands.ticket.next.webservicepartij': "Send this through Loket.nl's support form and record the ticket number in step 1 (--webservicepartij-ticket).",
    'commands.ticket.next.omgevingscode': 'Send this to Loket.nl support; enter the omgevingscode you get back in step 3 (--omgevingscode).',
    'commands.ticket.next.autorisatie':
      'Send this to Loket.nl support and record their confirmation in step 3 (loket-asr-setup step 3 --authorization-reference <ticket number>).',

    'commands.file.writeFailed': 'Cannot write {file}: {reason}.',
    'commands.file.writeFailedHint': 'Choose a directory you may write to, or leave out --out to get the output on screen.',

    'commands.check.linked': 'linked',
    'commands.check.notLinked': 'not linked',
    'commands.check.linkUnverifiable': 'link unknown',

    'commands.employers.fetched': '{count, plural, one {# employer} other {# employers}} fetched from Loket.nl.',
    'commands.employers.none': 'Loket.nl returned no employers for this user.',
    'commands.employers.count': '{count, plural, one {# employer} other {# employers}}, {selected} selected.',

    'commands.select.prompt': 'Choose the employers for the salariskoppeling',
    'commands.select.conflict': 'Use only one of --add, --remove and --none.',
    'commands.select.noneWithEmployers': '--none selects nothing and takes no employers.',
    'commands.select.needEmployers': 'Which employers? Name them by id, employer number or loonheffingennummer.',
    'commands.select.needEmployersHint':
      'For example: loket-asr-setup employers select 20720 20721 (replaces the selection), with --add or --remove, or --none.',
    'commands.select.equivalent': 'Without questions: {command}',

    'commands.mark.unknownStatus': 'Unknown status "{status}". Choose from: {statuses}.',
    'commands.mark.reasonRequired': '--force needs a reason: pass --reason "…" (it is recorded).',
    'commands.mark.reasonWithoutForce': '--reason goes with --force.',
    'commands.mark.badDate': 'Invalid --date: {reason}',
    'commands.mark.done': '{number} {company}: status {status} recorded.',
    'commands.mark.unchanged': '{number} already has status {status}; nothing changed.',
    'commands.mark.forced': "Recorded with --force: the checks were not in order. The reason is in the employer's history.",

    'commands.export.empty': 'No employers are known yet; fetch them with "loket-asr-setup employers list --refresh".',
    'commands.export.written': '{count, plural, one {# employer} other {# employers}} exported to {file}',
  },
);
