/** Bounded retries with exponential backoff and jitter; `Retry-After` wins when Flexiti sends it. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 150, maxDelayMs: 2_000 };

export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfter?: string | null): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, policy.maxDelayMs);
  }
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(exponential / 2 + Math.random() * (exponential / 2), policy.maxDelayMs);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Transport failures where the request provably never reached the server. */
export function isConnectFailure(error: unknown): boolean {
  const failure = error as { code?: string; cause?: { code?: string } } | undefined;
  return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(failure?.cause?.code ?? failure?.code ?? '');
}

/**
 * An abort signal that fires `timeoutMs` (plus at most `BUCKET_MS`) from now. Calls starting within
 * the same `BUCKET_MS` share one signal: creating an `AbortSignal` per call costs more CPU in Node
 * than the rest of a proxied call's own work, and a deadline 25 ms late changes nothing; short buckets keep
 * the listeners on each shared signal few.
 */
const BUCKET_MS = 25;
const buckets = new Map<number, { signal: AbortSignal; until: number }>();

// Workers tie an AbortSignal to the request that made it: there, every call gets its own.
const shareable = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent !== 'Cloudflare-Workers';

export function deadline(timeoutMs: number): AbortSignal {
  if (!shareable) return AbortSignal.timeout(timeoutMs);
  const now = Date.now();
  const bucket = buckets.get(timeoutMs);
  if (bucket && now < bucket.until) return bucket.signal;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), timeoutMs + BUCKET_MS);
  // Never keeps a process alive on its own.
  (timer as { unref?: () => void }).unref?.();
  buckets.set(timeoutMs, { signal: controller.signal, until: now + BUCKET_MS });
  return controller.signal;
}
