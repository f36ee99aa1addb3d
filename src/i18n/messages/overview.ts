import { defineMessages } from '../define.js';

export const overview = defineMessages(
  {
    'overview.done': 'Niets meer te doen.',
    'overview.1.you': 'Stuur het ticket webservicepartij naar Loket.nl ({ticket}) en leg vast wanneer je het stuurde ({command}).',
    'overview.1.loket':
      'Loket.nl voegt je kantoor toe als webservicepartij voor Benefits-Plaza ({ticket}); vraag ernaar als het lang duurt, en leg hun antwoord vast ({command}).',
    'overview.2.you': 'Maak de webservicegebruiker aan in Loket Classic, koppel hem aan de werkgevers en controleer het ({command}).',
    'overview.3.you': 'Rond het team, de omgevingscode en de autorisatie af ({command}).',
    'overview.3.loketCode': 'Loket.nl stuurt de omgevingscode; vul die in zodra je hem hebt ({command}).',
    'overview.3.loketAuthorization': 'Loket.nl bevestigt de autorisatie van Benefits-Plaza (werkgever, persoon, verlof); leg hun antwoord vast ({command}).',
    'overview.3.loketBoth': 'Loket.nl stuurt de omgevingscode en bevestigt de autorisatie van Benefits-Plaza; leg beide vast zodra ze binnen zijn ({command}).',
    'overview.4.you': 'Vul het aanmeldformulier in op www.asr.nl/salarisverwerkers en leg de datum vast ({command}).',
    'overview.4.asr': 'a.s.r. bevestigt je aanmelding als salarisverwerker; leg de datum van hun bevestiging vast ({command}).',
    'overview.5.waitStep4You': 'Eerst stap 4: pas na de bevestiging van a.s.r. meld je werkgevers aan.',
    'overview.5.waitStep4Asr': 'Wacht op de bevestiging van a.s.r. (stap 4); daarna meld je werkgevers aan.',
    'overview.5.asr':
      'a.s.r. bevestigt {count, plural, one {# aangemelde werkgever; zet die daarna} other {# aangemelde werkgevers; zet ze daarna}} op bevestigd ({command} <werkgever> confirmed).',
    'overview.5.you': 'Meld de werkgevers aan die de salariskoppeling bij a.s.r. hebben aangevraagd ({command}, of {mark}).',
  },
  {
    'overview.done': 'Nothing left to do.',
    'overview.1.you': 'Send the webservicepartij ticket to Loket.nl ({ticket}) and record when you sent it ({command}).',
    'overview.1.loket':
      'Loket.nl adds your office as webservicepartij for Benefits-Plaza ({ticket}); chase them if it takes long, and record their answer ({command}).',
    'overview.2.you': 'Create the webservice user in Loket Classic, link it to the employers and check it ({command}).',
    'overview.3.you': 'Finish the team, the omgevingscode and the authorization ({command}).',
    'overview.3.loketCode': 'Loket.nl sends the omgevingscode; enter it once you have it ({command}).',
    'overview.3.loketAuthorization': "Loket.nl confirms Benefits-Plaza's authorization (werkgever, persoon, verlof); record their reply ({command}).",
    'overview.3.loketBoth': "Loket.nl sends the omgevingscode and confirms Benefits-Plaza's authorization; record both once they arrive ({command}).",
    'overview.4.you': 'Fill in the sign-up form at www.asr.nl/salarisverwerkers and record the date ({command}).',
    'overview.4.asr': 'a.s.r. confirms your sign-up as salarisverwerker; record the date of their confirmation ({command}).',
    'overview.5.waitStep4You': "Step 4 first: employers are signed up only after a.s.r.'s confirmation.",
    'overview.5.waitStep4Asr': "Waiting for a.s.r.'s confirmation (step 4); then sign up employers.",
    'overview.5.asr':
      'a.s.r. confirms {count, plural, one {# signed-up employer; then mark it confirmed} other {# signed-up employers; then mark them confirmed}} ({command} <employer> confirmed).',
    'overview.5.you': 'Sign up the employers that requested the salariskoppeling at a.s.r. ({command}, or {mark}).',
  },
);
