import type { Hono } from 'hono';
import {
  PURCHASE_DECLINE_CODES,
  PlansRequestSchema,
  PurchaseRequestSchema,
  type Lang,
  type PlanChoice,
  type PurchaseResponse,
} from '../../schemas/index.js';
import { clientAddress, langOf, readBody, type Deps, type HandlerEnv } from '../context.js';
import { errors } from '../errors.js';
import { flexitiError, isRecord, type FlexitiResponse } from '../flexiti-client.js';
import { cents, flexitiLang, fromFinancingOption, isOneOf, toFinancingOption, toPlans } from '../mapping.js';
import { runOnce, type WorkResult } from '../once.js';
import { ORDER_RETENTION_MS, readOrder, stateAgeMs, writeOrder } from '../orders.js';
import { findAuthorization } from '../reconcile.js';
import { backoffDelay, sleep } from '../retry.js';
import { scopeOf, type Receipt, type Session } from '../sessions.js';
import { FlexitiUnavailableError } from '../token-manager.js';
import { codeSentKey } from './cardholder.js';
import { formValues } from './catalog.js';

/** Flexiti's `authorization` answers (§11.2) the shopper can act on: another plan, code or card. */
const FLEXITI_DECLINES: Record<string, (typeof PURCHASE_DECLINE_CODES)[number]> = {
  tries_exceed: 'tries_exceeded',
  customer_identity_not_found: 'not_verified',
  not_found: 'user_not_able_to_purchase',
  user_not_active: 'user_not_able_to_purchase',
  account_type_not_permitted: 'user_not_able_to_purchase',
  vcc_account_mismatch: 'user_not_able_to_purchase',
  // The merchant does not offer that plan: the shopper picks another, as for a plan the account cannot use.
  plan_term_not_set: 'plan_term_not_available',
};

/** Answers about the merchant's own Flexiti set-up: nothing a shopper can change, a log line for the merchant. */
const MERCHANT_SET_UP = new Set(['invalid_role', 'not_permitted', 'auth_not_allowed', 'external_location_id_not_found']);

/** An authorization Flexiti refused without a decision: nothing was authorized. */
function refusal(deps: Deps, code: string): Error {
  if (MERCHANT_SET_UP.has(code)) {
    deps.logger({ level: 'error', event: 'flexiti_merchant_set_up', route: 'authorization', code });
    return errors.configuration();
  }
  if (code === 'general_error') return errors.flexitiUnavailable();
  if (code === 'wrong_inputs') {
    deps.logger({ level: 'error', event: 'flexiti_wrong_inputs', route: 'authorization', code });
    return errors.flexitiRejectedRequest(code);
  }
  return errors.flexitiError(code);
}

/** `POST plans` (financing options for the session amount) and `POST purchase` (authorize it). */
export function purchaseRoutes(app: Hono<HandlerEnv>, deps: Deps) {
  app.post('/plans', async (c) => {
    const session = await deps.sessions.verify(c.req.header('authorization'), ['checkout']);
    const { receipt: token } = await readBody(c, PlansRequestSchema);
    const receipt = await deps.sessions.readReceipt(session, token, ['applicant', 'cardholder']);
    await deps.budgets.spend('plans', { perSession: session.id, perAddress: clientAddress(c, deps) });
    // A card number alone must not say which plans (so which risk tier and province) an account has.
    if (receipt.kind === 'cardholder' && (await deps.state.values.get(codeSentKey(scopeOf(session), receipt.account))) === undefined) {
      throw errors.codeRequired();
    }
    const amount = orderAmount(session);
    const lang = langOf(c);
    const [response, catalog] = await Promise.all([
      deps.flexiti.call({
        method: 'POST',
        version: 'v2.5.1',
        path: `accounts/${encodeURIComponent(receipt.account)}/calculate-interest`,
        query: { lang: flexitiLang(lang) },
        body: { amount },
        retry: 'safe',
        operation: 'calculate-interest',
      }),
      formValues(deps, lang).catch(() => undefined),
    ]);
    if (response.status !== 200 || !isRecord(response.body)) {
      const code = flexitiError(response) ?? `status_${response.status}`;
      if (code === 'user_not_able_to_purchase') throw errors.ineligible(code);
      throw errors.flexitiError(code);
    }
    const categories = new Map(catalog?.offerTypes.map((offer) => [offer.planId, offer.category]));
    return c.json(toPlans(response.body, amount, categories), 200, { 'cache-control': 'no-store' });
  });

  app.post('/purchase', async (c) => {
    const session = await deps.sessions.verify(c.req.header('authorization'), ['checkout']);
    const body = await readBody(c, PurchaseRequestSchema);
    const receipt = await deps.sessions.readReceipt(session, body.receipt, ['applicant', 'cardholder']);
    if (receipt.kind === 'cardholder' && !body.code) throw errors.invalidRequest([{ field: 'code', code: 'required' }]);
    const amount = orderAmount(session);
    const reference = session.reference!;
    const lang = langOf(c);
    if (receipt.kind === 'cardholder') await deps.budgets.check('wrongCodes', codeKeys(receipt, session));

    const attempt: Attempt = {
      deps,
      session,
      reference,
      amount,
      lang,
      receipt,
      plan: body.plan,
      code: body.code,
      paidAccount: receipt.account,
      referenceId: '',
    };
    // The order, not the session, is the unit: a reload mints a new session for the same order.
    const run = await runOnce<Settled>(
      deps.state.claims,
      `purchase:${reference}`,
      { ttlMs: CLAIM_MS, retainMs: ORDER_RETENTION_MS, waitMs: 60_000 },
      () => authorizeOnce(attempt),
    );
    if (run.fresh && run.final && run.result.status === 'approved') {
      await deps.onPurchase({
        status: 'approved',
        sessionId: session.id,
        reference,
        amount: run.result.amount,
        currency: 'CAD',
        authorizationId: run.result.authorizationId,
        ...run.result.settlement,
        accountNumber: attempt.paidAccount,
        plan: run.result.plan,
        referenceId: attempt.referenceId,
      });
    }
    // What Flexiti holds for the order is the merchant's, not the shopper's.
    const { settlement: _, ...answer } = run.result;
    return c.json(answer, 200, { 'cache-control': 'no-store' });
  });
}

