import type { Hono } from 'hono';
import {
  PURCHASE_DECLINE_CODES,
  PlansRequestSchema,
  PurchaseRequestSchema,
  type PlanChoice,
  type PurchaseResponse,
} from '../../schemas/index.js';
import { langOf, readBody, type Deps, type HandlerEnv } from '../context.js';
import { errors } from '../errors.js';
import { flexitiError, isRecord, type FlexitiResponse } from '../flexiti-client.js';
import { cents, flexitiLang, fromFinancingOption, isOneOf, toFinancingOption, toPlans } from '../mapping.js';
import { runOnce } from '../once.js';
import { ORDER_RETENTION_MS, readOrder, writeOrder } from '../orders.js';
import { findAuthorization } from '../reconcile.js';
import { backoffDelay, sleep } from '../retry.js';
import { scopeOf, type Session } from '../sessions.js';
import { FlexitiUnavailableError } from '../token-manager.js';
import { formValues } from './catalog.js';

const FLEXITI_DECLINES: Record<string, (typeof PURCHASE_DECLINE_CODES)[number]> = {
  tries_exceed: 'tries_exceeded',
  customer_identity_not_found: 'not_verified',
  not_found: 'user_not_able_to_purchase',
  user_not_active: 'user_not_able_to_purchase',
};

/** `POST plans` (financing options for the session amount) and `POST purchase` (authorize it). */
export function purchaseRoutes(app: Hono<HandlerEnv>, deps: Deps) {
  app.post('/plans', async (c) => {
    const session = await deps.sessions.verify(c.req.header('authorization'), ['checkout']);
    const { receipt: token } = await readBody(c, PlansRequestSchema);
    const receipt = await deps.sessions.readReceipt(session, token, ['applicant', 'cardholder']);
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
    const wrongCodeKeys = { perAccount: receipt.account, perSession: session.id };
    if (receipt.kind === 'cardholder') await deps.budgets.check('wrongCodes', wrongCodeKeys);

    let lastReferenceId = '';
    // A search may find the order paid by another account (a second tab, another card).
    let paidAccount = receipt.account;
    // The order, not the session, is the unit: a reload mints a new session for the same order.
    const run = await runOnce<PurchaseResponse>(
      deps.state.claims,
      `purchase:${reference}`,
      { ttlMs: 120_000, retainMs: ORDER_RETENTION_MS, waitMs: 60_000 },
      async () => {
        const now = (deps.config.now ?? Date.now)();
        const record = await readOrder(deps, reference);
        const sessionSince = (session.since ?? Math.floor(now / 1000) - 24 * 3600) * 1000;
        const since = Math.min(record?.since ?? sessionSince, sessionSince);
        // Only a record proving that no authorization was ever sent for the order saves the search.
        let doubt =
          record === undefined ||
          record.attempt !== 'none' ||
          Math.floor(record.since / 1000) * 1000 > sessionSince ||
          (!deps.state.shared && record.checked !== true);
        for (let attempt = 1; ; attempt++) {
          if (doubt) {
            const existing = await findAuthorization(deps, reference, since);
            if (existing) {
              if (existing.account_number !== undefined) paidAccount = String(existing.account_number);
              return { final: true, result: approved(existing, reference) };
            }
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
              query: { lang: flexitiLang(lang) },
              body: {
                account_number: Number(receipt.account),
                reference,
                amount,
                auto_capture: deps.config.autoCapture ?? true,
                financing_option: toFinancingOption(body.plan),
                ...(receipt.kind === 'cardholder' ? { verification_code: body.code, request_id: scopeOf(session) } : {}),
              },
              retry: 'none',
              operation: 'authorization',
            });
          } catch (error) {
            if (!(error instanceof FlexitiUnavailableError) || attempt >= deps.retry.attempts) throw error;
            await sleep(backoffDelay(deps.retry, attempt));
            continue;
          }
          if (response.status === 200 && isRecord(response.body)) {
            lastReferenceId = response.referenceId;
            return { final: true, result: approved(response.body, reference) };
          }
          // Flexiti answered: nothing was authorized, and the order is known to be unpaid again.
          await writeOrder(deps, reference, { since, attempt: 'none', checked: true }).catch(() => {});
          const code = flexitiError(response) ?? `status_${response.status}`;
          const declined = isOneOf(code, PURCHASE_DECLINE_CODES) ? code : FLEXITI_DECLINES[code];
          if (!declined) throw errors.flexitiError(code);
          if (declined === 'wrong_verification_code') await deps.budgets.spend('wrongCodes', wrongCodeKeys).catch(() => {});
          await deps.onPurchase({
            status: 'declined',
            code: declined,
            sessionId: session.id,
            reference,
            amount,
            currency: 'CAD',
            accountNumber: receipt.account,
            plan: body.plan,
            referenceId: response.referenceId,
          });
          // The shopper may pick another plan or fix the code.
          return { final: false, result: { status: 'declined', code: declined } };
        }
      },
    );
    if (run.fresh && run.final && run.result.status === 'approved') {
      await deps.onPurchase({
        status: 'approved',
        sessionId: session.id,
        reference,
        amount: run.result.amount,
        currency: 'CAD',
        authorizationId: run.result.authorizationId,
        accountNumber: paidAccount,
        plan: run.result.plan,
        referenceId: lastReferenceId,
      });
    }
    return c.json(run.result, 200, { 'cache-control': 'no-store' });
  });
}

function orderAmount(session: Session): number {
  if (session.amount === null || session.reference === null) throw errors.wrongFlow();
  return session.amount;
}

function approved(authorization: Record<string, unknown>, reference: string): PurchaseResponse {
  const plan: PlanChoice = fromFinancingOption(authorization.financing_option);
  return {
    status: 'approved',
    authorizationId: String(authorization.authorization_id),
    amount: cents(Number(authorization.amount)),
    currency: 'CAD',
    reference,
    plan,
  };
}
