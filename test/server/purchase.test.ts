import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupResponseSchema, PlansResponseSchema, PurchaseResponseSchema } from '../../src/schemas/index.js';
import { application } from '../schemas/fixtures.js';
import { uniformLimits } from '../../src/server/index.js';
import { anotherInstance, expectNoLeaks, newOrder, startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  // Budgets have their own tests: here the same personas pay order after order.
  stack = await startStack({ handler: { limits: uniformLimits({ max: 1000, windowMs: 60_000 }) } });
});
afterAll(async () => {
  await stack.close();
  expectNoLeaks();
});

const ALEX = '6374980000000001';
const CAMILLE = '6374980000000002';
const SAM = '6374980000000003';
const JORDAN = '6374980000000004';
const TAYLOR = '6374980000000005';

async function identify(card: string, order = newOrder()) {
  const session = await stack.session('checkout', order);
  const lookup = await stack.api('lookup', { session, body: { cardNumber: card } });
  expect(lookup.status).toBe(200);
  return { session, order, lookup: v.parse(LookupResponseSchema, lookup.body), receipt: lookup.body.receipt as string };
}

describe('existing cardholder: lookup → verify → plans → purchase', () => {
  it('pays an order end to end and tells the merchant once', async () => {
    const order = newOrder(1249.99);
    const { session, lookup, receipt } = await identify(ALEX, order);
    expect(lookup).toMatchObject({ status: 'eligible', cardLast4: '0001', enoughCredit: true, preferredLang: 'en-CA' });
    if (lookup.status !== 'eligible') throw new Error();
    expect(lookup.contacts.sms).toMatch(/\*+.*\d{4}$/);
    expect(lookup.contacts.email).toMatch(/\*/);
    expect(JSON.stringify(lookup)).not.toMatch(/available_credit|5000|20000001/);

    const sent = await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    expect(sent.body).toEqual({ status: 'sent', method: 'sms' });

    const plans = v.parse(PlansResponseSchema, (await stack.api('plans', { session, body: { receipt } })).body);
    expect(plans.amount).toBe(1249.99);
    expect(plans.plans.length).toBeGreaterThan(0);
    const plan = plans.plans.find((p) => p.category === 'equal_billing')!;
    expect(plan.terms[0]!.monthlyPayment).toBeGreaterThan(0);
    expect(plan.terms[0]!.rateMessage).not.toBe('');

    const choice = { type: 'promotional', planId: plan.planId, term: plan.terms[0]!.term };
    const paid = await stack.api('purchase', { session, body: { receipt, plan: choice, code: '2222' } });
    expect(paid.status).toBe(200);
    expect(v.parse(PurchaseResponseSchema, paid.body)).toMatchObject({ status: 'approved', amount: 1249.99, reference: order.reference, plan: choice });
    expect(stack.sandbox.authorizations({ reference: order.reference })).toHaveLength(1);
    const [held] = stack.sandbox.authorizations({ reference: order.reference });
    expect(stack.purchases.filter((p) => p.reference === order.reference)).toEqual([
      expect.objectContaining({ status: 'approved', amount: 1249.99, authorizationId: paid.body.authorizationId, captureId: String(held!.capture_id) }),
    ]);
    // The capture is the merchant's to know: the shopper's answer does not carry it.
    expect(Object.keys(paid.body).sort()).toEqual(['amount', 'authorizationId', 'currency', 'plan', 'reference', 'status']);
  });

  it('identifies by account number too', async () => {
    const session = await stack.session('checkout');
    const lookup = await stack.api('lookup', { session, body: { accountNumber: '20000002' } });
    expect(lookup.body).toMatchObject({ status: 'eligible', cardLast4: '0002', preferredLang: 'fr-CA' });
  });

  it('lets a new applicant buy right after approval, without a code', async () => {
    const order = newOrder(640);
    const session = await stack.session('checkout', order);
    const approval = await stack.apply(session, application({ amountRequested: 640 }));
    expect(approval.body.status).toBe('approved');
    const plans = v.parse(PlansResponseSchema, (await stack.api('plans', { session, body: { receipt: approval.body.receipt } })).body);
    expect(plans.amount).toBe(640);
    const paid = await stack.api('purchase', { session, body: { receipt: approval.body.receipt, plan: { type: 'regular' } } });
    expect(paid.body).toMatchObject({ status: 'approved', amount: 640, plan: { type: 'regular' } });
  });

  it('answers a frozen, an inactive and an unknown card clearly', async () => {
    for (const [card, expected] of [
      [SAM, { status: 'ineligible', code: 'user_not_able_to_purchase' }],
      [TAYLOR, { status: 'ineligible', code: 'user_not_active' }],
      ['6374989999999999', { status: 'not_found' }],
    ] as const) {
      const session = await stack.session('checkout');
      const response = await stack.api('lookup', { session, body: { cardNumber: card } });
      expect(response.body).toEqual(expected);
    }
  });

  it('says whether the credit is enough without disclosing it, and declines credit_exceeded', async () => {
    const { session, lookup, receipt } = await identify(JORDAN, newOrder(200));
    expect(lookup).toMatchObject({ status: 'eligible', enoughCredit: false });
    await stack.api('verify', { session, body: { receipt, method: 'email' } });
    const paid = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(paid.body).toEqual({ status: 'declined', code: 'credit_exceeded' });
    expect(stack.purchases.at(-1)).toMatchObject({ status: 'declined', code: 'credit_exceeded' });
  });

  it('declines a plan the province cannot use, and lets the shopper pick another', async () => {
    const { session, receipt } = await identify(CAMILLE, newOrder(900));
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    const plans = v.parse(PlansResponseSchema, (await stack.api('plans', { session, body: { receipt } })).body);
    expect(plans.plans.map((p) => p.planId)).not.toContain(6);
    const refused = await stack.api('purchase', { session, body: { receipt, plan: { type: 'promotional', planId: 6, term: 3 }, code: '2222' } });
    expect(refused.body).toEqual({ status: 'declined', code: 'plan_term_not_available' });
    const paid = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(paid.body.status).toBe('approved');
  });

  it('lets the shopper retry a wrong code a limited number of times', async () => {
    const { session, receipt } = await identify(ALEX, newOrder(80));
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    const wrong = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '1111' } });
    expect(wrong.body).toEqual({ status: 'declined', code: 'wrong_verification_code' });
    const right = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(right.body.status).toBe('approved');

    const other = await identify(ALEX, newOrder(81));
    await stack.api('verify', { session: other.session, body: { receipt: other.receipt, method: 'sms' } });
    const codes = [];
    for (let i = 0; i < 4; i++) {
      const r = await stack.api('purchase', { session: other.session, body: { receipt: other.receipt, plan: { type: 'regular' }, code: '1111' } });
      codes.push(r.body.code);
    }
    expect(codes.slice(0, 2)).toEqual(['wrong_verification_code', 'wrong_verification_code']);
    expect(codes.at(-1)).toBe('tries_exceeded');
  });

  it('needs the code from an existing cardholder', async () => {
    const { session, receipt } = await identify(ALEX);
    const response = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' } } });
    expect(response).toMatchObject({ status: 422, body: { code: 'invalid_request', fieldErrors: [{ field: 'code', code: 'required' }] } });
  });
});

