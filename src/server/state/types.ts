/**
 * What the handler remembers between requests, behind three small interfaces: claims (one purchase
 * per order, one application per session, one close), counters (the budgets) and values with a
 * lifetime (the Flexiti token, order records, form values and terms). `memoryState()` keeps them
 * in the process; `createRedisState()` (`flexiti-checkout/server/redis`) shares them between any
 * number of instances.
 */

export type ClaimState<T> =
  | { state: 'claimed'; token: string }
  | { state: 'busy' }
  | { state: 'done'; result: T };

export interface ClaimStore {
  /**
   * Atomically takes `key` for `ttlMs`. Answers `done` with the stored result once the work
   * finished, `busy` while another live claim holds it, `claimed` (with a token for `release`)
   * otherwise, including when an earlier claim lapsed without finishing.
   */
  claim<T>(key: string, ttlMs: number): Promise<ClaimState<T>>;
  /** Stores the final result; later claims answer `done` with it for `retainMs`. */
  complete<T>(key: string, result: T, retainMs: number): Promise<void>;
  /** Gives the key up without a result (only if `token` still holds it), so a retry can claim it. */
  release(key: string, token: string): Promise<void>;
}

export interface CounterStore {
  /**
   * Adds `cost` (default 1; 0 only reads; a negative cost gives attempts back to a window that is
   * still open) to the fixed window of `key`, which starts with the first hit and lasts
   * `windowMs`. Answers the count and the milliseconds until the window ends.
   */
  hit(key: string, windowMs: number, cost?: number): Promise<{ count: number; resetMs: number }>;
}

export interface ValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** Stores `value` only if `key` holds nothing; answers what `key` holds afterwards. */
  setIfAbsent<T>(key: string, value: T, ttlMs: number): Promise<T>;
  delete(key: string): Promise<void>;
}

export interface HandlerState {
  readonly claims: ClaimStore;
  readonly counters: CounterStore;
  readonly values: ValueStore;
  /**
   * `true` when every instance sees the same state and it outlives a restart (Redis): the handler
   * then trusts an order record that says no authorization was attempted, and skips the
   * reconciliation read. `false` for process memory.
   */
  readonly shared: boolean;
}

/** The shared store did not answer (down, unreachable, too slow). Retryable. */
export class StateUnavailableError extends Error {
  constructor(readonly operation: string, options?: { cause?: unknown }) {
    super(`The handler's state store is unavailable (${operation})`, options);
    this.name = 'StateUnavailableError';
  }
}
