import { afterEach, describe, expect, it } from 'vitest';
import { clearSecrets, redact, redactJson, redactUrl, registerSecret } from '../../src/loket/redact.js';

afterEach(() => clearSecrets());

describe('redact', () => {
  it('hides a registered secret and its base64, base64url and URL-encoded forms', () => {
    const secret = 'ab+/c?d~token-value=';
    registerSecret(secret);
    const forms = [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url'), encodeURIComponent(secret)];
    for (const form of forms) {
      expect(redact(`value: ${form} end`)).toBe('value: [redacted] end');
    }
  });

  it('ignores values too short to be secrets', () => {
    registerSecret('abc');
    registerSecret('');
    registerSecret(undefined);
    expect(redact('abc')).toBe('abc');
  });

  it('hides the values of credential headers', () => {
    expect(redact('Authorization: Bearer eyJhbGciOi.x.y')).toBe('Authorization: [redacted]');
    expect(redact('proxy-authorization: Basic dXNlcjpwYXNz')).toBe('proxy-authorization: [redacted]');
    expect(redact('Cookie: session=abc\nSet-Cookie: id=def; HttpOnly\nAccept: json')).toBe('Cookie: [redacted]\nSet-Cookie: [redacted]\nAccept: json');
  });

  it('hides bearer tokens anywhere', () => {
    expect(redact('sent Bearer abc.def-ghi_jkl= to the API')).toBe('sent Bearer [redacted] to the API');
  });

  it('hides JSON values under secret-looking keys', () => {
    const body = JSON.stringify({
      access_token: 'a',
      refresh_token: 'b',
      client_secret: 'c',
      password: 'd',
      code_verifier: 'e',
      expires: 3599,
      nested: { Authorization: 'Bearer f', newPassword: 12 },
    });
    const shown = JSON.parse(redact(body));
    expect(shown).toEqual({
      access_token: '[redacted]',
      refresh_token: '[redacted]',
      client_secret: '[redacted]',
      password: '[redacted]',
      code_verifier: '[redacted]',
      expires: 3599,
      nested: { Authorization: '[redacted]', newPassword: '[redacted]' },
    });
  });

  it('hides form and query values under secret-looking keys, and the OAuth code', () => {
    expect(redact('grant_type=refresh_token&refresh_token=r1&client_id=app&client_secret=s1')).toBe(
      'grant_type=refresh_token&refresh_token=[redacted]&client_id=app&client_secret=[redacted]',
    );
    expect(redact('http://127.0.0.1:5000/callback?code=c1&state=s2')).toBe('http://127.0.0.1:5000/callback?code=[redacted]&state=s2');
  });

  it('hides URL userinfo', () => {
    expect(redact('proxy http://jan:geheim@proxy.corp:3128 failed')).toBe('proxy http://[redacted]@proxy.corp:3128 failed');
  });
});

describe('redactUrl', () => {
  it('drops secret query parameters and userinfo, keeps the rest', () => {
    expect(redactUrl('https://u:p@api.loket.nl/v2/user?pageNumber=2&access_token=x&code=y')).toBe('https://[redacted]@api.loket.nl/v2/user?pageNumber=2');
  });

  it('redacts registered secrets in the path too', () => {
    registerSecret('secret-in-path-123');
    expect(redactUrl('https://api.loket.nl/v2/secret-in-path-123')).toBe('https://api.loket.nl/v2/[redacted]');
  });
});

describe('redactJson', () => {
  it('blanks secret keys and redacts every string, deeply', () => {
    registerSecret('known-secret-value');
    expect(redactJson({ list: [{ token: 'x', name: 'ok' }], note: 'has known-secret-value inside', count: 3, empty: null })).toEqual({
      list: [{ token: '[redacted]', name: 'ok' }],
      note: 'has [redacted] inside',
      count: 3,
      empty: null,
    });
  });
});
