/**
 * Budgets that protect people: codes sent and wrong codes counted per Flexiti account whatever the
 * session or address, sessions limited per address, nothing spent by a request that fails
 * validation, `429` with `retry-after`, and memory that stays bounded however many keys arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryState, uniformLimits } from '../../src/server/index.js';
import { expectNoLeaks, newOrder, startStack, type Stack } from './stack.js';

const ALEX = '6374980000000001';
const CAMILLE = '6374980000000002';
const MINUTE = 60_000;

let stack: Stack;
beforeAll(async () => {
  const limits = uniformLimits({ max: 1000, windowMs: MINUTE });
  stack = await startStack({
    handler: {
      trustProxy: true,
      limits: {
        ...limits,
        sessions: { perAddress: { max: 30, windowMs: MINUTE } },
        lookups: { perSession: { max: 3, windowMs: MINUTE }, perAddress: { max: 1000, windowMs: MINUTE } },
        codes: { ...limits.codes, perAccount: { max: 3, windowMs: MINUTE } },
        wrongCodes: { perAccount: { max: 2, windowMs: MINUTE }, perSession: { max: 1000, windowMs: MINUTE } },
      },
    },
  });
});
afterAll(async () => {
  await stack.close();
  expectNoLeaks();
});

let addresses = 0;
const from = () => ({ 'x-forwarded-for': `203.0.113.${++addresses}` });

/** A new session from a new address that identified `card`. */
async function cardholder(card: string) {
  const headers = from();
  stack.order = newOrder(40);
  const session = (await stack.api('session', { body: { flow: 'checkout' }, headers })).body.session as string;
  const lookup = await stack.api('lookup', { session, body: { cardNumber: card }, headers });
  expect(lookup.status).toBe(200);
  return { session, receipt: lookup.body.receipt as string, headers };
}

describe('per Flexiti account, whatever the session or the address', () => {
  it('counts wrong codes for the account across sessions and addresses', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const { session, receipt, headers } = await cardholder(ALEX);
      await stack.api('verify', { session, body: { receipt, method: 'sms' }, headers });
      const response = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '1111' }, headers });
      answers.push(response.status === 429 ? 429 : response.body.code);
    }
    expect(answers).toEqual(['wrong_verification_code', 'wrong_verification_code', 429, 429]);
    // Even the right code waits: the budget protects the account, not the attempt.
    const { session, receipt, headers } = await cardholder(ALEX);
    const right = await stack.api('purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' }, headers });
    expect(right).toMatchObject({ status: 429, body: { code: 'rate_limited', retryable: true } });
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(right.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('counts codes sent to the account across sessions and addresses', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const { session, receipt, headers } = await cardholder(CAMILLE);
      statuses.push((await stack.api('verify', { session, body: { receipt, method: 'email' }, headers })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('per session and per address', () => {
  it('spends nothing on a request that fails validation', async () => {
    const headers = from();
    stack.order = newOrder(10);
    const session = (await stack.api('session', { body: { flow: 'checkout' }, headers })).body.session as string;
    for (let i = 0; i < 6; i++) {
      expect((await stack.api('lookup', { session, body: { cardNumber: '12' }, headers })).status).toBe(422);
    }
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await stack.api('lookup', { session, body: { cardNumber: ALEX }, headers })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('limits sessions minted per address, and only that address', async () => {
    const headers = from();
    const statuses = [];
    for (let i = 0; i < 31; i++) {
      stack.order = newOrder(10);
      statuses.push((await stack.api('session', { body: { flow: 'apply' }, headers })).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
    const limited = await stack.api('session', { body: { flow: 'apply' }, headers });
    expect(limited).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await stack.api('session', { body: { flow: 'apply' }, headers: from() })).status).toBe(201);
  });
});

describe('memory', () => {
  it('stays bounded with 150,000 distinct keys: the oldest windows go first', async () => {
    const { counters } = memoryState({ maxKeys: 100_000 });
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 150_000; i++) await counters.hit(`budget:lookups:perAddress:10.${i}`, MINUTE);
    const grownMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    console.log(`150,000 keys into a 100,000-key store: heap +${grownMb.toFixed(1)} MB`);
    expect(grownMb).toBeLessThan(120);
    expect((await counters.hit('budget:lookups:perAddress:10.0', MINUTE, 0)).count).toBe(0);
    expect((await counters.hit('budget:lookups:perAddress:10.149999', MINUTE, 0)).count).toBe(1);
  });

  it('forgets a window once it ends', async () => {
    let now = 1_000_000;
    const { counters } = memoryState({ now: () => now });
    expect((await counters.hit('k', 1000)).count).toBe(1);
    expect((await counters.hit('k', 1000)).count).toBe(2);
    now += 1000;
    expect(await counters.hit('k', 1000, 0)).toEqual({ count: 0, resetMs: 0 });
    expect(await counters.hit('k', 1000)).toEqual({ count: 1, resetMs: 1000 });
  });
});
