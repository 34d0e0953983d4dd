/** Customers: search, lookup, verify, close and calculate-interest. */
import { MERCHANT, securityQuestion } from '../form-values.js';
import {
  ApiError,
  BOTH_SCOPES,
  MERCHANT_SCOPE,
  lang,
  readJson,
  wrongInputs,
  type Ctx,
  type RouteSpec,
  type SandboxContext,
} from '../http.js';
import { fromCents, moneyString } from '../money.js';
import {
  CUSTOMER_AIR,
  REGULAR_PURCHASE_BYPASS_LIMIT,
  categoryType,
  plansFor,
  quotePlan,
} from '../plans.js';
import type { AccountRecord, SandboxState } from '../state.js';
import {
  FieldErrors,
  REQUIRED,
  WRONG_FORMAT,
  digits,
  isBlank,
  isIsoDate,
  normalizePostalCode,
  positiveInt,
} from '../validate.js';

/** Lifetime of an SMS/e-mail or security-answer code. */
export const CODE_TTL_MS = 10 * 60 * 1000;
/** The fixed code the sandbox "sends" by SMS and e-mail, as in Flexiti's test environments. */
export const SENT_CODE = '2222';
const ANSWER_WINDOW_MS = 48 * 60 * 60 * 1000;
const MAX_WRONG_ANSWERS = 3;

export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

export function maskPhone(phone: string): string {
  return `***-***-${phone.slice(-4)}`;
}

/** The account named by a path segment; unknown or malformed numbers are simply not found. */
export function accountFromPath(state: SandboxState, c: Ctx): AccountRecord {
  const n = positiveInt(c.req.param('account_number'));
  const account = n === undefined ? undefined : state.accounts.get(n);
  if (!account) throw new ApiError(404, 'not_found');
  return account;
}

/** Only a normal (`N`) account may be verified or quoted. */
export function assertNormal(account: AccountRecord): void {
  if (account.status !== 'N') throw new ApiError(409, 'user_not_able_to_purchase');
}

/** Buying (and looking a card up to buy) also needs a card the customer has activated. */
export function assertCanPurchase(account: AccountRecord): void {
  assertNormal(account);
  if (!account.activated) throw new ApiError(409, 'user_not_active');
}

function searchResult(state: SandboxState, account: AccountRecord) {
  const customer = state.customerOf(account);
  return {
    customer_id: String(customer.customerId),
    account_status: account.status,
    account_status_reason_code: account.reasonCode,
    tos_agreement: account.tosAgreement,
    risk_rating: account.riskRating,
    account_number: account.accountNumber,
    account_type: 'consumer',
    credit_limit: moneyString(account.creditLimitCents),
    available_credit: moneyString(account.availableCents),
    originating_merchant_id: MERCHANT.id,
    originating_merchant_name: MERCHANT.name,
    creation_date: account.creationDate,
    first_name: customer.firstName,
    last_name: customer.lastName,
    card_ending_in: account.vccNumber.slice(-4),
    preferred_language: customer.preferredLanguage,
  };
}