/**
 * A purchase's answer, with what the merchant's `onPurchase` hears besides: the capture when
 * Flexiti captured at once, otherwise what the authorization holds for a later capture.
 */
type Settled = PurchaseResponse & { settlement?: { captureId: string } | { remainingAmount: number } };

function orderAmount(session: Session): number {
  if (session.amount === null || session.reference === null) throw errors.wrongFlow();
  return session.amount;
}

function approved(authorization: Record<string, unknown>, reference: string): Settled {
  const plan: PlanChoice = fromFinancingOption(authorization.financing_option);
  const captureId = authorization.capture_id;
  return {
    settlement:
      captureId !== undefined && captureId !== null
        ? { captureId: String(captureId) }
        : { remainingAmount: cents(Number(authorization.remaining_amount ?? authorization.amount)) },
    status: 'approved',
    authorizationId: String(authorization.authorization_id),
    amount: cents(Number(authorization.amount)),
    currency: 'CAD',
    reference,
    plan,
  };
}

/** How long an authorization sent without an answer may take to land at Flexiti: a timeout and a margin. */
const uncertainWindow = (deps: Deps) => (deps.config.timeoutMs ?? 15_000) + 5_000;

/** How long a purchase holds its order's claim: longer than any authorization attempt lasts. */
const CLAIM_MS = 120_000;

interface Attempt {
  deps: Deps;
  session: Session;
  reference: string;
  amount: number;
  lang: Lang;
  receipt: Receipt;
  plan: PlanChoice;
  code: string | undefined;
  /** A search may find the order paid by another account (a second tab, another card). */
  paidAccount: string;
  referenceId: string;
}

const codeKeys = (receipt: Receipt, session: Session) => ({ perAccount: receipt.account, perSession: session.id });

/**
 * The work behind the order's claim: search Flexiti for the order unless the state proves it was
 * never attempted, then authorize, retrying only what provably did not reach Flexiti after
 * searching again.
 */
