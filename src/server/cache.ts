import { LRUCache } from 'lru-cache';
import type { Logger } from './logger.js';
import { StateUnavailableError, type ValueStore } from './state/types.js';

/**
 * Form values and terms, kept for a few minutes: in the process (one Flexiti call fills an entry
 * for every waiter) and, with a shared state, for every instance. A failure is not cached, and an
 * unreachable shared store only costs a Flexiti call.
 */
export class Cache {
  private readonly local: LRUCache<string, { value: Promise<unknown> }>;

  constructor(
    private readonly shared: ValueStore | undefined,
    private readonly ttlMs: number,
    private readonly logger: Logger,
    now: () => number,
  ) {
    this.local = new LRUCache({ max: 1000, ttl: ttlMs, perf: { now } });
  }

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.local.get(key);
    if (entry) return entry.value as Promise<T>;
    const value = this.fill(key, load);
    this.local.set(key, { value });
    value.catch(() => {
      if (this.local.get(key)?.value === value) this.local.delete(key);
    });
    return value;
  }

  private async fill<T>(key: string, load: () => Promise<T>): Promise<T> {
    const shared = this.shared;
    if (!shared) return load();
    const sharedKey = `cache:${key}`;
    const found = await shared.get<T>(sharedKey).catch((error: unknown) => this.unavailable(error));
    if (found !== undefined) return found;
    const loaded = await load();
    await shared.set(sharedKey, loaded, this.ttlMs).catch((error: unknown) => this.unavailable(error));
    return loaded;
  }

  private unavailable(error: unknown): undefined {
    if (!(error instanceof StateUnavailableError)) throw error;
    this.logger({ level: 'warn', event: 'state_unavailable', route: 'cache' });
    return undefined;
  }
}
