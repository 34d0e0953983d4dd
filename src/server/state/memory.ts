import { LRUCache } from 'lru-cache';
import type { ClaimState, ClaimStore, CounterStore, HandlerState, ValueStore } from './types.js';

/**
 * The in-process default: bounded LRU maps with per-entry lifetimes (`lru-cache`), so memory stays
 * flat however many sessions and addresses come by and no request ever scans the whole map.
 * Good for one instance; several instances need `createRedisState()`.
 */
export interface MemoryStateOptions {
  /** Most keys kept per store (claims, counters, values). Default 100,000. */
  maxKeys?: number;
  /** Millisecond clock (tests move time). */
  now?: () => number;
}

type Claim = { state: 'claimed'; token: string } | { state: 'done'; result: unknown };
type Window = { count: number; resetAt: number };

export function memoryState(options: MemoryStateOptions = {}): HandlerState {
  const max = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  const perf = { now };
  return {
    claims: new MemoryClaims(new LRUCache<string, Claim>({ max, ttlAutopurge: false, perf })),
    counters: new MemoryCounters(new LRUCache<string, Window>({ max, perf }), now),
    values: new MemoryValues(new LRUCache<string, { value: unknown }>({ max, perf })),
    shared: false,
  };
}

let claimTokens = 0;

class MemoryClaims implements ClaimStore {
  constructor(private readonly entries: LRUCache<string, Claim>) {}

  async claim<T>(key: string, ttlMs: number): Promise<ClaimState<T>> {
    const entry = this.entries.get(key);
    if (entry?.state === 'done') return { state: 'done', result: entry.result as T };
    if (entry?.state === 'claimed') return { state: 'busy' };
    const token = String(++claimTokens);
    this.entries.set(key, { state: 'claimed', token }, { ttl: ttlMs });
    return { state: 'claimed', token };
  }

  async complete<T>(key: string, result: T, retainMs: number): Promise<void> {
    this.entries.set(key, { state: 'done', result }, { ttl: retainMs });
  }

  async release(key: string, token: string): Promise<void> {
    const entry = this.entries.get(key);
    if (entry?.state === 'claimed' && entry.token === token) this.entries.delete(key);
  }
}

class MemoryCounters implements CounterStore {
  constructor(
    private readonly windows: LRUCache<string, Window>,
    private readonly now: () => number,
  ) {}

  async hit(key: string, windowMs: number, cost = 1): Promise<{ count: number; resetMs: number }> {
    const now = this.now();
    let current = this.windows.get(key);
    if (!current || current.resetAt <= now) {
      if (cost <= 0) return { count: 0, resetMs: 0 };
      current = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, current, { ttl: windowMs });
    }
    current.count += cost;
    return { count: current.count, resetMs: current.resetAt - now };
  }
}

class MemoryValues implements ValueStore {
  constructor(private readonly entries: LRUCache<string, { value: unknown }>) {}

  async get<T>(key: string): Promise<T | undefined> {
    return this.entries.get(key)?.value as T | undefined;
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    this.entries.set(key, { value }, { ttl: ttlMs });
  }

  async setIfAbsent<T>(key: string, value: T, ttlMs: number): Promise<T> {
    const existing = this.entries.get(key);
    if (existing) return existing.value as T;
    this.entries.set(key, { value }, { ttl: ttlMs });
    return value;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
