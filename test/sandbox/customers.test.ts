import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/sandbox/index.js';
import { MINUTE, errorUrl, useSandbox } from './helpers.js';

const h = useSandbox();

const lookup = (query: Record<string, string>) => h.call('GET', 'customers/lookup', { query });
const verify = (account: number | string, body: unknown) => h.call('POST', `account/${account}/verify`, { body });

describe('GET customers/search', () => {
  it('returns the account objects of a person, case-insensitively', async () => {
    const r = await h.call('GET', 'customers/search', {
      query: { first_name: 'ALEX', last_name: 'martin', dob: '1985-04-12' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      {
        customer_id: '10001',
        account_status: 'N',
        account_status_reason_code: 'NNOR',
        tos_agreement: true,
        risk_rating: 'L',
        account_number: 20000001,
        account_type: 'consumer',
        credit_limit: '5000.00',
        available_credit: '5000.00',
        originating_merchant_id: '382',
        originating_merchant_name: 'European Restorations',
        creation_date: '2021-03-15',
        first_name: 'Alex',
        last_name: 'Martin',
        card_ending_in: '0001',
        preferred_language: 'en-CA',
      },
    ]);
  });

  it('shows frozen accounts and two-decimal strings', async () => {
    const sam = await h.call('GET', 'customers/search', { query: { first_name: 'Sam', last_name: 'Lee', dob: '1978-11-02' } });
    expect(sam.body[0]).toMatchObject({ account_status: 'F', account_status_reason_code: 'FLCK', risk_rating: 'H' });
    const jordan = await h.call('GET', 'customers/search', {
      query: { first_name: 'Jordan', last_name: 'Smith', dob: '1995-01-30' },
    });
    expect(jordan.body[0]).toMatchObject({ credit_limit: '1000.00', available_credit: '150.00' });
  });

  it('filters by postal code when given', async () => {
    const q = { first_name: 'Camille', last_name: 'Gagnon', dob: '1990-09-23' };
    expect((await h.call('GET', 'customers/search', { query: { ...q, postal_code: 'g1r1p2' } })).status).toBe(200);
    expect((await h.call('GET', 'customers/search', { query: { ...q, postal_code: 'H2X1Y4' } })).status).toBe(404);
  });

  it('answers 404 not_found when nobody matches', async () => {
    const r = await h.call('GET', 'customers/search', { query: { first_name: 'Alex', last_name: 'Martin', dob: '1985-04-13' } });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      url: errorUrl('customers/search'),
      message: 'The requested resource was not found.',
      error: 'not_found',
    });
  });

  it('requires first name, last name and date of birth', async () => {
    const r = await h.call('GET', 'customers/search', { query: { last_name: 'Martin' } });
    expect(r.status).toBe(409);
    expect(r.body.field_errors).toEqual([
      { param: 'first_name', msg: 'required' },
      { param: 'dob', msg: 'required' },
    ]);
  });
});

