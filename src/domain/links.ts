/**
 * The web pages the steps send people to, in one place. a.s.r.'s pages come from a.s.r.'s manual
 * (seed/handleiding-aanmelden-salarisverwerker-loket.txt); Loket.nl's helpdesk is where its support
 * tickets are filed (loket-spec-notes.md cites articles on helpdesk.loket.nl). The tool never fetches
 * them; it prints them and, on a desktop, offers to open them.
 */
export const LINKS = {
  /** Stap 4: "Ga naar www.asr.nl/salarisverwerkers en kies voor de Aanmelden Salarisverwerker". */
  asrSignup: 'https://www.asr.nl/salarisverwerkers',
  /** Stap 5: where an employer requests the salariskoppeling before it can be signed up. */
  asrEmployerRequest: 'https://www.asr.nl/salariskoppeling',
  /** Stap 5: a.s.r.'s instruction "Loket.nl – aanmelden werkgevers" is found from the salarisverwerkers page. */
  asrInstructions: 'https://www.asr.nl/salarisverwerkers',
  /** Steps 1 and 3: Loket.nl's helpdesk, where the tickets go. */
  loketSupport: 'https://helpdesk.loket.nl',
} as const;
