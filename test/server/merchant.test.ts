/**
 * The merchant API after the sale, against the sandbox over HTTP: whole lifecycles, refusals
 * before Flexiti, and every money-moving operation exactly once per operation key — concurrent
 * repeats, lost answers, and two instances sharing a real Redis.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniformLimits, type FlexitiHandlerConfig, type FlexitiMerchant } from '../../src/server/index.js';
import { createRedisState } from '../../src/server/redis.js';
import { startRedisServer, type RedisServer } from '../redis/redis-server.js';
import { anotherInstance, expectNoLeaks, startStack, type Stack } from './stack.js';

const ALEX_ACCOUNT = 20000001;

let stack: Stack;
let merchant: FlexitiMerchant;
/** Added to the handler's clock (the return window, the doubt window). */
let clockOffset = 0;
/** Network faults between the handler and the sandbox, decided per request. */
let network: (url: string, method: string) => 'pass' | 'lose-answer' | 'refuse' = () => 'pass';

const faultyFetch: typeof fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const fault = network(url, init?.method ?? 'GET');
  if (fault === 'refuse') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
  const response = await fetch(input, init);
  if (fault === 'lose-answer') {
    await response.arrayBuffer();
    throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
  }
  return response;
};

const handlerConfig: Partial<FlexitiHandlerConfig> = {
  autoCapture: false,
  limits: uniformLimits({ max: 10_000, windowMs: 60_000 }),
  now: () => Date.now() + clockOffset,
  fetch: faultyFetch,
  retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
  timeoutMs: 2_000,
};

beforeAll(async () => {
  stack = await startStack({ handler: handlerConfig });
  merchant = stack.handler.merchant;
});
afterAll(async () => {
  await stack.close();
  expectNoLeaks();
});

const credit = () => stack.sandbox.account(ALEX_ACCOUNT)!.available_credit;
const calls = (route: string) => stack.sandbox.stats.byRoute[route] ?? 0;
let keys = 0;
const key = (what: string) => `${what}-${process.pid}-${++keys}`;

/** Alex pays an order of `amount`; answers the authorization id. */
const pay = async (amount: number, kind: 'promotional' | 'regular' = 'promotional') => (await stack.pay(amount, kind)).authorizationId;

