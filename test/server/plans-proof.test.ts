/**
 * What a card number alone reveals: `POST plans` answers a cardholder only once a code was sent
 * to the account's holder in this checkout, and within its own budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniformLimits } from '../../src/server/index.js';
import { expectNoLeaks, newOrder, startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    handler: { limits: { ...uniformLimits({ max: 1000, windowMs: 60_000 }), plans: { perSession: { max: 3, windowMs: 60_000 } } } },
  });
});
afterAll(async () => {
  await stack.close();
  expectNoLeaks();
});

async function identified(card = '6374980000000001') {
  const session = await stack.session('checkout', newOrder(500));
  const receipt = (await stack.api('lookup', { session, body: { cardNumber: card } })).body.receipt as string;
  return { session, receipt };
}

describe('POST plans for a cardholder', () => {
  it('needs a code sent to the holder first, and tells Flexiti nothing before', async () => {
    const { session, receipt } = await identified();
    const calls = stack.sandbox.stats.byRoute['POST accounts/{account_number}/calculate-interest'] ?? 0;
    const early = await stack.api('plans', { session, body: { receipt } });
    expect(early).toMatchObject({ status: 409, body: { code: 'code_required', retryable: false } });
    expect(stack.sandbox.stats.byRoute['POST accounts/{account_number}/calculate-interest'] ?? 0).toBe(calls);
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    const plans = await stack.api('plans', { session, body: { receipt } });
    expect(plans.status).toBe(200);
    expect(plans.body.plans.length).toBeGreaterThan(0);
  });

  it('does not let a code sent in one checkout open the plans in another', async () => {
    const first = await identified('6374980000000002');
    await stack.api('verify', { session: first.session, body: { receipt: first.receipt, method: 'sms' } });
    const second = await identified('6374980000000002');
    expect((await stack.api('plans', { session: second.session, body: { receipt: second.receipt } })).body.code).toBe('code_required');
  });

  it('counts plans per session', async () => {
    const { session, receipt } = await identified();
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await stack.api('plans', { session, body: { receipt } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
