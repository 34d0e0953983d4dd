/**
 * Failure injection for reliability tests: latency, 503 answers and dropped connections,
 * either counted ("the next N requests") or at a rate.
 */

export interface SandboxFaults {
  /** Added before every matching response. */
  latencyMs?: number | undefined;
  /** 0..1: share of matching requests answered `503 service_unavailable`. */
  errorRate?: number | undefined;
  /** 0..1: share of matching requests whose connection is destroyed without a response. */
  dropRate?: number | undefined;
  /** The next N matching requests answer 503. */
  failNext?: number | undefined;
  /** The next N matching requests lose their connection before they are processed. */
  dropNext?: number | undefined;
  /**
   * The next N matching requests are processed, then lose their connection before the answer is
   * sent: the caller cannot tell whether Flexiti acted (a purchase that may have gone through).
   */
  dropResponseNext?: number | undefined;
  /**
   * The next `count` (default 1) matching requests get this documented Flexiti error instead of
   * being processed, e.g. `{ status: 409, error: 'plan_term_not_set' }`.
   */
  answerNext?: { status: number; error: string; count?: number } | undefined;
  /** Faults apply only to request paths matching this; all paths when absent. */
  match?: RegExp | undefined;
  /** Source of randomness for the rates (default `Math.random`). */
  random?: (() => number) | undefined;
}

export type FaultAction = 'none' | 'fail' | 'drop' | 'drop-response' | 'answer';

export interface FaultPlan {
  latencyMs: number;
  action: FaultAction;
  /** For `answer`: the error to give. */
  answer?: { status: number; error: string };
}

export const SERVICE_UNAVAILABLE = {
  code: 503,
  error: 'service_unavailable',
  message: 'The service is temporarily unavailable. Please try again later.',
} as const;

export class FaultInjector {
  private faults: SandboxFaults = {};
  private failNext = 0;
  private dropNext = 0;
  private dropResponseNext = 0;
  private answerNext = 0;

  constructor(faults: SandboxFaults = {}) {
    this.set(faults);
  }

  set(faults: SandboxFaults): void {
    for (const rate of [faults.errorRate, faults.dropRate]) {
      if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new RangeError('fault rates must be between 0 and 1');
    }
    this.faults = { ...faults };
    this.failNext = Math.max(0, Math.floor(faults.failNext ?? 0));
    this.dropNext = Math.max(0, Math.floor(faults.dropNext ?? 0));
    this.dropResponseNext = Math.max(0, Math.floor(faults.dropResponseNext ?? 0));
    this.answerNext = faults.answerNext ? Math.max(0, Math.floor(faults.answerNext.count ?? 1)) : 0;
  }

  /** Decides, and counts down, what happens to one request for `path`. */
  plan(path: string): FaultPlan {
    const f = this.faults;
    if (f.match) {
      f.match.lastIndex = 0; // a /g or /y pattern must not remember the previous request
      if (!f.match.test(path)) return { latencyMs: 0, action: 'none' };
    }
    const latencyMs = Math.max(0, f.latencyMs ?? 0);
    if (this.dropNext > 0) {
      this.dropNext--;
      return { latencyMs, action: 'drop' };
    }
    if (this.dropResponseNext > 0) {
      this.dropResponseNext--;
      return { latencyMs, action: 'drop-response' };
    }
    if (this.failNext > 0) {
      this.failNext--;
      return { latencyMs, action: 'fail' };
    }
    if (this.answerNext > 0 && f.answerNext) {
      this.answerNext--;
      return { latencyMs, action: 'answer', answer: { status: f.answerNext.status, error: f.answerNext.error } };
    }
    const random = f.random ?? Math.random;
    if (f.dropRate && random() < f.dropRate) return { latencyMs, action: 'drop' };
    if (f.errorRate && random() < f.errorRate) return { latencyMs, action: 'fail' };
    return { latencyMs, action: 'none' };
  }
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

interface SocketLike {
  destroy(): void;
}

function socketOf(env: unknown): SocketLike | undefined {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  const incoming: unknown = env.incoming;
  if (typeof incoming !== 'object' || incoming === null || !('socket' in incoming)) return undefined;
  const socket: unknown = incoming.socket;
  if (typeof socket === 'object' && socket !== null && 'destroy' in socket && typeof socket.destroy === 'function') {
    return socket as SocketLike;
  }
  return undefined;
}

/** Raised in-process, where there is no socket to destroy: what `fetch` shows for a lost connection. */
export class DroppedConnection extends TypeError {
  constructor() {
    super('fetch failed');
  }
}

/**
 * Loses the connection. Over node-server the socket is destroyed and the returned response
 * is marked as already sent, so nothing is written to the dead socket; in-process it throws.
 */
export function dropConnection(env: unknown): Response {
  const socket = socketOf(env);
  if (!socket) throw new DroppedConnection();
  socket.destroy();
  return new Response(null, { status: 503, headers: { 'x-hono-already-sent': '1' } });
}