describe('a whole order after the sale', () => {
  it('captures in two parts, returns part of each, releases the rest, with credit moving', async () => {
    const start = credit();
    const id = await pay(400);
    expect(stack.purchases.at(-1)).toMatchObject({ authorizationId: id, remainingAmount: 400 });
    expect(stack.purchases.at(-1)).not.toHaveProperty('captureId');
    expect(credit()).toBe(start - 400);
    expect(await merchant.authorization(id)).toMatchObject({ state: 'authorized', status: 'opened', remainingAmount: 400, capturedAmount: 0 });

    const first = await merchant.capture(id, { amount: 150.1, operationKey: key('cap') });
    expect(first).toMatchObject({ operation: 'capture', authorizationId: id, amount: 150.1, remainingAmount: 249.9 });
    const second = await merchant.capture(id, { amount: 99.95, operationKey: key('cap') });
    expect(second.remainingAmount).toBe(149.95);
    expect((await merchant.authorization(id)).state).toBe('partly_captured');
    expect(credit()).toBe(start - 400);

    const r1 = await merchant.return(id, first.captureId, { amount: 50.05, operationKey: key('ret') });
    expect(r1).toMatchObject({ operation: 'return', captureId: first.captureId, amount: 50.05, remainingCaptureAmount: 100.05 });
    const r2 = await merchant.return(id, second.captureId, { amount: 0.95, operationKey: key('ret') });
    expect(r2.remainingCaptureAmount).toBe(99);
    expect(credit()).toBe(start - 400 + 51);

    const released = await merchant.release(id, { operationKey: key('rel') });
    expect(released).toMatchObject({ operation: 'release', amount: 149.95, remainingAmount: 0 });
    expect(credit()).toBe(start - 400 + 51 + 149.95);

    const after = await merchant.authorization(id);
    expect(after).toMatchObject({
      status: 'closed',
      state: 'partly_returned',
      amount: 400,
      remainingAmount: 0,
      capturedAmount: 250.05,
      releasedAmount: 149.95,
      returnedAmount: 51,
      refundedAmount: 0,
    });
    expect(after.captures.map((c) => [c.captureId, c.amount, c.remainingAmount, c.returns.map((r) => r.amount)])).toEqual([
      [first.captureId, 150.1, 100.05, [50.05]],
      [second.captureId, 99.95, 99, [0.95]],
    ]);
    // Returning what is left of both: the order is returned in full.
    await merchant.return(id, first.captureId, { operationKey: key('ret') });
    await merchant.return(id, second.captureId, { operationKey: key('ret') });
    expect((await merchant.authorization(id)).state).toBe('returned');
    expect(credit()).toBe(start);
  });

  it('refunds a regular purchase against its capture, and refuses to return it', async () => {
    const start = credit();
    const id = await pay(120, 'regular');
    const { captureId } = await merchant.capture(id, { operationKey: key('cap') });
    expect((await merchant.authorization(id)).state).toBe('captured');
    const before = calls('POST authorization/{authorization_id}/capture/{capture_id}/return');
    await expect(merchant.return(id, captureId, { amount: 10, operationKey: key('ret') })).rejects.toMatchObject({ code: 'wrong_transaction_type' });
    expect(calls('POST authorization/{authorization_id}/capture/{capture_id}/return')).toBe(before);
    const refund = await merchant.refund(id, captureId, { amount: 20, operationKey: key('ref') });
    expect(refund).toMatchObject({ operation: 'refund', captureId, amount: 20, remainingCaptureAmount: 100 });
    expect(credit()).toBe(start - 100);
    expect(await merchant.authorization(id)).toMatchObject({ refundedAmount: 20, state: 'partly_returned' });
    await merchant.refund(id, captureId, { operationKey: key('ref') });
    expect(await merchant.authorization(id)).toMatchObject({ refundedAmount: 120, state: 'returned' });
    expect(credit()).toBe(start);
  });

  it('answers a release of everything as released, and lists the day', async () => {
    const id = await pay(60);
    await merchant.release(id, { operationKey: key('rel') });
    expect((await merchant.authorization(id)).state).toBe('released');
    const today = new Date().toISOString().slice(0, 10);
    const listed: string[] = [];
    for await (const a of merchant.authorizations({ from: today, to: today, pageSize: 2 })) listed.push(a.authorizationId);
    expect(listed).toContain(id);
    expect(new Set(listed).size).toBe(listed.length);
    const other = await pay(30);
    const parts = [await merchant.capture(other, { amount: 10, operationKey: key('cap') }), await merchant.capture(other, { amount: 20, operationKey: key('cap') })];
    const captured: Array<[string, string, number]> = [];
    for await (const c of merchant.captures({ from: today, to: today, pageSize: 1 })) captured.push([c.captureId, c.authorizationId, c.amount]);
    expect(captured).toEqual(expect.arrayContaining(parts.map((p) => [p.captureId, other, p.amount])));
    expect(new Set(captured.map(([captureId]) => captureId)).size).toBe(captured.length);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for await (const c of merchant.captures({ from: tomorrow })) throw new Error(`a capture of tomorrow: ${c.captureId}`);
  });
});

