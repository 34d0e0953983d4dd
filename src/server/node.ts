import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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

export interface NodeServerOptions extends NodeAdapterOptions {
  /** Longest time a client may take to send its request line and headers. Default 10 s. */
  headersTimeoutMs?: number;
  /** Longest time a client may take to send the whole request, body included. Default 15 s. */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open. Default 5 s. */
  keepAliveTimeoutMs?: number;
}

/**
 * A `node:http` server for the handler alone, with timeouts fit for a checkout's small JSON
 * bodies: a client that trickles its headers or body is cut off after seconds, not Node's five
 * minutes. `createFlexitiServer(flexiti).listen(3000)`.
 */
export function createFlexitiServer(handler: FlexitiHandler, options: NodeServerOptions = {}): Server {
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 15_000,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      // Node checks those timeouts this often (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, options.headersTimeoutMs ?? 10_000),
    },
    toNodeListener(handler, options),
  );
  return server;
}

type ExpressRequest = IncomingMessage & { originalUrl?: string; body?: unknown; rawBody?: Buffer };
type Next = (error?: unknown) => void;

/** What body parsers (body-parser, express.json/urlencoded/text/raw) throw, and our answer to each. */
const PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'The request body is too large.' },
  'encoding.unsupported': { status: 415, code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  'charset.unsupported': { status: 415, code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  'request.size.invalid': { status: 400, code: 'invalid_request', message: 'The request body does not match its length.' },
  'request.aborted': { status: 400, code: 'request_aborted', message: 'The request was aborted.' },
};

/**
 * Express/Connect middleware: the handler under its `basePath`, everything else passed on. Mount it
 * before any body parser (`app.use(toExpressMiddleware(flexiti))` first). Mounted after one, it
 * still works, and it answers the parser's own errors under its path itself: Express's default
 * error handler would print them, and a parser's message quotes the body (a SIN, a date of birth).
 */
export function toExpressMiddleware(handler: FlexitiHandler, options: NodeAdapterOptions = {}) {
  const listener = toNodeListener(handler, options);
  const fullUrl = (request: ExpressRequest) => request.originalUrl ?? request.url ?? '/';
  const ours = (request: ExpressRequest) => {
    const path = fullUrl(request).split('?')[0] ?? '/';
    return path === handler.basePath || path.startsWith(`${handler.basePath}/`);
  };
  const middleware = (request: ExpressRequest, response: ServerResponse, next: Next): void => {
    if (!ours(request)) return next();
    // Express strips the mount path from `url`; the handler routes on the full path.
    request.url = fullUrl(request);
    // A JSON body parser mounted before us has consumed the stream: hand its result on.
    if (request.rawBody === undefined && request.body !== undefined && typeof request.body === 'object' && request.readableEnded) {
      request.rawBody = Buffer.from(JSON.stringify(request.body));
    }
    listener(request, response).catch(next);
  };
  const errors = (error: unknown, request: ExpressRequest, response: ServerResponse, next: Next): void => {
    if (!ours(request) || response.headersSent) return next(error);
    const type = (error as { type?: unknown } | undefined)?.type;
    const known = typeof type === 'string' ? PARSER_ERRORS[type] : undefined;
    // Nothing of the error (its message may quote the body) is logged or answered.
    const answer = known ?? { status: 500, code: 'internal_error', message: 'Something went wrong.' };
    response.statusCode = answer.status;
    response.setHeader('content-type', 'application/json');
    response.setHeader('cache-control', 'no-store');
    response.end(JSON.stringify({ code: answer.code, message: answer.message, retryable: answer.status >= 500 }));
  };
  return [middleware, errors] as [typeof middleware, typeof errors];
}
