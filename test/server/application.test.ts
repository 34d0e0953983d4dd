import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplyResponseSchema, FormValuesResponseSchema, SessionResponseSchema, TermsResponseSchema } from '../../src/schemas/index.js';
import { application, quebecApplication } from '../schemas/fixtures.js';
import { expectNoLeaks, startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
  expectNoLeaks();
});

const apply = async (app: ReturnType<typeof application>, session?: string, lang = 'en-CA') =>
  stack.apply(session ?? (await stack.session('apply')), app, lang);

describe('form values and terms', () => {
  it('serves Flexiti’s option lists in our shape, in English and French', async () => {
    const session = await stack.session('apply');
    const en = await stack.api('form-values?lang=en-CA', { session });
    const fr = await stack.api('form-values?lang=fr-CA', { session });
    expect(en.status).toBe(200);
    const values = v.parse(FormValuesResponseSchema, en.body);
    expect(values.provinces).toHaveLength(13);
    expect(values.salutations.map((s) => s.value)).toEqual(['mr', 'ms', 'mrs', 'mss']);
    expect(values.governmentIds.find((g) => g.value === 'CAPID')?.issuers).toEqual([{ value: 'ON', label: 'Ontario' }]);
    expect(values.offerTypes.map((o) => o.planId)).toEqual([1, 2, 4, 5, 6, 7, 9]);
    const frValues = v.parse(FormValuesResponseSchema, fr.body);
    expect(frValues.lang).toBe('fr-CA');
    expect(frValues.provinces.find((p) => p.value === 'QC')?.label).toBe('Québec');
    expect(frValues.provinces.map((p) => p.value)).toEqual(values.provinces.map((p) => p.value));
  });

  it('gives an application’s session its form values in the language asked for, and mints it without them when Flexiti fails', async () => {
    const fr = await stack.api('session', { body: { flow: 'apply', lang: 'fr-CA' } });
    expect(fr.status).toBe(201);
    const minted = v.parse(SessionResponseSchema, fr.body);
    expect(minted.formValues?.lang).toBe('fr-CA');
    expect(minted.formValues?.provinces.find((p) => p.value === 'QC')?.label).toBe('Québec');
    expect(minted.formValues).toEqual((await stack.api('form-values?lang=fr-CA', { session: minted.session })).body);
    expect(minted.formValues?.mode).toBe('sandbox');
    // The same from the merchant's server code, to render into the page with the session.
    const rendered = await stack.handler.createSession({ flow: 'apply', lang: 'fr-CA' });
    expect(rendered.formValues).toEqual(minted.formValues);
    expect((await stack.handler.createSession({ flow: 'apply' })).formValues).toBeUndefined();
    // Without a language, or for a checkout, none.
    expect((await stack.api('session', { body: { flow: 'apply' } })).body.formValues).toBeUndefined();
    // A language the contract does not know is refused like any other bad field.
    expect((await stack.api('session', { body: { flow: 'apply', lang: 'de-DE' } })).status).toBe(422);
    // Flexiti down while nothing is cached: the session still comes, the element asks for the values itself.
    const cold = await startStack();
    try {
      cold.sandbox.setFaults({ failNext: 10, match: /merchants\/login/ });
      const without = await cold.api('session', { body: { flow: 'apply', lang: 'en-CA' } });
      expect(without.status).toBe(201);
      expect(without.body.formValues).toBeUndefined();
      cold.sandbox.setFaults({});
    } finally {
      await cold.close();
    }
  });

  it('caches form values: a second request does not call Flexiti', async () => {
    const session = await stack.session('apply');
    await stack.api('form-values?lang=en-CA', { session });
    const before = stack.sandbox.stats.byRoute['POST merchants/login'] ?? 0;
    await stack.api('form-values?lang=en-CA', { session });
    expect(stack.sandbox.stats.byRoute['POST merchants/login'] ?? 0).toBe(before);
  });

  it('serves different terms for Quebec and the rest of Canada, with a version', async () => {
    const session = await stack.session('apply');
    const on = v.parse(TermsResponseSchema, (await stack.api('terms?province=ON&lang=en-CA', { session })).body);
    const qc = v.parse(TermsResponseSchema, (await stack.api('terms?province=QC&lang=en-CA', { session })).body);
    const qcFr = v.parse(TermsResponseSchema, (await stack.api('terms?province=QC&lang=fr-CA', { session })).body);
    expect(on.sanitizedHtml).toContain('<h3>');
    expect(on.sanitizedHtml).not.toContain('<div');
    expect(new Set([on.version, qc.version, qcFr.version]).size).toBe(3);
    const missing = await stack.api('terms?lang=en-CA', { session });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('invalid_request');
  });
});

