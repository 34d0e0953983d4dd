import { describe, expect, it } from 'vitest';
import { MINUTE, DOCUMENTED_APPLICATION, errorUrl, rocApplication, useSandbox } from './helpers.js';

const h = useSandbox();
const APPLY_URL = errorUrl('apply');

const SUPPORT =
  "<p>For more information, please call our customer support centre at <span class='no-break'>1-877-259-3750</span> Monday to Friday 9am to 12am ET, Saturday and Sunday from 9am to 9pm ET and we'd be happy to help.</p>";

/** Error bodies of `POST apply`, verbatim from Flexiti's documentation. */
const DOCUMENTED_ERRORS = {
  tos: { url: APPLY_URL, message: 'It has been following errors:', error: 'tos_agreement_required' },
  exists: { url: APPLY_URL, message: 'It has been following errors:', error: 'customer_already_exists' },
  creditAppNotFound: { url: APPLY_URL, message: 'Credit app id Information not found.', error: 'creditapp_id_not_found' },
  declined: { url: APPLY_URL, message: SUPPORT, error: 'application_declined' },
  createError: {
    url: APPLY_URL,
    message:
      '<h1>We are currently experiencing some technical difficulties that we are trying to fix as soon as possible.</h1><p>Unfortunately, as a result, we are unable to proceed with your application right now.<br/><br/>Have questions? We’re happy to help. Just give us a call at 1-877-259-3750.</p>',
    error: 'application_create_error',
  },
  pending: { url: APPLY_URL, message: SUPPORT, error: 'application_marked_pending' },
  declined2: { url: APPLY_URL, message: SUPPORT, error: 'application_declined_2' },
  declined3: {
    url: APPLY_URL,
    message:
      '<h1>Unfortunately we can’t seem to find a credit history for you.</h1><p>If you think this is an error, please give us a call at 1-877-259-3750 Monday to Friday 9am to 12am ET, Saturday and Sunday 9am to 9pm ET and we’d be happy to help.</p>',
    error: 'application_declined_3',
  },
  pending2: { url: APPLY_URL, message: SUPPORT, error: 'application_marked_pending_2' },
  sin: {
    url: APPLY_URL,
    message: 'Some inputs are wrong!',
    error: 'wrong_inputs',
    field_errors: [{ param: 'SIN', msg: 'wrong format' }],
  },
  phone: {
    url: APPLY_URL,
    message: 'Some inputs are wrong!',
    error: 'wrong_inputs',
    field_errors: [{ param: 'phone_number', msg: 'required' }],
  },
};

const apply = (body: unknown, lang?: string) =>
  h.call('POST', 'apply', lang ? { body, query: { lang } } : { body });

