import { describe, expect, it } from 'vitest';
import { get, set, SETTABLE_KEYS } from '../../../src/cli/commands/config.js';
import { UsageError } from '../../../src/errors.js';
import { INPUT_LIST } from '../../../src/steps/inputs.js';
import { runCommand } from '../../helpers/context.js';
import { useSimulator } from '../../helpers/sandbox.js';

describe('config get / set (command functions)', () => {
  const sim = useSimulator(false);

  it('the settable keys are the catalogue’s settable inputs plus the login’s client id and environment', () => {
    const fromCatalogue = INPUT_LIST.filter((input) => input.settable).map((input) => input.profilePath);
    expect(SETTABLE_KEYS).toEqual([...fromCatalogue, 'clientId', 'environment']);
    expect(SETTABLE_KEYS.some((key) => /secret|token|password/i.test(key))).toBe(false);
  });

  it('an unknown key is a usage error listing the allowed ones, for set and get; nothing is written', async () => {
    const attempt = await runCommand(set, ['steps.1.state', 'done'], { configDir: sim.dir() });
    expect(attempt.error).toBeInstanceOf(UsageError);
    expect((attempt.error as Error).message).toContain(SETTABLE_KEYS.join(', '));
    expect(attempt.writes).toBe(0);
    const read = await runCommand(get, ['password'], { configDir: sim.dir() });
    expect(read.error).toBeInstanceOf(UsageError);
  });

  it('a value the wizard would refuse is refused, naming the key and the reason', async () => {
    const r = await runCommand(set, ['office.email', 'jan@@example.nl'], { configDir: sim.dir() });
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toContain('office.email');
    expect(r.writes).toBe(0);
    const ok = await runCommand(set, ['office.email', ' jan@example.nl '], { configDir: sim.dir(), json: true });
    expect(JSON.parse(ok.stdout)).toEqual({ key: 'office.email', value: 'jan@example.nl' });
    expect(ok.profile.office?.email).toBe('jan@example.nl');
  });
});
