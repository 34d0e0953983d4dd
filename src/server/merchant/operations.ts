import { HandlerError, errors } from '../errors.js';
import { flexitiError, isRecord, type FlexitiClient, type FlexitiResponse } from '../flexiti-client.js';
import type { Logger } from '../logger.js';
import { runOnce } from '../once.js';
import { backoffDelay, sleep, type RetryPolicy } from '../retry.js';
import type { HandlerState } from '../state/types.js';
import { FlexitiUnavailableError } from '../token-manager.js';
import { merchantErrors } from './errors.js';
import { centsOf, dollars, toAuthorization, toCaptureActivity, toCents } from './mapping.js';
import type {
  AuthorizationQuery,
  CaptureInput,
  CaptureQuery,
  FlexitiAuthorization,
  FlexitiCapture,
  FlexitiCaptureActivity,
  OperationName,
  OperationResult,
  RefundInput,
  ReleaseInput,
  ReturnInput,
} from './types.js';

/** What the merchant operations need of the handler's parts (a handler and a standalone merchant share them). */
export interface MerchantDeps {
  flexiti: FlexitiClient;
  state: HandlerState;
  now: () => number;
  logger: Logger;
  retry: RetryPolicy;
  /** Per Flexiti call. */
  timeoutMs: number;
}

/** An operation key is answered the same way for this long (longer than the 100-day return window). */
const KEY_RETENTION_MS = 120 * 24 * 3600_000;
/** How long one operation may hold its key and its authorization: longer than any attempt lasts. */
const HOLD_MS = 120_000;
const RETURN_WINDOW_MS = 100 * 24 * 3600_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PRINTABLE = /^[\x20-\x7e]+$/;

interface Operation {
  kind: OperationName;
  key: string;
  authorizationId: string;
  captureId?: string;
  /** `undefined`: everything that is left (the authorization's, or the capture's). */
  cents?: number;
  reference?: string;
}

interface Stored {
  /** The arguments the key was first used with. */
  fingerprint: string;
  result: OperationResult;
}

/**
 * An operation sent to Flexiti without a definite answer: kept on the authorization until a later
 * read shows whether it landed. `before` is what the authorization held when it was sent.
 */
interface Pending {
  key: string;
  fingerprint: string;
  kind: OperationName;
  captureId?: string;
  cents: number;
  before: Totals;
  at: number;
}

/** The amounts an operation changes (cents), and the ids already there. */
interface Totals {
  captured: number;
  released: number;
  /** Per capture: returned and refunded. */
  returned: Record<string, number>;
  refunded: Record<string, number>;
  ids: string[];
}

/**
 * The merchant's operations on Flexiti after the sale. Every money-moving call happens exactly
 * once per operation key: the key is claimed in the shared state (a repeat from any instance
 * waits for the first and gets its answer), operations on one authorization run one at a time,
 * and an operation whose answer was lost is looked for on the authorization before anything else
 * is sent for it.
 */
export class MerchantOperations {
  constructor(private readonly deps: MerchantDeps) {}

  async authorization(authorizationId: string): Promise<FlexitiAuthorization> {
    const id = checkId(authorizationId, 'authorizationId');
    const response = await this.deps.flexiti.call({
      method: 'GET',
      version: 'v2.5.1',
      path: `authorization/${id}`,
      retry: 'safe',
      operation: 'authorization/get',
    });
    if (response.status === 404) throw merchantErrors.authorizationNotFound();
    if (response.status !== 200 || !isRecord(response.body)) throw unexpected(response);
    return toAuthorization(response.body);
  }

  /** Every authorization matching the query, page after page as they are read. */
  async *authorizations(query: AuthorizationQuery = {}): AsyncGenerator<FlexitiAuthorization> {
    const params = {
      creation_date_from: checkDay(query.from, 'from'),
      creation_date_to: checkDay(query.to, 'to'),
      authorization_status: query.status,
      account_number: query.accountNumber === undefined ? undefined : checkId(query.accountNumber, 'accountNumber'),
    };
    for await (const item of this.pages('authorizations', 'authorizations', params, query.pageSize)) yield toAuthorization(item);
  }

