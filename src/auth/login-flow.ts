/**
 * The interactive part of the Loket.nl login (loket-api.md §2): the authorize URL in a browser, the
 * redirect caught by a one-shot loopback listener (or pasted by the user), then the code exchange.
 */
import { openBrowser } from '../ui/browser.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ENV } from '../env.js';
import { AuthError, UsageError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { registerSecret } from '../loket/redact.js';
import type { AuthDeps } from './deps.js';
import { authorizeUrl, createPkce, createState, type TokenEndpoint, type TokenGrant } from './oauth.js';

export type LoginContext = Pick<AuthDeps, 'out' | 'prompter' | 'interactive' | 'signal' | 'env'>;

/** How long the listener waits for the browser before giving up. */
const CALLBACK_TIMEOUT_MS = 5 * 60 * 1000;
const CALLBACK_PATH = '/callback';
/** Paste mode: nothing listens here; the browser's address bar still shows the code. */
export const PASTE_REDIRECT_URI = 'http://127.0.0.1/callback';

/** The code from the parameters of a redirect, after checking `state` and an `error` answer. */
export function codeFromCallback(params: URLSearchParams, expectedState: string): string {
  const error = params.get('error');
  if (error) {
    throw new AuthError(t('auth.login.denied', { error: error.slice(0, 60) }), { hint: t('auth.login.tryAgainHint') });
  }
  const code = params.get('code');
  if (!code) throw new AuthError(t('auth.login.noCode'), { hint: t('auth.login.tryAgainHint') });
  // A foreign state means the redirect did not come from the login this run started.
  if (params.get('state') !== expectedState) throw new AuthError(t('auth.login.stateMismatch'), { hint: t('auth.login.tryAgainHint') });
  registerSecret(code);
  return code;
}

/** The query of what the user pasted: the whole address, or just the part from `?` or `code=`. */
function pastedParams(text: string): URLSearchParams | undefined {
  const trimmed = text.trim();
  const query = URL.canParse(trimmed) ? new URL(trimmed).search : trimmed.slice(trimmed.indexOf('?') + 1);
  const params = new URLSearchParams(query);
  return params.has('code') || params.has('error') ? params : undefined;
}

export function codeFromPastedUrl(text: string, expectedState: string): string {
  const params = pastedParams(text);
  if (!params) throw new UsageError(t('auth.login.pasteInvalid'));
  return codeFromCallback(params, expectedState);
}

export interface CallbackListener {
  /** `http://127.0.0.1:<port>/callback` */
  redirectUri: string;
  /** The code of the one redirect that arrives; rejects on a bad redirect, time-out or abort. */
  code: Promise<string>;
  close(): Promise<void>;
}

export interface ListenOptions {
  state: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

function page(res: ServerResponse, status: number, message: string): void {
  const escaped = message.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(
    `<!doctype html><html lang="${getLang()}"><head><meta charset="utf-8"><title>loket-asr-setup</title></head>` +
      `<body style="font-family:sans-serif;margin:3em"><p>${escaped}</p></body></html>\n`,
  );
}

/** A listener on 127.0.0.1 that takes exactly one request to /callback and then closes. */
export async function listenForCallback(options: ListenOptions): Promise<CallbackListener> {
  const timeoutMs = options.timeoutMs ?? CALLBACK_TIMEOUT_MS;
  let resolveCode: (code: string) => void = () => {};
  let rejectCode: (error: unknown) => void = () => {};
  const code = new Promise<string>((resolve, reject) => {
    resolveCode = resolve;
    rejectCode = reject;
  });
  // The caller may still be opening the browser when a failure arrives.
  code.catch(() => {});

  let consumed = false;
  let closing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // The browser keeps its connection alive; once our answer is out, nothing may hold close() open.
    res.once('finish', () => {
      if (closing) server.closeIdleConnections();
    });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Browsers also ask for /favicon.ico; only the callback itself counts.
    if (consumed || url.pathname !== CALLBACK_PATH || req.method !== 'GET') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    consumed = true;
    try {
      const received = codeFromCallback(url.searchParams, options.state);
      page(res, 200, t('auth.login.page.done'));
      resolveCode(received);
    } catch (error) {
      page(res, 400, t('auth.login.page.failed'));
      rejectCode(error);
    }
    void close();
  });

  const onAbort = () => {
    const reason: unknown = options.signal?.reason;
    rejectCode(reason instanceof Error ? reason : new AuthError(t('auth.login.aborted')));
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    return closing;
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  timer = setTimeout(() => {
    rejectCode(new AuthError(t('auth.login.timeout', { minutes: Math.round(timeoutMs / 60_000) }), { hint: t('auth.login.tryAgainHint') }));
    void close();
  }, timeoutMs);
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, code, close };
}

