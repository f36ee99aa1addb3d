/**
 * nock cannot see through a proxy agent (it matches the target host and its passthrough bypasses the
 * agent), so the end-to-end part runs a real proxy on loopback and targets a `.invalid` host: if the
 * proxy were bypassed, the name could not even be resolved.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';
import { createHttp } from '../../src/loket/http.js';
import { bypassesProxy, connectionFor, proxyFor } from '../../src/loket/proxy.js';
import { fakeTokens, instantRetry } from './helpers.js';

setLang('en');

const loket = new URL('https://api.loket.nl/v2');

/** Node sets it on every Agent; @types/node does not declare it. */
const keepsAlive = (agent: http.Agent): unknown => (agent as http.Agent & { keepAlive?: boolean }).keepAlive;

describe('proxyFor', () => {
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, lower-case first', () => {
    const env = { HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128', HTTP_PROXY: 'http://plain:8080' };
    expect(proxyFor(loket, env)).toBe('http://lower:3128');
    expect(proxyFor(new URL('http://api.example/v2'), env)).toBe('http://plain:8080');
    expect(proxyFor(loket, { HTTP_PROXY: 'http://plain:8080' })).toBeUndefined();
    expect(proxyFor(loket, {})).toBeUndefined();
  });

  it('adds a scheme to a bare host:port', () => {
    expect(proxyFor(loket, { HTTPS_PROXY: 'proxy.corp:3128' })).toBe('http://proxy.corp:3128');
  });

  it('never proxies loopback', () => {
    expect(proxyFor(new URL('http://127.0.0.1:4010/v2'), { HTTP_PROXY: 'http://proxy:3128' })).toBeUndefined();
  });
});

describe('bypassesProxy (NO_PROXY)', () => {
  it.each([
    ['*', true],
    ['api.loket.nl', true],
    ['loket.nl', true],
    ['.loket.nl', true],
    ['*.loket.nl', true],
    ['other.nl, loket.nl', true],
    ['api.loket.nl:443', true],
    ['api.loket.nl:8443', false],
    ['ket.nl', false],
    ['example.com', false],
    ['', false],
    ['fe80::1', false],
  ])('NO_PROXY=%j → %s', (noProxy, expected) => {
    expect(bypassesProxy(loket, noProxy)).toBe(expected);
  });

  it('matches IPv6 entries', () => {
    const v6 = new URL('https://[fe80::1]/v2');
    expect(bypassesProxy(v6, 'fe80::1')).toBe(true);
    expect(bypassesProxy(v6, '[fe80::1]:443')).toBe(true);
    expect(bypassesProxy(v6, '[fe80::1]:8443')).toBe(false);
  });

  it('reads no_proxy in either case', () => {
    expect(proxyFor(loket, { HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'loket.nl' })).toBeUndefined();
    expect(proxyFor(loket, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'loket.nl' })).toBeUndefined();
  });
});

describe('connectionFor', () => {
  it('tunnels https through the proxy with a keep-alive agent', async () => {
    const connection = connectionFor(loket, { maxSockets: 4 }, { HTTPS_PROXY: 'http://proxy.corp:3128' });
    const agent = await connection.agent();
    expect(agent).toBeInstanceOf(HttpsProxyAgent);
    expect((agent as HttpsProxyAgent<string>).proxy.host).toBe('proxy.corp:3128');
    expect(keepsAlive(agent)).toBe(true);
    expect(connection.proxy).toBe('http://proxy.corp:3128');
    // One agent for the whole run, made once.
    expect(await connection.agent()).toBe(agent);
    connection.close();
  });

  it('forwards plain http through the proxy', async () => {
    const connection = connectionFor(new URL('http://api.example/v2'), { maxSockets: 4 }, { HTTP_PROXY: 'http://proxy.corp:8080' });
    expect(await connection.agent()).toBeInstanceOf(HttpProxyAgent);
    connection.close();
  });

  it('connects directly with a keep-alive agent otherwise', async () => {
    const connection = connectionFor(loket, { maxSockets: 4 }, {});
    const agent = await connection.agent();
    expect(agent).toBeInstanceOf(https.Agent);
    expect(agent).not.toBeInstanceOf(HttpsProxyAgent);
    expect(keepsAlive(agent)).toBe(true);
    expect(agent.maxSockets).toBe(4);
    expect(connection.proxy).toBeUndefined();
    connection.close();
  });

  it('refuses a proxy setting that is not a URL', () => {
    expect(() => connectionFor(loket, { maxSockets: 4 }, { HTTPS_PROXY: 'http://[bad' })).toThrow('HTTPS_PROXY');
  });
});

describe('requests through a proxy on loopback', () => {
  const seen: { method?: string; url?: string; authorization?: string }[] = [];
  const proxy = http.createServer((request, response) => {
    seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify({ userName: 'via-proxy' }));
  });
  proxy.on('connect', (request: http.IncomingMessage, socket: import('node:net').Socket) => {
    seen.push({ method: 'CONNECT', url: request.url });
    socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
  });
  let proxyUrl = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('sends an http request to the proxy, with the token', async () => {
    seen.length = 0;
    const client = createHttp({
      apiUrl: 'http://api.loket.invalid/v2',
      tokens: fakeTokens(),
      retry: instantRetry(),
      env: { HTTP_PROXY: proxyUrl },
    });
    await expect(client.get('/user')).resolves.toEqual({ userName: 'via-proxy' });
    expect(seen).toEqual([{ method: 'GET', url: 'http://api.loket.invalid/v2/user', authorization: 'Bearer access-token-1' }]);
    client.close();
  });

  it('opens an https tunnel with CONNECT and explains a proxy asking for a login', async () => {
    seen.length = 0;
    const client = createHttp({
      apiUrl: 'https://api.loket.invalid/v2',
      tokens: fakeTokens(),
      retry: instantRetry(),
      env: { HTTPS_PROXY: proxyUrl },
    });
    const error = await client.get('/user').catch((failure: unknown) => failure);
    expect(seen).toEqual([{ method: 'CONNECT', url: 'api.loket.invalid:443' }]);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details.status).toBe(407);
    expect((error as ApiError).hint).toContain('HTTPS_PROXY');
    client.close();
  });
});