describe('one authorization per order', () => {
  it('answers concurrent duplicates with the same single authorization', async () => {
    const { session, order, receipt } = await identify(ALEX, newOrder(120));
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    const body = { receipt, plan: { type: 'regular' }, code: '2222' };
    const responses = await Promise.all(Array.from({ length: 8 }, () => stack.api('purchase', { session, body })));
    const ids = new Set(responses.map((r) => r.body.authorizationId));
    expect(responses.every((r) => r.body.status === 'approved')).toBe(true);
    expect(ids.size).toBe(1);
    expect(stack.sandbox.authorizations({ reference: order.reference })).toHaveLength(1);
    expect(stack.purchases.filter((p) => p.reference === order.reference && p.status === 'approved')).toHaveLength(1);
  });

  it('answers a sequential repeat, and a reload with a new session for the same order, with the first result', async () => {
    const order = newOrder(75.5);
    const { session, receipt } = await identify(ALEX, order);
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    const first = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    const again = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    // A reload mints a new session for the same order; even another plan gets the first answer.
    const reloaded = await stack.session('checkout', order);
    const lookup = await stack.api('lookup', { session: reloaded, body: { cardNumber: ALEX } });
    const third = await stack.api('purchase', {
      session: reloaded,
      body: { receipt: lookup.body.receipt, plan: { type: 'promotional', planId: 4, term: 3 }, code: '2222' },
    });
    expect(first.body.status).toBe('approved');
    expect(again.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(stack.sandbox.authorizations({ reference: order.reference })).toHaveLength(1);
    expect(stack.purchases.filter((p) => p.reference === order.reference)).toHaveLength(1);
  });

  it('finds an authorization another handler instance already made instead of making a second', async () => {
    const order = newOrder(99);
    const { session, receipt } = await identify(ALEX, order);
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    const first = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    // A second instance with the same secret but its own, empty claim store (no shared store).
    const second = anotherInstance(stack);
    const secondPurchases = second.purchases;
    const { session: session2 } = await second.handler.createSession({ flow: 'checkout', ...order });
    const response = await second.call('purchase', { session: session2, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(first.body.status).toBe('approved');
    expect(response.body).toEqual(first.body);
    expect(stack.sandbox.authorizations({ reference: order.reference })).toHaveLength(1);
    // The second instance learned of the payment, so its merchant hook hears of it too.
    expect(secondPurchases).toEqual([expect.objectContaining({ status: 'approved', reference: order.reference })]);
  });
});

describe('the amount comes from the server', () => {
  it('rejects an amount sent by the browser and charges the session amount', async () => {
    const order = newOrder(333.33);
    const { session, receipt } = await identify(ALEX, order);
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    const forged = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222', amount: 1 } });
    expect(forged).toMatchObject({ status: 422, body: { code: 'invalid_request', fieldErrors: [{ field: 'amount', code: 'invalid' }] } });
    const paid = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(paid.body.amount).toBe(333.33);
    expect(stack.sandbox.authorizations({ reference: order.reference })[0]).toMatchObject({ amount: 333.33 });
  });

  it('ignores an amount in the session request', async () => {
    stack.order = newOrder(410);
    const response = await stack.api('session', { body: { flow: 'checkout', amount: 1 } });
    expect(response).toMatchObject({ status: 422, body: { code: 'invalid_request' } });
    const ok = await stack.api('session', { body: { flow: 'checkout' } });
    expect(ok.body).toMatchObject({ amount: 410, currency: 'CAD', flow: 'checkout', mode: 'sandbox', endpoint: '/api/flexiti' });
  });
});
