import { defineMessages } from '../define.js';

export const checks = defineMessages(
  {
    'checks.notLinked':
      'Webservicegebruiker {user} is niet gekoppeld aan {company} ({number}). Zonder deze koppeling zal de webservice geen resultaten teruggeven.',
    'checks.notLinkedFix':
      'Koppel {user} in Loket.nl aan deze werkgever (AK-route: voeg de werkgever toe aan het team van Benefits-Plaza; werkgevergebruiker: "Toevoegen bestaande gebruiker").',
    'checks.linkUnverifiable': 'Niet na te gaan of {user} gekoppeld is aan {company} ({number}): {reason}',
    'checks.linkUnverifiableFix':
      'Controleer de koppeling in Loket.nl en bevestig die met de hand, of log in met een gebruiker die de gebruikers van deze werkgever mag bekijken.',
    'checks.entityMissing': '{user} mag bij {company} ({number}) de entiteit {entity} niet raadplegen.',
    'checks.entityMissingFix':
      'Loket.nl autoriseert per webservicepartij: stuur het ticket autorisatie (loket-asr-setup ticket autorisatie).',
    'checks.entitiesUnverifiable': 'De autorisaties van {user} bij {company} ({number}) zijn niet op te vragen: {reason}',
    'checks.entitiesUnverifiableFix':
      'Controleer in Loket.nl of Benefits-Plaza werkgever, persoon en verlof mag raadplegen en leg dat vast in stap 3 (als bevestiging, niet als geslaagde controle). verify telt zulke werkgevers als niet te controleren; met --allow-unverifiable geldt dat niet als fout.',
    'checks.rightStateUnknown': 'Loket.nl gaf niet aan of het recht voor {entities} aan staat',
    'checks.explainNoRight':
      'je eigen Loket-gebruiker mag de autorisaties van andere gebruikers niet opvragen (GetEmployerUserAuthorizationsByEmployerIdAndUserId ontbreekt)',
    'checks.wageTaxMissing': '{company} ({number}) heeft in Loket.nl geen loonheffingennummer.',
    'checks.wageTaxInvalid': '{company} ({number}) heeft een ongeldig loonheffingennummer {value}: {reason}.',
    'checks.wageTaxFix': 'Vul het loonheffingennummer van de administratie in Loket.nl in of corrigeer het; a.s.r. koppelt werkgevers op dit nummer.',
  },
  {
    'checks.notLinked':
      'Webservice user {user} is not linked to {company} ({number}). Without this link the webservice returns nothing.',
    'checks.notLinkedFix':
      'Link {user} to this employer in Loket.nl (AK route: add the employer to the Benefits-Plaza team; werkgevergebruiker route: "Toevoegen bestaande gebruiker").',
    'checks.linkUnverifiable': 'Cannot tell whether {user} is linked to {company} ({number}): {reason}',
    'checks.linkUnverifiableFix':
      "Check the link in Loket.nl and confirm it by hand, or log in with a user that may see this employer's users.",
    'checks.entityMissing': '{user} may not read the entity {entity} at {company} ({number}).',
    'checks.entityMissingFix':
      'Loket.nl authorizes per webservicepartij: send the autorisatie ticket (loket-asr-setup ticket autorisatie).',
    'checks.entitiesUnverifiable': "{user}'s authorizations at {company} ({number}) cannot be read: {reason}",
    'checks.entitiesUnverifiableFix':
      'Check in Loket.nl that Benefits-Plaza may read werkgever, persoon and verlof and record that in step 3 (as a confirmation, not as a passed check). verify counts such employers as unverifiable; with --allow-unverifiable that is not a failure.',
    'checks.rightStateUnknown': 'Loket.nl did not say whether the right for {entities} is switched on',
    'checks.explainNoRight':
      "your own Loket user may not read other users' authorizations (GetEmployerUserAuthorizationsByEmployerIdAndUserId is missing)",
    'checks.wageTaxMissing': '{company} ({number}) has no loonheffingennummer in Loket.nl.',
    'checks.wageTaxInvalid': '{company} ({number}) has an invalid loonheffingennummer {value}: {reason}.',
    'checks.wageTaxFix': "Fill in or correct the administration's loonheffingennummer in Loket.nl; a.s.r. matches employers on it.",
  },
);
