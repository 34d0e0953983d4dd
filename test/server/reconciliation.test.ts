/**
 * One authorization per order when the handler cannot rely on what it remembers: a restart of an
 * in-memory handler, an answer lost on the way back, many pages of other orders, and an
 * application that opened an account without its answer arriving. Each runs against the sandbox
 * filtering `GET authorizations` by `reference` and ignoring it, as the real API may.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createFlexitiHandler, memoryState, uniformLimits, type FlexitiHandlerConfig } from '../../src/server/index.js';
import { application } from '../schemas/fixtures.js';
import { SESSION_SECRET, anotherInstance, expectNoLeaks, newOrder, startStack, type CallInit, type Stack } from './stack.js';

const ALEX = '6374980000000001';
const CAMILLE = '6374980000000002';
const generous = uniformLimits({ max: 10_000, windowMs: 60_000 });

const stacks: Stack[] = [];
afterAll(async () => {
  await Promise.all(stacks.map((stack) => stack.close()));
  expectNoLeaks();
});

async function stackFor(ignoreReferenceFilter: boolean, handler: Partial<FlexitiHandlerConfig> = {}) {
  const stack = await startStack({ sandbox: { ignoreReferenceFilter }, handler: { limits: generous, ...handler } });
  stacks.push(stack);
  return stack;
}

/** Another handler process against the same sandbox, with budgets out of the way. */
const instance = (stack: Stack, config: Partial<FlexitiHandlerConfig> = {}) => anotherInstance(stack, { limits: generous, ...config });

type Caller = (path: string, init?: CallInit) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** lookup → verify → purchase with the code, through any handler. */
async function pay(api: Caller, session: string, card: string, plan: unknown = { type: 'regular' }) {
  const lookup = await api('lookup', { session, body: { cardNumber: card } });
  expect(lookup.body.status).toBe('eligible');
  const receipt = lookup.body.receipt as string;
  expect((await api('verify', { session, body: { receipt, method: 'sms' } })).body.status).toBe('sent');
  return api('purchase', { session, body: { receipt, plan, code: '2222' } });
}

const flexitiCalls = (stack: Stack, route: string) => stack.sandbox.stats.byRoute[route] ?? 0;
const SEARCH = 'GET authorizations';
const AUTHORIZE = 'POST authorization';

describe.each([false, true])('sandbox ignoring the reference filter: %s', (ignoreReferenceFilter) => {
  it('a restarted in-memory handler pays an order a second account tries again with the first authorization', async () => {
    const stack = await stackFor(ignoreReferenceFilter);
    const order = newOrder(420);
    const before = instance(stack, { state: memoryState() });
    const { session } = await before.handler.createSession({ flow: 'checkout', ...order });
    const first = await pay(before.call, session, ALEX);
    expect(first.body.status).toBe('approved');

    // The process restarts: nothing it remembered survives. The shopper reloads, uses another card.
    const after = instance(stack, { state: memoryState() });
    const reloaded = await after.handler.createSession({ flow: 'checkout', ...order });
    const second = await pay(after.call, reloaded.session, CAMILLE);

    expect(second.body).toEqual(first.body);
    expect(stack.sandbox.authorizations({ reference: order.reference })).toHaveLength(1);
    expect(before.purchases.filter((p) => p.status === 'approved')).toHaveLength(1);
    // The restarted process learns of the payment (with the account that made it) and says so once.
    expect(after.purchases).toEqual([
      expect.objectContaining({ status: 'approved', authorizationId: first.body.authorizationId, accountNumber: '20000001' }),
    ]);
  });

  it('finds the order on a later page of many authorizations, and refuses to guess past the last page it may read', async () => {
    const stack = await stackFor(ignoreReferenceFilter);
    // 60 other orders paid today, then this one: it is on the last page.
    const seller = instance(stack);
    for (let i = 0; i < 60; i++) {
      const other = await seller.handler.createSession({ flow: 'checkout', ...newOrder(1) });
      expect((await pay(seller.call, other.session, ALEX)).body.status).toBe('approved');
    }
    const order = newOrder(77);
    const { session } = await seller.handler.createSession({ flow: 'checkout', ...order });
    const first = await pay(seller.call, session, ALEX);
    expect(first.body.status).toBe('approved');

    const paged = instance(stack, { state: memoryState(), reconciliation: { pageSize: 10 } });
    const searchesBefore = flexitiCalls(stack, SEARCH);
    const again = await paged.handler.createSession({ flow: 'checkout', ...order });
    expect((await pay(paged.call, again.session, CAMILLE)).body).toEqual(first.body);
    if (ignoreReferenceFilter) expect(flexitiCalls(stack, SEARCH) - searchesBefore).toBeGreaterThanOrEqual(6);

    const short = instance(stack, { state: memoryState(), reconciliation: { pageSize: 10, maxPages: 2 } });
    const fresh = newOrder(12);
    const authorizationsBefore = flexitiCalls(stack, AUTHORIZE);
    const refused = await pay(short.call, (await short.handler.createSession({ flow: 'checkout', ...fresh })).session, CAMILLE);
    expect(refused).toMatchObject({ status: 503, body: { code: 'reconciliation_incomplete', retryable: true } });
    expect(flexitiCalls(stack, AUTHORIZE)).toBe(authorizationsBefore);
    expect(stack.sandbox.authorizations({ reference: fresh.reference })).toHaveLength(0);
  });
});