describe('refused before Flexiti is called', () => {
  it('over-capture, over-release, over-return, over-refund, closed, unknown capture, bad amounts and keys', async () => {
    const id = await pay(80);
    const routes = () =>
      Object.entries(stack.sandbox.stats.byRoute)
        .filter(([route]) => /\/(capture|release|return|refund)$/.test(route))
        .reduce((n, [, count]) => n + count, 0);
    const before = routes();
    await expect(merchant.capture(id, { amount: 80.01, operationKey: key('x') })).rejects.toMatchObject({ code: 'amount_exceeds_remaining' });
    await expect(merchant.release(id, { amount: 81, operationKey: key('x') })).rejects.toMatchObject({ code: 'amount_exceeds_remaining' });
    await expect(merchant.capture(id, { amount: 0, operationKey: key('x') })).rejects.toMatchObject({ code: 'invalid_amount' });
    await expect(merchant.capture(id, { amount: 1.001, operationKey: key('x') })).rejects.toMatchObject({ code: 'invalid_amount' });
    await expect(merchant.capture(id, { amount: 1, operationKey: '' })).rejects.toMatchObject({ code: 'invalid_operation_key' });
    await expect(merchant.capture(id, { amount: 1, operationKey: 'k\u0000' })).rejects.toMatchObject({ code: 'invalid_operation_key' });
    await expect(merchant.capture('12x', { operationKey: key('x') })).rejects.toMatchObject({ code: 'invalid_id' });
    await expect(merchant.return(id, '999999999', { operationKey: key('x') })).rejects.toMatchObject({ code: 'capture_not_found' });
    expect(routes()).toBe(before);

    const { captureId } = await merchant.capture(id, { amount: 30, operationKey: key('cap') });
    await merchant.release(id, { operationKey: key('rel') });
    const closed = routes();
    await expect(merchant.capture(id, { amount: 1, operationKey: key('x') })).rejects.toMatchObject({ code: 'authorization_closed' });
    await expect(merchant.return(id, captureId, { amount: 30.01, operationKey: key('x') })).rejects.toMatchObject({ code: 'amount_exceeds_captured' });
    await expect(merchant.refund(id, captureId, { amount: 31, operationKey: key('x') })).rejects.toMatchObject({ code: 'amount_exceeds_captured' });
    expect(routes()).toBe(closed);
    await expect(merchant.authorization('1999999999999999')).rejects.toMatchObject({ code: 'authorization_not_found' });
  });

  it('refuses a return after 100 days, before Flexiti', async () => {
    const id = await pay(40);
    const { captureId } = await merchant.capture(id, { operationKey: key('cap') });
    clockOffset = 101 * 24 * 3600_000;
    try {
      await expect(merchant.return(id, captureId, { amount: 1, operationKey: key('ret') })).rejects.toMatchObject({ code: 'return_window_passed' });
    } finally {
      clockOffset = 0;
    }
    await merchant.return(id, captureId, { operationKey: key('ret') });
  });

  it('maps what only Flexiti knows to the specific error', async () => {
    const id = await pay(30);
    for (const [error, code] of [
      ['not_permitted', 'not_permitted'],
      ['invalid_role', 'not_permitted'],
      ['authorization_ended', 'authorization_closed'],
      ['generic_error', 'generic_error'],
    ] as const) {
      stack.sandbox.setFaults({ answerNext: { status: 409, error }, match: /\/capture$/ });
      await expect(merchant.capture(id, { amount: 1, operationKey: key('x') })).rejects.toMatchObject({ code });
    }
    stack.sandbox.setFaults({});
    // Nothing moved: all of it is still there to capture.
    expect((await merchant.authorization(id)).remainingAmount).toBe(30);
  });
});

describe('every documented refusal of these endpoints has its answer, and nothing moves', () => {
  const SPECIFIC: Record<string, string> = {
    not_found: 'authorization_not_found',
    authorization_ended: 'authorization_closed',
    auth_amount_exceeded: 'amount_exceeds_remaining',
    capture_amount_exceeded: 'amount_exceeds_captured',
    refunds_limit_exceeded_amount: 'refund_exceeds_balance',
    return_date_exceeded: 'return_window_passed',
    wrong_transaction_type: 'wrong_transaction_type',
    not_permitted: 'not_permitted',
    invalid_role: 'not_permitted',
  };
  // §11.3–11.6 of the API reference, per operation.
  const DOCUMENTED = {
    capture: [[404, 'not_found'], [409, 'generic_error'], [409, 'authorization_ended'], [409, 'auth_amount_exceeded'], [409, 'not_permitted']],
    release: [[404, 'not_found'], [409, 'generic_error'], [409, 'authorization_ended'], [409, 'auth_amount_exceeded'], [409, 'not_permitted']],
    return: [
      [403, 'forbidden'], [404, 'not_found'], [409, 'invalid_role'], [409, 'general_error'], [409, 'capture_amount_exceeded'],
      [409, 'return_date_exceeded'], [409, 'wrong_transaction_type'], [409, 'not_permitted'], [409, 'external_location_id_not_found'],
      [409, 'account_type_not_permitted'], [409, 'vcc_account_mismatch'],
    ],
    refund: [
      [403, 'forbidden'], [404, 'not_found'], [409, 'invalid_role'], [409, 'general_error'], [409, 'refunds_limit_exceeded_amount'],
      [409, 'external_location_id_not_found'], [409, 'account_type_not_permitted'], [409, 'vcc_account_mismatch'],
    ],
  } as const;
  const PATHS = { capture: /\/capture$/, release: /\/release$/, return: /\/return$/, refund: /\/refund$/ };

  type Op = keyof typeof DOCUMENTED;
  it.each((Object.entries(DOCUMENTED) as Array<[Op, ReadonlyArray<readonly [number, string]>]>).flatMap(([op, list]) => list.map(([status, error]) => [op, status, error] as const)))(
    '%s: %i %s',
    async (op, status, error) => {
      const id = await pay(20);
      const { captureId } = await merchant.capture(id, { amount: 10, operationKey: key('cap') });
      const before = JSON.stringify(await merchant.authorization(id));
      stack.sandbox.setFaults({ answerNext: { status, error }, match: PATHS[op] });
      const input = { amount: 1, operationKey: key(op) };
      const attempt =
        op === 'capture' ? merchant.capture(id, input) : op === 'release' ? merchant.release(id, input) : op === 'return' ? merchant.return(id, captureId, input) : merchant.refund(id, captureId, input);
      const expected = status === 403 ? 'not_permitted' : error === 'not_found' && (op === 'return' || op === 'refund') ? 'capture_not_found' : (SPECIFIC[error] ?? error);
      await expect(attempt).rejects.toMatchObject({ code: expected, retryable: false });
      stack.sandbox.setFaults({});
      expect(JSON.stringify(await merchant.authorization(id))).toBe(before);
    },
  );
});

