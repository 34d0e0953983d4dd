import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { useTransport, type FlexitiHandler } from './handler.js';
import { undiciTransport } from './transport-node.js';

/**
 * Node adapters: a `node:http` request listener, and Express/Connect-style middleware that
 * answers under the handler's `basePath` and passes everything else on.
 */

export type NodeListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface NodeAdapterOptions {
  /**
   * Install @hono/node-server's lightweight `Request` and `Response` as the globals, as Hono's own
   * `serve()` does (default `true`): responses are then written without Web Streams, about a
   * tenth of a request's CPU. `false` leaves the globals alone.
   */
  overrideGlobalObjects?: boolean;
}

export function toNodeListener(handler: FlexitiHandler, options: NodeAdapterOptions = {}): NodeListener {
  useTransport(handler, undiciTransport());
  return getRequestListener(
    (request, env) => handler(request, { clientAddress: env.incoming.socket.remoteAddress ?? 'unknown' }),
    { overrideGlobalObjects: options.overrideGlobalObjects ?? true },
  );
}

type ExpressRequest = IncomingMessage & { originalUrl?: string; body?: unknown; rawBody?: Buffer };

export function toExpressMiddleware(handler: FlexitiHandler, options: NodeAdapterOptions = {}) {
  const listener = toNodeListener(handler, options);
  return (request: ExpressRequest, response: ServerResponse, next: (error?: unknown) => void): void => {
    // Express strips the mount path from `url`; the handler routes on the full path.
    const url = request.originalUrl ?? request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (path !== handler.basePath && !path.startsWith(`${handler.basePath}/`)) return next();
    request.url = url;
    // A JSON body parser mounted before us has consumed the stream: hand its result on.
    if (request.rawBody === undefined && request.body !== undefined && typeof request.body === 'object' && request.readableEnded) {
      request.rawBody = Buffer.from(JSON.stringify(request.body));
    }
    listener(request, response).catch(next);
  };
}
