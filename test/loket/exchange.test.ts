/**
 * exchange() on its own (src/loket/exchange.ts), against real servers on loopback: what goes on the
 * wire (headers, a JSON or form body), what comes back decoded (gzip, deflate, br), and where a body
 * stops — the size limit counts decoded bytes, so a small compressed body cannot inflate past it,
 * and compressed bytes that do not decode are a failure of their own, not a network one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { EXCHANGE_CODES, exchange, MAX_BODY_BYTES, type ExchangeOutcome, type ExchangeRequest } from '../../src/loket/exchange.js';
import { listen, tracked } from '../helpers/hostile.js';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A server on 127.0.0.1 that records each request (with its body) and answers it with `answer`. */
async function serve(answer: (res: ServerResponse, req: IncomingMessage) => void): Promise<{ url: URL; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(res, req);
    });
  });
  const state = tracked(server);
  const url = new URL(`${await listen(server)}/v2/user`);
  closers.push(() => state.close());
  return { url, seen };
}

function agent(): http.Agent {
  const keepAlive = new http.Agent({ keepAlive: true });
  closers.push(() => keepAlive.destroy());
  return keepAlive;
}

function send(url: URL, request: Partial<ExchangeRequest> = {}, limits: { maxBodyBytes?: number; timeoutMs?: number } = {}): Promise<ExchangeOutcome> {
  return exchange({ method: 'GET', url, headers: { Accept: 'application/json' }, agent: agent(), ...request }, { timeoutMs: 10_000, ...limits });
}

/** An answer whose body is `bytes` as they are, with `encoding` as its Content-Encoding. */
const encoded =
  (bytes: Buffer, encoding: string, status = 200) =>
  (res: ServerResponse): void => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Encoding': encoding, 'Content-Length': String(bytes.length) }).end(bytes);
  };

const page = JSON.stringify({ _embedded: Array.from({ length: 250 }, (_, i) => ({ id: `werkgever-${i}`, name: `Bakkerij Zoë ${i}` })) });

