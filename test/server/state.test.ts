/**
 * The state contract, held by both implementations: the in-memory default and Redis (a real
 * `redis-server` on a free port). Then what only Redis has: scripts loaded again after a flush,
 * and a clear, retryable failure while the server is down.
 */
import { describe, expect, it } from 'vitest';
import { memoryState, StateUnavailableError, type HandlerState } from '../../src/server/index.js';
import { createRedisState } from '../../src/server/redis.js';
import { redisForTests } from '../redis/client.js';

const redis = redisForTests();

let run = 0;
const states: Array<[string, () => HandlerState]> = [
  ['memory', () => memoryState()],
  ['redis', () => createRedisState(redis.client, { prefix: `test-${process.pid}-${++run}:` })],
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(states)('%s state', (name, make) => {
  it(`is ${name === 'redis' ? '' : 'not '}shared between instances`, () => {
    expect(make().shared).toBe(name === 'redis');
  });

  it('claims a key once, answers busy while held, and the first result to every repeat', async () => {
    const { claims } = make();
    const first = await claims.claim('order', 5_000);
    expect(first.state).toBe('claimed');
    expect(await claims.claim('order', 5_000)).toEqual({ state: 'busy' });
    if (first.state !== 'claimed') throw new Error();
    await claims.complete('order', { authorizationId: '1', amount: 12.5 }, 5_000);
    expect(await claims.claim('order', 5_000)).toEqual({ state: 'done', result: { authorizationId: '1', amount: 12.5 } });
  });

  it('lets exactly one of many concurrent claimants win', async () => {
    const { claims } = make();
    const results = await Promise.all(Array.from({ length: 50 }, () => claims.claim('race', 5_000)));
    expect(results.filter((r) => r.state === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.state === 'busy')).toHaveLength(49);
  });

  it('releases only with the token of the live claim, and a lapsed claim can be taken again', async () => {
    const { claims } = make();
    const held = await claims.claim('k', 150);
    if (held.state !== 'claimed') throw new Error();
    await claims.release('k', 'someone-else');
    expect(await claims.claim('k', 150)).toEqual({ state: 'busy' });
    await sleep(200);
    const again = await claims.claim('k', 5_000);
    expect(again.state).toBe('claimed');
    // The first holder's late release must not free the new claim.
    await claims.release('k', held.token);
    expect(await claims.claim('k', 5_000)).toEqual({ state: 'busy' });
    if (again.state === 'claimed') await claims.release('k', again.token);
    expect((await claims.claim('k', 5_000)).state).toBe('claimed');
  });

  it('counts fixed windows, reads without spending, and forgets a window when it ends', async () => {
    const { counters } = make();
    expect(await counters.hit('w', 300, 0)).toEqual({ count: 0, resetMs: 0 });
    expect((await counters.hit('w', 300)).count).toBe(1);
    const second = await counters.hit('w', 300);
    expect(second.count).toBe(2);
    expect(second.resetMs).toBeGreaterThan(0);
    expect(second.resetMs).toBeLessThanOrEqual(300);
    expect((await counters.hit('w', 300, 0)).count).toBe(2);
    await sleep(350);
    expect((await counters.hit('w', 300, 0)).count).toBe(0);
    expect((await counters.hit('w', 300)).count).toBe(1);
  });

  it('keeps values for their lifetime, sets only when absent, and deletes', async () => {
    const { values } = make();
    expect(await values.get('v')).toBeUndefined();
    expect(await values.setIfAbsent('v', { since: 1 }, 5_000)).toEqual({ since: 1 });
    expect(await values.setIfAbsent('v', { since: 2 }, 5_000)).toEqual({ since: 1 });
    await values.set('v', { since: 3 }, 150);
    expect(await values.get('v')).toEqual({ since: 3 });
    await sleep(200);
    expect(await values.get('v')).toBeUndefined();
    await values.set('x', 'y', 5_000);
    await values.delete('x');
    expect(await values.get('x')).toBeUndefined();
  });
});

describe('redis state', () => {
  it('loads its scripts again after Redis forgot them', async () => {
    const { counters } = createRedisState(redis.client, { prefix: `flush-${process.pid}:` });
    expect((await counters.hit('a', 10_000)).count).toBe(1);
    await redis.server.command('SCRIPT', 'FLUSH');
    expect((await counters.hit('a', 10_000)).count).toBe(2);
  });

  it('fails with a retryable StateUnavailableError while Redis is down, and works again when it is back', async () => {
    const state = createRedisState(redis.client, { prefix: `outage-${process.pid}:`, timeoutMs: 300 });
    await redis.server.stop();
    try {
      const started = Date.now();
      await expect(state.claims.claim('order', 5_000)).rejects.toBeInstanceOf(StateUnavailableError);
      await expect(state.counters.hit('k', 1_000)).rejects.toBeInstanceOf(StateUnavailableError);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await redis.server.start();
    }
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        expect((await state.claims.claim('order', 5_000)).state).toBe('claimed');
        break;
      } catch (error) {
        if (!(error instanceof StateUnavailableError) || Date.now() > deadline) throw error;
        await sleep(100);
      }
    }
  }, 20_000);
});
