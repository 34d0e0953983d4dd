import type { Context } from 'hono';
import * as v from 'valibot';
import { toFieldErrors, type Flow, type Lang } from '../schemas/index.js';
import type { Budgets } from './budgets.js';
import type { Cache } from './cache.js';
import type { ApplicationOutcome, FlexitiHandlerConfig, PurchaseOutcome } from './config.js';
import { errors } from './errors.js';
import type { FlexitiClient } from './flexiti-client.js';
import type { Logger } from './logger.js';
import { parseLang } from './mapping.js';
import type { RetryPolicy } from './retry.js';
import type { Sessions } from './sessions.js';
import type { HandlerState } from './state/types.js';

/** Everything a route needs, built once per handler. */
export interface Deps {
  config: FlexitiHandlerConfig;
  basePath: string;
  mode: 'sandbox' | 'live';
  flexiti: FlexitiClient;
  sessions: Sessions;
  state: HandlerState;
  /** The handler's millisecond clock (`config.now`, else `Date.now`). */
  now: () => number;
  budgets: Budgets;
  logger: Logger;
  cache: Cache;
  flows: readonly Flow[];
  reconciliation: { pageSize: number; maxPages: number };
  /** The resolved retry policy (defaults merged with the merchant's settings). */
  retry: RetryPolicy;
  onApplication: (outcome: ApplicationOutcome) => Promise<void>;
  onPurchase: (outcome: PurchaseOutcome) => Promise<void>;
}

export interface HandlerEnv {
  Bindings: { clientAddress?: string };
}

export type Ctx = Context<HandlerEnv>;

export const langOf = (c: Ctx): Lang => parseLang(c.req.query('lang'));

/** Parses a JSON body with a contract schema: 415, 400 and 422 answers with a `code`. */
export async function readBody<S extends v.GenericSchema>(
  c: Ctx,
  schema: S,
  options: { fieldsUnder?: string; allowEmpty?: boolean } = {},
): Promise<v.InferOutput<S>> {
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    // The client went away mid-body: nobody is left to answer, and nothing went wrong here.
    throw errors.requestAborted();
  }
  let json: unknown = {};
  if (text.trim() !== '' || !options.allowEmpty) {
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      throw errors.unsupportedMediaType();
    }
    try {
      json = JSON.parse(text);
    } catch {
      throw errors.invalidJson();
    }
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const under = options.fieldsUnder;
  if (under && result.issues.every((issue) => issue.path?.[0]?.key === under)) {
    throw errors.invalidFields(toFieldErrors(result.issues, [under]));
  }
  throw errors.invalidRequest(toFieldErrors(result.issues));
}

/**
 * The client's address: the adapter's socket address, or what trusted proxies say of it. Only the
 * entries the merchant's own proxies appended to `X-Forwarded-For` count (counted from the right);
 * a request that arrived without passing them keeps its socket address.
 */
export function clientAddress(c: Ctx, deps: Deps): string {
  const socket = c.env?.clientAddress ?? 'unknown';
  const trust = deps.config.trustProxy;
  if (!trust) return socket;
  if (typeof trust === 'object') return c.req.header(trust.header)?.trim() || socket;
  const hops = trust === true ? 1 : trust;
  const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  return chain.length >= hops ? chain[chain.length - hops]! : socket;
}
