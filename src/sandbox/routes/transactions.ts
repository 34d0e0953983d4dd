/**
 * Purchases and what follows them: authorization (v2.5.1), capture, release, return, refund,
 * and the reports (`GET authorizations`, `GET authorization/{id}`, `GET captures`).
 * Flexiti documents only the refund's success body (`200 {}`); the others are the sandbox's own,
 * small and consistent. Money moves as on a card: an authorization holds its amount, a release,
 * a return or a refund gives available credit back, a capture changes nothing.
 *
 * Documented errors of the after-sale endpoints (§11.3–11.9) and how to get each here:
 * - by its natural cause:
 *   - `404 not_found`: unknown authorization, capture or account, a `capture_id` on a refund
 *     that is not a capture of that account;
 *   - `409 authorization_ended`: capture or release on a closed authorization;
 *   - `409 auth_amount_exceeded`: capture or release above the remaining authorized amount;
 *   - `409 capture_amount_exceeded`: return above what the capture still holds;
 *   - `409 return_date_exceeded`: return more than 100 days after the capture;
 *   - `409 wrong_transaction_type`: return against a `regular_purchase` (refund it instead);
 *   - `409 refunds_limit_exceeded_amount`: refund above what the capture still holds, or above
 *     the account's balance owed (credit limit − available credit);
 *   - `409 vcc_account_mismatch`: a `vcc_number` that is not the account's card (return, refund);
 *   - `409 external_location_id_not_found`: any `external_location_id` other than `00-12345`
 *     (capture, return, refund);
 *   - `409 wrong_inputs`: malformed fields or query parameters;
 *   - `403 insufficient_scope`: a customer-scope token on any of these merchant-only endpoints;
 * - only through the `answerNext` fault, since nothing in a simulator causes them:
 *   `409 generic_error`, `409 general_error`, `409 not_permitted`, `409 invalid_role`,
 *   `409 account_type_not_permitted`, and a 403 other than the scope check.
 */
import {
  ApiError,
  BOTH_SCOPES,
  MERCHANT_SCOPE,
  readJson,
  wrongInputs,
  type Ctx,
  type RouteSpec,
  type SandboxContext,
} from '../http.js';
import { fromCents, toCents } from '../money.js';
import { findPlan, isPlanOffered, totalFees, type PlanDefinition } from '../plans.js';
import {
  authorizationJson,
  authorizationStatus,
  captureActivityJson,
  type AuthorizationRecord,
  type CaptureRecord,
  type FinancingOption,
  type SandboxState,
} from '../state.js';
import {
  FieldErrors,
  REQUIRED,
  WRONG_FORMAT,
  digits,
  isBlank,
  isIsoDate,
  positiveInt,
} from '../validate.js';
import { assertCanPurchase } from './customers.js';

/** A new applicant may buy without a code for this long after approval. */
export const NEW_APPLICANT_WINDOW_MS = 30 * 60 * 1000;
const MAX_WRONG_CODES = 3;
const RETURN_WINDOW_MS = 100 * 24 * 60 * 60 * 1000;
/** The one store location the sandbox's merchant has registered with Flexiti. */
export const SANDBOX_LOCATION_ID = '00-12345';
const MAX_PAGE_SIZE = 100;

function authorizationFromPath(state: SandboxState, c: Ctx): AuthorizationRecord {
  const id = positiveInt(c.req.param('authorization_id'));
  const auth = id === undefined ? undefined : state.authorizations.get(id);
  if (!auth) throw new ApiError(404, 'not_found');
  return auth;
}

function optionalVcc(e: FieldErrors, body: Record<string, unknown>): string | undefined {
  if (isBlank(body.vcc_number)) return undefined;
  const vcc = digits(body.vcc_number);
  if (vcc === undefined || vcc.length !== 16) {
    e.add('vcc_number', WRONG_FORMAT);
    return undefined;
  }
  return vcc;
}

