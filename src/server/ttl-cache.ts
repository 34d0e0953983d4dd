/** A small time-limited cache of promises: one Flexiti call fills an entry for all waiters. */
export class TtlCache {
  private readonly entries = new Map<string, { value: Promise<unknown>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.until > this.now()) return entry.value as Promise<T>;
    const value = load();
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
    // A failure is not cached: the next caller tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
