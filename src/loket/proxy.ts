/**
 * Proxy choice for the API connection: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case, lower-case
 * first as curl does). The agent chosen here is what every request goes through (exchange.ts hands it
 * to node:http / node:https `request()`): https-proxy-agent tunnels https through CONNECT,
 * http-proxy-agent sends plain http to the proxy with the full URL, and without a proxy a keep-alive
 * Agent connects directly.
 */
import http from 'node:http';
import https from 'node:https';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { isLoopbackHost } from './environments.js';
import { redact, registerSecret } from './redact.js';

type Env = Readonly<Record<string, string | undefined>>;

function envValue(env: Env, name: string): string | undefined {
  return env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** curl's NO_PROXY rules: `*`, exact host, domain suffix (`example.com` or `.example.com`), optional `:port`. */
export function bypassesProxy(target: URL, noProxy: string | undefined): boolean {
  // The simulator and any local test server run on loopback, which a company proxy cannot reach.
  if (isLoopbackHost(target.hostname)) return true;
  if (!noProxy) return false;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || DEFAULT_PORTS[target.protocol] || '';
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      const entry = raw.toLowerCase();
      if (entry === '*') return true;
      const [entryHost, entryPort] = splitHostPort(entry);
      if (entryPort && entryPort !== port) return false;
      const domain = entryHost.replace(/^\*?\./, '');
      return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
    });
}

/** `host`, `host:port`, `[v6]`, `[v6]:port`; a bare IPv6 address has no port. */
function splitHostPort(entry: string): [string, string | undefined] {
  const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? /^([^:]+):(\d+)$/.exec(entry);
  return match ? [match[1] ?? '', match[2]] : [entry, undefined];
}

/** The proxy URL to use for `target`, or undefined to connect directly. */
export function proxyFor(target: URL, env: Env = process.env): string | undefined {
  if (bypassesProxy(target, envValue(env, 'no_proxy'))) return undefined;
  const proxy = envValue(env, target.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
  if (!proxy) return undefined;
  return proxy.includes('://') ? proxy : `http://${proxy}`;
}

export interface ConnectionOptions {
  maxSockets: number;
}

export interface Connection {
  /** The agent for every request; with a proxy, made (and its modules loaded) on first use. */
  agent(): Promise<http.Agent>;
  /** Set when requests go through a proxy. */
  proxy?: string;
  /** Closes the agent's connections. */
  close(): void;
}

/**
 * One keep-alive agent for every request to `target`'s origin, through the proxy when one applies.
 * A proxy setting that is no URL is refused here, at once, before anything is sent.
 */
export function connectionFor(target: URL, options: ConnectionOptions, env: Env = process.env): Connection {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
  const proxy = proxyFor(target, env);
  const secure = target.protocol === 'https:';
  if (!proxy) {
    const agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    return { agent: () => Promise.resolve(agent), close: () => agent.destroy() };
  }
  let proxyUrl: URL;
  try {
    proxyUrl = new URL(proxy);
  } catch {
    throw new UsageError(t('loket.proxy.invalid', { variable: secure ? 'HTTPS_PROXY' : 'HTTP_PROXY', url: redact(proxy) }));
  }
  registerSecret(decodeURIComponent(proxyUrl.password));
  let made: Promise<http.Agent> | undefined;
  return {
    proxy,
    // A module that cannot be loaded (a damaged install) is not remembered: the next request tries again.
    agent: () =>
      (made ??= import('./proxy-agents.js').then(
        ({ proxyAgent }) => proxyAgent(proxyUrl, secure, agentOptions),
        (error: unknown) => {
          made = undefined;
          throw error;
        },
      )),
    close: () =>
      void made?.then(
        (agent) => agent.destroy(),
        () => undefined,
      ),
  };
}
