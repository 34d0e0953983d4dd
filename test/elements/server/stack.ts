/**
 * The server side of the browser tests: the real merchant handler at `/api/flexiti/*` and the
 * real sandbox at `/sandbox/*`, mounted in the test server itself. The handler reaches the
 * sandbox over real HTTP through that same server, exactly as `npm start` runs them.
 *
 * Every test page (one test file in one browser) gets its own handler and sandbox, so files and
 * browsers running side by side never see each other's orders, outcomes, faults or counters. A
 * page's requests are recognised by the `wtr-session-id` of the page in their `Referer`; the
 * handler's requests to the sandbox carry that id in a header.
 *
 * The `flexiti` server command lets a test in the browser reset its sandbox, inject faults and
 * read what happened on the server (authorizations, outcomes, request counts, log lines).
 * `reset` with `backOffice: true` gives the page a handler with its admin routes on and purchases
 * left to capture, and `/demo/accounts/:n` from its sandbox, as the demo's back office has them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TestRunnerPlugin } from '@web/test-runner';
import { accountResponse } from '../../../demo/accounts.js';
import {
  createSandbox,
  SANDBOX_CLIENT,
  sandboxMessageConfig,
  type Sandbox,
  type SandboxAuthorization,
  type SandboxFaults,
  type SandboxStats,
} from '../../../src/sandbox/index.js';
import {
  createFlexitiHandler,
  uniformLimits,
  type ApplicationOutcome,
  type FlexitiHandler,
  type LogEntry,
  type PurchaseOutcome,
} from '../../../src/server/index.js';

export const SESSION_SECRET = 'browser-test-session-secret-0123456789abcdef';
export const DEFAULT_AMOUNT = 250;
/** The admin key of a back-office stack (`reset` with `backOffice: true`). */
export const ADMIN_KEY = 'browser-test-admin-key-0123456789abcdefghijklmnop';

/** The part of a Koa context the middleware needs. */
export interface KoaContextLike {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  originalUrl: string;
  path: string;
  protocol: string;
  host: string;
  respond?: boolean;
}

export type KoaMiddlewareLike = (ctx: KoaContextLike, next: () => Promise<unknown>) => Promise<unknown>;

/** What the browser may send with `executeServerCommand('flexiti', payload)`. */
export type FlexitiCommand =
  | { action: 'reset'; backOffice?: boolean }
  | { action: 'faults'; faults: WireFaults }
  | { action: 'authorizations'; reference?: string }
  | { action: 'outcomes' }
  | { action: 'stats' }
  | { action: 'logs' }
  | { action: 'revise-terms' }
  | {
      action: 'session';
      flow?: 'checkout' | 'apply';
      amount?: number;
      reference?: string;
      ttlSeconds?: number;
    };

/** Sandbox faults as JSON: `match` is a regular expression source. */
export interface WireFaults {
  latencyMs?: number;
  errorRate?: number;
  dropRate?: number;
  failNext?: number;
  dropNext?: number;
  dropResponseNext?: number;
  /** The next matching request gets this documented Flexiti error instead of being processed. */
  answerNext?: { status: number; error: string };
  match?: string;
}

export interface FlexitiTestServer {
  /** Koa middleware serving `/api/flexiti/*`, `/sandbox/*` and `/demo/accounts/*`; everything else goes on. */
  middleware: KoaMiddlewareLike;
  /** The `flexiti` server command. */
  plugin: TestRunnerPlugin;
  /** Runs one command for a test page, as the plugin does. */
  command(payload: FlexitiCommand, page?: string): Promise<unknown>;
}