describe('exactly once per operation key', () => {
  it('10 concurrent identical captures, returns and refunds move money once each', async () => {
    const id = await pay(300);
    const captureKey = key('cap');
    const captures = await Promise.all(Array.from({ length: 10 }, () => merchant.capture(id, { amount: 100, operationKey: captureKey })));
    expect(new Set(captures.map((c) => JSON.stringify(c))).size).toBe(1);
    const returnKey = key('ret');
    const returns = await Promise.all(
      Array.from({ length: 10 }, () => merchant.return(id, captures[0]!.captureId, { amount: 10, operationKey: returnKey })),
    );
    expect(new Set(returns.map((r) => r.returnId)).size).toBe(1);
    const refundKey = key('ref');
    const refunds = await Promise.all(
      Array.from({ length: 10 }, () => merchant.refund(id, captures[0]!.captureId, { amount: 5, operationKey: refundKey })),
    );
    expect(new Set(refunds.map((r) => JSON.stringify(r))).size).toBe(1);
    const held = stack.sandbox.authorizations().find((a) => String(a.authorization_id) === id)!;
    expect(held.captures).toHaveLength(1);
    expect(held.captures[0]!.returns).toHaveLength(1);
    expect(held.captures[0]!.refunds).toHaveLength(1);
    expect(held.captures[0]!.remaining_capture_amount).toBe(85);
  });

  it('ten different keys at once on one authorization: each runs once, in turn, and the over-capture is refused', async () => {
    const id = await pay(100);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => merchant.capture(id, { amount: 15, operationKey: key(`cap${i}`) })));
    const done = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code);
    expect(done).toHaveLength(6);
    expect(refused).toEqual(Array(4).fill('amount_exceeds_remaining'));
    expect((await merchant.authorization(id)).capturedAmount).toBe(90);
  });

  it('answers a repeat with the first answer, and refuses the key for another operation', async () => {
    const id = await pay(50);
    const k = key('cap');
    const first = await merchant.capture(id, { amount: 20, operationKey: k });
    expect(await merchant.capture(id, { amount: 20, operationKey: k })).toEqual(first);
    await expect(merchant.capture(id, { amount: 21, operationKey: k })).rejects.toMatchObject({ code: 'operation_key_reused' });
    await expect(merchant.release(id, { amount: 20, operationKey: k })).rejects.toMatchObject({ code: 'operation_key_reused' });
    expect((await merchant.authorization(id)).capturedAmount).toBe(20);
    expect(stack.logs.filter((l) => l.event === 'merchant_operation' && l.outcome === 'repeated').length).toBeGreaterThan(0);
  });

  it('a capture whose answer was lost is found, not sent again', async () => {
    const id = await pay(70);
    const sent = calls('POST authorization/{authorization_id}/capture');
    network = (url, method) => (method === 'POST' && url.endsWith('/capture') ? 'lose-answer' : 'pass');
    try {
      const result = await merchant.capture(id, { amount: 70, operationKey: key('cap') });
      expect(result).toMatchObject({ amount: 70, remainingAmount: 0 });
    } finally {
      network = () => 'pass';
    }
    expect(calls('POST authorization/{authorization_id}/capture') - sent).toBe(1);
    expect((await merchant.authorization(id)).captures).toHaveLength(1);
  });

  it('a lost answer, Flexiti unreachable to look, then a retry: one capture, the retry answered', async () => {
    const id = await pay(70);
    const k = key('cap');
    let lost = false;
    network = (url, method) => {
      if (method === 'POST' && url.endsWith('/capture')) return (lost = true), 'lose-answer';
      return lost && /authorization\/\d+\?|authorization\/\d+$/.test(url) ? 'refuse' : 'pass';
    };
    try {
      await expect(merchant.capture(id, { amount: 25, operationKey: k })).rejects.toThrow(/unavailable/i);
    } finally {
      network = () => 'pass';
    }
    expect(await merchant.capture(id, { amount: 25, operationKey: k })).toMatchObject({ amount: 25, remainingAmount: 45 });
    const held = await merchant.authorization(id);
    expect(held.captures.map((c) => c.amount)).toEqual([25]);
    // Another key on the same authorization is now free to go.
    await merchant.capture(id, { amount: 45, operationKey: key('cap') });
    expect((await merchant.authorization(id)).captures.map((c) => c.amount)).toEqual([25, 45]);
  });

  it('a capture that never reached Flexiti waits out the doubt, then is sent once', async () => {
    const id = await pay(70);
    const k = key('cap');
    const sent = calls('POST authorization/{authorization_id}/capture');
    network = (url, method) => (method === 'POST' && url.endsWith('/capture') ? 'refuse' : 'pass');
    try {
      await expect(merchant.capture(id, { amount: 10, operationKey: k })).rejects.toThrow(/unavailable/i);
    } finally {
      network = () => 'pass';
    }
    // Flexiti may yet act on it: nothing else moves on this authorization until that is settled.
    await expect(merchant.capture(id, { amount: 10, operationKey: k })).rejects.toMatchObject({ code: 'operation_in_doubt', retryable: true });
    await expect(merchant.release(id, { amount: 10, operationKey: key('rel') })).rejects.toMatchObject({ code: 'operation_in_doubt' });
    clockOffset = 10_000;
    try {
      expect(await merchant.capture(id, { amount: 10, operationKey: k })).toMatchObject({ amount: 10, remainingAmount: 60 });
    } finally {
      clockOffset = 0;
    }
    expect(calls('POST authorization/{authorization_id}/capture') - sent).toBe(1);
  });
});