describe('GET customers/lookup', () => {
  it('describes a cardholder who can buy', async () => {
    const r = await lookup({ vcc_number: '6374980000000001' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      available_credit: 5000,
      account_number: 20000001,
      customer_id: '10001',
      account_type: 'consumer',
      security_qid: { id: 7, text: 'What is the name of the street you grew up on?' },
      address_1: '120 Queen Street West',
      address_2: 'Suite 400',
      city: 'Toronto',
      postal_code: 'M5H 2N2',
      province: 'ON',
      payment_protection: false,
      risk_rating: 'L',
      offer_types: [
        { plan_name: '90 Days Grace, Equal Payments Regular Interest', plan_id: 1, offer_category: 'equal_billing', term_options: [18, 36, 48, 72] },
        { plan_name: 'Equal Payments, Low Interest', plan_id: 2, offer_category: 'equal_billing', term_options: [3, 6, 40, 60] },
        { plan_name: 'Equal Payments, Regular Interest', plan_id: 4, offer_category: 'equal_billing', term_options: [3, 6, 18, 36, 72] },
        { plan_name: 'Equal Payments, No Interest', plan_id: 5, offer_category: 'equal_billing', term_options: [3, 6, 10, 20, 30, 40] },
        { plan_name: 'No Interest, No Payments (S.A.C.)', plan_id: 6, offer_category: 'deferred_payment', term_options: [3, 6, 8] },
        { plan_name: 'No Interest, No Payments ', plan_id: 7, offer_category: 'deferred_payment', term_options: [3, 12] },
        { plan_name: 'No Interest, Minimum monthly payments', plan_id: 9, offer_category: 'deferred_payment', term_options: [3, 6, 9, 12, 18] },
      ],
      card_ending_in: '0001',
      preferred_language: 'en-CA',
      email: 'a***@example.com',
      phone_number: '***-***-0101',
    });
  });

  it('finds the same account by account number and customer id', async () => {
    const byAccount = await lookup({ account_number: '20000002' });
    const byCustomer = await lookup({ customer_id: '10002' });
    const byCard = await lookup({ vcc_number: '6374980000000002' });
    expect(byAccount.body).toEqual(byCard.body);
    expect(byCustomer.body).toEqual(byCard.body);
  });

  it('offers a Quebec customer no S.A.C. plan and asks the question in French', async () => {
    const r = await lookup({ account_number: '20000002', lang: 'fr' });
    expect(r.body.offer_types.map((o: { plan_id: number }) => o.plan_id)).toEqual([1, 2, 4, 5, 7, 9]);
    expect(r.body.security_qid).toEqual({ id: 5, text: 'Dans quel pays rêvez-vous de passer vos vacances idéales?' });
    expect(r.body.preferred_language).toBe('fr-CA');
    expect(r.body.address_2).toBe('');
  });

  it('offers a non-prime customer no prime-only plan', async () => {
    const r = await lookup({ account_number: '20000004' });
    expect(r.body.available_credit).toBe(150);
    expect(r.body.offer_types.map((o: { plan_id: number }) => o.plan_id)).toEqual([1, 4, 6, 7, 9]);
  });

  it('answers 409 user_not_able_to_purchase for a frozen account', async () => {
    const r = await lookup({ vcc_number: '6374980000000003' });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      url: errorUrl('customers/lookup'),
      message: 'This account cannot be used for purchases at this time.',
      error: 'user_not_able_to_purchase',
    });
  });

  it('answers 409 user_not_active for a card never activated', async () => {
    const r = await lookup({ vcc_number: '6374980000000005', lang: 'fr' });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      url: errorUrl('customers/lookup'),
      message: 'Ce compte n’a pas encore été activé.',
      error: 'user_not_active',
    });
  });

  it('answers 404 not_found for an unknown card, account or customer', async () => {
    for (const query of [{ vcc_number: '6374980000000009' }, { account_number: '29999999' }, { customer_id: '99' }]) {
      const r = await lookup(query);
      expect(r.status).toBe(404);
      expect(r.body.error).toBe('not_found');
    }
  });

  it('needs exactly one well-formed identifier', async () => {
    const none = await lookup({});
    expect(none.status).toBe(409);
    expect(none.body.field_errors).toEqual([{ param: 'vcc_number|account_number|customer_id', msg: 'required' }]);
    const two = await lookup({ vcc_number: '6374980000000001', account_number: '20000001' });
    expect(two.status).toBe(409);
    expect(two.body.field_errors.map((e: { param: string }) => e.param)).toEqual(['vcc_number', 'account_number']);
    const short = await lookup({ vcc_number: '63749800' });
    expect(short.body.field_errors).toEqual([{ param: 'vcc_number', msg: 'wrong format' }]);
  });

  it('every persona behaves as documented', async () => {
    const statuses = await Promise.all(PERSONAS.map((p) => lookup({ vcc_number: p.vccNumber })));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 409, 200, 409]);
    expect(statuses.map((r) => r.body.error)).toEqual([
      undefined,
      undefined,
      'user_not_able_to_purchase',
      undefined,
      'user_not_active',
    ]);
  });
});