  /** Every capture matching the query (by capture day): the day's activity. */
  async *captures(query: CaptureQuery = {}): AsyncGenerator<FlexitiCaptureActivity> {
    const params = {
      capture_date_from: checkDay(query.from, 'from'),
      capture_date_to: checkDay(query.to, 'to'),
      account_number: query.accountNumber === undefined ? undefined : checkId(query.accountNumber, 'accountNumber'),
      reference: query.reference,
    };
    for await (const item of this.pages('captures', 'captures', params, query.pageSize)) yield toCaptureActivity(item);
  }

  async capture(authorizationId: string, input: CaptureInput) {
    return (await this.move({ kind: 'capture', authorizationId, ...common(input) })) as Extract<OperationResult, { operation: 'capture' }>;
  }

  async release(authorizationId: string, input: ReleaseInput) {
    return (await this.move({ kind: 'release', authorizationId, ...common(input) })) as Extract<OperationResult, { operation: 'release' }>;
  }

  async return(authorizationId: string, captureId: string, input: ReturnInput) {
    return (await this.move({ kind: 'return', authorizationId, captureId, ...common(input) })) as Extract<OperationResult, { operation: 'return' }>;
  }

  async refund(authorizationId: string, captureId: string, input: RefundInput) {
    return (await this.move({ kind: 'refund', authorizationId, captureId, ...common(input) })) as Extract<OperationResult, { operation: 'refund' }>;
  }

  private async *pages(path: string, field: string, params: Record<string, string | undefined>, pageSize = 100) {
    for (let page = 1; ; page++) {
      const response = await this.deps.flexiti.call({
        method: 'GET',
        version: 'v2.5.1',
        path,
        query: { ...params, page_number: page, page_size: pageSize },
        retry: 'safe',
        operation: path,
      });
      if (response.status !== 200 || !isRecord(response.body)) throw unexpected(response);
      const items = Array.isArray(response.body[field]) ? (response.body[field] as unknown[]).filter(isRecord) : [];
      yield* items;
      const total = Number(response.body.total);
      if (items.length < pageSize || (Number.isFinite(total) && page * pageSize >= total)) return;
    }
  }

  private async move(input: Operation): Promise<OperationResult> {
    const op = checkOperation(input);
    const fingerprint = JSON.stringify([op.kind, op.authorizationId, op.captureId ?? null, op.cents ?? null, op.reference ?? null]);
    const audit = { event: 'merchant_operation', operation: op.kind, authorizationId: op.authorizationId, captureId: op.captureId };
    try {
      const run = await runOnce<Stored>(
        this.deps.state.claims,
        `merchant-op:${op.key}`,
        { ttlMs: HOLD_MS, retainMs: KEY_RETENTION_MS, waitMs: 60_000, busy: merchantErrors.inProgress },
        async () => ({ final: true, result: await this.exclusively(op.authorizationId, () => this.perform(op, fingerprint)) }),
      );
      if (run.result.fingerprint !== fingerprint) throw merchantErrors.keyReused();
      const { result } = run.result;
      this.deps.logger({
        level: 'info',
        ...audit,
        captureId: 'captureId' in result ? result.captureId : undefined,
        amount: result.amount,
        outcome: run.fresh ? 'done' : 'repeated',
      });
      return result;
    } catch (error) {
      const code = error instanceof HandlerError ? error.code : error instanceof FlexitiUnavailableError ? 'flexiti_unavailable' : 'error';
      this.deps.logger({ level: 'warn', ...audit, amount: op.cents === undefined ? undefined : dollars(op.cents), outcome: 'refused', code });
      throw error;
    }
  }

  /** One operation at a time per authorization, across instances: a claim that is always given back. */
  private async exclusively<T>(authorizationId: string, work: () => Promise<T>): Promise<T> {
    const run = await runOnce<T>(
      this.deps.state.claims,
      `merchant-lock:${authorizationId}`,
      { ttlMs: HOLD_MS, retainMs: 0, waitMs: 30_000, busy: merchantErrors.inProgress },
      async () => ({ final: false, result: await work() }),
    );
    return run.result;
  }

