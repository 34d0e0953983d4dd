import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { FLOWS, type Lang, type SessionResponse } from '../schemas/index.js';
import { merchantOf, type FlexitiMerchant } from './merchant/index.js';
import { Budgets, resolveLimits } from './budgets.js';
import { Cache } from './cache.js';
import type { FlexitiHandlerConfig } from './config.js';
import type { Deps, HandlerEnv } from './context.js';
import { HandlerError, errors } from './errors.js';
import { FlexitiClient } from './flexiti-client.js';
import { consoleLogger, silentLogger, type Logger } from './logger.js';
import { DEFAULT_RETRY } from './retry.js';
import { adminRoutes } from './routes/admin.js';
import { applyRoutes } from './routes/apply.js';
import { cardholderRoutes } from './routes/cardholder.js';
import { catalogRoutes } from './routes/catalog.js';
import { offersRoutes } from './routes/offers.js';
import { purchaseRoutes } from './routes/purchase.js';
import { applySession, mintSession, sessionRoutes, validOrder } from './routes/session.js';
import { Sessions } from './sessions.js';
import { memoryState } from './state/memory.js';
import { StateUnavailableError } from './state/types.js';
import { FlexitiAuthError, FlexitiUnavailableError } from './token-manager.js';
import { fetchTransport, type Transport } from './transport.js';

export interface RequestContext {
  /** The client's IP address, for rate limits (the Node adapters fill it in). */
  clientAddress?: string;
}

export interface FlexitiHandler {
  (request: Request, context?: RequestContext): Promise<Response>;
  /** The same function, for runtimes that want an object with `fetch` (Workers, Bun, Deno). */
  fetch(request: Request, context?: RequestContext): Promise<Response>;
  /**
   * Mints a session from the merchant's server code, e.g. while rendering the checkout page
   * (`<flexiti-checkout session="...">`), instead of `resolveOrder`. An application's session
   * with `lang` brings the form values in that language (`formValues`, when Flexiti gave them), to
   * render into the page with it so that the form shows complete without a request.
   */
  createSession(
    input:
      | { flow: 'checkout'; amount: number; reference: string; createdAt?: Date | number; ttlSeconds?: number }
      | { flow: 'apply'; lang?: Lang; ttlSeconds?: number },
  ): Promise<SessionResponse>;
  readonly basePath: string;
  /** The merchant API after the sale (capture, release, return, refund, reports), sharing this handler's state and token. */
  readonly merchant: FlexitiMerchant;
}

const transports = new WeakMap<FlexitiHandler, (transport: Transport) => void>();

/** Used by the Node adapters: Flexiti over undici instead of `fetch`, unless the merchant gave a `fetch`. */
export function useTransport(handler: FlexitiHandler, transport: Transport): void {
  transports.get(handler)?.(transport);
}

/**
 * The merchant handler: a `Request → Response` function holding the Flexiti credentials, minting
 * signed checkout sessions and proxying an allow-list of Flexiti operations for the elements.
 */
