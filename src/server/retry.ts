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
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(cause?.code ?? '');
}