let orders = 0;
const randomReference = () => `ORDER-${Date.now().toString(36)}-${++orders}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * The order of a `POST /api/flexiti/session` comes from its query string:
 * `?amount=250.00&reference=ORDER-1`; amount 250 and a fresh reference when absent.
 */
function orderFromQuery(request: Request): { amount: number; reference: string } {
  const query = new URL(request.url).searchParams;
  const amount = query.get('amount');
  return {
    amount: amount === null || amount === '' ? DEFAULT_AMOUNT : Number(amount),
    reference: query.get('reference') || randomReference(),
  };
}


function toFaults(wire: WireFaults): SandboxFaults {
  const faults: SandboxFaults = {};
  for (const key of ['latencyMs', 'errorRate', 'dropRate', 'failNext', 'dropNext', 'dropResponseNext'] as const) {
    const value = wire[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`faults.${key} must be a number`);
    faults[key] = value;
  }
  if (wire.answerNext !== undefined) faults.answerNext = { status: Number(wire.answerNext.status), error: String(wire.answerNext.error) };
  if (wire.match !== undefined) faults.match = new RegExp(wire.match);
  return faults;
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array));
  const body = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/** The Koa request as a fetch `Request`. */
async function toRequest(ctx: KoaContextLike): Promise<Request> {
  const url = new URL(ctx.originalUrl, `${ctx.protocol}://${ctx.host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = ctx.method.toUpperCase();
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') init.body = await readBody(ctx.req);
  return new Request(url, init);
}

/** Writes a fetch `Response` to the Node response, bypassing Koa's own body handling. */
async function writeResponse(ctx: KoaContextLike, response: Response): Promise<void> {
  ctx.respond = false;
  // The sandbox has destroyed the connection (an injected fault): nothing can be written.
  if (response.headers.has('x-hono-already-sent') || ctx.req.socket.destroyed) return;
  const body = Buffer.from(await response.arrayBuffer());
  const raw: string[] = [];
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie' || name === 'content-length' || name === 'transfer-encoding') return;
    raw.push(name, value);
  });
  for (const cookie of response.headers.getSetCookie()) raw.push('set-cookie', cookie);
  const empty = response.status === 204 || response.status === 304 || ctx.method.toUpperCase() === 'HEAD';
  if (!empty) raw.push('content-length', String(body.length));
  ctx.res.writeHead(response.status, raw);
  ctx.res.end(empty ? undefined : body);
}

/** Carries a test page's id on the handler's requests to the sandbox. */
const PAGE_HEADER = 'x-flexiti-test-page';
/** Requests that name no test page (e.g. typed into a browser by hand) share one stack. */
const SHARED = 'shared';

interface PageStack {
  sandbox: Sandbox;
  handler: FlexitiHandler;
  logs: LogEntry[];
  applications: ApplicationOutcome[];
  purchases: PurchaseOutcome[];
  /** Added to the handler's clock: moved on by `revise-terms` past the handler's terms cache. */
  clockOffsetMs: number;
  /** Set for a back-office stack: the handler's admin routes are on, and `/demo/accounts/:n`. */
  adminKey?: string;
}

/** The test page a browser request comes from: wtr puts `wtr-session-id` in every page's address. */
function pageOfReferer(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).searchParams.get('wtr-session-id') ?? undefined;
  } catch {
    return undefined;
  }
}