async function authorizeOnce(a: Attempt): Promise<WorkResult<Settled>> {
  const { deps, session, reference, receipt } = a;
  const now = deps.now();
  const record = await readOrder(deps, reference);
  const sessionSince = (session.since ?? Math.floor(now / 1000) - 24 * 3600) * 1000;
  const since = Math.min(record?.since ?? sessionSince, sessionSince);
  // Only a record proving that no authorization was ever sent for the order saves the search.
  let doubt =
    record === undefined ||
    record.attempt !== 'none' ||
    Math.floor(record.since / 1000) * 1000 > sessionSince ||
    (!deps.state.shared && record.checked !== true);
  if (deps.state.shared && record === undefined) await waitOutLostState(deps, now);
  // An attempt whose answer was lost may still be processed by Flexiti: let it land before searching.
  const settling = record?.uncertainAt === undefined ? 0 : record.uncertainAt + uncertainWindow(deps) - now;
  if (settling > 0) throw errors.purchaseInProgress(Math.ceil(settling / 1000));

  // A code is counted before Flexiti sees it, so guesses sent at once cannot pass the budget
  // together; a code that turns out right is given back.
  let codeSpent = false;
  let wrongCode = false;
  try {
    for (let attempt = 1; ; attempt++) {
      if (doubt) {
        const existing = await findAuthorization(deps, reference, since);
        if (existing) return found(a, existing);
      }
      if (receipt.kind === 'cardholder' && !codeSpent) {
        await deps.budgets.spend('wrongCodes', codeKeys(receipt, session));
        codeSpent = true;
      }
      // Until Flexiti answers, the order is in doubt for every instance.
      await writeOrder(deps, reference, { since, attempt: 'open' });
      doubt = true;

      let response: FlexitiResponse;
      try {
        response = await deps.flexiti.call({
          method: 'POST',
          version: 'v2.5.1',
          path: 'authorization',
          query: { lang: flexitiLang(a.lang) },
          body: {
            account_number: Number(receipt.account),
            reference,
            amount: a.amount,
            auto_capture: deps.config.autoCapture ?? true,
            financing_option: toFinancingOption(a.plan),
            ...(receipt.kind === 'cardholder' ? { verification_code: a.code, request_id: scopeOf(session) } : {}),
          },
          retry: 'none',
          operation: 'authorization',
        });
      } catch (error) {
        if (!(error instanceof FlexitiUnavailableError)) throw error;
        if (error.reason === 'transport') {
          // Sent, unanswered: Flexiti may yet authorize it. Nobody authorizes this order again until
          // that attempt must have landed, and then only after searching for it. If Flexiti did
          // act and only the answer was lost, a search a moment later already shows it.
          await writeOrder(deps, reference, { since, attempt: 'open', uncertainAt: deps.now() }).catch(() => {});
          await sleep(backoffDelay(deps.retry, attempt));
          const landed = await findAuthorization(deps, reference, since).catch(() => undefined);
          if (landed) return found(a, landed);
          throw error;
        }
        // Refused at connect or answered 5xx/429: nothing was authorized; search, then try again.
        if (attempt >= deps.retry.attempts) throw error;
        await sleep(backoffDelay(deps.retry, attempt));
        continue;
      }
      if (response.status === 200 && isRecord(response.body)) {
        a.referenceId = response.referenceId;
        return { final: true, result: approved(response.body, reference) };
      }
      // Flexiti answered: nothing was authorized, and the order is known to be unpaid again.
      await writeOrder(deps, reference, { since, attempt: 'none', checked: true }).catch(() => {});
      const code = flexitiError(response) ?? `status_${response.status}`;
      const declined = isOneOf(code, PURCHASE_DECLINE_CODES) ? code : FLEXITI_DECLINES[code];
      if (!declined) throw refusal(deps, code);
      wrongCode = declined === 'wrong_verification_code';
      await deps.onPurchase({
        status: 'declined',
        code: declined,
        sessionId: session.id,
        reference,
        amount: a.amount,
        currency: 'CAD',
        accountNumber: receipt.account,
        plan: a.plan,
        referenceId: response.referenceId,
      });
      // The shopper may pick another plan or fix the code.
      return { final: false, result: { status: 'declined', code: declined } };
    }
  } finally {
    if (codeSpent && !wrongCode) await deps.budgets.refund('wrongCodes', codeKeys(receipt, session)).catch(() => {});
  }
}

/** The order's authorization, found in Flexiti's list: the answer, with the account that paid. */
function found(a: Attempt, authorization: Record<string, unknown>): WorkResult<Settled> {
  if (authorization.account_number !== undefined) a.paidAccount = String(authorization.account_number);
  return { final: true, result: approved(authorization, a.reference) };
}

/**
 * A shared store without this order's record may have lost its data (a restart without
 * persistence, a failover) while another instance's authorization was still on its way to
 * Flexiti, where a search cannot see it yet. Until that attempt must have ended (one Flexiti
 * timeout and a margin after the store began again), the purchase waits: a retryable 503.
 */
async function waitOutLostState(deps: Deps, now: number): Promise<void> {
  const window = uncertainWindow(deps);
  const age = await stateAgeMs(deps, now);
  if (age < window) throw errors.stateRecovering(Math.ceil((window - age) / 1000));
}
