/**
 * Hostile HTTP servers on 127.0.0.1, for the limits of every exchange (src/loket/exchange.ts): a body
 * that drips one byte at a time, a body that never ends, a connection that breaks after the headers.
 * Each is a handler for `startHostileServer`, which counts connections and requests and closes even
 * while its sockets are still busy. Used by the OAuth unit tests and test/faults/hostile-server.test.ts.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';

export interface TestServer {
  url: string;
  /** `${url}/v2`, shaped like the simulator's API base. */
  apiUrl: string;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export interface HostileServer extends TestServer {
  /** Requests received so far (a handler can act on the n-th). */
  requests(): number;
}

export function listen(server: Server | NetServer): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

/** Open sockets would keep close() waiting forever, which is the very thing these servers do. */
export function tracked(server: Server | NetServer): Pick<TestServer, 'connections' | 'close'> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `n` counts from 1: the first request is 1. */
export type HostileHandler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

export async function startHostileServer(handler: HostileHandler): Promise<HostileServer> {
  let received = 0;
  const server = createHttpServer((req, res) => {
    received++;
    // Read the request body first (a POST /token), as a real server would.
    req.resume();
    req.on('end', () => handler(req, res, received));
  });
  const state = tracked(server);
  const url = await listen(server);
  return { url, apiUrl: `${url}/v2`, requests: () => received, ...state };
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

/** 200 and JSON headers at once, then `start`, then one space every `intervalMs`, forever. */
export function drip(options: { start?: string; intervalMs?: number } = {}): HostileHandler {
  return (_req, res) => {
    res.writeHead(200, JSON_HEADERS);
    res.write(options.start ?? '{"content":');
    const timer = setInterval(() => res.write(' '), options.intervalMs ?? 50);
    res.on('close', () => clearInterval(timer));
  };
}

/** 200 and JSON headers, then a JSON string that never ends, as fast as the client reads it. */
export function endless(): HostileHandler {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return (_req, res) => {
    res.writeHead(200, JSON_HEADERS);
    res.write('{"access_token":"');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', pump);
    pump();
  };
}

/** 200, headers and the first bytes of a body, then the connection is cut (a reset after the headers). */
export function resetAfterHeaders(): HostileHandler {
  return (_req, res) => {
    res.writeHead(200, { ...JSON_HEADERS, 'Content-Length': '1000' });
    res.write('{"content":', () => res.socket?.resetAndDestroy());
  };
}
