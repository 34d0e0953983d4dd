/**
 * Every error Flexiti documents for `POST authorization` (../shared/flexiti-pos-api.md §11.2) has
 * a place: a decline the shopper can act on, or a specific error. None is a generic
 * `502 flexiti_error`, and none leaves an authorization behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniformLimits } from '../../src/server/index.js';
import { expectNoLeaks, newOrder, startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ handler: { limits: uniformLimits({ max: 1000, windowMs: 60_000 }) } });
});
afterAll(async () => {
  await stack.close();
  expectNoLeaks();
});

const DOCUMENTED: Array<[status: 404 | 409, error: string, expected: { status: number; body: Record<string, unknown> }]> = [
  [404, 'not_found', { status: 200, body: { status: 'declined', code: 'user_not_able_to_purchase' } }],
  [404, 'customer_identity_not_found', { status: 200, body: { status: 'declined', code: 'not_verified' } }],
  [409, 'invalid_role', { status: 500, body: { code: 'configuration_error' } }],
  [409, 'credit_exceeded', { status: 200, body: { status: 'declined', code: 'credit_exceeded' } }],
  [409, 'not_permitted', { status: 500, body: { code: 'configuration_error' } }],
  [409, 'general_error', { status: 503, body: { code: 'flexiti_unavailable', retryable: true } }],
  [409, 'auth_not_allowed', { status: 500, body: { code: 'configuration_error' } }],
  [409, 'plan_term_not_set', { status: 200, body: { status: 'declined', code: 'plan_term_not_available' } }],
  [409, 'plan_term_not_available', { status: 200, body: { status: 'declined', code: 'plan_term_not_available' } }],
  [409, 'user_not_able_to_purchase', { status: 200, body: { status: 'declined', code: 'user_not_able_to_purchase' } }],
  [409, 'not_verified', { status: 200, body: { status: 'declined', code: 'not_verified' } }],
  [409, 'external_location_id_not_found', { status: 500, body: { code: 'configuration_error' } }],
  [409, 'account_type_not_permitted', { status: 200, body: { status: 'declined', code: 'user_not_able_to_purchase' } }],
  [409, 'vcc_account_mismatch', { status: 200, body: { status: 'declined', code: 'user_not_able_to_purchase' } }],
  [409, 'wrong_inputs', { status: 502, body: { code: 'flexiti_rejected_request' } }],
  // Also seen from authorization: the code checks.
  [409, 'wrong_verification_code', { status: 200, body: { status: 'declined', code: 'wrong_verification_code' } }],
  [409, 'tries_exceed', { status: 200, body: { status: 'declined', code: 'tries_exceeded' } }],
  [409, 'user_not_active', { status: 200, body: { status: 'declined', code: 'user_not_able_to_purchase' } }],
];

describe('POST purchase when Flexiti refuses the authorization', () => {
  it.each(DOCUMENTED)('%i %s has its own answer', async (status, error, expected) => {
    const order = newOrder(60);
    const session = await stack.session('checkout', order);
    const receipt = (await stack.api('lookup', { session, body: { cardNumber: '6374980000000001' } })).body.receipt;
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    stack.sandbox.setFaults({ answerNext: { status, error }, match: /\/authorization$/ });
    const response = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    stack.sandbox.setFaults({});
    expect(response).toMatchObject(expected);
    expect(response.body.code).not.toBe('flexiti_error');
    expect(stack.sandbox.authorizations({ reference: order.reference })).toHaveLength(0);
  });
});
