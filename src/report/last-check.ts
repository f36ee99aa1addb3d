/**
 * The last full `verify` document, kept beside the progress file (one per profile): the report
 * reads it offline and the next `verify` compares with it. It lives in its own file, not in
 * config.json, because for a large office it is megabytes that every progress write would rewrite
 * and every `status` would parse. It holds what `verify --json` prints — names of employers and
 * users, never a token — and is written atomically with mode 0600 like the progress file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GenericSchema } from 'valibot';
import type { SetupCheck } from '../domain/model.js';
import { verifyDocument } from '../domain/verify-document.js';
import { fileProblem } from '../i18n/files.js';
import { t } from '../i18n/index.js';
import { stepStates } from '../domain/steps.js';
import { writeFileAtomic } from '../store/atomic.js';
import type { Store } from '../store/index.js';
import { compareChecks } from './changes.js';
import { ComparableCheckSchema, SavedCheckSchema, readDocument, type ComparableCheck, type SavedCheck } from './document.js';

export function lastCheckPath(configDir: string, profile: string): string {
  return path.join(configDir, `last-verify.${profile}.json`);
}

/** Throws the file-system error; the caller decides whether a run fails over it. */
export function saveLastCheck(configDir: string, profile: string, document: unknown): string {
  const file = lastCheckPath(configDir, profile);
  fs.mkdirSync(configDir, { recursive: true, mode: 0o700 });
  writeFileAtomic(file, `${JSON.stringify(document)}\n`);
  return file;
}

/**
 * The saved document, or undefined when there is none or it cannot be used (unreadable, not JSON,
 * written by something else): a missing comparison is no reason to stop a check or a report.
 */
export function loadLastCheck(configDir: string, profile: string): SavedCheck | undefined {
  return readSaved(configDir, profile, SavedCheckSchema);
}

/**
 * Only what the comparison needs (when, and each employer's link): for 10,000 employers the whole
 * document is megabytes that `verify` would otherwise hold next to its own check.
 */
export function loadComparableCheck(configDir: string, profile: string): ComparableCheck | undefined {
  return readSaved(configDir, profile, ComparableCheckSchema);
}

function readSaved<T>(configDir: string, profile: string, schema: GenericSchema<unknown, T>): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lastCheckPath(configDir, profile), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = readDocument(schema, JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Where a store keeps its last check: beside its progress file (so tests' temp stores keep theirs too). */
export const lastCheckDir = (store: Pick<Store, 'path'>): string => path.dirname(store.path);

/**
 * Saves a finished check's document for the store's profile. Not being able to is worth a warning,
 * never a failed run: the check itself is done and recorded in the progress file. A store that
 * already carries on in memory has said so; nothing is written then.
 */
export function keepLastCheck(store: Pick<Store, 'path' | 'profileName' | 'persistent'>, document: unknown, warn: (message: string) => void): void {
  if (!store.persistent) return;
  const dir = lastCheckDir(store);
  try {
    saveLastCheck(dir, store.profileName, document);
  } catch (error) {
    warn(t('report.saveFailed', { file: lastCheckPath(dir, store.profileName), reason: fileProblem((error as NodeJS.ErrnoException).code, 'write') }));
  }
}

/**
 * A check the wizard ran (steps 2, 3 and 5) is as good as verify's: it is kept the same way,
 * compared with the one before, so the report and the next `verify` see it.
 */
export function keepStepCheck(
  store: Store,
  check: SetupCheck,
  options: { environment: string; allowUnverifiable: boolean; warn: (message: string) => void },
): void {
  const profile = store.profile();
  const previous = loadComparableCheck(lastCheckDir(store), store.profileName);
  const document = verifyDocument(check, profile, {
    environment: options.environment,
    allowUnverifiable: options.allowUnverifiable,
    steps: stepStates(profile),
    changes: compareChecks(previous, check),
  });
  keepLastCheck(store, document, options.warn);
}
