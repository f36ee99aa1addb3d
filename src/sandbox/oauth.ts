/**
 * The simulated Loket OAuth server: /authorize approves at once (there is no one to log in), /token
 * speaks the authorization-code (with PKCE S256) and refresh-token grants of loket-api.md §2. Tokens
 * carry Loket's `two_factor_state`; errors are `{ error, error_description }`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { t } from '../i18n/index.js';

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3599;
const CODE_LIFETIME_MS = 10 * 60 * 1000;
const MAX_FORM_BYTES = 64 * 1024;

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  /** Loket's own field (spec intro's token example); the refresh flow skips the two-factor step. */
  two_factor_state: 'None';
}

type OAuthErrorCode = 'invalid_grant' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_request';

const newSecret = (): string => randomBytes(24).toString('base64url');

export class TokenStore {
  private readonly accessTokens = new Map<string, number>();
  // Rotated on every refresh, but earlier ones stay valid so a retried refresh is harmless.
  private readonly refreshTokens = new Set<string>();

  issue(): TokenResponse {
    const accessToken = newSecret();
    const refreshToken = newSecret();
    this.accessTokens.set(accessToken, Date.now() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000);
    this.refreshTokens.add(refreshToken);
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      refresh_token: refreshToken,
      two_factor_state: 'None',
    };
  }

  isValidAccessToken(token: string | undefined): boolean {
    if (token === undefined) return false;
    const expiresAt = this.accessTokens.get(token);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.accessTokens.delete(token);
    return false;
  }

  isValidRefreshToken(token: string): boolean {
    return this.refreshTokens.has(token);
  }

  revokeAccessTokens(): void {
    this.accessTokens.clear();
  }

  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }
}

interface PendingCode {
  redirectUri: string;
  codeChallenge?: string;
  expiresAt: number;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
}

function sendOAuthJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendOAuthError(res: ServerResponse, error: OAuthErrorCode, description: string): void {
  sendOAuthJson(res, 400, { error, error_description: description });
}

function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_FORM_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_FORM_BYTES ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** Client credentials from HTTP Basic or from the form; the secret is never checked. */
function clientIdOf(req: IncomingMessage, form: URLSearchParams): string | undefined {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!basic) return form.get('client_id') ?? undefined;
  const user =
    Buffer.from(basic[1] as string, 'base64')
      .toString('utf8')
      .split(':')[0] ?? '';
  try {
    return decodeURIComponent(user.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export function createOAuthServer(clientId: string, tokens: TokenStore) {
  const codes = new Map<string, PendingCode>();

  function authorize(req: IncomingMessage, url: URL, res: ServerResponse): void {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      return sendOAuthJson(res, 405, { error: 'invalid_request', error_description: t('sandbox.oauth.getOnly') });
    }
    const query = url.searchParams;
    if (query.get('client_id') !== clientId) return sendText(res, 400, t('sandbox.oauth.unknownClient'));
    const redirectUri = query.get('redirect_uri');
    if (!redirectUri || !URL.canParse(redirectUri)) return sendText(res, 400, t('sandbox.oauth.badRedirectUri'));

    const target = new URL(redirectUri);
    const state = query.get('state');
    const redirect = (params: Record<string, string>): void => {
      for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
      if (state !== null) target.searchParams.set('state', state);
      res.writeHead(302, { Location: target.href }).end();
    };
    // Past this point the redirect URI is trusted, so errors go back to the client (RFC 6749 §4.1.2.1).
    if (query.get('response_type') !== 'code') {
      return redirect({ error: 'unsupported_response_type', error_description: t('sandbox.oauth.responseTypeCode') });
    }
    const codeChallenge = query.get('code_challenge') ?? undefined;
    if (codeChallenge !== undefined && query.get('code_challenge_method') !== 'S256') {
      return redirect({ error: 'invalid_request', error_description: t('sandbox.oauth.challengeMethod') });
    }
    const code = newSecret();
    codes.set(code, { redirectUri, expiresAt: Date.now() + CODE_LIFETIME_MS, ...(codeChallenge ? { codeChallenge } : {}) });
    redirect({ code });
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendOAuthJson(res, 405, { error: 'invalid_request', error_description: t('sandbox.oauth.postOnly') });
    }
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) {
      return sendOAuthError(res, 'invalid_request', t('sandbox.oauth.formEncoded'));
    }
    const form = await readForm(req);
    if (!form) return sendOAuthError(res, 'invalid_request', t('sandbox.oauth.formTooLarge'));
    if (clientIdOf(req, form) !== clientId) return sendOAuthError(res, 'invalid_client', t('sandbox.oauth.unknownClient'));

    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = form.get('code');
      if (!code) return sendOAuthError(res, 'invalid_request', t('sandbox.oauth.missingParameter', { name: 'code' }));
      const pending = codes.get(code);
      codes.delete(code);
      if (!pending || pending.expiresAt <= Date.now()) return sendOAuthError(res, 'invalid_grant', t('sandbox.oauth.invalidCode'));
      if (form.get('redirect_uri') !== pending.redirectUri) {
        return sendOAuthError(res, 'invalid_grant', t('sandbox.oauth.redirectUriMismatch'));
      }
      if (pending.codeChallenge !== undefined) {
        const verifier = form.get('code_verifier');
        if (!verifier || s256(verifier) !== pending.codeChallenge) {
          return sendOAuthError(res, 'invalid_grant', t('sandbox.oauth.verifierMismatch'));
        }
      }
      return sendOAuthJson(res, 200, tokens.issue());
    }
    if (grantType === 'refresh_token') {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return sendOAuthError(res, 'invalid_request', t('sandbox.oauth.missingParameter', { name: 'refresh_token' }));
      if (!tokens.isValidRefreshToken(refreshToken)) return sendOAuthError(res, 'invalid_grant', t('sandbox.oauth.invalidRefreshToken'));
      return sendOAuthJson(res, 200, tokens.issue());
    }
    if (!grantType) return sendOAuthError(res, 'invalid_request', t('sandbox.oauth.missingParameter', { name: 'grant_type' }));
    return sendOAuthError(res, 'unsupported_grant_type', t('sandbox.oauth.unsupportedGrantType', { grantType }));
  }

  return { authorize, token };
}
