/**
 * Purchases: authorization (v2.5.1), capture, release, return, and the authorization reports.
 * Flexiti does not document these success bodies; the sandbox's are small and consistent.
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
  type AuthorizationRecord,
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
        if (!e.empty || amountCents === undefined) throw wrongInputs(e.list);
        const auth = authorizationFromPath(state, c);
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
        state.release(auth, amountCents);
        return c.json({
          authorization_id: auth.authorizationId,
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
        if (!e.empty) throw wrongInputs(e.list);

        const auth = authorizationFromPath(state, c);
        const captureId = positiveInt(c.req.param('capture_id'));
        const capture = auth.captures.find((cap) => cap.captureId === captureId);
        if (!capture) throw new ApiError(404, 'not_found');
        if (vcc !== undefined && vcc !== state.accounts.get(auth.accountNumber)?.vccNumber) {
          throw new ApiError(409, 'vcc_account_mismatch');
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
      method: 'GET',
      version: '2.5.1',
      path: 'authorizations',
      scopes: MERCHANT_SCOPE,
      handler: (c) => {
        const q = c.req.query();
        const e = new FieldErrors();
        const accountNumber = isBlank(q.account_number) ? undefined : positiveInt(q.account_number);
        if (!isBlank(q.account_number) && accountNumber === undefined) e.add('account_number', WRONG_FORMAT);
        const type = q.transaction_type;
        if (!isBlank(type) && type !== 'promotional_purchase' && type !== 'regular_purchase') {
          e.add('transaction_type', WRONG_FORMAT);
        }
        const status = q.authorization_status;
        if (!isBlank(status) && status !== 'opened' && status !== 'closed') e.add('authorization_status', WRONG_FORMAT);
        for (const p of ['creation_date_from', 'creation_date_to'] as const) {
          if (!isBlank(q[p]) && !isIsoDate(q[p])) e.add(p, WRONG_FORMAT);
        }
        const pageNumber = isBlank(q.page_number) ? 1 : positiveInt(q.page_number);
        if (pageNumber === undefined) e.add('page_number', WRONG_FORMAT);
        const pageSize = isBlank(q.page_size) ? 10 : positiveInt(q.page_size);
        if (pageSize === undefined || pageSize > 100) e.add('page_size', WRONG_FORMAT);
        if (!e.empty || pageNumber === undefined || pageSize === undefined) throw wrongInputs(e.list);

        const from = isBlank(q.creation_date_from) ? undefined : q.creation_date_from;
        const to = isBlank(q.creation_date_to) ? undefined : q.creation_date_to;
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
        const start = (pageNumber - 1) * pageSize;
        return c.json({
          page_number: pageNumber,
          page_size: pageSize,
          total: matches.length,
          authorizations: matches.slice(start, start + pageSize).map(authorizationJson),
        });
      },
    },
    {
      method: 'GET',
      version: '2.5.1',
      path: 'authorization/:authorization_id',
      scopes: MERCHANT_SCOPE,
      handler: (c) => c.json(authorizationJson(authorizationFromPath(state, c))),
    },
  ];
}