describe('the request on the wire', () => {
  it('a GET carries the headers given, the User-Agent and the encodings it can decode, and nothing of a body', async () => {
    const { url, seen } = await serve((res) => res.end('{}'));
    const outcome = await send(url, { headers: { Authorization: 'Bearer access-token-1', Accept: 'application/json;version=2018-01-01' } });
    expect(outcome).toMatchObject({ status: 200, body: '{}' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/v2/user', body: '' });
    expect(seen[0]!.headers).toMatchObject({
      authorization: 'Bearer access-token-1',
      accept: 'application/json;version=2018-01-01',
      'accept-encoding': 'gzip, deflate, br',
      'user-agent': 'loket-asr-setup/0.0.0-test',
    });
    expect(seen[0]!.headers['content-type']).toBeUndefined();
    expect(seen[0]!.headers['content-length']).toBeUndefined();
    expect(seen[0]!.headers['transfer-encoding']).toBeUndefined();
  });

  it('a JSON body goes as application/json, with its length in UTF-8 bytes', async () => {
    const { url, seen } = await serve((res) => res.end('{}'));
    const body = { naam: 'Bakkerij Zoë', aantal: 3 };
    await send(url, { method: 'POST', body: { json: body } });
    const text = JSON.stringify(body);
    expect(seen[0]).toMatchObject({ method: 'POST', body: text });
    expect(seen[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
    expect(Buffer.byteLength(text)).toBeGreaterThan(text.length);
  });

  it('a form goes exactly as given, as application/x-www-form-urlencoded with its length', async () => {
    const { url, seen } = await serve((res) => res.end('{}'));
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'r+t/1', client_secret: 's3cr&t' }).toString();
    await send(url, { method: 'POST', body: { form } });
    expect(seen[0]).toMatchObject({ method: 'POST', body: form });
    expect(seen[0]!.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(form.length) });
  });

  it('a header Node refuses to send (a token with a line break) is a code, not a throw, and nothing is sent', async () => {
    const { url, seen } = await serve((res) => res.end('{}'));
    const outcome = await send(url, { headers: { Authorization: 'Bearer access-token-1\r\nX-Evil: 1' } });
    expect(outcome).toEqual({ code: 'ERR_INVALID_CHAR' });
    expect(seen).toEqual([]);
  });

  it('a redirect is not followed: the 3xx comes back as it is', async () => {
    const { url, seen } = await serve((res) => res.writeHead(302, { Location: '/elsewhere' }).end());
    expect(await send(url)).toMatchObject({ status: 302, headers: { location: '/elsewhere' }, body: '' });
    expect(seen).toHaveLength(1);
  });
});

describe('compressed answers', () => {
  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    // A zlib stream with a small window starts 0x18…0x68, not 0x78: still the zlib format.
    ['deflate', (data: Buffer) => deflateSync(data, { windowBits: 9 })],
    ['br', brotliCompressSync],
    ['GZip ', gzipSync],
  ] as const)('Content-Encoding %j (%o) is decoded', async (encoding, compress) => {
    const { url } = await serve(encoded(compress(Buffer.from(page)), encoding));
    const outcome = await send(url);
    expect(outcome).toMatchObject({ status: 200, body: page });
  });

  it('headers come back as Node gives them, in lower case', async () => {
    const { url } = await serve((res) => res.writeHead(429, { 'Retry-After': '7', 'X-Squid-Error': 'ERR_ACCESS_DENIED 0' }).end());
    const outcome = await send(url);
    expect(outcome).toMatchObject({ status: 429, headers: { 'retry-after': '7', 'x-squid-error': 'ERR_ACCESS_DENIED 0' } });
  });

  it('an empty body announced as compressed (a 204) is an empty body', async () => {
    const { url } = await serve((res) => res.writeHead(204, { 'Content-Encoding': 'gzip' }).end());
    expect(await send(url)).toMatchObject({ status: 204, body: '' });
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
  ] as const)('the size limit counts decoded bytes: a small %s body that inflates past it is ETOOLARGE', async (encoding, compress) => {
    const bytes = compress(Buffer.alloc(1024 * 1024, 'a'));
    expect(bytes.length).toBeLessThan(8 * 1024);
    const { url } = await serve(encoded(bytes, encoding));
    expect(await send(url, {}, { maxBodyBytes: 64 * 1024 })).toEqual({ code: EXCHANGE_CODES.tooLarge });
    // The same body within a limit it fits is read in full.
    expect(await send(url, {}, { maxBodyBytes: 1024 * 1024 })).toMatchObject({ status: 200, body: 'a'.repeat(1024 * 1024) });
  });

  it(`a zip bomb (64 MB of zeros in under 100 kB of gzip) stops at the ${MAX_BODY_BYTES / 1024 / 1024} MB limit`, async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const { url } = await serve(encoded(bomb, 'gzip'));
    const outcome = await send(url);
    // Not the 64 MB body itself in a failure's diff.
    expect('body' in outcome ? `a body of ${outcome.body.length} characters` : outcome).toEqual({ code: EXCHANGE_CODES.tooLarge });
  });

  it('a corrupt gzip body is EBADENCODING', async () => {
    const broken = gzipSync(Buffer.from(page));
    broken.fill(0x55, 20, 60);
    const { url } = await serve(encoded(broken, 'gzip'));
    expect(await send(url)).toEqual({ code: EXCHANGE_CODES.undecodable });
  });

  it('a body that is not gzip at all, or a gzip stream cut short (the HTTP body whole), is EBADENCODING', async () => {
    const whole = gzipSync(Buffer.from(page));
    for (const bytes of [Buffer.from('{"content":"plain, despite the header"}'), whole.subarray(0, whole.length - 12)]) {
      const { url } = await serve(encoded(bytes, 'gzip'));
      expect(await send(url)).toEqual({ code: EXCHANGE_CODES.undecodable });
    }
  });

  it.each(['compress', 'zstd', 'gzip, br', 'rot13'])('Content-Encoding %j, not asked for, is EBADENCODING', async (encoding) => {
    const { url } = await serve(encoded(Buffer.from(page), encoding));
    expect(await send(url)).toEqual({ code: EXCHANGE_CODES.undecodable });
  });

  it('a connection that breaks in the middle of a gzip body is ECONNRESET, as with a plain one', async () => {
    const whole = gzipSync(Buffer.from(page));
    const { url } = await serve((res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': String(whole.length) });
      res.write(whole.subarray(0, 100), () => res.socket?.resetAndDestroy());
    });
    expect(await send(url)).toEqual({ code: EXCHANGE_CODES.reset });
  });
});

describe('axios is gone', () => {
  it('no file of src/ imports or requires axios', () => {
    const src = join(import.meta.dirname, '..', '..', 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    const importing = files.filter((file) => /\bfrom\s+['"]axios['"/]|\b(import|require)\s*\(\s*['"]axios['"/]/.test(readFileSync(join(src, file), 'utf8')));
    expect(importing).toEqual([]);
  });
});
