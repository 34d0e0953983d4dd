/**
 * Fixed-window attempt counters, per session and per client address, for the routes an attacker
 * would hammer (applications, card lookups, verification codes). Per handler instance.
 */
export interface RateLimit {
  /** Attempts allowed per window. */
  max: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, limit: RateLimit): number {
    const now = this.now();
    if (this.windows.size > 10_000) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    }
    let current = this.windows.get(key);
    if (!current || current.resetAt <= now) {
      current = { count: 0, resetAt: now + limit.windowMs };
      this.windows.set(key, current);
    }
    current.count++;
    return current.count > limit.max ? Math.ceil((current.resetAt - now) / 1000) : 0;
  }
}