  private async perform(op: Operation, fingerprint: string): Promise<Stored> {
    const { state, now } = this.deps;
    const pendingKey = `merchant-pending:${op.authorizationId}`;
    const pending = await state.values.get<Pending>(pendingKey);
    let authorization = await this.authorization(op.authorizationId);

    if (pending) {
      const landed = findLanded(pending, authorization);
      if (landed) {
        await state.values.delete(pendingKey);
        const stored = { fingerprint: pending.fingerprint, result: landed };
        this.deps.logger({ level: 'info', event: 'merchant_operation_reconciled', operation: pending.kind, authorizationId: op.authorizationId });
        if (pending.key === op.key) return stored;
        // Another key's operation, whose caller gave up: its repeat gets this answer.
        await state.claims.complete(`merchant-op:${pending.key}`, stored, KEY_RETENTION_MS).catch(() => {});
      } else {
        const wait = pending.at + this.doubtWindow() - now();
        if (wait > 0) throw merchantErrors.inDoubt(Math.ceil(wait / 1000));
        // Long enough that it would show: it never reached Flexiti.
        await state.values.delete(pendingKey);
      }
    }

    const cents = precheck(op, authorization, now());
    const request = flexitiRequest(op, cents, authorization);
    await state.values.set<Pending>(
      pendingKey,
      { key: op.key, fingerprint, kind: op.kind, ...(op.captureId ? { captureId: op.captureId } : {}), cents, before: totals(authorization), at: now() },
      KEY_RETENTION_MS,
    );
    let response: FlexitiResponse;
    try {
      response = await this.deps.flexiti.call({ method: 'POST', ...request, retry: 'unsafe', operation: op.kind });
    } catch (error) {
      if (!(error instanceof FlexitiUnavailableError)) throw error;
      if (error.reason === 'connect' || error.reason === 'status 503' || error.reason === 'status 429') {
        // Flexiti never took it: nothing moved.
        await state.values.delete(pendingKey);
        throw error;
      }
      // Sent without an answer: if Flexiti acted, a read a moment later shows it.
      await sleep(backoffDelay(this.deps.retry, 1));
      authorization = await this.authorization(op.authorizationId).catch(() => authorization);
      const before = await state.values.get<Pending>(pendingKey);
      const landed = before && findLanded(before, authorization);
      if (!landed) {
        await state.values.set<Pending>(pendingKey, { ...before!, at: now() }, KEY_RETENTION_MS).catch(() => {});
        throw error;
      }
      await state.values.delete(pendingKey);
      return { fingerprint, result: landed };
    }
    await state.values.delete(pendingKey);
    if (response.status !== 200) throw refusal(op, response, authorization);
    return { fingerprint, result: answered(op, cents, authorization, isRecord(response.body) ? response.body : {}) };
  }

  /** How long an unanswered operation may take to show on the authorization. */
  private doubtWindow(): number {
    return this.deps.timeoutMs + 5_000;
  }
}

function common(input: { operationKey: string; amount?: number | undefined; reference?: string | undefined }) {
  return {
    key: input.operationKey,
    ...(input.amount === undefined ? {} : { cents: toCents(input.amount) }),
    ...(input.reference === undefined ? {} : { reference: input.reference }),
  };
}

function checkOperation(op: Operation): Operation {
  if (typeof op.key !== 'string' || op.key.length > 100 || !PRINTABLE.test(op.key)) throw merchantErrors.invalidOperationKey();
  checkId(op.authorizationId, 'authorizationId');
  if (op.captureId !== undefined) checkId(op.captureId, 'captureId');
  if (op.reference !== undefined && (typeof op.reference !== 'string' || op.reference.length > 40 || !PRINTABLE.test(op.reference))) {
    throw merchantErrors.invalidReference();
  }
  return op;
}

function checkId(id: unknown, field: string): string {
  const text = typeof id === 'number' ? String(id) : id;
  if (typeof text !== 'string' || !/^\d{1,19}$/.test(text)) throw merchantErrors.invalidId(field);
  return text;
}

