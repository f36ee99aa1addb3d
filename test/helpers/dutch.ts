/**
 * What a person reading the Dutch output should never meet (issue 10, "Dutch all the way"): English
 * words of the tool's own (data from Loket.nl and commands to type do not count), the formal "u"
 * outside the tickets (letters to Loket.nl's support desk), and "werkgever(s)"-style plurals.
 */

/**
 * English words that have no business in a Dutch sentence of ours. Chosen not to match Dutch words,
 * Loket's own terms (webservicepartij, Loket Classic, "Via website en SSO") or product names:
 * "No" is a Dutch word too (in names), so only the prompt's "Yes"/"No" answers count, after a "?".
 */
const ENGLISH = [
  /\bthe\b/i,
  /\band\b/,
  /\bPress\b/i,
  /\bselect(ed)?\b/i,
  /\bnavigate\b/i,
  /\bYes\b/,
  /\? No$/m,
  /\bError\b/i,
  /\bDone\b/,
  /\bWarning\b/i,
  /\bHint\b/,
  /\bNext\b/,
  /\bStep \d/,
  /\bemployers?\b/i,
  /\bsigned up\b/,
  /\b(requested|signed-up|confirmed|excluded)\b/,
  /\bnot linked\b/,
  /\bplease\b/i,
  /\byou(r)?\b/i,
  /\bYou must\b/,
  /\bchoices\b/,
  /\bdefault\b/,
  /\btoggle\b/,
  /\bNo results\b/,
  /\(disabled\)/,
  /\(Y\/n\)|\(y\/N\)/,
];

/**
 * The text without what is not ours to translate: commands to type (from "loket-asr-setup" to the
 * bracket or line end that closes them), options, URLs, JSON (an answers file), and the values Loket.nl
 * itself returns in English (a user's login method and access, shown "ter informatie").
 */
function ours(text: string): string {
  return text
    .replace(/loket-asr-setup[^)\n]*/g, ' ')
    .replace(/--[a-z][\w-]*( <[^>]+>)?/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s*[{}[\]"].*$/gm, ' ')
    .replace(/inlogmethode: [^;]*;|toegang: [^;]*;/g, ' ');
}

/** The English words found in Dutch output, each with the line it is on. */
export function englishWords(text: string): string[] {
  const found: string[] = [];
  for (const line of ours(text).split('\n')) {
    for (const word of ENGLISH) {
      const match = word.exec(line);
      if (match) found.push(`${match[0]} in: ${line.trim()}`);
    }
  }
  return found;
}

/** The tickets (from "Onderwerp:" to the signature after "Met vriendelijke groet,") taken out. */
function withoutTickets(text: string): string {
  return text.replace(/^Onderwerp:[\s\S]*?^Met vriendelijke groet,\n.*\n.*$/gm, ' ');
}

/** Lines that address the reader formally ("u", "uw"), outside the tickets. */
export function formalAddress(text: string): string[] {
  return withoutTickets(text)
    .split('\n')
    .filter((line) => /\b(u|uw|U|Uw)\b/.test(line))
    .map((line) => line.trim());
}

/** "werkgever(s)"-style plurals, except where the text quotes a.s.r.'s manual word for word. */
export function pluralHacks(text: string): string[] {
  const quoted = text
    .replaceAll('Koppelen webservicegebruiker aan werkgever(s)', 'Koppelen webservicegebruiker aan werkgevers')
    .replaceAll('Koppel de werkgever(s) en de webservicegebruiker aan dit team', 'Koppel de werkgevers en de webservicegebruiker aan dit team');
  return quoted
    .split('\n')
    .filter((line) => /\w\((s|en|es)\)/.test(line))
    .map((line) => line.trim());
}

/**
 * Dutch words of ours in English output (issue 10: "English complete in English mode"). Loket's and
 * a.s.r.'s own names stay Dutch and are taken out first: Loket Classic's menu paths, the entities
 * (werkgever/persoon/verlof), quoted titles ("Loket.nl – aanmelden werkgevers") and a.s.r.'s form
 * fields as the form labels them ("Naam van je bedrijf (company name):").
 */
const DUTCH =
  /\b(het|een|niet|je|jouw|jij|wacht|sinds|Stap|Volgende|Let op|Fout|Oplossing|klaar|bezig|te doen|aangemeld|gekoppeld|geselecteerd|vandaag|dagen|van|voor|met|naar|bij|en|werkgevers?)\b/;

export function dutchWords(text: string): string[] {
  return text
    .replace(/Loket Classic › [^)\n]*|\(Teams en gebruikers › [^)\n]*\)/g, ' ')
    .replace(/werkgever[/, ]+persoon[/, ]+(en )?verlof/g, ' ')
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/^ {2}[^:\n]+ \([a-z -]+\):/gm, ' ')
    .split('\n')
    .filter((line) => DUTCH.test(line))
    .map((line) => line.trim());
}
