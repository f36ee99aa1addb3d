import { defineMessages } from '../define.js';

export const store = defineMessages(
  {
    'store.corrupt': 'Het configuratiebestand was beschadigd en is opzijgezet als {backup}. De voortgang begint opnieuw.',
    'store.foreign':
      '{path} is geen voortgangsbestand van loket-asr-setup (geen schemaVersion, een onbekende opbouw). Het is niet overschreven maar opzijgezet als {backup}; de voortgang begint opnieuw.',
    'store.corruptNotMoved':
      'Het configuratiebestand {path} is beschadigd en kon niet opzij worden gezet ({reason}). De voortgang wordt deze keer niet bewaard.',
    'store.notPersistent': 'De voortgang kan niet worden bewaard in {path} ({reason}). Je kunt verder, maar de voortgang wordt deze keer niet bewaard.',
    'store.saveFailed': 'Opslaan in {path} is mislukt ({reason}). Je kunt verder, maar de voortgang wordt vanaf nu niet meer bewaard.',
    'store.newerSchema':
      'Het configuratiebestand {path} is geschreven door een nieuwere versie van loket-asr-setup (schemaversie {version}; deze versie kent t/m {known}). Het bestand is niet aangepast.',
    'store.newerSchemaHint': 'Werk loket-asr-setup bij naar de nieuwste versie.',
    'store.newerShown':
      '{path} is geschreven door een nieuwere versie van loket-asr-setup (schemaversie {version}; deze versie kent t/m {known}). Je ziet wat deze versie ervan kan lezen; er wordt niets aan veranderd.',
    'store.newerUnreadable': 'Niet te lezen voor deze versie: profiel {profiles}.',
    'store.locked': 'Een andere loket-asr-setup is bezig met deze configuratie ({holder}; slotbestand {lockPath}). Wacht tot die klaar is, of stop die.',
    'store.lockHolder': 'PID {pid} op {host}, gestart {startedAt}',
    'store.lockedHint': 'Draait er geen loket-asr-setup meer? Verwijder dan het slotbestand {lockPath}.',
    'store.lockedUnseenHint':
      'Die run draait op een andere computer of in een andere container, dus het proces is van hieruit niet te zien. Het slot geldt als achtergelaten na {minutes} minuten zonder teken van leven (laatste: {lastSeen}). Weet je zeker dat daar niets meer draait? Verwijder dan {lockPath}.',
    'store.lockContended': 'Andere processen namen het slotbestand {lockPath} steeds eerder over; probeer het opnieuw.',
    'store.lockTakenOver': 'Achtergelaten slot overgenomen: {lockPath} ({holder}): {reason}.',
    'store.lockStale.unreadable': 'het slotbestand is onleesbaar',
    'store.lockStale.otherBoot': 'de computer is sindsdien opnieuw opgestart',
    'store.lockStale.gone': 'dat proces bestaat niet meer',
    'store.lockStale.reused': 'dat PID hoort nu bij een ander proces (andere starttijd)',
    'store.lockStale.ownPid': 'dat PID hoort nu bij deze run',
    'store.lockStale.silent': 'het gaf te lang geen teken van leven',
    'store.invalidValue': 'Ongeldige waarde: {problems}',
    'store.unknownKey': 'Onbekende instelling "{key}". Toegestaan: {keys}.',
    'store.badProfileName':
      'Ongeldige profielnaam "{name}": gebruik letters, cijfers, punten, streepjes of liggende streepjes (begin met een letter of cijfer, max. 40 tekens).',
  },
  {
    'store.corrupt': 'The configuration file was corrupt and has been moved aside as {backup}. Progress starts afresh.',
    'store.foreign':
      '{path} is not a loket-asr-setup progress file (no schemaVersion, an unknown layout). It was not overwritten but moved aside as {backup}; progress starts afresh.',
    'store.corruptNotMoved': 'The configuration file {path} is corrupt and could not be moved aside ({reason}). Progress will not be kept this time.',
    'store.notPersistent': 'Progress cannot be saved in {path} ({reason}). You can carry on, but progress will not be kept this time.',
    'store.saveFailed': 'Saving to {path} failed ({reason}). You can carry on, but progress will no longer be kept.',
    'store.newerSchema':
      'The configuration file {path} was written by a newer loket-asr-setup (schema version {version}; this version knows up to {known}). The file has not been changed.',
    'store.newerSchemaHint': 'Update loket-asr-setup to the latest version.',
    'store.newerShown':
      '{path} was written by a newer version of loket-asr-setup (schema version {version}; this version knows up to {known}). This shows what this version can read of it; nothing in it is changed.',
    'store.newerUnreadable': 'Not readable for this version: profile {profiles}.',
    'store.locked': 'Another loket-asr-setup is busy with this configuration ({holder}; lock file {lockPath}). Wait for it to finish, or stop it.',
    'store.lockHolder': 'PID {pid} on {host}, started {startedAt}',
    'store.lockedHint': 'No loket-asr-setup running any more? Then delete the lock file {lockPath}.',
    'store.lockedUnseenHint':
      'That run is on another computer or in another container, so its process cannot be seen from here. The lock counts as left behind after {minutes} minutes without a sign of life (last: {lastSeen}). Sure nothing runs there any more? Then delete {lockPath}.',
    'store.lockContended': 'Other processes kept taking the lock file {lockPath} first; try again.',
    'store.lockTakenOver': 'Took over a lock left behind: {lockPath} ({holder}): {reason}.',
    'store.lockStale.unreadable': 'the lock file is unreadable',
    'store.lockStale.otherBoot': 'the computer has restarted since',
    'store.lockStale.gone': 'that process no longer exists',
    'store.lockStale.reused': 'that PID now belongs to another process (another start time)',
    'store.lockStale.ownPid': 'that PID now belongs to this run',
    'store.lockStale.silent': 'it gave no sign of life for too long',
    'store.invalidValue': 'Invalid value: {problems}',
    'store.unknownKey': 'Unknown setting "{key}". Allowed: {keys}.',
    'store.badProfileName':
      'Invalid profile name "{name}": use letters, digits, dots, hyphens or underscores (start with a letter or digit, at most 40 characters).',
  },
);