describe('POST account/{account_number}/verify', () => {
  it('sends a code by SMS by default', async () => {
    const r = await verify(20000001, {});
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ verification_code: 'verification_sent_to_sms' });
  });

  it('sends a code by e-mail', async () => {
    const r = await verify(20000001, { format: 'email', request_id: 'till-7' });
    expect(r.body).toEqual({ verification_code: 'verification_sent_to_email' });
  });

  it('answers 400 sms_not_valid_phone without a phone on file', async () => {
    const r = await verify(20000005, { format: 'sms' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      url: errorUrl('account/20000005/verify'),
      message: 'There is no valid mobile phone number on file for this account.',
      error: 'sms_not_valid_phone',
    });
    expect((await verify(20000005, { format: 'email' })).status).toBe(200);
  });

  it('returns an 8-digit code for the right security answer, in any case', async () => {
    const r = await verify(20000001, { format: 'security_question', security_qid: '7', security_answer: 'mAPLE' });
    expect(r.status).toBe(200);
    expect(r.body.verification_code).toEqual(expect.any(Number));
    expect(String(r.body.verification_code)).toMatch(/^\d{8}$/);
  });

  it('answers secret_answer_mismatch, then tries_exceed after three wrong answers for 48 hours', async () => {
    const wrong = { format: 'security_question', security_qid: 7, security_answer: 'Oak' };
    for (let i = 0; i < 3; i++) {
      const r = await verify(20000001, wrong);
      expect(r.status).toBe(409);
      expect(r.body).toEqual({
        url: errorUrl('account/20000001/verify'),
        message: 'The answer to the security question is incorrect.',
        error: 'secret_answer_mismatch',
      });
    }
    const locked = await verify(20000001, { ...wrong, security_answer: 'Maple' });
    expect(locked.body.error).toBe('tries_exceed');
    h.clock.advance(48 * 60 * MINUTE);
    const fresh = await h.newToken();
    const r = await h.call('POST', 'account/20000001/verify', {
      token: fresh.body.access_token,
      body: { ...wrong, security_answer: 'Maple' },
    });
    expect(r.status).toBe(200);
  });

  it('treats the wrong question as a wrong answer', async () => {
    const r = await verify(20000001, { format: 'security_question', security_qid: '4', security_answer: 'Maple' });
    expect(r.body.error).toBe('secret_answer_mismatch');
  });

  it('needs the question and answer for security_question', async () => {
    const r = await verify(20000001, { format: 'security_question' });
    expect(r.status).toBe(409);
    expect(r.body.field_errors).toEqual([
      { param: 'security_qid', msg: 'required' },
      { param: 'security_answer', msg: 'required' },
    ]);
  });

  it('refuses merchant override and regular purchase bypass', async () => {
    const override = await verify(20000001, { format: 'merchant_override' });
    expect(override.status).toBe(409);
    expect(override.body.error).toBe('merchant_override_is_not_allowed');
    const bypass = await verify(20000001, { format: 'regular_purchase_bypass' });
    expect(bypass.body.error).toBe('regular_purchase_bypass_is_not_allowed');
    const unknown = await verify(20000001, { format: 'pigeon' });
    expect(unknown.body.field_errors).toEqual([{ param: 'format', msg: 'wrong format' }]);
  });

  it('answers 404 for an unknown account and 409 for a frozen one', async () => {
    expect((await verify(29999999, {})).status).toBe(404);
    const frozen = await verify(20000003, {});
    expect(frozen.status).toBe(409);
    expect(frozen.body.error).toBe('user_not_able_to_purchase');
  });
});

describe('closing an account', () => {
  it('closes by path and by body, idempotently', async () => {
    const first = await h.call('POST', 'accounts/20000002/close');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({});
    const again = await h.call('POST', 'customers/close-account', { body: { account_number: 20000002 } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({});
    const search = await h.call('GET', 'customers/search', {
      query: { first_name: 'Camille', last_name: 'Gagnon', dob: '1990-09-23' },
    });
    expect(search.body[0]).toMatchObject({ account_status: 'C', account_status_reason_code: 'CCLO' });
    const after = await lookup({ account_number: '20000002' });
    expect(after.body.error).toBe('user_not_able_to_purchase');
  });

  it('answers 404 not_found for an unknown account', async () => {
    const byPath = await h.call('POST', 'accounts/29999999/close');
    expect(byPath.status).toBe(404);
    expect(byPath.body).toEqual({
      url: errorUrl('accounts/29999999/close'),
      message: 'The requested resource was not found.',
      error: 'not_found',
    });
    expect((await h.call('POST', 'customers/close-account', { body: { account_number: '29999999' } })).status).toBe(404);
    const missing = await h.call('POST', 'customers/close-account', { body: {} });
    expect(missing.body.field_errors).toEqual([{ param: 'account_number', msg: 'required' }]);
  });
});