/** The in-store ids (`external_location_id`, `external_employee_id`); returns the location. */
function storeIds(e: FieldErrors, body: Record<string, unknown>): string | undefined {
  const location = e.string(body, 'external_location_id', { required: false, max: 50, ascii: true });
  e.string(body, 'external_employee_id', { required: false, max: 50, ascii: true });
  return location;
}

function assertKnownLocation(location: string | undefined): void {
  if (location !== undefined && location !== SANDBOX_LOCATION_ID) {
    throw new ApiError(409, 'external_location_id_not_found');
  }
}

type Query = Record<string, string | undefined>;

function accountFilter(e: FieldErrors, q: Query): number | undefined {
  if (isBlank(q.account_number)) return undefined;
  const accountNumber = positiveInt(q.account_number);
  if (accountNumber === undefined) e.add('account_number', WRONG_FORMAT);
  return accountNumber;
}

/** `{prefix}_from` and `{prefix}_to`: inclusive `YYYY-MM-DD` days. */
function dayRange(e: FieldErrors, q: Query, prefix: 'creation_date' | 'capture_date'): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  for (const end of ['from', 'to'] as const) {
    const value = q[`${prefix}_${end}`];
    if (isBlank(value)) continue;
    if (isIsoDate(value)) range[end] = value;
    else e.add(`${prefix}_${end}`, WRONG_FORMAT);
  }
  return range;
}

interface Paging {
  pageNumber: number;
  pageSize: number;
}

function paging(e: FieldErrors, q: Query): Paging | undefined {
  const pageNumber = isBlank(q.page_number) ? 1 : positiveInt(q.page_number);
  if (pageNumber === undefined) e.add('page_number', WRONG_FORMAT);
  const pageSize = isBlank(q.page_size) ? 10 : positiveInt(q.page_size);
  if (pageSize === undefined || pageSize > MAX_PAGE_SIZE) e.add('page_size', WRONG_FORMAT);
  return pageNumber === undefined || pageSize === undefined ? undefined : { pageNumber, pageSize };
}

function onePage<T>(items: readonly T[], { pageNumber, pageSize }: Paging) {
  const start = (pageNumber - 1) * pageSize;
  return { page_number: pageNumber, page_size: pageSize, total: items.length, items: items.slice(start, start + pageSize) };
}

function financingOption(e: FieldErrors, value: unknown): FinancingOption | undefined {
  if (isBlank(value)) {
    e.add('financing_option', REQUIRED);
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    e.add('financing_option', WRONG_FORMAT);
    return undefined;
  }
  const f = value as Record<string, unknown>;
  const type = f.transaction_type;
  if (isBlank(type)) {
    e.add('financing_option.transaction_type', REQUIRED);
    return undefined;
  }
  if (type === 'regular_purchase') return { transaction_type: type };
  if (type !== 'promotional_purchase') {
    e.add('financing_option.transaction_type', WRONG_FORMAT);
    return undefined;
  }
  const planId = positiveInt(f.plan_id);
  const term = positiveInt(f.term);
  if (planId === undefined) e.add('financing_option.plan_id', isBlank(f.plan_id) ? REQUIRED : WRONG_FORMAT);
  if (term === undefined) e.add('financing_option.term', isBlank(f.term) ? REQUIRED : WRONG_FORMAT);
  if (planId === undefined || term === undefined) return undefined;
  return { transaction_type: type, plan_id: planId, term };
}