/** The simulator approves at once: fetch its redirect and hand it to our own listener, no browser. */
async function approveWithoutBrowser(url: string, redirectUri: string, signal: AbortSignal): Promise<void> {
  const answer = await fetch(url, { redirect: 'manual', signal });
  await answer.body?.cancel();
  const location = answer.headers.get('location');
  if (answer.status < 300 || answer.status >= 400 || !location || !location.startsWith(redirectUri)) {
    throw new AuthError(t('auth.login.autoApproveFailed', { status: answer.status }));
  }
  const delivered = await fetch(location, { signal });
  await delivered.body?.cancel();
}

/** --client-id, then LOKET_CLIENT_ID, then the profile; else ask (interactive) or exit 2. */
export async function resolveClientId(ctx: LoginContext, given: { flag?: string; profile?: () => string | undefined }): Promise<string> {
  const known = given.flag || ctx.env[ENV.clientId] || given.profile?.();
  if (known) return known;
  if (!ctx.interactive) {
    throw new UsageError(t('auth.clientId.missing'), { hint: t('auth.clientId.missingHint', { env: ENV.clientId }) });
  }
  ctx.out.info(t('auth.clientId.explain'));
  const answer = await ctx.prompter.input({
    message: t('auth.clientId.prompt'),
    validate: (value) => (value.trim() ? true : t('auth.clientId.empty')),
  });
  return answer.trim();
}

export interface LoginFlowOptions {
  authUrl: string;
  clientId: string;
  /** The token endpoint to exchange the code at (src/auth/session.ts tokenEndpointFor: the one factory). */
  endpoint: TokenEndpoint;
  /** Ask for the address the browser landed on instead of listening on loopback. */
  paste?: boolean;
  /** False: print the URL only. */
  browser?: boolean;
  /** The simulator: follow its immediate redirect ourselves. */
  autoApprove?: boolean;
}

export interface LoginResult {
  grant: TokenGrant;
  /** Including one typed at the prompt, so it can be kept with the refresh token. */
  clientSecret?: string;
}

export async function runLoginFlow(ctx: LoginContext, options: LoginFlowOptions): Promise<LoginResult> {
  const paste = options.paste === true && !options.autoApprove;
  if (paste && !ctx.interactive) throw new UsageError(t('auth.login.pasteNeedsTerminal'), { hint: t('auth.login.pasteNeedsTerminalHint') });
  const pkce = createPkce();
  const state = createState();
  const listener = paste ? undefined : await listenForCallback({ state, signal: ctx.signal });
  try {
    const redirectUri = listener?.redirectUri ?? PASTE_REDIRECT_URI;
    const url = authorizeUrl({ authUrl: options.authUrl, clientId: options.clientId, redirectUri, state, codeChallenge: pkce.challenge });
    let code: string;
    if (options.autoApprove && listener) {
      await approveWithoutBrowser(url, redirectUri, ctx.signal);
      code = await listener.code;
    } else {
      // The URL is what the user needs when no browser opens, so it is shown even with --json.
      const say = (text: string) => (ctx.out.json ? ctx.out.warn(text) : ctx.out.info(text));
      const opened = options.browser !== false && openBrowser(url, { env: ctx.env });
      say(t(opened ? 'auth.login.openedUrl' : 'auth.login.openUrl', { url }));
      if (listener) {
        ctx.out.info(t('auth.login.waiting'));
        code = await listener.code;
      } else {
        const pasted = await ctx.prompter.input({
          message: t('auth.login.pastePrompt'),
          validate: (value) => (pastedParams(value) ? true : t('auth.login.pasteInvalid')),
        });
        code = codeFromPastedUrl(pasted, state);
      }
    }
    const grant = await options.endpoint.request({ grantType: 'authorization_code', code, redirectUri, codeVerifier: pkce.verifier });
    const clientSecret = options.endpoint.clientSecret();
    return { grant, ...(clientSecret ? { clientSecret } : {}) };
  } finally {
    await listener?.close();
  }
}

export async function askClientSecret(ctx: Pick<LoginContext, 'out' | 'prompter'>): Promise<string> {
  ctx.out.info(t('auth.clientSecret.explain', { env: ENV.clientSecret }));
  const secret = (await ctx.prompter.secret({ message: t('auth.clientSecret.prompt') })).trim();
  registerSecret(secret);
  return secret;
}
