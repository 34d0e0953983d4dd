/** Serves a sandbox over HTTP with Node's `http` module (via @hono/node-server). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandbox, type Sandbox, type SandboxOptions } from './index.js';

export interface ServeSandboxOptions extends SandboxOptions {
  /** Default 4010; `0` picks a free port. */
  port?: number | undefined;
  /** Default `127.0.0.1`. */
  host?: string | undefined;
}

export interface ServedSandbox {
  /** Origin plus `basePath`, e.g. `http://127.0.0.1:4010`; the API is under `/flexiti/pos-api/v2.5`. */
  url: string;
  port: number;
  sandbox: Sandbox;
  /** Stops listening and ends open keep-alive connections. */
  close(): Promise<void>;
}

export function serveSandbox(options: ServeSandboxOptions = {}): Promise<ServedSandbox> {
  const { port = 4010, host = '127.0.0.1', ...sandboxOptions } = options;
  const sandbox = createSandbox(sandboxOptions);
  return new Promise((resolve, reject) => {
    let server: Server | undefined;
    const onError = (err: Error): void => reject(err);
    server = serve({ fetch: sandbox.fetch, port, hostname: host }, (info: AddressInfo) => {
      server?.off('error', onError);
      const hostPart = host.includes(':') ? `[${host}]` : host;
      const basePath = (sandboxOptions.basePath ?? '').replace(/\/+$/, '');
      resolve({
        url: `http://${hostPart}:${info.port}${basePath && !basePath.startsWith('/') ? `/${basePath}` : basePath}`,
        port: info.port,
        sandbox,
        close: () =>
          new Promise<void>((done, fail) => {
            server?.close((err) => (err ? fail(err) : done()));
            server?.closeAllConnections();
          }),
      });
    }) as Server;
    server.once('error', onError);
  });
}