describe('POST apply: approvals', () => {
  it('answers the documented ROC body for a rest-of-Canada applicant', async () => {
    const r = await apply(rocApplication());
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      vcc_number: 6374980100408234,
      account_number: 20035156,
      customer_id: 43353,
      available_credit: 5000,
      credit_limit: 5000,
      risk_rating: 'L',
    });
    // The card number is a JSON number, as in Flexiti's example.
    expect(r.text).toContain('"vcc_number":6374980100408234');
  });

  it('answers the documented QC shape with offer types and the debt ratio for the documented application', async () => {
    const r = await apply(DOCUMENTED_APPLICATION);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      vcc_number: 6374980100408234,
      account_number: 20035156,
      customer_id: 43353,
      available_credit: 5000,
      credit_limit: 5000,
      risk_rating: 'L',
    });
    expect(Object.keys(r.body)).toEqual([
      'vcc_number',
      'account_number',
      'customer_id',
      'available_credit',
      'credit_limit',
      'risk_rating',
      'offer_types',
      'debt_ratio',
    ]);
    // 1000 × 12 / 223123 = 5.378…%
    expect(r.body.debt_ratio).toBe(5.38);
    expect(r.body.offer_types[0]).toEqual({
      plan_name: '90 Days Grace, Equal Payments Regular Interest',
      plan_id: '1',
      offer_category: 'equal_billing',
      term_options: ['18', '36', '48', '72'],
    });
    // The S.A.C. plan (interest accrues, then is waived) is not offered in Quebec.
    expect(r.body.offer_types.map((o: { plan_id: string }) => o.plan_id)).toEqual(['1', '2', '4', '5', '7', '9']);
  });

  it('gives a zero debt ratio without household income, and French plan names with lang=fr', async () => {
    const r = await apply({ ...DOCUMENTED_APPLICATION, household_income: 0 }, 'fr');
    expect(r.status).toBe(200);
    expect(r.body.debt_ratio).toBe(0);
    expect(r.body.offer_types[0].plan_name).toBe('90 jours de grâce, versements égaux, intérêt régulier');
  });

  it('hands out increasing account numbers, customer ids and Luhn-valid cards', async () => {
    const a = await apply(rocApplication({ first_name: 'Ann' }));
    const b = await apply(rocApplication({ first_name: 'Bea', amount_requested: 1234.5 }));
    expect(b.body.account_number).toBe(a.body.account_number + 1);
    expect(b.body.customer_id).toBe(a.body.customer_id + 1);
    expect(b.body.credit_limit).toBe(1234.5);
    for (const card of [String(a.body.vcc_number), String(b.body.vcc_number)]) {
      expect(card).toMatch(/^63749801\d{8}$/);
      const sum = [...card].reverse().reduce((acc, ch, i) => {
        let d = Number(ch);
        if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        return acc + d;
      }, 0);
      expect(sum % 10).toBe(0);
    }
  });

  it.each([
    ['A-RR_L', 'L'],
    ['A-RR_M', 'M'],
    ['a-rr_h', 'H'],
    ['A-RR_X', 'X'],
    ['Grey', 'L'],
    [undefined, 'L'],
  ])('approves middle name %s with risk rating %s', async (middle, risk) => {
    const r = await apply(rocApplication({ middle_name: middle }));
    expect(r.status).toBe(200);
    expect(r.body.risk_rating).toBe(risk);
  });

  it('opens an account that can be found, looked up and closed', async () => {
    const r = await apply(rocApplication({ first_name: 'Noor', last_name: 'Haddad', dob: '1992-02-29' }));
    const lookup = await h.call('GET', 'customers/lookup', { query: { account_number: String(r.body.account_number) } });
    expect(lookup.status).toBe(200);
    expect(lookup.body.customer_id).toBe(String(r.body.customer_id));
    expect(lookup.body.card_ending_in).toBe(String(r.body.vcc_number).slice(-4));
    expect(lookup.body.email).toBe('e***@address.com');
    const search = await h.call('GET', 'customers/search', {
      query: { first_name: 'noor', last_name: 'HADDAD', dob: '1992-02-29' },
    });
    expect(search.body).toHaveLength(1);
    expect(search.body[0]).toMatchObject({
      account_status: 'N',
      account_status_reason_code: 'NNOR',
      tos_agreement: true,
      credit_limit: '5000.00',
      creation_date: '2025-06-02',
      preferred_language: 'en-CA',
    });
    const close = await h.call('POST', `accounts/${r.body.account_number}/close`);
    expect(close.body).toEqual({});
  });
});

describe('POST apply: declines and other outcomes', () => {
  it.each([
    ['D-NO_HIT', 'declined3'],
    ['D-FRAUD', 'declined'],
    ['D-DUPLICATE', 'declined2'],
    ['P-REVIEW_MISC', 'pending'],
    ['P-FRAUD', 'pending2'],
    ['D-EMAIL_DBL_TIMEOUT', 'createError'],
    ['D-CREDITAPP_NOT_FOUND', 'creditAppNotFound'],
  ] as const)('middle name %s answers the documented %s body', async (middle, key) => {
    const r = await apply(rocApplication({ middle_name: middle }));
    expect(r.status).toBe(409);
    expect(r.body).toEqual(DOCUMENTED_ERRORS[key]);
    expect(h.served.sandbox.stats.byRoute['POST apply']).toBe(1);
  });

  it('does not open an account on a decline', async () => {
    await apply(rocApplication({ middle_name: 'D-FRAUD' }));
    const again = await apply(rocApplication({ middle_name: 'A-RR_M' }));
    expect(again.status).toBe(200);
    expect(again.body.account_number).toBe(20035156);
  });

  it('translates outcome messages for lang=fr', async () => {
    const declined = await apply(rocApplication({ middle_name: 'D-FRAUD' }), 'fr');
    expect(declined.body.error).toBe('application_declined');
    expect(declined.body.message).toContain('Pour en savoir plus');
    expect(declined.body.message).toContain("<span class='no-break'>1-877-259-3750</span>");
    const noHit = await apply(rocApplication({ middle_name: 'D-NO_HIT' }), 'fr');
    expect(noHit.body.message).toContain('historique de crédit');
  });

  it('answers the documented customer_already_exists body for the same person twice', async () => {
    expect((await apply(rocApplication())).status).toBe(200);
    const r = await apply(rocApplication({ first_name: 'JOHN', last_name: 'doe', middle_name: 'A-RR_H' }));
    expect(r.status).toBe(409);
    expect(r.body).toEqual(DOCUMENTED_ERRORS.exists);
  });

  it('knows the seeded personas as existing customers', async () => {
    const r = await apply(rocApplication({ first_name: 'Alex', last_name: 'Martin', dob: '1985-04-12' }));
    expect(r.body).toEqual(DOCUMENTED_ERRORS.exists);
  });

  it('answers the documented tos_agreement_required body unless tos_agreement is true', async () => {
    for (const tos of [false, 'true', undefined]) {
      const r = await apply(rocApplication({ tos_agreement: tos }));
      expect(r.status).toBe(409);
      expect(r.body).toEqual(DOCUMENTED_ERRORS.tos);
    }
  });
});