describe('two instances sharing Redis', () => {
  let redis: RedisServer;
  const clients: Array<ReturnType<typeof createClient>> = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const client of clients) await client.quit().catch(() => {});
    await redis.stop();
  });

  it('capture, return and refund, 10 times each from two instances: once each', async () => {
    const instances = await Promise.all(
      [1, 2].map(async () => {
        const client = createClient({ url: redis.url });
        clients.push(client);
        await client.connect();
        return anotherInstance(stack, { ...handlerConfig, state: createRedisState(client) }).handler.merchant;
      }),
    );
    const id = await pay(90);
    const spread = <T>(work: (m: FlexitiMerchant) => Promise<T>) => Promise.all(Array.from({ length: 10 }, (_, i) => work(instances[i % 2]!)));
    const captureKey = key('cap');
    const captures = await spread((m) => m.capture(id, { amount: 60, operationKey: captureKey }));
    const captureId = captures[0]!.captureId;
    const returnKey = key('ret');
    await spread((m) => m.return(id, captureId, { amount: 7, operationKey: returnKey }));
    const refundKey = key('ref');
    await spread((m) => m.refund(id, captureId, { amount: 3, operationKey: refundKey }));
    const held = stack.sandbox.authorizations().find((a) => String(a.authorization_id) === id)!;
    expect(held.captures.map((c) => [c.amount, c.returns.length, c.refunds.length, c.remaining_capture_amount])).toEqual([[60, 1, 1, 50]]);
  });
});