function checkDay(day: string | undefined, field: string): string | undefined {
  if (day === undefined) return undefined;
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw merchantErrors.invalidDate(field);
  return day;
}

function captureOf(authorization: FlexitiAuthorization, captureId: string | undefined): FlexitiCapture {
  const capture = authorization.captures.find((c) => c.captureId === captureId);
  if (!capture) throw merchantErrors.captureNotFound();
  return capture;
}

/** Refusals that need no Flexiti call; answers the amount in cents (the rest when none was given). */
function precheck(op: Operation, authorization: FlexitiAuthorization, now: number): number {
  if (op.kind === 'capture' || op.kind === 'release') {
    const remaining = centsOf(authorization.remainingAmount);
    if (remaining === 0) throw merchantErrors.authorizationClosed();
    const cents = op.cents ?? remaining;
    if (cents > remaining) throw merchantErrors.exceedsRemaining(dollars(remaining));
    return cents;
  }
  const capture = captureOf(authorization, op.captureId);
  if (op.kind === 'return') {
    if (authorization.plan.type === 'regular') throw merchantErrors.wrongTransactionType();
    if (now - Date.parse(capture.date) > RETURN_WINDOW_MS) throw merchantErrors.returnWindowPassed();
  }
  const remaining = centsOf(capture.remainingAmount);
  const cents = op.cents ?? remaining;
  if (remaining === 0 || cents > remaining) throw merchantErrors.exceedsCaptured(dollars(remaining));
  return cents;
}

function flexitiRequest(op: Operation, cents: number, authorization: FlexitiAuthorization) {
  const amount = dollars(cents);
  const reference = op.reference ?? authorization.reference ?? undefined;
  const withReference = reference === undefined ? {} : { reference };
  switch (op.kind) {
    case 'capture':
      return { path: `authorization/${op.authorizationId}/capture`, body: { amount, ...withReference } };
    case 'release':
      return { path: `authorization/${op.authorizationId}/release`, body: { amount } };
    case 'return': {
      const full = cents === centsOf(captureOf(authorization, op.captureId).remainingAmount);
      return { path: `authorization/${op.authorizationId}/capture/${op.captureId}/return`, body: { amount, full_return: full, ...withReference } };
    }
    case 'refund':
      return {
        path: `accounts/${authorization.accountNumber}/refund`,
        body: { amount, capture_id: Number(op.captureId), ...withReference },
      };
  }
}

function totals(authorization: FlexitiAuthorization): Totals {
  const returned: Record<string, number> = {};
  const refunded: Record<string, number> = {};
  const ids: string[] = [];
  for (const capture of authorization.captures) {
    returned[capture.captureId] = capture.returns.reduce((sum, r) => sum + centsOf(r.amount), 0);
    refunded[capture.captureId] = capture.refunds.reduce((sum, r) => sum + centsOf(r.amount), 0);
    ids.push(`c${capture.captureId}`, ...capture.returns.map((r) => `r${r.returnId}`));
  }
  ids.push(...authorization.releases.flatMap((r) => (r.releaseId ? [`l${r.releaseId}`] : [])));
  return { captured: centsOf(authorization.capturedAmount), released: centsOf(authorization.releasedAmount), returned, refunded, ids };
}

/**
 * The pending operation, if the authorization shows it landed: its amount added to the total it
 * changes since it was sent (operations on one authorization run one at a time).
 */
