/**
 * The HTTP server under both the simulator and the replay: on 127.0.0.1 only, a request that throws
 * answers 500 (or is cut off when its headers went out already), a port in use is a LocalError
 * naming it, and close() also ends idle keep-alive sockets — which would otherwise hold it open until
 * they time out, also those of a request still in flight when close() was called.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalError } from '../errors.js';
import { t } from '../i18n/index.js';

export interface Listening {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

export async function listenOnLoopback(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port = 0): Promise<Listening> {
  let closing: Promise<void> | undefined;
  const server = createServer((req, res) => {
    res.on('finish', () => {
      if (closing) server.closeIdleConnections();
    });
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Length': '0' }).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    throw new LocalError(error.code === 'EADDRINUSE' ? t('sandbox.portInUse', { port }) : t('sandbox.listenFailed', { port, reason: error.message }), {
      cause: error,
    });
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
