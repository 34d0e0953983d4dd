import { errors } from './errors.js';
import { sleep } from './retry.js';
import type { ClaimStore } from './state/types.js';

export interface WorkResult<T> {
  result: T;
  /** Final outcomes are kept and answered to every repeat; others release the claim. */
  final: boolean;
}

/**
 * Runs `work` at most once at a time per key, and never again once it produced a final result:
 * a double click, a retry, a second tab or another instance waits for the first run and gets its
 * answer. A claim store that cannot be reached stops the work before it starts (fail closed).
 */
export async function runOnce<T>(
  store: ClaimStore,
  key: string,
  options: { ttlMs: number; retainMs: number; waitMs: number; busy?: () => Error },
  work: () => Promise<WorkResult<T>>,
): Promise<{ result: T; fresh: boolean; final: boolean }> {
  const deadline = Date.now() + options.waitMs;
  for (let wait = 25; ; wait = Math.min(wait * 2, 250)) {
    const claim = await store.claim<T>(key, options.ttlMs);
    if (claim.state === 'done') return { result: claim.result, fresh: false, final: true };
    if (claim.state === 'busy') {
      if (Date.now() > deadline) throw options.busy?.() ?? errors.purchaseInProgress();
      await sleep(wait);
      continue;
    }
    let outcome: WorkResult<T>;
    try {
      outcome = await work();
    } catch (error) {
      await store.release(key, claim.token).catch(() => {});
      throw error;
    }
    // The work happened: its answer goes back even if the store cannot record it now. A later
    // repeat then finds the claim lapsed and reconciles with Flexiti instead of redoing the work.
    if (outcome.final) await store.complete(key, outcome.result, options.retainMs).catch(() => {});
    else await store.release(key, claim.token).catch(() => {});
    return { result: outcome.result, fresh: true, final: outcome.final };
  }
}
