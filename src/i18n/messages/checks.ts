import { defineMessages } from '../define.js';

export const checks = defineMessages(
  {
    'checks.or': ' of ',
    'checks.refusal.forbidden':
      'Loket.nl weigert {activity} (403): {right} Ook de OAuth-client van deze tool kan die activiteit missen; vraag dan api@loket.nl om hem toe te kennen.',
    'checks.refusal.right': 'je Loket-gebruiker mist het recht {rights}.',
    'checks.refusal.noRight': 'je Loket-gebruiker mist het recht daarvoor.',
    'checks.refusal.failed': '{activity} lukte niet: {reason}',
    'checks.reason.userNotFound':
      'De REST-API van Loket.nl toont {user} niet (niet bij de gebruikers van de provider, niet in het genoemde team en niet bij de werkgevergebruikers).',
    'checks.reason.lookupRefused': '{user} is niet op te zoeken: {refusals}',
    'checks.reason.membershipUnknown': 'Loket.nl zei niet of de webservicegebruiker in team {team} zit.',
    'checks.reason.countMismatch':
      'Team {team}: Loket.nl telt {counter} gekoppelde werkgevers, maar de lijst toont er {counted}; het antwoord is niet volledig.',
    'checks.reason.namedTeamOnly': 'werkgever staat in team {team}, maar {user} is niet als lid van dat team te zien; dat telt alleen als informatie.',
    'checks.userNotFoundFix':
      'Controleer de exacte gebruikersnaam in Loket Classic (Teams en gebruikers › Gebruikers provider). Staat de gebruiker in een team, noem dat team dan met --team <naam> (of answers "team"). Kan het niet via de API, bevestig de koppeling dan met de hand.',
    'checks.lookupRefusedFix':
      'Laat een beheerder je Loket-gebruiker de genoemde rechten geven, of vraag api@loket.nl de activiteiten aan de OAuth-client toe te kennen. Tot dan kun je de koppeling met de hand bevestigen.',
    'checks.twoFactor': 'Bij {user} staat tweestapsverificatie aan; de handleiding zegt "Sms authenticatie: Nee".',
    'checks.twoFactorFix': 'Zet in Loket Classic bij {user} "Sms authenticatie" op Nee; een webservice kan geen sms-code invullen.',
    'checks.notLinked': '{user} is niet gekoppeld aan {company} ({number}). Zonder deze koppeling geeft de webservice geen resultaten terug.',
    'checks.notLinkedInfo': '{user} is niet gekoppeld aan {company} ({number}); alleen nodig als je deze werkgever bij a.s.r. aanmeldt.',
    'checks.notLinkedFix.team': '{company}: voeg deze werkgever toe aan team {team} (Loket Classic › Teams en gebruikers › Teams).',
    'checks.notLinkedFixMany.team':
      'Voeg de {count} werkgevers die nodig zijn en niet gekoppeld zijn toe aan team {team} (Loket Classic › Teams en gebruikers › Teams).',
    'checks.notLinkedFix.noTeam':
      '{company}: maak een team voor Benefits-Plaza en koppel deze werkgever en {user} aan dat team (Loket Classic › Teams en gebruikers › Teams).',
    'checks.notLinkedFixMany.noTeam':
      'Maak een team voor Benefits-Plaza en koppel {user} en de {count} werkgevers die nodig zijn aan dat team (Loket Classic › Teams en gebruikers › Teams).',
    'checks.notLinkedFix.werkgevergebruiker': '{company}: geef {user} toegang tot deze werkgever via "Toevoegen bestaande gebruiker".',
    'checks.notLinkedFixMany.werkgevergebruiker':
      'Geef {user} via "Toevoegen bestaande gebruiker" toegang tot de {count} werkgevers die nodig zijn en niet gekoppeld zijn.',
    'checks.cachingNote': 'Een wijziging kan door caching van Loket.nl een paar minuten duren voordat die te zien is.',
    'checks.linkUnverifiable': 'Niet na te gaan of {user} gekoppeld is aan {company} ({number}): {reason}',
    'checks.linkUnverifiableFix':
      'Controleer de koppeling in Loket Classic en bevestig die met de hand (dat wordt vastgelegd als bevestiging, niet als geslaagde controle), of los de oorzaak op en controleer opnieuw.',
    'checks.noneReachable': '{user} heeft toegang tot geen enkele werkgever. Zonder koppeling geeft de webservice geen resultaten terug.',
    'checks.noneReachableFix':
      'Koppel {user} aan de werkgevers die de salariskoppeling afnemen: met een eigen team voor Benefits-Plaza (AK-gebruiker), of via "Toevoegen bestaande gebruiker" (werkgevergebruiker); zie stap 3.',
    'checks.reachUnverifiable': 'Niet na te gaan tot welke werkgevers {user} toegang heeft: {reason}',
    'checks.teamUnreadable': 'Team {team} is niet volledig te lezen: {reason}',
    'checks.teamUnreadableFix': 'Probeer het later opnieuw; werkgevers die alleen via dit team bereikbaar zijn, tellen tot dan als niet te controleren.',
    'checks.teamShared':
      'In team {team} {count, plural, one {zit naast {user} nog # andere gebruiker} other {zitten naast {user} nog # andere gebruikers}}; de handleiding adviseert één apart team per webservicepartij.',
    'checks.teamSharedFix': 'Maak een eigen team voor Benefits-Plaza met alleen de webservicegebruiker en de werkgevers die de salariskoppeling afnemen.',
    'checks.teamEmpty': 'Team {team} heeft geen werkgevers.',
    'checks.teamEmptyFix': 'Koppel de werkgevers die de salariskoppeling afnemen aan team {team}, of haal de webservicegebruiker uit dit team.',
    'checks.teamNotFound': 'Team {team} bestaat niet bij deze provider.',
    'checks.teamNotFoundFix': 'Controleer de naam van het team in Loket Classic (Teams en gebruikers › Teams).',
    'checks.teamAmbiguous': 'Er zijn {count} teams met de naam {team}; ze zijn alle bekeken.',
    'checks.teamAmbiguousFix': 'Geef de teams in Loket Classic elk een eigen naam, dan is duidelijk welk team voor Benefits-Plaza is.',
    'checks.opensUnselected':
      '{user} heeft toegang tot {count, plural, one {# werkgever die niet is aangemeld} other {# werkgevers die niet zijn aangemeld}} voor de salariskoppeling; de handleiding koppelt alleen de werkgevers die de salariskoppeling afnemen.',
    'checks.opensUnselectedFix': 'Haal die werkgevers uit het team van Benefits-Plaza, of selecteer ze in stap 5 als ze de salariskoppeling wel afnemen.',
    'checks.selectedGone':
      '{count, plural, one {# geselecteerde werkgever staat niet (meer) in Loket.nl en is niet gecontroleerd.} other {# geselecteerde werkgevers staan niet (meer) in Loket.nl en zijn niet gecontroleerd.}}',
    'checks.selectedGoneFix': 'Bekijk de selectie met loket-asr-setup employers list --refresh.',
    'checks.notVisible':
      '{count, plural, one {# werkgever van de provider is voor jouw Loket-gebruiker niet zichtbaar en is niet gecontroleerd.} other {# werkgevers van de provider zijn voor jouw Loket-gebruiker niet zichtbaar en zijn niet gecontroleerd.}}',
    'checks.notVisibleFix': 'Voeg je Loket-gebruiker toe aan de teams van die werkgevers, of laat iemand met toegang tot alle werkgevers de controle doen.',
    'checks.wageTaxMissing': '{company} ({number}) heeft in Loket.nl geen loonheffingennummer.',
    'checks.wageTaxInvalid': '{company} ({number}) heeft een ongeldig loonheffingennummer {value}: {reason}.',
    'checks.wageTaxUnreadable': 'De loonheffingennummers zijn niet op te vragen: {reason}',
    'checks.wageTaxFix': 'Vul het loonheffingennummer van de administratie in Loket.nl in of corrigeer het; a.s.r. meldt werkgevers aan op dit nummer.',
  },
  {
    'checks.or': ' or ',
    'checks.refusal.forbidden':
      'Loket.nl refuses {activity} (403): {right} The OAuth client of this tool may lack that activity too; then ask api@loket.nl to grant it.',
    'checks.refusal.right': 'your Loket user lacks the right {rights}.',
    'checks.refusal.noRight': 'your Loket user lacks the right for it.',
    'checks.refusal.failed': '{activity} failed: {reason}',
    'checks.reason.userNotFound':
      "Loket.nl's REST API does not show {user} (not among the provider's users, not in the named team, not among the employer users).",
    'checks.reason.lookupRefused': '{user} cannot be looked up: {refusals}',
    'checks.reason.membershipUnknown': 'Loket.nl did not say whether the webservice user is in team {team}.',
    'checks.reason.countMismatch': 'Team {team}: Loket.nl counts {counter} linked employers, but the list shows {counted}; the answer is incomplete.',
    'checks.reason.namedTeamOnly': 'the employer is in team {team}, but {user} cannot be seen as a member of that team; that is information only.',
    'checks.userNotFoundFix':
      'Check the exact user name in Loket Classic (Teams en gebruikers › Gebruikers provider). If the user is in a team, name that team with --team <name> (or answers "team"). If the API cannot show it, confirm the link by hand.',
    'checks.lookupRefusedFix':
      'Have an administrator give your Loket user the rights named, or ask api@loket.nl to grant the activities to the OAuth client. Until then you can confirm the link by hand.',
    'checks.twoFactor': 'Two-factor authentication is on for {user}; the manual says "Sms authenticatie: Nee".',
    'checks.twoFactorFix': 'In Loket Classic, set "Sms authenticatie" to Nee for {user}; a webservice cannot type an SMS code.',
    'checks.notLinked': '{user} is not linked to {company} ({number}). Without this link the webservice returns nothing.',
    'checks.notLinkedInfo': '{user} is not linked to {company} ({number}); only needed if you sign this employer up at a.s.r.',
    'checks.notLinkedFix.team': '{company}: add this employer to team {team} (Loket Classic › Teams en gebruikers › Teams).',
    'checks.notLinkedFixMany.team': 'Add the {count} employers that are needed and not linked to team {team} (Loket Classic › Teams en gebruikers › Teams).',
    'checks.notLinkedFix.noTeam':
      '{company}: create a team for Benefits-Plaza and link this employer and {user} to it (Loket Classic › Teams en gebruikers › Teams).',
    'checks.notLinkedFixMany.noTeam':
      'Create a team for Benefits-Plaza and link {user} and the {count} employers needed to it (Loket Classic › Teams en gebruikers › Teams).',
    'checks.notLinkedFix.werkgevergebruiker': '{company}: give {user} access to this employer with "Toevoegen bestaande gebruiker".',
    'checks.notLinkedFixMany.werkgevergebruiker':
      'Give {user} access to the {count} employers that are needed and not linked with "Toevoegen bestaande gebruiker".',
    'checks.cachingNote': "A change can take a few minutes to show because of Loket.nl's caching.",
    'checks.linkUnverifiable': 'Cannot tell whether {user} is linked to {company} ({number}): {reason}',
    'checks.linkUnverifiableFix':
      'Check the link in Loket Classic and confirm it by hand (recorded as a confirmation, not as a passed check), or fix the cause and check again.',
    'checks.noneReachable': '{user} has access to no employer at all. Without a link the webservice returns nothing.',
    'checks.noneReachableFix':
      'Link {user} to the employers that take the salariskoppeling: with a team of its own for Benefits-Plaza (AK user), or with "Toevoegen bestaande gebruiker" (werkgevergebruiker); see step 3.',
    'checks.reachUnverifiable': 'Cannot tell which employers {user} can reach: {reason}',
    'checks.teamUnreadable': 'Team {team} cannot be read completely: {reason}',
    'checks.teamUnreadableFix': 'Try again later; employers reached only through this team count as unverifiable until then.',
    'checks.teamShared':
      'Team {team} holds {count, plural, one {# other user} other {# other users}} besides {user}; the manual advises a separate team per webservicepartij.',
    'checks.teamSharedFix': 'Create a team of its own for Benefits-Plaza with only the webservice user and the employers that take the salariskoppeling.',
    'checks.teamEmpty': 'Team {team} has no employers.',
    'checks.teamEmptyFix': 'Link the employers that take the salariskoppeling to team {team}, or take the webservice user out of this team.',
    'checks.teamNotFound': 'Team {team} does not exist at this provider.',
    'checks.teamNotFoundFix': 'Check the team name in Loket Classic (Teams en gebruikers › Teams).',
    'checks.teamAmbiguous': '{count} teams are called {team}; all of them were looked at.',
    'checks.teamAmbiguousFix': 'Give each team in Loket Classic a name of its own, so it is clear which one is for Benefits-Plaza.',
    'checks.opensUnselected':
      '{user} has access to {count, plural, one {# employer that is not signed up} other {# employers that are not signed up}} for the salariskoppeling; the manual links only the employers that take it.',
    'checks.opensUnselectedFix': "Take those employers out of Benefits-Plaza's team, or select them in step 5 if they do take the salariskoppeling.",
    'checks.selectedGone':
      '{count, plural, one {# selected employer is not (or no longer) in Loket.nl and was not checked.} other {# selected employers are not (or no longer) in Loket.nl and were not checked.}}',
    'checks.selectedGoneFix': 'Look at the selection with loket-asr-setup employers list --refresh.',
    'checks.notVisible':
      "{count, plural, one {# of the provider's employers is not visible to your Loket user and was not checked.} other {# of the provider's employers are not visible to your Loket user and were not checked.}}",
    'checks.notVisibleFix': "Add your Loket user to those employers' teams, or let someone with access to every employer run the check.",
    'checks.wageTaxMissing': '{company} ({number}) has no loonheffingennummer in Loket.nl.',
    'checks.wageTaxInvalid': '{company} ({number}) has an invalid loonheffingennummer {value}: {reason}.',
    'checks.wageTaxUnreadable': 'The loonheffingennummers cannot be read: {reason}',
    'checks.wageTaxFix': "Fill in or correct the administration's loonheffingennummer in Loket.nl; a.s.r. signs employers up by this number.",
  },
);