describe('POST apply: validation', () => {
  it('answers the documented body for a missing phone number', async () => {
    const r = await apply(rocApplication({ phone_number: undefined }));
    expect(r.status).toBe(409);
    expect(r.body).toEqual(DOCUMENTED_ERRORS.phone);
  });

  it('answers the documented body for a SIN that is not 9 digits', async () => {
    for (const sin of ['12312312', '12312312a', 1231231234]) {
      const r = await apply(rocApplication({ sin }));
      expect(r.status).toBe(409);
      expect(r.body).toEqual(DOCUMENTED_ERRORS.sin);
    }
    expect((await apply(rocApplication({ sin: undefined }))).status).toBe(200);
  });

  it('lists every missing required field at once, in field order', async () => {
    const r = await apply({ tos_agreement: true });
    expect(r.status).toBe(409);
    expect(r.body.field_errors).toEqual(
      [
        'amount_requested',
        'phone_number',
        'email',
        'salutation',
        'first_name',
        'last_name',
        'dob',
        'address_1',
        'city',
        'province',
        'postal_code',
        'personal_income',
        'household_income',
        'housing_type',
        'occupation_id',
        'occupation_title',
        'security_qid',
        'security_answer',
        'piw',
      ].map((param) => ({ param, msg: 'required' })),
    );
  });

  it('checks field errors before the terms agreement', async () => {
    const r = await apply(rocApplication({ tos_agreement: false, email: 'nope' }));
    expect(r.body.error).toBe('wrong_inputs');
  });

  it('requires monthly housing expenses in Quebec only', async () => {
    const { monthly_housing_expenses: _omit, ...qc } = DOCUMENTED_APPLICATION;
    const r = await apply(qc);
    expect(r.status).toBe(409);
    expect(r.body.field_errors).toEqual([{ param: 'monthly_housing_expenses', msg: 'required' }]);
    expect((await apply(rocApplication())).status).toBe(200);
  });

  it('reports formats', async () => {
    const r = await apply(
      rocApplication({
        amount_requested: 0,
        phone_number: '555-123',
        email: 'john@',
        salutation: 'dr',
        dob: '1990-02-30',
        province: 'ZZ',
        postal_code: '12345',
        personal_income: -1,
        household_income: 'lots',
        employer_phone: '12',
        security_qid: '3',
        govid_type: 'CAP',
        govid_issuedby: 'ON',
        govid_expiry: '12/12/2030',
        language: 'de-DE',
      }),
    );
    expect(r.status).toBe(409);
    expect(r.body.field_errors).toEqual(
      [
        'amount_requested',
        'phone_number',
        'email',
        'language',
        'salutation',
        'dob',
        'province',
        'postal_code',
        'govid_issuedby',
        'govid_expiry',
        'personal_income',
        'household_income',
        'employer_phone',
        'security_qid',
      ].map((param) => ({ param, msg: 'wrong format' })),
    );
  });

  it('refuses a date of birth that is not in the past', async () => {
    const r = await apply(rocApplication({ dob: '2025-06-02' }));
    expect(r.body.field_errors).toEqual([{ param: 'dob', msg: 'wrong format' }]);
  });

  it('accepts postal codes with a space and in lower case', async () => {
    expect((await apply(rocApplication({ postal_code: 'm5v 2t6' }))).status).toBe(200);
  });

  it('takes government id fields all together', async () => {
    const partial = await apply(
      rocApplication({ govid_type: undefined, govid_issuedby: undefined, govid_expiry: undefined, govid_number: 'X1' }),
    );
    expect(partial.body.field_errors).toEqual([{ param: 'govid_type', msg: 'required' }]);
    const typeOnly = await apply(
      rocApplication({ govid_type: 'CADL', govid_issuedby: undefined, govid_number: undefined, govid_expiry: undefined }),
    );
    expect(typeOnly.body.field_errors).toEqual([
      { param: 'govid_issuedby', msg: 'required' },
      { param: 'govid_number', msg: 'required' },
      { param: 'govid_expiry', msg: 'required' },
    ]);
    const none = await apply(
      rocApplication({ govid_type: undefined, govid_issuedby: undefined, govid_number: undefined, govid_expiry: undefined }),
    );
    expect(none.status).toBe(200);
  });

  it('lets an applicant buy unverified right after approval', async () => {
    const approved = await apply(rocApplication());
    // Tokens live 20 minutes, so each purchase gets a fresh one.
    const buy = async () =>
      h.call('POST', 'authorization', {
        version: '2.5.1',
        token: (await h.newToken()).body.access_token,
        body: {
          account_number: approved.body.account_number,
          financing_option: { transaction_type: 'regular_purchase' },
          amount: 100,
          auto_capture: true,
        },
      });
    h.clock.advance(29 * MINUTE);
    expect((await buy()).status).toBe(200);
    h.clock.advance(MINUTE);
    const late = await buy();
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('not_verified');
  });
});
