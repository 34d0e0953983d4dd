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

    let lastReferenceId = '';
    // The order, not the session, is the unit: a reload mints a new session for the same order.
    const run = await runOnce<PurchaseResponse>(
      deps.store,
      `purchase:${reference}`,
      { ttlMs: 120_000, retainMs: 7 * 24 * 3600_000, waitMs: 60_000 },
      async () => {
        for (let attempt = 1; ; attempt++) {
          // Before every attempt, look for an authorization an earlier attempt (this instance, another
          // one, or one whose answer was lost) already made for this order.
          const existing = await findAuthorization(deps, reference, receipt.account);
          if (existing) return { final: true, result: approved(existing, reference) };

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
          const code = flexitiError(response) ?? `status_${response.status}`;
          const declined = isOneOf(code, PURCHASE_DECLINE_CODES) ? code : FLEXITI_DECLINES[code];
          if (!declined) throw errors.flexitiError(code);
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
          // Nothing was authorized: the shopper may pick another plan or fix the code.
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
        accountNumber: receipt.account,
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

async function findAuthorization(deps: Deps, reference: string, account: string) {
  const response = await deps.flexiti.call({
    method: 'GET',
    version: 'v2.5.1',
    path: 'authorizations',
    query: { reference, account_number: account, page_size: 10 },
    retry: 'safe',
    operation: 'authorizations',
  });
  if (response.status === 404) return undefined;
  if (response.status !== 200 || !isRecord(response.body)) {
    throw errors.flexitiError(flexitiError(response) ?? `status_${response.status}`);
  }
  const list = Array.isArray(response.body.authorizations) ? response.body.authorizations : [];
  return list.find((entry): entry is Record<string, unknown> => isRecord(entry) && entry.reference === reference);
}
