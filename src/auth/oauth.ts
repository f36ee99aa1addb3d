/**
 * OAuth 2.0 for Loket.nl (loket-api.md §2): PKCE, the authorize URL and the token endpoint.
 *
 * Like the http layer, the token request is one exchange (src/loket/exchange.ts), which hands back
 * an answer or only a code, never an error: the form holds the code, the refresh token and the
 * client secret, so nothing of the request reaches a message, log line or error's cause.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ApiError, AuthError, type CliErrorOptions } from '../errors.js';
import { t } from '../i18n/index.js';
import { DEFAULTS } from '../env.js';
import { loketMessageOf, tooLarge, undecodable, unreachableHost } from '../loket/errors.js';
import { monotonicMs } from '../clock.js';
import { EXCHANGE_CODES, exchange } from '../loket/exchange.js';
import { connectionFor } from '../loket/proxy.js';
import { redactUrl, registerSecret } from '../loket/redact.js';

const SCOPE = 'all';

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** RFC 7636 §4.2: BASE64URL(SHA256(verifier)). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** 32 random bytes → a 43-character verifier, the length RFC 7636 recommends. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}

export function createState(): string {
  return randomBytes(16).toString('base64url');
}

export interface AuthorizeRequest {
  authUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}

export function authorizeUrl(request: AuthorizeRequest): string {
  const url = new URL(`${request.authUrl.replace(/\/+$/, '')}/authorize`);
  url.search = new URLSearchParams({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: SCOPE,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

export interface TokenGrant {
  accessToken: string;
  /** Absent when the server keeps the refresh token it had (no rotation). */
  refreshToken?: string;
  expiresInSeconds?: number;
}

export type GrantRequest =
  { grantType: 'authorization_code'; code: string; redirectUri: string; codeVerifier: string } | { grantType: 'refresh_token'; refreshToken: string };

/** A refusal by the token endpoint (400/401 with an OAuth `error`); exit 3 like every login problem. */
export class OAuthError extends AuthError {
  readonly oauthError: string;
  constructor(oauthError: string, message: string, options?: CliErrorOptions) {
    super(message, options);
    this.oauthError = oauthError;
  }
}

export interface ClientCredentials {
  clientId: string;
  clientSecret?: string;
  /**
   * Asked once when the server answers `invalid_client` and no secret was sent (a hidden prompt);
   * absent when nobody can be asked.
   */
  askSecret?: () => Promise<string>;
}

export interface TokenEndpointOptions {
  authUrl: string;
  credentials: ClientCredentials;
  timeoutMs?: number;
  signal?: AbortSignal;
  debug?: (line: string) => void;
  /** Proxy variables; process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface TokenEndpoint {
  request(grant: GrantRequest): Promise<TokenGrant>;
  /** The secret in use, including one the user typed at the prompt (so it can be stored). */
  clientSecret(): string | undefined;
}

export function createTokenEndpoint(options: TokenEndpointOptions): TokenEndpoint {
  const tokenUrl = `${options.authUrl.replace(/\/+$/, '')}/token`;
  const target = new URL(tokenUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  let clientSecret = options.credentials.clientSecret;
  registerSecret(clientSecret);

  async function post(grant: GrantRequest): Promise<TokenGrant> {
    const form = new URLSearchParams({ grant_type: grant.grantType });
    if (grant.grantType === 'authorization_code') {
      form.set('code', grant.code);
      form.set('redirect_uri', grant.redirectUri);
      form.set('code_verifier', grant.codeVerifier);
    } else {
      form.set('refresh_token', grant.refreshToken);
    }
    form.set('client_id', options.credentials.clientId);
    if (clientSecret) form.set('client_secret', clientSecret);

    const connection = connectionFor(target, { maxSockets: 1 }, options.env);
    const started = monotonicMs();
    const log = (what: string) => options.debug?.(`oauth POST ${redactUrl(tokenUrl)} ${grant.grantType} ${what} ${Math.round(monotonicMs() - started)}ms`);
    let outcome;
    try {
      // The same limits as every API request (src/loket/exchange.ts): one deadline for connect,
      // headers and the whole body, and a body size limit counted while it streams in. The form goes
      // as application/x-www-form-urlencoded (RFC 6749 §4.1.3, §6); a redirect is not followed.
      outcome = await exchange(
        { method: 'POST', url: target, headers: { Accept: 'application/json' }, body: { form: form.toString() }, agent: await connection.agent() },
        { timeoutMs, ...(options.signal ? { signal: options.signal } : {}) },
      );
    } finally {
      connection.close();
    }
    if ('code' in outcome) {
      log(outcome.code);
      if (outcome.code === EXCHANGE_CODES.aborted && options.signal?.reason instanceof Error) throw options.signal.reason;
      throw networkError(outcome.code, target.host, timeoutMs);
    }
    log(String(outcome.status));
    return answer(outcome.status, outcome.body, target.host);
  }

  return {
    clientSecret: () => clientSecret,
    async request(grant) {
      try {
        return await post(grant);
      } catch (error) {
        const ask = options.credentials.askSecret;
        if (!(error instanceof OAuthError && error.oauthError === 'invalid_client' && !clientSecret && ask)) throw error;
        clientSecret = await ask();
        registerSecret(clientSecret);
        return post(grant);
      }
    },
  };
}

function answer(status: number, body: string, host: string): TokenGrant {
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === 'object') json = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: a proxy or portal page, handled below as an unexpected answer.
  }
  if (status === 200 && json && typeof json.access_token === 'string' && json.access_token !== '') {
    const grant: TokenGrant = { accessToken: json.access_token };
    registerSecret(grant.accessToken);
    if (typeof json.refresh_token === 'string' && json.refresh_token !== '') {
      grant.refreshToken = json.refresh_token;
      registerSecret(grant.refreshToken);
    }
    if (typeof json.expires_in === 'number') grant.expiresInSeconds = json.expires_in;
    return grant;
  }
  if ((status === 400 || status === 401) && json && typeof json.error === 'string') {
    const said = loketMessageOf(body);
    const details = said ? ` ${t('loket.http.loketSays', { message: said })}` : '';
    if (json.error === 'invalid_grant') {
      throw new OAuthError('invalid_grant', `${t('auth.token.invalidGrant')}${details}`, { hint: t('auth.token.loginHint') });
    }
    if (json.error === 'invalid_client') {
      throw new OAuthError('invalid_client', `${t('auth.token.invalidClient')}${details}`, { hint: t('auth.token.invalidClientHint') });
    }
    throw new OAuthError(json.error, `${t('auth.token.refused', { error: json.error.slice(0, 60) })}${details}`);
  }
  throw new ApiError(t('auth.token.unexpected', { host, status }), { method: 'POST', path: '/token', status });
}

function networkError(code: string, host: string, timeoutMs: number): ApiError {
  const details = { method: 'POST', path: '/token', code };
  const unreachable = unreachableHost(code, host, details);
  if (unreachable) return unreachable;
  if (code === EXCHANGE_CODES.tooLarge) return tooLarge(host, { method: 'POST', path: '/token' });
  if (code === EXCHANGE_CODES.undecodable) return undecodable(host, { method: 'POST', path: '/token' });
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new ApiError(t('auth.token.timeout', { host, seconds: timeoutMs / 1000 }), details, { hint: t('loket.http.timeoutHint') });
  }
  return new ApiError(t('loket.http.network', { ...details, host }), details, { hint: t('loket.http.networkHint') });
}