describe('how many Flexiti round trips a purchase takes', () => {
  it('in memory, searches once per order, then trusts what it learned until an answer is lost', async () => {
    const stack = await stackFor(true);
    const order = newOrder(60);
    const session = await stack.session('checkout', order);
    const lookup = await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    const receipt = lookup.body.receipt;
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    const searches = flexitiCalls(stack, SEARCH);
    const wrong = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '1111' } });
    expect(wrong.body).toEqual({ status: 'declined', code: 'wrong_verification_code' });
    expect(flexitiCalls(stack, SEARCH) - searches).toBe(1);
    const right = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(right.body.status).toBe('approved');
    // A decline is a certain answer: the second attempt did not search again.
    expect(flexitiCalls(stack, SEARCH) - searches).toBe(1);
  });

  it('with a shared state that proves the order was never attempted: one call, and a search only after a lost answer', async () => {
    // Process memory standing in for a store every instance shares (Redis is tested in test/redis).
    const stack = await stackFor(true, { state: { ...memoryState(), shared: true } });
    const order = newOrder(61);
    const session = await stack.session('checkout', order);
    const lookup = await stack.api('lookup', { session, body: { cardNumber: ALEX } });
    const receipt = lookup.body.receipt;
    await stack.api('verify', { session, body: { receipt, method: 'sms' } });
    const [searches, authorizations] = [flexitiCalls(stack, SEARCH), flexitiCalls(stack, AUTHORIZE)];
    const paid = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(paid.body.status).toBe('approved');
    expect(flexitiCalls(stack, SEARCH) - searches).toBe(0);
    expect(flexitiCalls(stack, AUTHORIZE) - authorizations).toBe(1);

    // The answer to an authorization is lost: the retry searches first and finds it.
    const lost = newOrder(62);
    const s2 = await stack.session('checkout', lost);
    const l2 = await stack.api('lookup', { session: s2, body: { cardNumber: ALEX } });
    await stack.api('verify', { session: s2, body: { receipt: l2.body.receipt, method: 'sms' } });
    stack.sandbox.setFaults({ dropResponseNext: 1, match: /\/authorization$/ });
    const answer = await stack.api('purchase', { session: s2, body: { receipt: l2.body.receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(answer.body.status).toBe('approved');
    expect(stack.sandbox.authorizations({ reference: lost.reference })).toHaveLength(1);
    expect(stack.purchases.filter((p) => p.reference === lost.reference && p.status === 'approved')).toHaveLength(1);
  });
});

describe('an application whose answer was lost', () => {
  it('finds the account it opened: the retry gets the approval and its receipt, the merchant hears once', async () => {
    const stack = await stackFor(false);
    const session = await stack.session('apply');
    const applicant = application({ amountRequested: 900 });
    stack.sandbox.setFaults({ dropResponseNext: 1, match: /\/apply$/ });
    const lost = await stack.apply(session, applicant);
    expect(lost).toMatchObject({ status: 503, body: { retryable: true } });
    const retry = await stack.apply(session, applicant);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ status: 'approved', creditLimit: 900, province: 'ON' });
    expect(retry.body.receipt).toEqual(expect.any(String));
    const again = await stack.apply(session, applicant);
    expect(again.body).toEqual(retry.body);
    const approvals = stack.applications.filter((a) => a.sessionId && a.status === 'approved' && a.creditLimit === 900);
    expect(approvals).toHaveLength(1);
    expect(stack.sandbox.stats.byRoute['POST apply']).toBeGreaterThanOrEqual(1);
  });

  it('the answer lost in checkout: the new account pays the order with its receipt', async () => {
    const stack = await stackFor(false);
    const order = newOrder(300);
    const session = await stack.session('checkout', order);
    const applicant = application({ amountRequested: 300 });
    stack.sandbox.setFaults({ dropResponseNext: 1, match: /\/apply$/ });
    expect((await stack.apply(session, applicant)).status).toBe(503);
    const approved = await stack.apply(session, applicant);
    expect(approved.body.status).toBe('approved');
    const paid = await stack.api('purchase', { session, body: { receipt: approved.body.receipt, plan: { type: 'regular' } } });
    expect(paid.body).toMatchObject({ status: 'approved', amount: 300 });
  });

  it('never hands an existing customer’s account to an application that did not open it', async () => {
    const stack = await stackFor(false);
    const applicant = application({ amountRequested: 500 });
    const first = await stack.apply(await stack.session('apply'), applicant);
    expect(first.body.status).toBe('approved');
    // Another session, same person: no lost answer of its own, so Flexiti's answer stands.
    const second = await stack.apply(await stack.session('apply'), applicant);
    expect(second.body).toMatchObject({ status: 'exists', code: 'customer_already_exists' });
    expect(second.body.receipt).toBeUndefined();
  });
});

describe('live mode', () => {
  const live = {
    apiBase: 'https://posapi.flexiti.fi/flexiti/pos-api',
    clientId: 'id',
    clientSecret: 'secret',
    sessionSecret: SESSION_SECRET,
    logger: false as const,
  };

  it('refuses to start on in-memory state and says why and what to do', () => {
    expect(() => createFlexitiHandler(live)).toThrow(/live mode with in-memory state[\s\S]*authorize one order twice[\s\S]*createRedisState[\s\S]*singleInstance: true/);
  });

  it('starts when the merchant says it is a single instance, or with a shared state', () => {
    expect(() => createFlexitiHandler({ ...live, singleInstance: true })).not.toThrow();
    expect(() => createFlexitiHandler({ ...live, state: { ...memoryState(), shared: true } })).not.toThrow();
  });
});
