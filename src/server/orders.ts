import type { Deps } from './context.js';
import { StateUnavailableError } from './state/types.js';

/**
 * What the handler knows of an order between its sessions: since when it is being paid, and
 * whether an authorization may have been attempted. Kept in the state for `ORDER_RETENTION_MS`.
 *
 * `attempt: 'none'` in a shared state proves that no authorization was ever sent for the order, so
 * a purchase goes straight to Flexiti; anything else (no record, a record newer than the session,
 * an attempt whose answer was lost, in-memory state that a restart wiped) sends the handler to
 * Flexiti's authorizations first.
 */
export interface OrderRecord {
  /** Milliseconds: the order's first checkout session (or the merchant's `createdAt`). */
  since: number;
  attempt: 'none' | 'open';
  /** Flexiti's authorizations were searched and held none for the order (since then: no attempt). */
  checked?: boolean;
  /** When an authorization was sent and its answer lost (a timeout, a reset). */
  uncertainAt?: number;
}

export const ORDER_RETENTION_MS = 90 * 24 * 3600_000;

const key = (reference: string) => `order:${reference}`;

/** Called when a checkout session is minted: starts the record if the order has none. */
export async function openOrder(deps: Deps, reference: string, now: number, createdAt?: Date | number): Promise<number> {
  const created = createdAt === undefined ? now : Math.min(now, +createdAt);
  try {
    const record = await deps.state.values.setIfAbsent<OrderRecord>(key(reference), { since: created, attempt: 'none' }, ORDER_RETENTION_MS);
    return Math.min(record.since, created);
  } catch (error) {
    // Sessions stay available; the purchase, which needs the state, will not proceed without it.
    if (!(error instanceof StateUnavailableError)) throw error;
    deps.logger({ level: 'warn', event: 'state_unavailable', route: 'session' });
    return created;
  }
}

export function readOrder(deps: Deps, reference: string): Promise<OrderRecord | undefined> {
  return deps.state.values.get<OrderRecord>(key(reference));
}

export function writeOrder(deps: Deps, reference: string, record: OrderRecord): Promise<void> {
  return deps.state.values.set(key(reference), record, ORDER_RETENTION_MS);
}

/**
 * How long this state has existed: a shared store remembers when it was first used, and one that
 * lost its data starts again from now.
 */
export async function stateAgeMs(deps: Deps, now: number): Promise<number> {
  const born = await deps.state.values.setIfAbsent<number>('epoch', now, 10 * 365 * 24 * 3600_000);
  return now - born;
}
