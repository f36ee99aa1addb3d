import { defineMessages } from '../define.js';

export const store = defineMessages(
  {
    'store.corrupt': 'Het configuratiebestand was beschadigd en is opzijgezet als {backup}. De voortgang begint opnieuw.',
    'store.corruptNotMoved':
      'Het configuratiebestand {path} is beschadigd en kon niet opzij worden gezet ({reason}). De voortgang wordt deze keer niet bewaard.',
    'store.notPersistent': 'De voortgang kan niet worden bewaard in {path} ({reason}). Je kunt verder, maar de voortgang wordt deze keer niet bewaard.',
    'store.saveFailed': 'Opslaan in {path} is mislukt ({reason}). Je kunt verder, maar de voortgang wordt vanaf nu niet meer bewaard.',
    'store.newerSchema':
      'Het configuratiebestand {path} is geschreven door een nieuwere versie van loket-asr-setup (schemaversie {version}; deze versie kent t/m {known}). Het bestand is niet aangepast.',
    'store.newerSchemaHint': 'Werk loket-asr-setup bij naar de nieuwste versie.',
    'store.locked': 'Een andere loket-asr-setup (PID {pid}) is bezig met deze configuratie; wacht tot die klaar is of stop die.',
    'store.lockedHint': 'Draait er geen loket-asr-setup meer? Verwijder dan het slotbestand {lockPath}.',
    'store.invalidValue': 'Ongeldige waarde: {problems}',
    'store.unknownKey': 'Onbekende instelling "{key}". Toegestaan: {keys}.',
    'store.badProfileName':
      'Ongeldige profielnaam "{name}": gebruik letters, cijfers, punten, streepjes of liggende streepjes (begin met een letter of cijfer, max. 40 tekens).',
  },
  {
    'store.corrupt': 'The configuration file was corrupt and has been moved aside as {backup}. Progress starts afresh.',
    'store.corruptNotMoved': 'The configuration file {path} is corrupt and could not be moved aside ({reason}). Progress will not be kept this time.',
    'store.notPersistent': 'Progress cannot be saved in {path} ({reason}). You can carry on, but progress will not be kept this time.',
    'store.saveFailed': 'Saving to {path} failed ({reason}). You can carry on, but progress will no longer be kept.',
    'store.newerSchema':
      'The configuration file {path} was written by a newer loket-asr-setup (schema version {version}; this version knows up to {known}). The file has not been changed.',
    'store.newerSchemaHint': 'Update loket-asr-setup to the latest version.',
    'store.locked': 'Another loket-asr-setup (PID {pid}) is busy with this configuration; wait for it or stop it.',
    'store.lockedHint': 'No loket-asr-setup running any more? Then delete the lock file {lockPath}.',
    'store.invalidValue': 'Invalid value: {problems}',
    'store.unknownKey': 'Unknown setting "{key}". Allowed: {keys}.',
    'store.badProfileName':
      'Invalid profile name "{name}": use letters, digits, dots, hyphens or underscores (start with a letter or digit, at most 40 characters).',
  },
);