/** What the handler and the merchant API build alike from their configuration. */
export function flexitiParts(config: PartsConfig) {
  const logger: Logger = config.logger === false ? silentLogger : (config.logger ?? consoleLogger);
  const nowMs = config.now ?? Date.now;
  const retry = { ...DEFAULT_RETRY, ...config.retry };
  const mode = config.mode ?? (/^https:\/\/posapi\.flexiti\.fi\//.test(config.apiBase) ? 'live' : 'sandbox');
  const state = config.state ?? memoryState({ now: nowMs });
  const fetchFlexiti = config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  if (mode === 'live' && !state.shared && !config.singleInstance) {
    throw new Error(
      'flexiti-checkout: live mode with in-memory state. Each instance would keep its own claims, budgets and ' +
        'token, so two instances (or a restart) could authorize one order twice and multiply every limit. Pass ' +
        '`state: createRedisState(client)` from flexiti-checkout/server/redis, or `singleInstance: true` if exactly ' +
        'one instance of this handler ever runs.',
    );
  }
  const timeoutMs = config.timeoutMs ?? 15_000;
  const flexiti = new FlexitiClient({
    apiBase: config.apiBase,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    fetch: fetchFlexiti,
    transport: fetchTransport(fetchFlexiti),
    logger,
    retry,
    timeoutMs,
    now: nowMs,
    state,
  });
  return { logger, nowMs, retry, mode, state, flexiti, timeoutMs };
}

export type PartsConfig = Pick<
  FlexitiHandlerConfig,
  'apiBase' | 'clientId' | 'clientSecret' | 'state' | 'singleInstance' | 'mode' | 'timeoutMs' | 'retry' | 'logger' | 'fetch' | 'now'
>;

export function createFlexitiHandler(config: FlexitiHandlerConfig): FlexitiHandler {
  const basePath = (config.basePath ?? '/api/flexiti').replace(/\/+$/, '');
  const { logger, nowMs, retry, mode, state, flexiti, timeoutMs } = flexitiParts(config);

  const deps: Deps = {
    config,
    basePath,
    mode,
    flexiti,
    sessions: new Sessions(config.sessionSecret, config.sessionTtlSeconds ?? 1800, () => Math.floor(nowMs() / 1000)),
    state,
    now: nowMs,
    budgets: new Budgets(state.counters, resolveLimits(config.limits), logger, nowMs),
    logger,
    cache: new Cache(state.shared ? state.values : undefined, config.cacheTtlMs ?? 5 * 60_000, logger, nowMs),
    flows: config.flows ?? FLOWS,
    reconciliation: { pageSize: 100, maxPages: 50, ...config.reconciliation },
    retry,
    onApplication: guardHook('onApplication', config.onApplication, logger),
    onPurchase: guardHook('onPurchase', config.onPurchase, logger),
  };

  const merchant = merchantOf({ flexiti, state, now: nowMs, logger, retry, timeoutMs });
  if (config.adminKey !== undefined && config.adminKey.length < 32) {
    throw new Error('flexiti-checkout: `adminKey` must be at least 32 characters (a random secret, not a password).');
  }

  const app = new Hono<HandlerEnv>().basePath(basePath);

  app.onError((error, c) => {
    const known = toHandlerError(error, logger);
    return c.json(known.toJSON(), known.status as 400, { 'cache-control': 'no-store', ...known.headers });
  });
  app.notFound((c) => c.json(errors.notFound().toJSON(), 404));

  // Without a logger, no request lines to build.
  if (logger !== silentLogger) app.use(async (c, next) => {
    const started = Date.now();
    await next();
    logger({
      level: c.res.status >= 500 ? 'error' : 'info',
      event: 'request',
      route: `${c.req.method} ${c.req.path.slice(basePath.length)}`,
      status: c.res.status,
      durationMs: Date.now() - started,
      ...(c.res.status >= 400 ? { code: await errorCode(c.res) } : {}),
    });
  });

  app.use(async (c, next) => {
    const origin = c.req.header('origin');
    const crossOrigin = origin !== undefined && origin !== new URL(c.req.url).origin;
    if (crossOrigin && !config.allowedOrigins?.includes(origin)) throw errors.originNotAllowed();
    if (crossOrigin) {
      c.header('access-control-allow-origin', origin);
      c.header('vary', 'Origin');
      if (c.req.method === 'OPTIONS') {
        c.header('access-control-allow-methods', 'GET, POST');
        c.header('access-control-allow-headers', 'authorization, content-type');
        c.header('access-control-max-age', '600');
        return c.body(null, 204);
      }
    }
    await next();
  });

  const tooLarge = () => {
    throw errors.tooLarge();
  };
  const shopperLimit = bodyLimit({ maxSize: config.maxBodyBytes ?? 16 * 1024, onError: tooLarge });
  // A day's orders for the reconciliation come in one body.
  const adminLimit = bodyLimit({ maxSize: 4 * 1024 * 1024, onError: tooLarge });
  const adminPath = `${basePath}/admin/`;
  app.use((c, next) => (config.adminKey && c.req.path.startsWith(adminPath) ? adminLimit(c, next) : shopperLimit(c, next)));

  sessionRoutes(app, deps);
  catalogRoutes(app, deps);
  offersRoutes(app, deps);
  applyRoutes(app, deps);
  cardholderRoutes(app, deps);
  purchaseRoutes(app, deps);
  if (config.adminKey) adminRoutes(app, deps, merchant, config.adminKey);

  const handle = (request: Request, context: RequestContext = {}) => Promise.resolve(app.fetch(request, context));
  const handler = Object.assign(handle, {
    fetch: handle,
    basePath,
    merchant,
    createSession: async (input: Parameters<FlexitiHandler['createSession']>[0]) =>
      input.flow === 'checkout'
        ? mintSession(deps, { flow: 'checkout', ...validOrder(input), ...ttl(input.ttlSeconds) })
        : applySession(deps, input.lang, ttl(input.ttlSeconds)),
  });
  // The merchant's own `fetch` stays the way to Flexiti; otherwise a server adapter may bring a faster one.
  if (!config.fetch) transports.set(handler, (transport) => deps.flexiti.useTransport(transport));
  return handler;
}

const ttl = (seconds: number | undefined) => (seconds === undefined ? {} : { ttlSeconds: seconds });

function toHandlerError(error: unknown, logger: Logger): HandlerError {
  if (error instanceof HandlerError) return error;
  if (error instanceof FlexitiUnavailableError) return errors.flexitiUnavailable();
  if (error instanceof StateUnavailableError) {
    logger({ level: 'error', event: 'state_unavailable', route: error.operation });
    return errors.stateUnavailable();
  }
  if (error instanceof FlexitiAuthError) {
    logger({ level: 'error', event: 'flexiti_credentials_rejected', code: error.code });
    return errors.configuration();
  }
  logger({ level: 'error', event: 'unhandled_error', code: error instanceof Error ? error.name : typeof error });
  return errors.internal();
}

async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.clone().json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

/** A merchant hook that throws must not turn a decided outcome into an error for the shopper. */
function guardHook<T>(name: string, hook: ((value: T) => void | Promise<void>) | undefined, logger: Logger) {
  return async (value: T) => {
    if (!hook) return;
    try {
      await hook(value);
    } catch (error) {
      logger({ level: 'error', event: 'hook_failed', route: name, code: error instanceof Error ? error.name : 'error' });
    }
  };
}
