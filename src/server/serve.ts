import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { ShakeoutError, type Store } from '../app/index.js';
import { createApp } from './app.js';

/** The port `shakeout serve` and `npm start` try first. */
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServeOptions {
  readonly store: Store;
  /** Default 127.0.0.1. Any other address needs a token. */
  readonly host?: string;
  /** Default {@link DEFAULT_PORT}; when the default is taken, a free port. A port given and taken is an error. */
  readonly port?: number;
  /** Writes need `Authorization: Bearer <token>` (from SHAKEOUT_TOKEN). */
  readonly token?: string | undefined;
  /** The built dashboard; default {@link defaultWebRoot}. `null`: serve the API alone. */
  readonly webRoot?: string | null;
}

/** The dashboard built by `npm run build` (web/dist beside dist/), or undefined when it is not built. */
export function defaultWebRoot(): string | undefined {
  const dir = fileURLToPath(new URL('../../web/dist', import.meta.url));
  return existsSync(`${dir}/index.html`) ? dir : undefined;
}

export interface RunningServer {
  readonly url: string;
  /** Whether the dashboard is served at the URL (else the API alone). */
  readonly dashboard: boolean;
  readonly port: number;
  close(): Promise<void>;
}

/** Whether an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Starts the API on `host:port`. It refuses a non-loopback address without a
 * token: a ledger open to the network with no token is a ledger anyone can
 * change.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  if (!isLoopback(host) && !options.token) {
    const message = `refusing to listen on ${host} without a token: anyone who can reach it could change the ledger; set SHAKEOUT_TOKEN (writes then need "Authorization: Bearer <token>") or listen on 127.0.0.1`;
    throw new ShakeoutError(message, { issues: [{ code: 'token_required', path: ['host'], message }], status: 400 });
  }
  if (options.port !== undefined && (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)) {
    const message = `expected a port from 0 to 65535, got ${options.port}`;
    throw new ShakeoutError(`port: ${message}`, { issues: [{ code: 'invalid_port', path: ['port'], message }], status: 400 });
  }
  const webRoot = options.webRoot === null ? undefined : (options.webRoot ?? defaultWebRoot());
  const app = createApp({ store: options.store, token: options.token, webRoot });
  const server = createAdaptorServer({ fetch: app.fetch });
  const listen = (port: number) => new Promise<number>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
  let port: number;
  try {
    port = await listen(options.port ?? DEFAULT_PORT);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' && options.port === undefined) port = await listen(0);
    else if (code === 'EADDRINUSE') throw new ShakeoutError(`port ${options.port} on ${host} is taken; choose another with --port, or leave --port out to take a free one`, { issues: [{ code: 'port_taken', path: ['port'], message: `port ${options.port} is taken` }], status: 409 });
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ShakeoutError(`cannot listen on ${host}: not an address of this machine`, { issues: [{ code: 'bad_host', path: ['host'], message: `expected an address of this machine, got ${host}` }], status: 400 });
    else throw e;
  }
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    dashboard: webRoot !== undefined,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    }),
  };
}
