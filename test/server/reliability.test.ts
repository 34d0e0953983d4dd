import { afterEach, describe, expect, it } from 'vitest';
import { expectNoLeaks, newOrder, startStack, type Stack } from './stack.js';
import { uniformLimits } from '../../src/server/index.js';
import { afterAll } from 'vitest';

const ALEX = '6374980000000001';
const open: Stack[] = [];
async function stackWith(...args: Parameters<typeof startStack>) {
  const stack = await startStack(...args);
  open.push(stack);
  return stack;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(() => expectNoLeaks());


describe('token manager', () => {
  it('asks for one token for 200 concurrent requests on a cold handler', async () => {
    const stack = await stackWith({ handler: { limits: uniformLimits({ max: 1000, windowMs: 60_000 }) } });
    // Sessions are signed locally: minting them needs no Flexiti token.
    const session = await stack.session('checkout');
    expect(stack.sandbox.stats.tokenRequests).toBe(0);
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => stack.api('lookup', { session, body: { cardNumber: ALEX } })),
    );
    expect(responses.filter((r) => r.status === 200 && r.body.status === 'eligible')).toHaveLength(200);
    expect(stack.sandbox.stats.byRoute['GET customers/lookup']).toBe(200);
    expect(stack.sandbox.stats.tokenRequests).toBe(1);
  });

  it('refreshes the token shortly before it expires, with the refresh grant', async () => {
    let clock = Date.parse('2026-11-24T12:00:00Z');
    const now = () => clock;
    const stack = await stackWith({ handler: { now }, sandbox: { now } });
    const session = await stack.session('checkout');
    await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    expect(stack.sandbox.stats.tokenRequests).toBe(1);
    clock += 1150_000; // 50 s before the 1200 s lifetime ends
    const response = await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    expect(response.body.status).toBe('eligible');
    expect(stack.sandbox.stats.tokenRequests).toBe(2);
    expect(stack.logs.filter((l) => l.event === 'flexiti_token_rejected')).toEqual([]);
    expect(stack.logs.filter((l) => l.event === 'token_refresh_rejected')).toEqual([]);
  });

  it.each([
    [30, 14_000, 1],
    [30, 16_000, 2],
    [1200, 1_139_000, 1],
    [1200, 1_141_000, 2],
  ])('renews a %i s token no earlier than half its lifetime or 60 s before it ends (%i ms later: %i token requests)', async (ttl, later, requests) => {
    let clock = Date.parse('2026-11-24T12:00:00Z');
    const now = () => clock;
    const stack = await stackWith({ handler: { now }, sandbox: { now, tokenTtlSeconds: ttl } });
    const session = await stack.session('checkout');
    for (let i = 0; i < 5; i++) await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    clock += later;
    for (let i = 0; i < 5; i++) expect((await stack.api('lookup', { session, body: { cardNumber: ALEX } })).body.status).toBe('eligible');
    expect(stack.sandbox.stats.tokenRequests).toBe(requests);
  });

  it('recovers transparently when the token expires mid-flow', async () => {
    let clock = Date.parse('2026-11-24T12:00:00Z');
    // Only Flexiti's clock moves: the handler still believes its token is fresh.
    const stack = await stackWith({ sandbox: { now: () => clock, tokenTtlSeconds: 300 } });
    const order = newOrder(150);
    const session = await stack.session('checkout', order);
    const lookup = await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    const receipt = lookup.body.receipt;
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    clock += 301_000; // the code sent by verify is still valid, the token is not
    const paid = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(paid.body.status).toBe('approved');
    expect(stack.logs.filter((l) => l.event === 'flexiti_token_rejected')).toHaveLength(1);
    expect(stack.sandbox.stats.tokenRequests).toBe(2);
    expect(stack.sandbox.authorizations({ reference: order.reference })).toHaveLength(1);
  });

  it('recovers when Flexiti revokes the token', async () => {
    const stack = await stackWith();
    const session = await stack.session('checkout');
    await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    stack.sandbox.revokeTokens();
    const response = await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    expect(response.body.status).toBe('eligible');
  });
});

describe('Flexiti failures', () => {
  it('retries a 5xx burst a bounded number of times, then answers a clear retryable error', async () => {
    const stack = await stackWith();
    const session = await stack.session('checkout');
    await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    const before = stack.sandbox.stats.byRoute['GET customers/lookup'] ?? 0;
    stack.sandbox.setFaults({ failNext: 10, match: /customers\/lookup/ });
    const failed = await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    expect(failed).toMatchObject({ status: 503, body: { code: 'flexiti_unavailable', retryable: true } });
    expect((stack.sandbox.stats.byRoute['GET customers/lookup'] ?? 0) - before).toBe(3);

    stack.sandbox.setFaults({ failNext: 2, match: /customers\/lookup/ });
    const recovered = await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    expect(recovered.body.status).toBe('eligible');
  });

  it('does not retry business answers', async () => {
    const stack = await stackWith();
    const session = await stack.session('checkout');
    await stack.api('lookup', { session, body: { cardNumber: '6374980000000003' } });
    expect(stack.sandbox.stats.byRoute['GET customers/lookup']).toBe(1);
  });

  it('times out a slow Flexiti and says so', async () => {
    const stack = await stackWith({ handler: { timeoutMs: 150 } });
    const session = await stack.session('checkout');
    await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    stack.sandbox.setFaults({ latencyMs: 400, match: /customers\/lookup/ });
    const response = await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    expect(response).toMatchObject({ status: 503, body: { code: 'flexiti_unavailable', retryable: true } });
  });

  it('makes one authorization when the connection drops during the purchase: the order waits, then pays', async () => {
    let clock = Date.now();
    const stack = await stackWith({ handler: { now: () => clock } });
    const order = newOrder(210);
    const session = await stack.session('checkout', order);
    const receipt = (await stack.api('lookup', { session, body: { cardNumber: ALEX } })).body.receipt;
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    stack.sandbox.setFaults({ dropNext: 1, match: /\/authorization$/ });
    const body = { receipt, plan: { type: 'regular' }, code: '2222' };
    // The request may still reach Flexiti: nothing is sent again for this order until it would have.
    const dropped = await stack.api('purchase', { session, body });
    expect(dropped).toMatchObject({ status: 503, body: { code: 'flexiti_unavailable', retryable: true } });
    const early = await stack.api('purchase', { session, body });
    expect(early).toMatchObject({ status: 409, body: { code: 'purchase_in_progress', retryable: true } });
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(stack.sandbox.stats.byRoute['POST authorization']).toBe(1); // the dropped one, never processed
    clock += 21_000;
    const paid = await stack.api('purchase', { session, body });
    expect(paid.body.status).toBe('approved');
    expect(stack.sandbox.authorizations({ reference: order.reference })).toHaveLength(1);
  });

  it('makes one authorization when Flexiti authorizes but the answer is lost', async () => {
    const stack = await stackWith();
    const order = newOrder(215);
    const session = await stack.session('checkout', order);
    const receipt = (await stack.api('lookup', { session, body: { cardNumber: ALEX } })).body.receipt;
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    stack.sandbox.setFaults({ dropResponseNext: 1, match: /\/authorization$/ });
    const paid = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(paid.body).toMatchObject({ status: 'approved', amount: 215 });
    expect(stack.sandbox.authorizations({ reference: order.reference })).toHaveLength(1);
    expect(stack.sandbox.stats.byRoute['POST authorization']).toBe(1);
    expect(stack.purchases).toEqual([expect.objectContaining({ status: 'approved', reference: order.reference })]);
  });
});
