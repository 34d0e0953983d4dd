import type { Hono } from 'hono';
import {
  APPLY_DECLINE_CODES,
  APPLY_PENDING_CODES,
  ApplyRequestSchema,
  CancelApplicationRequestSchema,
  type ApplyResponse,
  type Province,
} from '../../schemas/index.js';
import { langOf, limit, readBody, type Deps, type HandlerEnv } from '../context.js';
import { HandlerError, errors } from '../errors.js';
import { flexitiError, isRecord } from '../flexiti-client.js';
import { flexitiLang, fromFlexitiFieldErrors, isOneOf, toFlexitiApplication, toOfferTypes } from '../mapping.js';
import { runOnce } from '../once.js';
import { scopeOf } from '../sessions.js';

/** `POST apply` and `POST apply/cancel` (closing a just-approved Quebec account). */
export function applyRoutes(app: Hono<HandlerEnv>, deps: Deps) {
  app.post('/apply', async (c) => {
    const session = await deps.sessions.verify(c.req.header('authorization'), ['apply', 'checkout']);
    limit(c, deps, 'apply', session);
    const { application } = await readBody(c, ApplyRequestSchema, { fieldsUnder: 'application' });
    const lang = langOf(c);

    // One application per session: a double submit or a retry gets the first decision back.
    const run = await runOnce<ApplyResponse>(
      deps.store,
      `apply:${session.id}`,
      { ttlMs: 90_000, retainMs: 24 * 3600_000, waitMs: 60_000 },
      async () => {
        const response = await deps.flexiti.call({
          method: 'POST',
          path: 'apply',
          query: { lang: flexitiLang(lang) },
          body: toFlexitiApplication(application, lang),
          retry: 'unsafe',
          operation: 'apply',
        });
        const code = flexitiError(response);
        const body = isRecord(response.body) ? response.body : {};
        const message = typeof body.message === 'string' ? body.message : '';

        if (response.status === 200) {
          const province = application.province as Province;
          const account = String(body.account_number);
          const result: ApplyResponse = {
            status: 'approved',
            creditLimit: Number(body.credit_limit),
            availableCredit: Number(body.available_credit),
            cardLast4: String(body.vcc_number).slice(-4),
            province,
            cancellable: province === 'QC',
            ...(body.debt_ratio !== undefined ? { debtRatio: Number(body.debt_ratio) } : {}),
            ...(body.offer_types !== undefined ? { offers: toOfferTypes(body.offer_types) } : {}),
            receipt: await deps.sessions.issueReceipt(session, 'applicant', account, province),
          };
          await deps.onApplication({
            status: 'approved',
            sessionId: session.id,
            reference: session.reference,
            accountNumber: account,
            creditLimit: result.creditLimit,
            province,
            referenceId: response.referenceId,
          });
          return { final: true, result };
        }
        if (code === 'wrong_inputs') throw errors.invalidFields(fromFlexitiFieldErrors(response.body));
        if (code === 'tos_agreement_required') {
          throw errors.invalidFields([{ field: 'termsAccepted', code: 'terms_not_accepted' }]);
        }
        if (code === 'application_create_error') {
          throw new HandlerError(503, 'application_create_error', 'Flexiti could not create the application; try again.', true);
        }
        let result: ApplyResponse;
        if (isOneOf(code, APPLY_DECLINE_CODES)) result = { status: 'declined', code, message };
        else if (isOneOf(code, APPLY_PENDING_CODES)) result = { status: 'pending', code, message };
        else if (code === 'customer_already_exists') result = { status: 'exists', code, message };
        else throw errors.flexitiError(code ?? `status_${response.status}`);

        await deps.onApplication({
          status: result.status,
          code,
          sessionId: session.id,
          reference: session.reference,
          province: application.province,
          referenceId: response.referenceId,
        });
        return { final: true, result };
      },
    );
    return c.json(run.result, 200, { 'cache-control': 'no-store' });
  });

  app.post('/apply/cancel', async (c) => {
    const session = await deps.sessions.verify(c.req.header('authorization'), ['apply', 'checkout']);
    const { receipt: token } = await readBody(c, CancelApplicationRequestSchema);
    const receipt = await deps.sessions.readReceipt(session, token, ['applicant']);
    if (receipt.province !== 'QC') throw errors.notCancellable();

    await runOnce(deps.store, `close:${scopeOf(session)}:${receipt.account}`, { ttlMs: 60_000, retainMs: 24 * 3600_000, waitMs: 30_000 }, async () => {
      const response = await deps.flexiti.call({
        method: 'POST',
        path: `accounts/${encodeURIComponent(receipt.account)}/close`,
        query: { lang: flexitiLang(langOf(c)) },
        retry: 'safe',
        operation: 'accounts/close',
      });
      if (response.status !== 200) throw errors.flexitiError(flexitiError(response) ?? `status_${response.status}`);
      await deps.onApplication({
        status: 'closed',
        sessionId: session.id,
        reference: session.reference,
        accountNumber: receipt.account,
        province: 'QC',
        referenceId: response.referenceId,
      });
      return { final: true, result: true };
    });
    return c.json({ status: 'closed' as const }, 200, { 'cache-control': 'no-store' });
  });
}
