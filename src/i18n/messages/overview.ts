import { defineMessages } from '../define.js';

export const overview = defineMessages(
  {
    'overview.done': 'Niets meer te doen.',
    'overview.1.you': 'Stuur het ticket webservicepartij naar Loket.nl (loket-asr-setup ticket webservicepartij) en noteer het ticketnummer in stap 1.',
    'overview.1.loket': 'Loket.nl voegt je kantoor toe als webservicepartij voor Benefits-Plaza (ticket {ticket}); vraag ernaar als het lang duurt.',
    'overview.2.you': 'Maak de webservicegebruiker aan in Loket Classic, koppel hem aan de werkgevers en controleer het (loket-asr-setup step 2).',
    'overview.3.you': 'Rond het team, de omgevingscode en de autorisatie af (loket-asr-setup step 3).',
    'overview.3.loketCode': 'Loket.nl stuurt de omgevingscode; vul die in bij stap 3 zodra je hem hebt.',
    'overview.3.loketAuthorization': 'Loket.nl bevestigt de autorisatie van Benefits-Plaza (werkgever, persoon, verlof); leg hun antwoord vast in stap 3.',
    'overview.3.loketBoth': 'Loket.nl stuurt de omgevingscode en bevestigt de autorisatie van Benefits-Plaza; leg beide vast in stap 3 zodra ze binnen zijn.',
    'overview.4.you': 'Vul het aanmeldformulier in op www.asr.nl/salarisverwerkers en noteer de datum in stap 4.',
    'overview.4.asr': 'a.s.r. bevestigt je aanmelding als salarisverwerker; noteer de datum van hun bevestiging in stap 4.',
    'overview.5.waitStep4You': 'Eerst stap 4: pas na de bevestiging van a.s.r. meld je werkgevers aan.',
    'overview.5.waitStep4Asr': 'Wacht op de bevestiging van a.s.r. (stap 4); daarna meld je werkgevers aan.',
    'overview.5.asr':
      'a.s.r. bevestigt {count, plural, one {# aangemelde werkgever; zet die daarna} other {# aangemelde werkgevers; zet ze daarna}} op confirmed (loket-asr-setup employers mark).',
    'overview.5.you': 'Meld de werkgevers aan die de salariskoppeling bij a.s.r. hebben aangevraagd (loket-asr-setup step 5, of employers mark).',
  },
  {
    'overview.done': 'Nothing left to do.',
    'overview.1.you': 'Send the webservicepartij ticket to Loket.nl (loket-asr-setup ticket webservicepartij) and record its ticket number in step 1.',
    'overview.1.loket': 'Loket.nl adds your office as webservicepartij for Benefits-Plaza (ticket {ticket}); chase them if it takes long.',
    'overview.2.you': 'Create the webservice user in Loket Classic, link it to the employers and check it (loket-asr-setup step 2).',
    'overview.3.you': 'Finish the team, the omgevingscode and the authorization (loket-asr-setup step 3).',
    'overview.3.loketCode': 'Loket.nl sends the omgevingscode; enter it in step 3 once you have it.',
    'overview.3.loketAuthorization': "Loket.nl confirms Benefits-Plaza's authorization (werkgever, persoon, verlof); record their reply in step 3.",
    'overview.3.loketBoth': "Loket.nl sends the omgevingscode and confirms Benefits-Plaza's authorization; record both in step 3 once they arrive.",
    'overview.4.you': 'Fill in the sign-up form at www.asr.nl/salarisverwerkers and record the date in step 4.',
    'overview.4.asr': 'a.s.r. confirms your sign-up as salarisverwerker; record the date of their confirmation in step 4.',
    'overview.5.waitStep4You': "Step 4 first: employers are signed up only after a.s.r.'s confirmation.",
    'overview.5.waitStep4Asr': "Waiting for a.s.r.'s confirmation (step 4); then sign up employers.",
    'overview.5.asr':
      'a.s.r. confirms {count, plural, one {# signed-up employer; then mark it confirmed} other {# signed-up employers; then mark them confirmed}} (loket-asr-setup employers mark).',
    'overview.5.you': 'Sign up the employers that requested the salariskoppeling at a.s.r. (loket-asr-setup step 5, or employers mark).',
  },
);
