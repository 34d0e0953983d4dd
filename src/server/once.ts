import { errors } from './errors.js';
import { sleep } from './retry.js';
import type { ClaimStore } from './store.js';

export interface WorkResult<T> {
  result: T;
  /** Final outcomes are kept and answered to every repeat; others release the claim. */
  final: boolean;
}

/**
 * Runs `work` at most once at a time per key, and never again once it produced a final result:
 * a double click, a retry or a second tab waits for the first run and gets its answer.
 */
export async function runOnce<T>(
  store: ClaimStore,
  key: string,
  options: { ttlMs: number; retainMs: number; waitMs: number },
  work: () => Promise<WorkResult<T>>,
): Promise<{ result: T; fresh: boolean; final: boolean }> {
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const claim = await store.claim<T>(key, options.ttlMs);
    if (claim.state === 'done') return { result: claim.result, fresh: false, final: true };
    if (claim.state === 'busy') {
      if (Date.now() > deadline) throw errors.purchaseInProgress();
      await sleep(100);
      continue;
    }
    let outcome: WorkResult<T>;
    try {
      outcome = await work();
    } catch (error) {
      await store.release(key);
      throw error;
    }
    if (outcome.final) await store.complete(key, outcome.result, options.retainMs);
    else await store.release(key);
    return { result: outcome.result, fresh: true, final: outcome.final };
  }
}