function findLanded(pending: Pending, authorization: FlexitiAuthorization): OperationResult | undefined {
  const now = totals(authorization);
  const known = new Set(pending.before.ids);
  const { kind, cents } = pending;
  const authorizationId = authorization.authorizationId;
  const remainingAmount = authorization.remainingAmount;
  if (kind === 'capture') {
    if (now.captured - pending.before.captured !== cents) return undefined;
    const capture = authorization.captures.find((c) => !known.has(`c${c.captureId}`) && centsOf(c.amount) === cents);
    return capture && { operation: 'capture', authorizationId, captureId: capture.captureId, amount: dollars(cents), remainingAmount };
  }
  if (kind === 'release') {
    if (now.released - pending.before.released !== cents) return undefined;
    const release = authorization.releases.find((r) => r.releaseId !== null && !known.has(`l${r.releaseId}`));
    return { operation: 'release', authorizationId, releaseId: release?.releaseId ?? null, amount: dollars(cents), remainingAmount };
  }
  const captureId = pending.captureId!;
  const capture = authorization.captures.find((c) => c.captureId === captureId);
  if (!capture) return undefined;
  const remainingCaptureAmount = capture.remainingAmount;
  if (kind === 'return') {
    if ((now.returned[captureId] ?? 0) - (pending.before.returned[captureId] ?? 0) !== cents) return undefined;
    const ret = capture.returns.find((r) => !known.has(`r${r.returnId}`) && centsOf(r.amount) === cents);
    return ret && { operation: 'return', authorizationId, captureId, returnId: ret.returnId, amount: dollars(cents), remainingCaptureAmount };
  }
  if ((now.refunded[captureId] ?? 0) - (pending.before.refunded[captureId] ?? 0) !== cents) return undefined;
  return { operation: 'refund', authorizationId, captureId, amount: dollars(cents), remainingCaptureAmount };
}

/** The result of an operation Flexiti answered, from its answer and the authorization before it. */
function answered(op: Operation, cents: number, authorization: FlexitiAuthorization, body: Record<string, unknown>): OperationResult {
  const authorizationId = authorization.authorizationId;
  const amount = dollars(cents);
  switch (op.kind) {
    case 'capture':
      return {
        operation: 'capture',
        authorizationId,
        captureId: String(body.capture_id),
        amount,
        remainingAmount: dollars(centsOf(authorization.remainingAmount) - cents),
      };
    case 'release':
      return {
        operation: 'release',
        authorizationId,
        releaseId: body.release_id === undefined ? null : String(body.release_id),
        amount,
        remainingAmount: dollars(centsOf(authorization.remainingAmount) - cents),
      };
    case 'return':
    case 'refund': {
      const capture = captureOf(authorization, op.captureId);
      const remainingCaptureAmount = dollars(centsOf(capture.remainingAmount) - cents);
      return op.kind === 'return'
        ? { operation: 'return', authorizationId, captureId: capture.captureId, returnId: String(body.return_id), amount, remainingCaptureAmount }
        : { operation: 'refund', authorizationId, captureId: capture.captureId, amount, remainingCaptureAmount };
    }
  }
}

/** Flexiti's refusal, as the specific error it means. */
function refusal(op: Operation, response: FlexitiResponse, authorization: FlexitiAuthorization): HandlerError {
  const code = flexitiError(response) ?? `status_${response.status}`;
  if (response.status === 403) return merchantErrors.notPermitted(code);
  switch (code) {
    case 'not_found':
      return op.kind === 'capture' || op.kind === 'release' ? merchantErrors.authorizationNotFound() : merchantErrors.captureNotFound();
    case 'authorization_ended':
      return merchantErrors.authorizationClosed();
    case 'auth_amount_exceeded':
      return merchantErrors.exceedsRemaining(authorization.remainingAmount);
    case 'capture_amount_exceeded':
      return merchantErrors.exceedsCaptured(captureOf(authorization, op.captureId).remainingAmount);
    case 'refunds_limit_exceeded_amount':
      return merchantErrors.exceedsBalance();
    case 'return_date_exceeded':
      return merchantErrors.returnWindowPassed();
    case 'wrong_transaction_type':
      return merchantErrors.wrongTransactionType();
    case 'not_permitted':
    case 'invalid_role':
    case 'status_403':
      return merchantErrors.notPermitted(code);
    case 'wrong_inputs':
      return errors.flexitiRejectedRequest(code);
    default:
      return merchantErrors.refused(code);
  }
}

function unexpected(response: FlexitiResponse): HandlerError {
  const code = flexitiError(response) ?? `status_${response.status}`;
  return code === 'status_403' || code === 'not_permitted' || code === 'invalid_role' ? merchantErrors.notPermitted(code) : errors.flexitiError(code);
}
