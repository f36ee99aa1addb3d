/** What tests that call steps or commands directly share: a session on a simulator, no prompts. */
import { createLoketClient } from '../../src/loket/client.js';
import type { LoketSession } from '../../src/loket/session.js';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import type { Prompter } from '../../src/ui/prompt.js';

/** A Loket session on a running simulator, with its ready token and no waiting between retries. */
export function sandboxSession(handle: SandboxHandle): LoketSession {
  const token = async () => handle.accessToken;
  const client = createLoketClient({ apiUrl: handle.apiUrl, tokens: { getAccessToken: token, refreshAccessToken: token }, retry: { sleep: async () => {} } });
  return {
    client,
    environment: 'sandbox',
    apiUrl: handle.apiUrl,
    authUrl: handle.authUrl,
    tokenOrigin: 'sandbox',
    sandbox: handle,
    close: async () => client.close(),
  };
}

/** For runs that must not ask anything: every prompt fails the test. */
export const noPrompts: Prompter = {
  interactive: false,
  input: () => Promise.reject(new Error('no prompt expected')),
  secret: () => Promise.reject(new Error('no prompt expected')),
  confirm: () => Promise.reject(new Error('no prompt expected')),
  select: () => Promise.reject(new Error('no prompt expected')),
  search: () => Promise.reject(new Error('no prompt expected')),
};