describe('POST apply', () => {
  it('approves an Ontario applicant and answers only what the shopper needs', async () => {
    const response = await apply(application({ middleName: 'A-RR_H', amountRequested: 3200 }));
    expect(response.status).toBe(200);
    const result = v.parse(ApplyResponseSchema, response.body);
    expect(result).toMatchObject({ status: 'approved', creditLimit: 3200, availableCredit: 3200, province: 'ON', cancellable: false });
    expect(Object.keys(response.body).sort()).toEqual(['availableCredit', 'cancellable', 'cardLast4', 'creditLimit', 'province', 'receipt', 'status']);
    expect(JSON.stringify(response.body)).not.toMatch(/risk|"H"|account_number|customer_id/);
    expect(stack.applications.at(-1)).toMatchObject({ status: 'approved', creditLimit: 3200, province: 'ON' });
  });

  it('approves a Quebec applicant with the debt ratio and offers, and cancels the new account', async () => {
    const session = await stack.session('apply');
    const response = await apply(quebecApplication({ amountRequested: 1500 }), session);
    const result = v.parse(ApplyResponseSchema, response.body);
    if (result.status !== 'approved') throw new Error(result.status);
    expect(result.cancellable).toBe(true);
    expect(typeof result.debtRatio).toBe('number');
    expect(result.offers?.length).toBeGreaterThan(0);
    const account = stack.applications.at(-1)!.accountNumber!;

    const closed = await stack.api('apply/cancel', { session, body: { receipt: result.receipt } });
    expect(closed).toMatchObject({ status: 200, body: { status: 'closed' } });
    expect(stack.applications.at(-1)).toMatchObject({ status: 'closed', accountNumber: account });
    // Closing again is answered the same way without a second hook call.
    const count = stack.applications.length;
    expect((await stack.api('apply/cancel', { session, body: { receipt: result.receipt } })).status).toBe(200);
    expect(stack.applications.length).toBe(count);
  });

  it('does not cancel an account outside Quebec', async () => {
    const session = await stack.session('apply');
    const result = (await apply(application(), session)).body;
    const response = await stack.api('apply/cancel', { session, body: { receipt: result.receipt } });
    expect(response).toMatchObject({ status: 409, body: { code: 'not_cancellable' } });
  });

  it.each([
    ['D-NO_HIT', 'declined', 'application_declined_3'],
    ['D-FRAUD', 'declined', 'application_declined'],
    ['D-DUPLICATE', 'declined', 'application_declined_2'],
    ['P-REVIEW_MISC', 'pending', 'application_marked_pending'],
    ['P-FRAUD', 'pending', 'application_marked_pending_2'],
  ])('answers middle name %s with %s (%s) and Flexiti’s message', async (middleName, status, code) => {
    const response = await apply(application({ middleName }));
    expect(response.status).toBe(200);
    expect(v.parse(ApplyResponseSchema, response.body)).toMatchObject({ status, code });
    expect(response.body.sanitizedMessage).toMatch(/1-877-259-3750/);
    expect(stack.applications.at(-1)).toMatchObject({ status, code });
  });

  it('answers French messages for a French application', async () => {
    const response = await apply(application({ middleName: 'D-NO_HIT' }), undefined, 'fr-CA');
    expect(response.body.sanitizedMessage).not.toEqual((await apply(application({ middleName: 'D-NO_HIT' }))).body.sanitizedMessage);
  });

  it('tells an existing customer so', async () => {
    const first = application();
    expect((await apply(first)).body.status).toBe('approved');
    const again = await apply({ ...first, middleName: undefined });
    expect(again.body).toMatchObject({ status: 'exists', code: 'customer_already_exists' });
  });

  it('makes a creation error retryable and keeps the session usable', async () => {
    const session = await stack.session('apply');
    const failed = await apply(application({ middleName: 'D-EMAIL_DBL_TIMEOUT' }), session);
    expect(failed).toMatchObject({ status: 503, body: { code: 'application_create_error', retryable: true } });
    const retried = await apply(application({ middleName: 'A-RR_M' }), session);
    expect(retried.body.status).toBe('approved');
  });

  it('answers schema problems on our field names, without calling Flexiti', async () => {
    const before = stack.sandbox.stats.byRoute['POST apply'] ?? 0;
    const response = await apply(application({ sin: '123456789', postalCode: 'H2X 1Y4', phone: '12' }));
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('invalid_fields');
    expect(response.body.fieldErrors).toEqual(
      expect.arrayContaining([
        { field: 'sin', code: 'invalid_sin' },
        { field: 'phone', code: 'invalid_phone' },
        { field: 'postalCode', code: 'postal_code_province' },
      ]),
    );
    expect(stack.sandbox.stats.byRoute['POST apply'] ?? 0).toBe(before);
  });

  it('maps Flexiti’s own field errors onto our field names', async () => {
    // Flexiti's issuer list is richer than our schema: an issuer that does not match the id type.
    const response = await apply(
      application({ govIdType: 'CAPID', govIdIssuedBy: 'BC', govIdNumber: 'X1', govIdExpiry: '2099-01-01' }),
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'invalid_fields', fieldErrors: [{ field: 'govIdIssuedBy', code: 'invalid' }] });
  });

  it('submits one application for a double submit, and answers both with it', async () => {
    const session = await stack.session('apply');
    const before = stack.sandbox.stats.byRoute['POST apply'] ?? 0;
    const hooks = stack.applications.length;
    const app = application();
    const [a, b] = await Promise.all([apply(app, session), apply(app, session)]);
    const c = await apply(app, session);
    expect(a.body.status).toBe('approved');
    expect(b.body).toEqual(a.body);
    expect(c.body).toEqual(a.body);
    expect((stack.sandbox.stats.byRoute['POST apply'] ?? 0) - before).toBe(1);
    expect(stack.applications.length - hooks).toBe(1);
  });
});

