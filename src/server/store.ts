/**
 * The claim store behind "one purchase per order": an atomic claim before Flexiti is called, and
 * the first result kept for every repeat. Memory by default; a shared store (Redis, a database
 * row with a unique key) lets several handler instances share it.
 */

export type ClaimState<T> = { state: 'claimed' } | { state: 'busy' } | { state: 'done'; result: T };

export interface ClaimStore {
  /**
   * Atomically take `key` for `ttlMs`. Returns `done` with the stored result if the work was
   * already finished, `busy` while another claim on it is live, `claimed` otherwise (including
   * when an earlier claim lapsed without finishing).
   */
  claim<T>(key: string, ttlMs: number): Promise<ClaimState<T>>;
  /** Store the final result; later claims answer `done` with it until `retainMs` passes. */
  complete<T>(key: string, result: T, retainMs: number): Promise<void>;
  /** Give the key up without a result, so a retry can claim it. */
  release(key: string): Promise<void>;
  /** The finished result, if any, without claiming. */
  get<T>(key: string): Promise<T | undefined>;
}

type Entry = { state: 'claimed'; until: number } | { state: 'done'; result: unknown; until: number };

export class MemoryClaimStore implements ClaimStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  async claim<T>(key: string, ttlMs: number): Promise<ClaimState<T>> {
    const now = this.now();
    this.sweep(now);
    const entry = this.entries.get(key);
    if (entry?.state === 'done') return { state: 'done', result: entry.result as T };
    if (entry?.state === 'claimed') return { state: 'busy' };
    this.entries.set(key, { state: 'claimed', until: now + ttlMs });
    return { state: 'claimed' };
  }

  async complete<T>(key: string, result: T, retainMs: number): Promise<void> {
    this.entries.set(key, { state: 'done', result, until: this.now() + retainMs });
  }

  async release(key: string): Promise<void> {
    if (this.entries.get(key)?.state === 'claimed') this.entries.delete(key);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    return entry?.state === 'done' && entry.until > this.now() ? (entry.result as T) : undefined;
  }

  private sweep(now: number) {
    for (const [key, entry] of this.entries) if (entry.until <= now) this.entries.delete(key);
  }
}
