import type { Hono } from 'hono';
import {
  APPLY_DECLINE_CODES,
  APPLY_PENDING_CODES,
  ApplyRequestSchema,
  CancelApplicationRequestSchema,
  LANGS,
  canCancelNewAccount,
  type ApplyResponse,
  type Lang,
  type Province,
} from '../../schemas/index.js';
import type { ConsentRecord } from '../config.js';
import { clientAddress, langOf, readBody, type Deps, type HandlerEnv } from '../context.js';
import { HandlerError, errors } from '../errors.js';
import { flexitiError, isRecord, type FlexitiResponse } from '../flexiti-client.js';
import { sanitizeFlexitiHtml } from '../flexiti-html.js';
import { flexitiLang, fromFlexitiFieldErrors, isOneOf, toFlexitiApplication, toOfferTypes } from '../mapping.js';
import { runOnce } from '../once.js';
import { scopeOf, type Session } from '../sessions.js';
import { FlexitiUnavailableError } from '../token-manager.js';
import { terms } from './catalog.js';

/** An application whose answer was lost: remembered (time only, no personal data) for a day. */
const UNCERTAIN_MS = 24 * 3600_000;

/** `POST apply` and `POST apply/cancel` (closing a just-approved Quebec account). */
export function applyRoutes(app: Hono<HandlerEnv>, deps: Deps) {
  app.post('/apply', async (c) => {
    const session = await deps.sessions.verify(c.req.header('authorization'), ['apply', 'checkout']);
    const { application, termsVersion } = await readBody(c, ApplyRequestSchema, { fieldsUnder: 'application' });
    const lang = langOf(c);
    // Before the budget: a shopper sent back to read revised terms has not used an application.
    const consent = await consentTo(deps, termsVersion, application.province as Province, lang);
    await deps.budgets.spend('applications', { perSession: session.id, perAddress: clientAddress(c, deps) });
    const uncertainKey = `apply-uncertain:${session.id}`;

    // One application per session: a double submit or a retry gets the first decision back.
    const run = await runOnce<ApplyResponse>(
      deps.state.claims,
      `apply:${session.id}`,
      { ttlMs: 90_000, retainMs: 24 * 3600_000, waitMs: 60_000 },
      async () => {
        // An earlier attempt of this session may have opened the account without an answer
        // reaching us: look for that account before applying again.
        const uncertain = await deps.state.values.get<{ at: number }>(uncertainKey);
        if (uncertain) {
          const opened = await findOpenedAccount(deps, application, uncertain.at);
          if (opened) return { final: true, result: await approve(deps, session, consent, opened) };
        }
        let response: FlexitiResponse;
        try {
          response = await deps.flexiti.call({
            method: 'POST',
            path: 'apply',
            query: { lang: flexitiLang(lang) },
            body: toFlexitiApplication(application, lang),
            retry: 'unsafe',
            operation: 'apply',
          });
        } catch (error) {
          if (error instanceof FlexitiUnavailableError && !uncertain) {
            await deps.state.values.set(uncertainKey, { at: deps.now() }, UNCERTAIN_MS).catch(() => {});
          }
          throw error;
        }
        const code = flexitiError(response);
        const body = isRecord(response.body) ? response.body : {};
        const sanitizedMessage = sanitizeFlexitiHtml(typeof body.message === 'string' ? body.message : '');

        if (response.status === 200) {
          return {
            final: true,
            result: await approve(deps, session, consent, {
              accountNumber: String(body.account_number),
              creditLimit: Number(body.credit_limit),
              availableCredit: Number(body.available_credit),
              cardLast4: String(body.vcc_number).slice(-4),
              ...(body.debt_ratio !== undefined ? { debtRatio: Number(body.debt_ratio) } : {}),
              ...(body.offer_types !== undefined ? { offers: toOfferTypes(body.offer_types) } : {}),
              referenceId: response.referenceId,
            }),
          };
        }
        if (code === 'customer_already_exists' && uncertain) {
          // The lost attempt did open it, and the search above ran before Flexiti listed it.
          const opened = await findOpenedAccount(deps, application, uncertain.at);
          if (opened) return { final: true, result: await approve(deps, session, consent, opened) };
        }
        if (code === 'wrong_inputs') throw errors.invalidFields(fromFlexitiFieldErrors(response.body));
        if (code === 'tos_agreement_required') {
          throw errors.invalidFields([{ field: 'termsAccepted', code: 'terms_not_accepted' }]);
        }
        if (code === 'application_create_error') {
          throw new HandlerError(503, 'application_create_error', 'Flexiti could not create the application; try again.', true);
        }
        let result: ApplyResponse;
        if (isOneOf(code, APPLY_DECLINE_CODES)) result = { status: 'declined', code, sanitizedMessage };
        else if (isOneOf(code, APPLY_PENDING_CODES)) result = { status: 'pending', code, sanitizedMessage };
        else if (code === 'customer_already_exists') result = { status: 'exists', code, sanitizedMessage };
        else throw errors.flexitiError(code ?? `status_${response.status}`);

        await deps.onApplication({
          status: result.status,
          code,
          sessionId: session.id,
          reference: session.reference,
          province: application.province,
          consent,
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
    if (!canCancelNewAccount(receipt.province)) throw errors.notCancellable();

    await runOnce(deps.state.claims, `close:${scopeOf(session)}:${receipt.account}`, { ttlMs: 60_000, retainMs: 24 * 3600_000, waitMs: 30_000 }, async () => {
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

interface OpenedAccount {
  accountNumber: string;
  creditLimit: number;
  availableCredit: number;
  cardLast4: string;
  debtRatio?: number;
  offers?: ReturnType<typeof toOfferTypes>;
  referenceId: string;
}

/**
 * The consent an application carries: the version of the terms the shopper accepted must be the
 * version this handler serves now for the application's province, in the request's language or
 * (for a shopper who switched language after accepting) the other one. Anything else (stale after
 * Flexiti revised its terms, another province's, made up) is refused so the terms are shown again.
 */
async function consentTo(deps: Deps, termsVersion: string, province: Province, lang: Lang): Promise<ConsentRecord> {
  for (const candidate of [lang, ...LANGS.filter((other) => other !== lang)]) {
    const served = await terms(deps, candidate, province);
    if (served.version === termsVersion) {
      return { termsVersion, lang: candidate, province, acceptedAt: new Date(deps.now()).toISOString() };
    }
  }
  throw errors.termsChanged();
}

/** The approval: a receipt for the new account, and the merchant's hook told once (by the claim). */
async function approve(deps: Deps, session: Session, consent: ConsentRecord, account: OpenedAccount): Promise<ApplyResponse> {
  const province = consent.province as Province;
  const result: ApplyResponse = {
    status: 'approved',
    creditLimit: account.creditLimit,
    availableCredit: account.availableCredit,
    cardLast4: account.cardLast4,
    province,
    cancellable: canCancelNewAccount(province),
    ...(account.debtRatio !== undefined ? { debtRatio: account.debtRatio } : {}),
    ...(account.offers !== undefined ? { offers: account.offers } : {}),
    receipt: await deps.sessions.issueReceipt(session, 'applicant', account.accountNumber, province),
  };
  await deps.onApplication({
    status: 'approved',
    sessionId: session.id,
    reference: session.reference,
    accountNumber: account.accountNumber,
    creditLimit: account.creditLimit,
    province,
    consent,
    referenceId: account.referenceId,
  });
  return result;
}

/**
 * The account an application of this session opened without its answer arriving: Flexiti's
 * accounts for this name and date of birth (and postal code), opened since that attempt, usable.
 * An older account is never taken for it: that one belongs to an existing customer, who has to
 * identify with a code like every cardholder.
 */
async function findOpenedAccount(
  deps: Deps,
  application: { firstName: string; lastName: string; dob: string; postalCode: string },
  attemptedAt: number,
): Promise<OpenedAccount | undefined> {
  const response = await deps.flexiti.call({
    method: 'GET',
    path: 'customers/search',
    query: {
      first_name: application.firstName,
      last_name: application.lastName,
      dob: application.dob,
      postal_code: application.postalCode.replace(/\s+/g, '').toUpperCase(),
    },
    retry: 'safe',
    operation: 'customers/search',
  });
  if (response.status === 404) return undefined;
  if (response.status !== 200 || !Array.isArray(response.body)) {
    throw errors.flexitiError(flexitiError(response) ?? `status_${response.status}`);
  }
  // Flexiti gives a creation date, not a time: the attempt's day (UTC, a day early for time zones).
  const since = new Date(attemptedAt - 24 * 3600_000).toISOString().slice(0, 10);
  const opened = response.body
    .filter(isRecord)
    .filter((account) => String(account.creation_date ?? '') >= since && ['N', 'A'].includes(String(account.account_status)))
    .sort((a, b) => Number(b.account_number) - Number(a.account_number))[0];
  if (!opened) return undefined;
  deps.logger({ level: 'info', event: 'application_reconciled', route: 'apply', referenceId: response.referenceId });
  return {
    accountNumber: String(opened.account_number),
    creditLimit: Number(opened.credit_limit),
    availableCredit: Number(opened.available_credit),
    cardLast4: String(opened.card_ending_in ?? ''),
    referenceId: response.referenceId,
  };
}