export function customerRoutes(ctx: SandboxContext): RouteSpec[] {
  const { options, state } = ctx;

  const close = (account: AccountRecord): void => {
    account.status = 'C';
    account.reasonCode = 'CCLO';
    account.code = null;
  };

  return [
    {
      method: 'GET',
      version: '2.5',
      path: 'customers/search',
      scopes: MERCHANT_SCOPE,
      handler: (c) => {
        const q = c.req.query();
        const e = new FieldErrors();
        for (const param of ['first_name', 'last_name', 'dob'] as const) {
          if (isBlank(q[param])) e.add(param, REQUIRED);
        }
        if (!isBlank(q.dob) && !isIsoDate(q.dob)) e.add('dob', WRONG_FORMAT);
        if (!e.empty) throw wrongInputs(e.list);
        const first = (q.first_name ?? '').trim().toLowerCase();
        const last = (q.last_name ?? '').trim().toLowerCase();
        const postal = isBlank(q.postal_code) ? undefined : normalizePostalCode(q.postal_code ?? '');
        const found = [...state.accounts.values()].filter((account) => {
          const customer = state.customerOf(account);
          return (
            customer.firstName.toLowerCase() === first &&
            customer.lastName.toLowerCase() === last &&
            customer.dob === q.dob &&
            (postal === undefined || normalizePostalCode(customer.postalCode) === postal)
          );
        });
        if (found.length === 0) throw new ApiError(404, 'not_found');
        return c.json(found.map((account) => searchResult(state, account)));
      },
    },
    {
      method: 'GET',
      version: '2.5',
      path: 'customers/lookup',
      scopes: MERCHANT_SCOPE,
      handler: (c) => {
        const ids = (['vcc_number', 'account_number', 'customer_id'] as const).filter(
          (p) => !isBlank(c.req.query(p)),
        );
        if (ids.length === 0) throw wrongInputs([{ param: 'vcc_number|account_number|customer_id', msg: REQUIRED }]);
        if (ids.length > 1) throw wrongInputs(ids.map((param) => ({ param, msg: 'only one identifier allowed' })));
        const param = ids[0] as (typeof ids)[number];
        const value = digits(c.req.query(param));
        if (value === undefined || (param === 'vcc_number' && value.length !== 16)) {
          throw wrongInputs([{ param, msg: WRONG_FORMAT }]);
        }
        let account: AccountRecord | undefined;
        if (param === 'vcc_number') account = state.accountByVcc(value);
        else if (param === 'account_number') account = state.accounts.get(Number(value));
        else account = state.accountsOfCustomer(Number(value))[0];
        if (!account) throw new ApiError(404, 'not_found');
        assertCanPurchase(account);

        const customer = state.customerOf(account);
        const l = lang(c);
        return c.json({
          available_credit: fromCents(account.availableCents),
          account_number: account.accountNumber,
          customer_id: String(customer.customerId),
          account_type: 'consumer',
          security_qid: { id: customer.securityQid, text: securityQuestion(customer.securityQid, l) },
          address_1: customer.address1,
          address_2: customer.address2 ?? '',
          city: customer.city,
          postal_code: customer.postalCode,
          province: customer.province,
          payment_protection: account.paymentProtection,
          risk_rating: account.riskRating,
          offer_types: plansFor({ province: customer.province, riskRating: account.riskRating }).map((plan) => ({
            plan_name: plan.name[l],
            plan_id: plan.id,
            offer_category: plan.category,
            term_options: [...plan.terms],
          })),
          card_ending_in: account.vccNumber.slice(-4),
          preferred_language: customer.preferredLanguage,
          email: maskEmail(customer.email),
          phone_number: customer.phoneNumber === null ? null : maskPhone(customer.phoneNumber),
        });
      },
    },
    {
      method: 'POST',
      version: '2.5',
      path: 'account/:account_number/verify',
      scopes: BOTH_SCOPES,
      handler: async (c) => {
        const body = await readJson(c);
        const e = new FieldErrors();
        const format = isBlank(body.format) ? 'sms' : body.format;
        const formats = ['sms', 'email', 'security_question', 'merchant_override', 'regular_purchase_bypass'];
        if (typeof format !== 'string' || !formats.includes(format)) e.add('format', WRONG_FORMAT);
        let qid: number | undefined;
        let answer: string | undefined;
        if (format === 'security_question') {
          if (isBlank(body.security_qid)) e.add('security_qid', REQUIRED);
          else if ((qid = positiveInt(body.security_qid)) === undefined) e.add('security_qid', WRONG_FORMAT);
          answer = e.string(body, 'security_answer', { required: true, max: 50 });
        }
        const requestId = e.string(body, 'request_id', { required: false, max: 150 });
        if (!isBlank(body.vcc_number) && digits(body.vcc_number) === undefined) e.add('vcc_number', WRONG_FORMAT);
        if (!e.empty) throw wrongInputs(e.list);

        const account = accountFromPath(state, c);
        if (!isBlank(body.vcc_number) && digits(body.vcc_number) !== account.vccNumber) {
          throw new ApiError(404, 'not_found');
        }
        assertNormal(account);
        const customer = state.customerOf(account);
        const now = options.now();
        const issue = (value: string): void => {
          account.code = { value, expiresAt: now + CODE_TTL_MS, requestId: requestId ?? null };
          account.wrongCodes = 0;
        };

        switch (format) {
          case 'sms':
            if (customer.phoneNumber === null) throw new ApiError(400, 'sms_not_valid_phone');
            issue(SENT_CODE);
            return c.json({ verification_code: 'verification_sent_to_sms' });
          case 'email':
            issue(SENT_CODE);
            return c.json({ verification_code: 'verification_sent_to_email' });
          case 'merchant_override':
            throw new ApiError(409, 'merchant_override_is_not_allowed');
          case 'regular_purchase_bypass':
            throw new ApiError(409, 'regular_purchase_bypass_is_not_allowed');
        }

        // Security question: locked for 48 hours after three wrong answers.
        account.answerFailures = account.answerFailures.filter((t) => now - t < ANSWER_WINDOW_MS);
        if (account.answerFailures.length >= MAX_WRONG_ANSWERS) throw new ApiError(409, 'tries_exceed');
        const correct =
          qid === customer.securityQid &&
          (answer ?? '').toLowerCase() === customer.securityAnswer.trim().toLowerCase();
        if (!correct) {
          account.answerFailures.push(now);
          throw new ApiError(409, 'secret_answer_mismatch');
        }
        const code = state.nextAnswerCode();
        issue(String(code));
        return c.json({ verification_code: code });
      },
    },
    {
      method: 'POST',
      version: '2.5',
      path: 'accounts/:account_number/close',
      scopes: BOTH_SCOPES,
      handler: (c) => {
        close(accountFromPath(state, c));
        return c.json({});
      },
    },
    {
      // The name Flexiti's application guide uses for the same operation, with the account in the body.
      method: 'POST',
      version: '2.5',
      path: 'customers/close-account',
      scopes: BOTH_SCOPES,
      handler: async (c) => {
        const body = await readJson(c);
        if (isBlank(body.account_number)) throw wrongInputs([{ param: 'account_number', msg: REQUIRED }]);
        const n = positiveInt(body.account_number);
        if (n === undefined) throw wrongInputs([{ param: 'account_number', msg: WRONG_FORMAT }]);
        const account = state.accounts.get(n);
        if (!account) throw new ApiError(404, 'not_found');
        close(account);
        return c.json({});
      },
    },
    {
      method: 'POST',
      version: '2.5.1',
      path: 'accounts/:account_number/calculate-interest',
      scopes: BOTH_SCOPES,
      handler: async (c) => {
        const body = await readJson(c);
        const e = new FieldErrors();
        const cents = e.amount(body, 'amount', { required: true, positive: true });
        if (cents === undefined) throw wrongInputs(e.list);
        const account = accountFromPath(state, c);
        assertNormal(account);
        const customer = state.customerOf(account);
        const l = lang(c);
        const amount = fromCents(cents);
        return c.json({
          account_number: account.accountNumber,
          account_type: 'consumer',
          amount,
          customer: {
            air: CUSTOMER_AIR,
            available_credit: fromCents(account.availableCents),
            first_name: customer.firstName,
            last_name: customer.lastName,
            category_type: categoryType(account.riskRating),
          },
          regular_purchase: {
            term_amount: amount,
            air: CUSTOMER_AIR,
            fees: [],
            verify: amount <= REGULAR_PURCHASE_BYPASS_LIMIT,
          },
          promotional_purchase: plansFor({ province: customer.province, riskRating: account.riskRating }).map(
            (plan) => quotePlan(plan, amount, l),
          ),
        });
      },
    },
  ];
}