export function createFlexitiTestServer(options: { origin: string }): FlexitiTestServer {
  const pages = new Map<string, PageStack>();
  let warnedShared = false;

  function createStack(page: string, { backOffice = false } = {}): PageStack {
    const stack: PageStack = {
      sandbox: createSandbox({ basePath: '/sandbox' }),
      handler: undefined as unknown as FlexitiHandler,
      logs: [],
      applications: [],
      purchases: [],
      clockOffsetMs: 0,
      ...(backOffice ? { adminKey: ADMIN_KEY } : {}),
    };
    const pageFetch: typeof fetch = (input, init = {}) => {
      const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
      headers.set(PAGE_HEADER, page);
      return fetch(input, { ...init, headers });
    };
    stack.handler = createFlexitiHandler({
      apiBase: `${options.origin}/sandbox/flexiti/pos-api`,
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      merchantUsername: SANDBOX_CLIENT.merchantUsername,
      merchantPassword: SANDBOX_CLIENT.merchantPassword,
      sessionSecret: SESSION_SECRET,
      resolveOrder: orderFromQuery,
      onApplication: (outcome) => void stack.applications.push(outcome),
      onPurchase: (outcome) => void stack.purchases.push(outcome),
      logger: (entry) => void stack.logs.push(entry),
      limits: uniformLimits({ max: 100_000, windowMs: 60_000 }),
      // `GET offers` with the sandbox merchant's rates, fees and limits, as the demo serves it.
      message: sandboxMessageConfig(),
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
      timeoutMs: 5_000,
      fetch: pageFetch,
      now: () => Date.now() + stack.clockOffsetMs,
      // The back office captures when the store ships, as the demo does.
      ...(backOffice ? { adminKey: ADMIN_KEY, autoCapture: false } : {}),
    });
    return stack;
  }

  function stackOf(page: string | undefined): PageStack {
    const key = page || SHARED;
    let stack = pages.get(key);
    if (!stack) {
      stack = createStack(key);
      pages.set(key, stack);
    }
    return stack;
  }

  const middleware: KoaMiddlewareLike = async (ctx, next) => {
    const isApi = ctx.path === '/api/flexiti' || ctx.path.startsWith('/api/flexiti/');
    const isSandbox = ctx.path.startsWith('/sandbox/');
    const isAccount = ctx.path.startsWith('/demo/accounts/');
    if (!isApi && !isSandbox && !isAccount) return next();
    const header = ctx.req.headers[PAGE_HEADER];
    const page = (typeof header === 'string' ? header : undefined) ?? pageOfReferer(ctx.req.headers.referer);
    if (!page && !warnedShared) {
      warnedShared = true;
      console.warn(`[flexiti test server] ${ctx.method} ${ctx.originalUrl} names no test page; using the shared handler and sandbox`);
    }
    const stack = stackOf(page);
    let response: Response;
    try {
      const request = await toRequest(ctx);
      request.headers.delete(PAGE_HEADER);
      response = isApi
        ? await stack.handler(request, { clientAddress: ctx.req.socket.remoteAddress ?? 'unknown' })
        : isAccount
          ? await accountResponse(request, { adminKey: stack.adminKey ?? '', sandbox: stack.adminKey ? stack.sandbox : undefined })
          : await stack.sandbox.fetch(request, { incoming: ctx.req, outgoing: ctx.res });
    } catch (error) {
      console.error(`[flexiti test server] ${ctx.method} ${ctx.originalUrl}:`, error);
      response = Response.json({ code: 'test_server_error', message: String(error) }, { status: 500 });
    }
    // Pages are told apart by their Referer, so the browser's HTTP cache must be too: a cacheable
    // answer (`GET offers`) from one page's handler would otherwise stand in for another's.
    if (isApi) response.headers.set('vary', [response.headers.get('vary'), 'Referer'].filter(Boolean).join(', '));
    await writeResponse(ctx, response);
  };

  async function command(payload: FlexitiCommand, page?: string): Promise<unknown> {
    const stack = stackOf(page);
    switch (payload.action) {
      case 'reset':
        // A new handler and sandbox: seeded personas, no faults, no tokens, empty claim store,
        // caches and rate limits, no outcomes or log lines.
        pages.set(page || SHARED, createStack(page || SHARED, { backOffice: payload.backOffice === true }));
        return payload.backOffice ? { adminKey: ADMIN_KEY } : true;
      case 'faults':
        stack.sandbox.setFaults(toFaults(payload.faults ?? {}));
        return true;
      case 'authorizations':
        return stack.sandbox.authorizations(
          payload.reference === undefined ? {} : { reference: payload.reference },
        ) satisfies SandboxAuthorization[];
      case 'outcomes':
        return { applications: [...stack.applications], purchases: [...stack.purchases] };
      case 'stats':
        return stack.sandbox.stats satisfies SandboxStats;
      case 'logs':
        return [...stack.logs];
      case 'revise-terms':
        // Flexiti publishes revised terms, and the handler's five-minute copy of the old ones expires.
        stack.clockOffsetMs += 5 * 60_000 + 1000;
        return stack.sandbox.reviseTerms();
      case 'session': {
        const ttl = payload.ttlSeconds === undefined ? {} : { ttlSeconds: payload.ttlSeconds };
        return payload.flow === 'apply'
          ? stack.handler.createSession({ flow: 'apply', ...ttl })
          : stack.handler.createSession({
              flow: 'checkout',
              amount: payload.amount ?? DEFAULT_AMOUNT,
              reference: payload.reference ?? randomReference(),
              ...ttl,
            });
      }
      default:
        throw new Error(`unknown flexiti command ${JSON.stringify(payload)}`);
    }
  }

  const plugin: TestRunnerPlugin = {
    name: 'flexiti-test-server',
    async executeCommand({ command: name, payload, session }) {
      if (name !== 'flexiti') return undefined;
      return command(payload as FlexitiCommand, session.id);
    },
  };

  return { middleware, plugin, command };
}
