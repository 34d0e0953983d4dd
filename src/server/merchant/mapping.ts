import { HandlerError } from '../errors.js';
import { isRecord } from '../flexiti-client.js';
import { toCents as roundToCents, toDollars } from '../../schemas/money.js';
import { fromFinancingOption } from '../mapping.js';
import type {
  FlexitiAuthorization,
  FlexitiCapture,
  FlexitiCaptureActivity,
  FlexitiRefund,
  FlexitiRelease,
  FlexitiReturn,
  OrderState,
} from './types.js';

/** Integer cents from dollars; anything that is not a positive amount exact to the cent is refused. */
export function toCents(amount: number, field = 'amount'): number {
  const scaled = amount * 100;
  const whole = Math.round(scaled);
  if (typeof amount !== 'number' || !Number.isFinite(amount) || whole <= 0 || Math.abs(scaled - whole) > 1e-6) {
    throw new HandlerError(400, 'invalid_amount', `\`${field}\` must be a positive amount in dollars with at most two decimals.`);
  }
  return whole;
}

/** Cents of a Flexiti amount (already exact to the cent, but carried as a float). */
export const centsOf = (amount: unknown): number => roundToCents(Number(amount ?? 0));

export const dollars = toDollars;

const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const id = (value: unknown): string => String(value);
const optionalId = (value: unknown): string | null => (value === undefined || value === null ? null : String(value));
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function toReturn(json: Record<string, unknown>): FlexitiReturn {
  return { returnId: id(json.return_id), reference: text(json.reference), amount: dollars(centsOf(json.amount)), date: String(json.date ?? '') };
}

function toRefund(json: Record<string, unknown>): FlexitiRefund {
  return {
    refundId: optionalId(json.refund_id),
    reference: text(json.reference),
    amount: dollars(centsOf(json.amount)),
    date: String(json.date ?? ''),
  };
}

function toRelease(json: Record<string, unknown>): FlexitiRelease {
  return { releaseId: optionalId(json.release_id), amount: dollars(centsOf(json.amount)), date: String(json.date ?? '') };
}

export function toCapture(json: Record<string, unknown>, authorizationId: string): FlexitiCapture {
  const returns = list(json.returns).map(toReturn);
  const refunds = list(json.refunds).map(toRefund);
  const amount = centsOf(json.amount);
  const given = [...returns, ...refunds].reduce((sum, r) => sum + centsOf(r.amount), 0);
  return {
    captureId: id(json.capture_id),
    authorizationId,
    reference: text(json.reference),
    amount: dollars(amount),
    date: String(json.date ?? ''),
    remainingAmount: dollars(json.remaining_capture_amount === undefined ? amount - given : centsOf(json.remaining_capture_amount)),
    returns,
    refunds,
  };
}

export function toCaptureActivity(json: Record<string, unknown>): FlexitiCaptureActivity {
  return {
    ...toCapture(json, id(json.authorization_id)),
    accountNumber: id(json.account_number),
    transactionType: json.transaction_type === 'regular_purchase' ? 'regular_purchase' : 'promotional_purchase',
  };
}

export function toAuthorization(json: Record<string, unknown>): FlexitiAuthorization {
  const authorizationId = id(json.authorization_id);
  const captures = list(json.captures).map((c) => toCapture(c, authorizationId));
  const releases = list(json.releases).map(toRelease);
  const sum = (amounts: number[]) => amounts.reduce((total, cents) => total + cents, 0);
  const returned = sum(captures.flatMap((c) => c.returns.map((r) => centsOf(r.amount))));
  const refunded = sum(captures.flatMap((c) => c.refunds.map((r) => centsOf(r.amount))));
  const captured = json.captured_amount === undefined ? sum(captures.map((c) => centsOf(c.amount))) : centsOf(json.captured_amount);
  const released = json.released_amount === undefined ? sum(releases.map((r) => centsOf(r.amount))) : centsOf(json.released_amount);
  const remaining = centsOf(json.remaining_amount);
  return {
    authorizationId,
    accountNumber: id(json.account_number),
    reference: text(json.reference),
    amount: dollars(centsOf(json.amount)),
    status: json.authorization_status === 'closed' || remaining === 0 ? 'closed' : 'opened',
    remainingAmount: dollars(remaining),
    capturedAmount: dollars(captured),
    releasedAmount: dollars(released),
    returnedAmount: dollars(returned),
    refundedAmount: dollars(refunded),
    createdAt: String(json.creation_date ?? ''),
    plan: fromFinancingOption(json.financing_option),
    autoCapture: json.auto_capture === true,
    captures,
    releases,
    state: orderState({ captured, remaining, givenBack: returned + refunded }),
  };
}

/** The back office's word for an authorization's amounts (cents). */
export function orderState(a: { captured: number; remaining: number; givenBack: number }): OrderState {
  if (a.captured > 0 && a.givenBack >= a.captured) return 'returned';
  if (a.givenBack > 0) return 'partly_returned';
  if (a.captured === 0) return a.remaining === 0 ? 'released' : 'authorized';
  return a.remaining === 0 ? 'captured' : 'partly_captured';
}
