/**
 * The agents that go through a proxy (loaded only when HTTPS_PROXY / HTTP_PROXY apply, see
 * proxy.ts): https-proxy-agent and http-proxy-agent bring node:tls, node:assert and the debug
 * package with node:tty, milliseconds of every start that a direct connection never needs.
 */
import type http from 'node:http';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';

/** https through CONNECT, plain http forwarded to the proxy; both keep their connections alive. */
export function proxyAgent(proxyUrl: URL, secure: boolean, options: http.AgentOptions): http.Agent {
  return secure ? new HttpsProxyAgent(proxyUrl, options) : new HttpProxyAgent(proxyUrl, options);
}
