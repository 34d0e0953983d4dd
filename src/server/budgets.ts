import { errors } from './errors.js';
import type { Logger } from './logger.js';
import { memoryState } from './state/memory.js';
import { StateUnavailableError, type CounterStore } from './state/types.js';

/**
 * Budgets that protect people, not just addresses: verification codes sent and wrong codes are
 * counted per Flexiti account (whatever session, address or instance they come from), then per
 * session; the client address is a high ceiling for a whole network, never the main key. Only
 * requests that passed validation spend a budget. Over a limit the handler answers `429` with
 * `retry-after`.
 */

export interface RateLimit {
  /** Attempts allowed per window. */
  max: number;
  windowMs: number;
}

export type Scope = 'perAccount' | 'perSession' | 'perAddress';

export interface Limits {
  /** `POST session`. */
  sessions: { perAddress: RateLimit };
  /** `POST lookup`: card and account numbers tried. */
  lookups: { perSession: RateLimit; perAddress: RateLimit };
  /** `POST verify`: verification codes sent. */
  codes: { perAccount: RateLimit; perSession: RateLimit; perAddress: RateLimit };
  /** Wrong verification codes at `POST purchase`. */
  wrongCodes: { perAccount: RateLimit; perSession: RateLimit };
  /** `POST apply`. */
  applications: { perSession: RateLimit; perAddress: RateLimit };
  /** `POST plans`: what an account is offered says something of it. */
  plans: { perSession: RateLimit; perAddress: RateLimit };
  /** `GET offers`: no session, once per product page viewed. */
  offers: { perAddress: RateLimit };
}

export type LimitsConfig = { [G in keyof Limits]?: Partial<Limits[G]> };

const MINUTE = 60_000;

export const DEFAULT_LIMITS: Limits = {
  sessions: { perAddress: { max: 300, windowMs: 10 * MINUTE } },
  lookups: { perSession: { max: 10, windowMs: 10 * MINUTE }, perAddress: { max: 300, windowMs: 10 * MINUTE } },
  codes: {
    perAccount: { max: 10, windowMs: 60 * MINUTE },
    perSession: { max: 5, windowMs: 10 * MINUTE },
    perAddress: { max: 100, windowMs: 10 * MINUTE },
  },
  wrongCodes: { perAccount: { max: 5, windowMs: 60 * MINUTE }, perSession: { max: 5, windowMs: 10 * MINUTE } },
  applications: { perSession: { max: 5, windowMs: 10 * MINUTE }, perAddress: { max: 50, windowMs: 10 * MINUTE } },
  plans: { perSession: { max: 20, windowMs: 10 * MINUTE }, perAddress: { max: 300, windowMs: 10 * MINUTE } },
  offers: { perAddress: { max: 600, windowMs: 10 * MINUTE } },
};

export function resolveLimits(config: LimitsConfig = {}): Limits {
  const merged = {} as Record<keyof Limits, unknown>;
  for (const group of Object.keys(DEFAULT_LIMITS) as Array<keyof Limits>) {
    merged[group] = { ...DEFAULT_LIMITS[group], ...config[group] };
  }
  return merged as Limits;
}

export class Budgets {
  /** Used while the shared counters are unreachable: each instance then counts on its own. */
  private readonly fallback: CounterStore;

  constructor(
    private readonly counters: CounterStore,
    private readonly limits: Limits,
    private readonly logger: Logger,
    now: () => number,
  ) {
    this.fallback = memoryState({ maxKeys: 100_000, now }).counters;
  }

  /** Spends one attempt of `group` on each key; throws `429` (with the longest wait) when any is over. */
  spend<G extends keyof Limits>(group: G, keys: { [S in keyof Limits[G]]?: string }): Promise<void> {
    return this.count(group, keys, 1);
  }

  /** Refuses with `429` when the next attempt would be over a limit, without spending anything. */
  check<G extends keyof Limits>(group: G, keys: { [S in keyof Limits[G]]?: string }): Promise<void> {
    return this.count(group, keys, 0);
  }

  /** Gives back an attempt spent in advance (a code that turned out right). */
  async refund<G extends keyof Limits>(group: G, keys: { [S in keyof Limits[G]]?: string }): Promise<void> {
    await this.count(group, keys, -1);
  }

  private async count<G extends keyof Limits>(group: G, keys: { [S in keyof Limits[G]]?: string }, cost: number) {
    const limits = this.limits[group] as Record<string, RateLimit>;
    const pending: Array<Promise<{ scope: string; wait: number } | undefined>> = [];
    for (const scope in keys) {
      const id = (keys as Record<string, string | undefined>)[scope];
      const limit = limits[scope];
      if (id === undefined || limit === undefined) continue;
      pending.push(
        this.hit(`budget:${group}:${scope}:${id}`, limit.windowMs, cost).then(({ count, resetMs }) => {
          const over = cost === 0 ? count >= limit.max : cost > 0 && count > limit.max;
          return over ? { scope, wait: Math.max(1, Math.ceil(resetMs / 1000)) } : undefined;
        }),
      );
    }
    let wait = 0;
    const scopes: string[] = [];
    for (const result of await Promise.all(pending)) {
      if (!result) continue;
      wait = Math.max(wait, result.wait);
      scopes.push(result.scope);
    }
    if (scopes.length === 0) return;
    this.logger({ level: 'warn', event: 'rate_limited', route: group, code: scopes.join(',') });
    throw errors.rateLimited(wait);
  }

  private async hit(key: string, windowMs: number, cost: number) {
    try {
      return await this.counters.hit(key, windowMs, cost);
    } catch (error) {
      if (!(error instanceof StateUnavailableError)) throw error;
      this.logger({ level: 'warn', event: 'state_unavailable', route: 'budgets' });
      return this.fallback.hit(key, windowMs, cost);
    }
  }
}

/** The same limit for every budget: for load tests and demos, never for a live store. */
export function uniformLimits(limit: RateLimit): Limits {
  const limits = {} as Record<keyof Limits, Record<string, RateLimit>>;
  for (const group of Object.keys(DEFAULT_LIMITS) as Array<keyof Limits>) {
    limits[group] = Object.fromEntries(Object.keys(DEFAULT_LIMITS[group]).map((scope) => [scope, limit]));
  }
  return limits as unknown as Limits;
}
