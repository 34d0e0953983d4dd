import type { Hono } from 'hono';
import {
  LOOKUP_INELIGIBLE_CODES,
  LookupRequestSchema,
  VerifyRequestSchema,
  isProvince,
  type LookupResponse,
  type VerifyResponse,
} from '../../schemas/index.js';
import { clientAddress, langOf, readBody, type Deps, type HandlerEnv } from '../context.js';
import { errors } from '../errors.js';
import { flexitiError, isRecord } from '../flexiti-client.js';
import { flexitiLang, isOneOf, parseLang } from '../mapping.js';
import { scopeOf } from '../sessions.js';

/** An existing cardholder: `POST lookup` (can this account buy?) and `POST verify` (send a code). */
export function cardholderRoutes(app: Hono<HandlerEnv>, deps: Deps) {
  app.post('/lookup', async (c) => {
    const session = await deps.sessions.verify(c.req.header('authorization'), ['checkout']);
    const body = await readBody(c, LookupRequestSchema);
    // Each number tried counts: lookups are how someone would probe for accounts.
    await deps.budgets.spend('lookups', { perSession: session.id, perAddress: clientAddress(c, deps) });
    const response = await deps.flexiti.call({
      method: 'GET',
      path: 'customers/lookup',
      query: {
        ...(body.cardNumber ? { vcc_number: body.cardNumber } : { account_number: body.accountNumber }),
        lang: flexitiLang(langOf(c)),
      },
      retry: 'safe',
      operation: 'customers/lookup',
    });
    const code = flexitiError(response);
    let result: LookupResponse;
    if (response.status === 200 && isRecord(response.body)) {
      const account = response.body;
      const contacts: { sms?: string; email?: string } = {};
      if (typeof account.phone_number === 'string' && account.phone_number) contacts.sms = account.phone_number;
      if (typeof account.email === 'string' && account.email) contacts.email = account.email;
      const province = isProvince(account.province) ? account.province : undefined;
      result = {
        status: 'eligible',
        receipt: await deps.sessions.issueReceipt(session, 'cardholder', String(account.account_number), province),
        cardLast4: String(account.card_ending_in ?? ''),
        contacts,
        enoughCredit: Number(account.available_credit) >= (session.amount ?? 0),
        ...(typeof account.preferred_language === 'string'
          ? { preferredLang: parseLang(account.preferred_language) }
          : {}),
      };
    } else if (response.status === 404) {
      result = { status: 'not_found' };
    } else if (isOneOf(code, LOOKUP_INELIGIBLE_CODES)) {
      result = { status: 'ineligible', code };
    } else if (code === 'merchant_not_support_nonprime_regularpurchase') {
      result = { status: 'ineligible', code: 'user_not_able_to_purchase' };
    } else {
      throw errors.flexitiError(code ?? `status_${response.status}`);
    }
    return c.json(result, 200, { 'cache-control': 'no-store' });
  });

  app.post('/verify', async (c) => {
    const session = await deps.sessions.verify(c.req.header('authorization'), ['checkout']);
    const body = await readBody(c, VerifyRequestSchema);
    const receipt = await deps.sessions.readReceipt(session, body.receipt, ['cardholder']);
    // Codes sent are counted per account first: whoever asks, from wherever, on any instance.
    await deps.budgets.spend('codes', { perAccount: receipt.account, perSession: session.id, perAddress: clientAddress(c, deps) });
    const response = await deps.flexiti.call({
      method: 'POST',
      path: `account/${encodeURIComponent(receipt.account)}/verify`,
      query: { lang: flexitiLang(langOf(c)) },
      body: { format: body.method, request_id: scopeOf(session) },
      // Sending the code twice is harmless but annoying: retry only when nothing was sent.
      retry: 'unsafe',
      operation: 'account/verify',
    });
    const code = flexitiError(response);
    let result: VerifyResponse;
    if (response.status === 200) {
      result = { status: 'sent', method: body.method };
      // The proof `plans` asks of a cardholder: the account's holder was sent a code in this checkout.
      // The code is on its way whatever the state says: an unreachable store only delays the plans.
      await deps.state.values.set(codeSentKey(scopeOf(session), receipt.account), deps.now(), CODE_SENT_MS).catch(() => {
        deps.logger({ level: 'warn', event: 'state_unavailable', route: 'verify' });
      });
    }
    else if (code === 'sms_not_valid_phone') result = { status: 'failed', code: 'contact_unavailable' };
    else if (code === 'tries_exceed') result = { status: 'failed', code: 'tries_exceeded' };
    else if (code === 'user_not_able_to_purchase' || response.status === 404) {
      result = { status: 'failed', code: 'user_not_able_to_purchase' };
    } else throw errors.flexitiError(code ?? `status_${response.status}`);
    return c.json(result, 200, { 'cache-control': 'no-store' });
  });
}

/** How long a code sent opens the plans of its account, within one checkout. */
const CODE_SENT_MS = 30 * 60_000;

export const codeSentKey = (scope: string, account: string) => `code-sent:${scope}:${account}`;