export function transactionRoutes(ctx: SandboxContext): RouteSpec[] {
  const { options, state } = ctx;
  return [
    {
      method: 'POST',
      version: '2.5.1',
      path: 'authorization',
      scopes: BOTH_SCOPES,
      handler: async (c) => {
        const body = await readJson(c);
        const e = new FieldErrors();
        let accountNumber: number | undefined;
        if (isBlank(body.account_number)) e.add('account_number', REQUIRED);
        else if ((accountNumber = positiveInt(body.account_number)) === undefined) e.add('account_number', WRONG_FORMAT);
        const financing = financingOption(e, body.financing_option);
        const amountCents = e.amount(body, 'amount', { required: true, positive: true });
        if (body.auto_capture === undefined || body.auto_capture === null) e.add('auto_capture', REQUIRED);
        else if (typeof body.auto_capture !== 'boolean') e.add('auto_capture', WRONG_FORMAT);
        const reference = e.string(body, 'reference', { required: false, max: 40 });
        let code: string | undefined;
        if (!isBlank(body.verification_code) && (code = digits(body.verification_code)) === undefined) {
          e.add('verification_code', WRONG_FORMAT);
        }
        const vcc = optionalVcc(e, body);
        const requestId = e.string(body, 'request_id', { required: false, max: 150 });
        if (!e.empty || accountNumber === undefined || financing === undefined || amountCents === undefined) {
          throw wrongInputs(e.list);
        }

        const account = state.accounts.get(accountNumber);
        if (!account) throw new ApiError(404, 'not_found');
        if (vcc !== undefined && vcc !== account.vccNumber) throw new ApiError(409, 'vcc_account_mismatch');
        assertCanPurchase(account);

        const now = options.now();
        if (code !== undefined) {
          if (account.wrongCodes >= MAX_WRONG_CODES) throw new ApiError(409, 'tries_exceed');
          const outstanding = account.code;
          if (!outstanding || now >= outstanding.expiresAt || outstanding.value !== code) {
            account.wrongCodes++;
            throw new ApiError(409, 'wrong_verification_code');
          }
          // In store, the purchase must continue the flow that asked for the code.
          if (requestId !== undefined && outstanding.requestId !== null && requestId !== outstanding.requestId) {
            throw new ApiError(409, 'not_verified');
          }
        } else if (account.openedByApplyAt === null || now - account.openedByApplyAt >= NEW_APPLICANT_WINDOW_MS) {
          // Only a shopper approved moments ago may buy without a code.
          throw new ApiError(409, 'not_verified');
        }

        let plan: PlanDefinition | undefined;
        if (financing.transaction_type === 'promotional_purchase') {
          plan = findPlan(financing.plan_id ?? 0);
          if (!plan) throw new ApiError(409, 'plan_term_not_set');
          const customer = state.customerOf(account);
          if (
            !isPlanOffered(plan, { province: customer.province, riskRating: account.riskRating }) ||
            !plan.terms.includes(financing.term ?? 0)
          ) {
            throw new ApiError(409, 'plan_term_not_available');
          }
        }
        if (amountCents + toCents(totalFees(plan)) > account.availableCents) {
          throw new ApiError(409, 'credit_exceeded');
        }

        if (code !== undefined) account.code = null; // one code, one purchase
        const auth = state.createAuthorization({
          account,
          reference: reference ?? null,
          amountCents,
          financingOption: financing,
          autoCapture: body.auto_capture === true,
          now,
        });
        return c.json(authorizationJson(auth));
      },
    },
    {
      method: 'POST',
      version: '2.5',
      path: 'authorization/:authorization_id/capture',
      scopes: MERCHANT_SCOPE,
      handler: async (c) => {
        const body = await readJson(c);
        const e = new FieldErrors();
        const amountCents = e.amount(body, 'amount', { required: true, positive: true });
        const reference = e.string(body, 'reference', { required: false, max: 40 });
        const location = storeIds(e, body);
        if (!e.empty || amountCents === undefined) throw wrongInputs(e.list);
        const auth = authorizationFromPath(state, c);
        assertKnownLocation(location);
        if (auth.remainingCents === 0) throw new ApiError(409, 'authorization_ended');
        if (amountCents > auth.remainingCents) throw new ApiError(409, 'auth_amount_exceeded');
        const capture = state.capture(auth, amountCents, reference ?? null, options.now());
        return c.json({
          capture_id: capture.captureId,
          authorization_id: auth.authorizationId,
          amount: fromCents(capture.amountCents),
          reference: capture.reference,
          date: capture.date,
          remaining_authorization_amount: fromCents(auth.remainingCents),
        });
      },
    },
    {
      method: 'POST',
      version: '2.5',
      path: 'authorization/:authorization_id/release',
      scopes: MERCHANT_SCOPE,
      handler: async (c) => {
        const body = await readJson(c);
        const e = new FieldErrors();
        const requested = e.amount(body, 'amount', { required: false, positive: true });
        if (!e.empty) throw wrongInputs(e.list);
        const auth = authorizationFromPath(state, c);
        if (auth.remainingCents === 0) throw new ApiError(409, 'authorization_ended');
        const amountCents = requested ?? auth.remainingCents;
        if (amountCents > auth.remainingCents) throw new ApiError(409, 'auth_amount_exceeded');
        const release = state.release(auth, amountCents, options.now());
        return c.json({
          authorization_id: auth.authorizationId,
          release_id: release.releaseId,
          date: release.date,
          released_amount: fromCents(amountCents),
          remaining_amount: fromCents(auth.remainingCents),
          authorization_status: authorizationStatus(auth),
        });
      },
    },
    {
      method: 'POST',
      version: '2.5',
      path: 'authorization/:authorization_id/capture/:capture_id/return',
      scopes: MERCHANT_SCOPE,
      handler: async (c) => {
        const body = await readJson(c);
        const e = new FieldErrors();
        const reference = e.string(body, 'reference', { required: false, max: 40 });
        const full = body.full_return;
        if (full !== undefined && full !== null && typeof full !== 'boolean') e.add('full_return', WRONG_FORMAT);
        const requested = e.amount(body, 'amount', { required: full !== true, positive: true });
        const vcc = optionalVcc(e, body);
        const location = storeIds(e, body);
        if (!e.empty) throw wrongInputs(e.list);

        const auth = authorizationFromPath(state, c);
        const captureId = positiveInt(c.req.param('capture_id'));
        const capture = auth.captures.find((cap) => cap.captureId === captureId);
        if (!capture) throw new ApiError(404, 'not_found');
        if (vcc !== undefined && vcc !== state.accounts.get(auth.accountNumber)?.vccNumber) {
          throw new ApiError(409, 'vcc_account_mismatch');
        }
        assertKnownLocation(location);
        // Returns undo promotional purchases; a regular purchase is given back with a refund.
        if (auth.financingOption.transaction_type !== 'promotional_purchase') {
          throw new ApiError(409, 'wrong_transaction_type');
        }
        const now = options.now();
        if (now - capture.capturedAt > RETURN_WINDOW_MS) throw new ApiError(409, 'return_date_exceeded');
        const amountCents = full === true ? capture.remainingCents : (requested ?? 0);
        if (amountCents === 0 || amountCents > capture.remainingCents) {
          throw new ApiError(409, 'capture_amount_exceeded');
        }
        const ret = state.returnCapture(auth, capture, amountCents, reference ?? null, now);
        return c.json({
          return_id: ret.returnId,
          reference: ret.reference,
          capture_id: capture.captureId,
          date: ret.date,
          amount: fromCents(ret.amountCents),
          remaining_capture_amount: fromCents(capture.remainingCents),
          remaining_authorization_amount: fromCents(auth.remainingCents),
        });
      },
    },
    {
      method: 'POST',
      version: '2.5',
      path: 'accounts/:account_number/refund',
      scopes: MERCHANT_SCOPE,
      handler: async (c) => {
        const body = await readJson(c);
        const e = new FieldErrors();
        const amountCents = e.amount(body, 'amount', { required: true, positive: true });
        const reference = e.string(body, 'reference', { required: false, max: 40, ascii: true });
        let captureId: number | undefined;
        if (!isBlank(body.capture_id) && (captureId = positiveInt(body.capture_id)) === undefined) {
          e.add('capture_id', WRONG_FORMAT);
        }
        const vcc = optionalVcc(e, body);
        const location = storeIds(e, body);
        if (!e.empty || amountCents === undefined) throw wrongInputs(e.list);

        const accountNumber = positiveInt(c.req.param('account_number'));
        const account = accountNumber === undefined ? undefined : state.accounts.get(accountNumber);
        if (!account) throw new ApiError(404, 'not_found');
        if (vcc !== undefined && vcc !== account.vccNumber) throw new ApiError(409, 'vcc_account_mismatch');
        assertKnownLocation(location);
        let capture: CaptureRecord | null = null;
        if (captureId !== undefined) {
          const found = state.findCapture(captureId);
          if (!found || found.auth.accountNumber !== account.accountNumber) throw new ApiError(404, 'not_found');
          capture = found.capture;
          if (amountCents > capture.remainingCents) throw new ApiError(409, 'refunds_limit_exceeded_amount');
        }
        // A refund pays back what the customer owes; it never leaves a credit balance.
        if (amountCents > account.creditLimitCents - account.availableCents) {
          throw new ApiError(409, 'refunds_limit_exceeded_amount');
        }
        state.refund(account, capture, amountCents, reference ?? null, options.now());
        return c.json({});
      },
    },
    {
      method: 'GET',
      version: '2.5.1',
      path: 'authorizations',
      scopes: MERCHANT_SCOPE,
      handler: (c) => {
        const q = c.req.query();
        const e = new FieldErrors();
        const accountNumber = accountFilter(e, q);
        const type = q.transaction_type;
        if (!isBlank(type) && type !== 'promotional_purchase' && type !== 'regular_purchase') {
          e.add('transaction_type', WRONG_FORMAT);
        }
        const status = q.authorization_status;
        if (!isBlank(status) && status !== 'opened' && status !== 'closed') e.add('authorization_status', WRONG_FORMAT);
        const { from, to } = dayRange(e, q, 'creation_date');
        const page = paging(e, q);
        if (!e.empty || page === undefined) throw wrongInputs(e.list);

        const matches = state.listAuthorizations().filter((auth) => {
          const day = auth.creationDate.slice(0, 10);
          return (
            (options.ignoreReferenceFilter || isBlank(q.reference) || auth.reference === q.reference) &&
            (accountNumber === undefined || auth.accountNumber === accountNumber) &&
            (isBlank(type) || auth.financingOption.transaction_type === type) &&
            (isBlank(status) || authorizationStatus(auth) === status) &&
            (from === undefined || day >= from) &&
            (to === undefined || day <= to)
          );
        });
        const { items, ...meta } = onePage(matches, page);
        return c.json({ ...meta, authorizations: items.map(authorizationJson) });
      },
    },
    {
      method: 'GET',
      version: '2.5.1',
      path: 'authorization/:authorization_id',
      scopes: MERCHANT_SCOPE,
      handler: (c) => c.json(authorizationJson(authorizationFromPath(state, c))),
    },
    {
      method: 'GET',
      version: '2.5.1',
      path: 'captures',
      scopes: MERCHANT_SCOPE,
      handler: (c) => {
        const q = c.req.query();
        const e = new FieldErrors();
        const accountNumber = accountFilter(e, q);
        const { from, to } = dayRange(e, q, 'capture_date');
        const page = paging(e, q);
        if (!e.empty || page === undefined) throw wrongInputs(e.list);

        const matches = state.listCaptures().filter(({ auth, capture }) => {
          const day = capture.date.slice(0, 10);
          return (
            (isBlank(q.reference) || capture.reference === q.reference) &&
            (accountNumber === undefined || auth.accountNumber === accountNumber) &&
            (from === undefined || day >= from) &&
            (to === undefined || day <= to)
          );
        });
        const { items, ...meta } = onePage(matches, page);
        return c.json({ ...meta, captures: items.map(captureActivityJson) });
      },
    },
  ];
}