describe('the consent record', () => {
  const post = (session: string, app: ReturnType<typeof application>, termsVersion: unknown, lang = 'en-CA') =>
    stack.api(`apply?lang=${lang}`, { session, body: { application: app, termsVersion } });

  it('hands onApplication the terms version, language, province and time of acceptance', async () => {
    const session = await stack.session('apply');
    const version = await stack.termsVersion(session, 'ON');
    const started = Date.now();
    expect((await post(session, application(), version)).body.status).toBe('approved');
    const { consent } = stack.applications.at(-1)!;
    expect(consent).toEqual({ termsVersion: version, lang: 'en-CA', province: 'ON', acceptedAt: expect.any(String) });
    expect(Date.parse(consent!.acceptedAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(consent!.acceptedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('records the consent of a decline and of a pending application too, and in French', async () => {
    const declined = await stack.session('apply');
    const ontario = await stack.termsVersion(declined, 'ON', 'fr-CA');
    await post(declined, application({ middleName: 'D-NO_HIT' }), ontario, 'fr-CA');
    expect(stack.applications.at(-1)).toMatchObject({ status: 'declined', consent: { termsVersion: ontario, lang: 'fr-CA', province: 'ON' } });
    const quebec = await stack.session('apply');
    const fr = await stack.termsVersion(quebec, 'QC', 'fr-CA');
    await post(quebec, quebecApplication({ middleName: 'P-REVIEW_MISC' }), fr, 'fr-CA');
    expect(stack.applications.at(-1)).toMatchObject({ status: 'pending', consent: { termsVersion: fr, lang: 'fr-CA', province: 'QC' } });
  });

  it('keeps the language the terms were read in when the shopper switched language before applying', async () => {
    const session = await stack.session('apply');
    const english = await stack.termsVersion(session, 'ON', 'en-CA');
    expect((await post(session, application(), english, 'fr-CA')).body.status).toBe('approved');
    expect(stack.applications.at(-1)?.consent).toMatchObject({ termsVersion: english, lang: 'en-CA' });
  });

  it.each([
    ['made up', () => 'ffffffffffffffff'],
    ['another province’s', (session: string) => stack.termsVersion(session, 'QC')],
  ])('refuses %s version with terms_changed, before Flexiti and the budget', async (_, version) => {
    const session = await stack.session('apply');
    const applies = stack.sandbox.stats.byRoute['POST apply'] ?? 0;
    const outcomes = stack.applications.length;
    for (let i = 0; i < 8; i++) {
      const refused = await post(session, application(), await version(session));
      expect(refused).toMatchObject({ status: 409, body: { code: 'terms_changed', retryable: true } });
    }
    expect(stack.sandbox.stats.byRoute['POST apply'] ?? 0).toBe(applies);
    expect(stack.applications.length).toBe(outcomes);
    // Eight refusals spent none of the session's five applications.
    expect((await stack.apply(session, application())).body.status).toBe('approved');
  });

  it('requires the version: an application without one is refused on the contract', async () => {
    const session = await stack.session('apply');
    const response = await stack.api('apply?lang=en-CA', { session, body: { application: application() } });
    expect(response).toMatchObject({ status: 422, body: { code: 'invalid_request', fieldErrors: [{ field: 'termsVersion', code: 'required' }] } });
  });

  it('refuses terms Flexiti has since revised, and accepts the revision once read', async () => {
    let offset = 0;
    const revised = await startStack({ handler: { now: () => Date.now() + offset } });
    try {
      const session = await revised.session('apply');
      const before = await revised.termsVersion(session, 'ON');
      revised.sandbox.reviseTerms();
      // Within the cache's five minutes the handler still serves (and accepts) what it showed.
      expect(await revised.termsVersion(session, 'ON')).toBe(before);
      offset = 5 * 60_000 + 1000;
      const stale = await revised.api('apply?lang=en-CA', { session, body: { application: application(), termsVersion: before } });
      expect(stale).toMatchObject({ status: 409, body: { code: 'terms_changed', retryable: true } });
      const terms = v.parse(TermsResponseSchema, (await revised.api('terms?province=ON&lang=en-CA', { session })).body);
      expect(terms.version).not.toBe(before);
      expect(terms.sanitizedHtml).toContain('Revision 1 of this agreement.');
      const accepted = await revised.api('apply?lang=en-CA', { session, body: { application: application(), termsVersion: terms.version } });
      expect(accepted.body.status).toBe('approved');
      expect(revised.applications.at(-1)?.consent?.termsVersion).toBe(terms.version);
      expect(Date.parse(revised.applications.at(-1)!.consent!.acceptedAt)).toBeGreaterThan(Date.now() + 4 * 60_000);
    } finally {
      await revised.close();
    }
  });
});
