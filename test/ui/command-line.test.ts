import { describe, expect, it } from 'vitest';
import { commandLine, completeCommands } from '../../src/ui/command-line.js';

const DEFAULT = { profile: 'default', sandbox: false, env: 'production' };

describe('the command to type', () => {
  it('repeats the options that make a follow-up land in the same place', () => {
    expect(commandLine(DEFAULT, 'step', '3')).toBe('loket-asr-setup step 3');
    expect(commandLine({ ...DEFAULT, sandbox: true, profile: 'sandbox' }, 'step', '3')).toBe('loket-asr-setup --sandbox step 3');
    expect(commandLine({ ...DEFAULT, profile: 'klant-b' }, 'verify')).toBe('loket-asr-setup --profile klant-b verify');
    expect(commandLine({ ...DEFAULT, env: 'acceptance' }, 'login')).toBe('loket-asr-setup --env acceptance login');
    expect(commandLine({ ...DEFAULT, apiUrl: 'http://127.0.0.1:9/v2' }, 'whoami')).toBe('loket-asr-setup --api-url http://127.0.0.1:9/v2 whoami');
    expect(commandLine({ ...DEFAULT, profile: 'kantoor Zuid' }, 'status')).toBe("loket-asr-setup --profile 'kantoor Zuid' status");
  });

  it('completes the commands a message names, and only those', () => {
    const sandbox = completeCommands({ ...DEFAULT, sandbox: true, profile: 'sandbox' });
    expect(sandbox('Draai regelmatig "loket-asr-setup verify".')).toBe('Draai regelmatig "loket-asr-setup --sandbox verify".');
    expect(sandbox('Log in met: loket-asr-setup login (in CI: …); of loket-asr-setup employers list --refresh.')).toBe(
      'Log in met: loket-asr-setup --sandbox login (in CI: …); of loket-asr-setup --sandbox employers list --refresh.',
    );
    // Already complete, or not a command.
    expect(sandbox('loket-asr-setup --sandbox step 3')).toBe('loket-asr-setup --sandbox step 3');
    expect(sandbox('Interne fout (een fout in loket-asr-setup zelf)')).toBe('Interne fout (een fout in loket-asr-setup zelf)');
    expect(sandbox('een nieuwere versie van loket-asr-setup (schemaversie 4)')).toBe('een nieuwere versie van loket-asr-setup (schemaversie 4)');
    // The default run needs nothing added.
    expect(completeCommands(DEFAULT)('loket-asr-setup verify')).toBe('loket-asr-setup verify');
  });
});
