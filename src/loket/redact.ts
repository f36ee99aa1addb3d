/**
 * The one redaction point (SPEC §8). Everything the tool prints or writes about HTTP traffic —
 * `--debug` lines, error messages, `--dump` files — passes through here first.
 */

const REDACTED = '[redacted]';

/** Key names whose values are secrets, wherever they appear (JSON, form bodies, query strings). */
// `authorization` only as a whole key: Loket's own `authorizations`, `authorizationSet` are data.
const SECRET_KEY = /password|secret|token|code_verifier|refresh|^authorization$|cookie/i;
/** In URLs and form bodies a bare `code` is the OAuth authorization code. */
const SECRET_PARAM = new RegExp(`${SECRET_KEY.source}|^code$`, 'i');

/** Shorter values would blank out ordinary words; real tokens and secrets are far longer. */
const MIN_SECRET_LENGTH = 6;

const secretForms = new Set<string>();
/** Longest first, so a secret that contains another is replaced whole. */
let orderedForms: string[] = [];

/** Remember a secret value so that it, and its base64 / base64url / URL-encoded forms, never show. */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < MIN_SECRET_LENGTH) return;
  const bytes = Buffer.from(value, 'utf8');
  const base64 = bytes.toString('base64');
  for (const form of [value, base64, base64.replace(/=+$/, ''), bytes.toString('base64url'), encodeURIComponent(value)]) {
    secretForms.add(form);
  }
  orderedForms = [...secretForms].sort((a, b) => b.length - a.length);
}

/** For tests: forget every registered secret. */
export function clearSecrets(): void {
  secretForms.clear();
  orderedForms = [];
}

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

const HEADER_LINE = /\b((?:proxy-)?authorization|set-cookie|cookie)(\s*:\s*)[^\r\n]*/gi;
const BEARER = /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi;
/** `"key": value` where the value is a string or a scalar; objects and arrays are walked into. */
const JSON_PAIR = /"([^"\\]*)"(\s*:\s*)("(?:[^"\\]|\\.)*"|[^\s,:{}[\]"]+)/g;
const PARAM_PAIR = /(^|[?&;\s])([\w.\-[\]]+)=([^&;\s#"']*)/g;
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

export function redact(text: string): string {
  let out = text;
  for (const form of orderedForms) out = out.split(form).join(REDACTED);
  return out
    .replace(USERINFO, `$1${REDACTED}@`)
    .replace(HEADER_LINE, `$1$2${REDACTED}`)
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(JSON_PAIR, (whole, key: string, colon: string) => (SECRET_KEY.test(key) ? `"${key}"${colon}"${REDACTED}"` : whole))
    .replace(PARAM_PAIR, (whole, lead: string, key: string) => (SECRET_PARAM.test(key) ? `${lead}${key}=${REDACTED}` : whole));
}

/** A URL fit for a log line: no userinfo, no secret query parameters, no known secret anywhere. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redact(url);
  }
  const hadUserinfo = parsed.username !== '' || parsed.password !== '';
  parsed.username = '';
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(key)) parsed.searchParams.delete(key);
  }
  let text = parsed.toString();
  if (hadUserinfo) text = text.replace('://', `://${REDACTED}@`);
  return redact(text);
}

/** A JSON value with secret-looking keys blanked and every string passed through `redact`. */
export function redactJson(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(redactJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, isSecretKey(key) ? REDACTED : redactJson(inner)]));
  }
  return value;
}
