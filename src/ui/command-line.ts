/**
 * "The command to type": every hint, replay command and "next" line is built here, with the options
 * that make it reproduce this run — the profile or `--sandbox`, and the environment or the URLs given
 * by hand — so a copied hint lands in the same place.
 */
import { DEFAULTS } from '../env.js';

const PROGRAM = 'loket-asr-setup';

/** How this run was started, as far as a follow-up command must repeat it. */
export interface Invocation {
  profile: string;
  sandbox: boolean;
  env: string;
  apiUrl?: string | undefined;
  authUrl?: string | undefined;
}

/** Single quotes where a shell would otherwise split or expand the word. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./#-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(invocation: Invocation, ...args: string[]): string {
  const parts = [PROGRAM];
  if (invocation.sandbox) parts.push('--sandbox');
  else {
    if (invocation.profile !== DEFAULTS.profile) parts.push('--profile', invocation.profile);
    if (invocation.apiUrl || invocation.authUrl) {
      if (invocation.apiUrl) parts.push('--api-url', invocation.apiUrl);
      if (invocation.authUrl) parts.push('--auth-url', invocation.authUrl);
    } else if (invocation.env !== DEFAULTS.env) {
      parts.push('--env', invocation.env);
    }
  }
  return [...parts, ...args].map(shellWord).join(' ');
}

/** The commands a message may name as `loket-asr-setup <command>` (main.ts registers the same). */
const COMMANDS = ['step', 'status', 'verify', 'ticket', 'employers', 'login', 'logout', 'whoami', 'sandbox', 'report', 'dump', 'config', 'help'];
const NAMED_COMMAND = new RegExp(`\\b${PROGRAM} (?=(?:${COMMANDS.join('|')})\\b)`, 'g');

/**
 * Completes every command a message names — written as `loket-asr-setup verify` in the catalogue,
 * also in errors raised far from any command context — with this run's options, so a copied hint
 * lands in the same profile, simulator or environment. A command line that already carries options
 * (`loket-asr-setup --sandbox step 3`, from commandLine()) is left as it is.
 */
export function completeCommands(invocation: Invocation): (text: string) => string {
  const prefix = commandLine(invocation);
  if (prefix === PROGRAM) return (text) => text;
  return (text) => text.replace(NAMED_COMMAND, `${prefix} `);
}
