/**
 * `flexiti-checkout/server/redis`: the handler's state in Redis, shared by every instance.
 *
 * ```ts
 * import { createClient } from 'redis';
 * import { createRedisState } from 'flexiti-checkout/server/redis';
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true }).connect();
 * createFlexitiHandler({ ..., state: createRedisState(redis) });
 * ```
 *
 * Every operation is one atomic Lua script (claims with `SET … PX` only when free, counters with
 * `INCRBY` + `PEXPIRE`), run by its SHA once Redis knows it. An operation that fails or takes longer
 * than `timeoutMs` throws `StateUnavailableError`: purchases and applications then fail closed
 * with a retryable `503 state_unavailable`, budgets and caches fall back to the instance's memory.
 */
import { StateUnavailableError, type ClaimState, type ClaimStore, type CounterStore, type HandlerState, type ValueStore } from './state/types.js';

/** The part of a node-redis (`redis` 4 or 5) client the state uses. */
export interface RedisClientLike {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export interface RedisStateOptions {
  /** Prefix of every key. Default `flexiti:`. Give each merchant account its own. */
  prefix?: string;
  /** Longest wait for one Redis operation before it counts as unavailable. Default 1000 ms. */
  timeoutMs?: number;
}

export { StateUnavailableError };
export type { HandlerState };

const CLAIM = `
local v = redis.call('GET', KEYS[1])
if v then
  if string.sub(v, 1, 1) == 'd' then return v end
  return 'b'
end
redis.call('SET', KEYS[1], 'c' .. ARGV[2], 'PX', ARGV[1])
return 'c'`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == 'c' .. ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const COMPLETE = `redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1`;

const HIT = `
local cost = tonumber(ARGV[2])
local count
if cost > 0 then
  count = redis.call('INCRBY', KEYS[1], cost)
  if count == cost then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
elseif cost < 0 and redis.call('EXISTS', KEYS[1]) == 1 then
  count = redis.call('INCRBY', KEYS[1], cost)
else
  count = tonumber(redis.call('GET', KEYS[1]) or '0')
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
if ttl < 0 then ttl = 0 end
return { count, ttl }`;

const GET = `return redis.call('GET', KEYS[1])`;
const SET = `redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1`;
const SET_IF_ABSENT = `
local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]`;
const DELETE = `return redis.call('DEL', KEYS[1])`;

export function createRedisState(client: RedisClientLike, options: RedisStateOptions = {}): HandlerState {
  const redis = new Scripts(client, options.prefix ?? 'flexiti:', options.timeoutMs ?? 1000);

  const claims: ClaimStore = {
    async claim<T>(key: string, ttlMs: number): Promise<ClaimState<T>> {
      const token = crypto.randomUUID();
      const answer = String(await redis.run('claim', CLAIM, key, [ms(ttlMs), token]));
      if (answer === 'c') return { state: 'claimed', token };
      if (answer === 'b') return { state: 'busy' };
      return { state: 'done', result: JSON.parse(answer.slice(1)) as T };
    },
    async complete(key, result, retainMs) {
      await redis.run('complete', COMPLETE, key, [`d${JSON.stringify(result)}`, ms(retainMs)]);
    },
    async release(key, token) {
      await redis.run('release', RELEASE, key, [token]);
    },
  };

  const counters: CounterStore = {
    async hit(key, windowMs, cost = 1) {
      const answer = (await redis.run('hit', HIT, key, [ms(windowMs), String(cost)])) as [number, number];
      return { count: Number(answer[0]), resetMs: Number(answer[1]) };
    },
  };

  const values: ValueStore = {
    async get<T>(key: string): Promise<T | undefined> {
      const answer = await redis.run('get', GET, key, []);
      return typeof answer === 'string' ? (JSON.parse(answer) as T) : undefined;
    },
    async set(key, value, ttlMs) {
      await redis.run('set', SET, key, [JSON.stringify(value), ms(ttlMs)]);
    },
    async setIfAbsent<T>(key: string, value: T, ttlMs: number): Promise<T> {
      return JSON.parse(String(await redis.run('set', SET_IF_ABSENT, key, [JSON.stringify(value), ms(ttlMs)]))) as T;
    },
    async delete(key) {
      await redis.run('delete', DELETE, key, []);
    },
  };

  return { claims, counters, values, shared: true };
}

const ms = (value: number) => String(Math.max(1, Math.ceil(value)));

/** Runs the Lua scripts by SHA (loading them on `NOSCRIPT`), each under a timeout. */
class Scripts {
  private readonly shas = new Map<string, Promise<string>>();

  constructor(
    private readonly client: RedisClientLike,
    private readonly prefix: string,
    private readonly timeoutMs: number,
  ) {}

  async run(operation: string, script: string, key: string, args: string[]): Promise<unknown> {
    const options = { keys: [this.prefix + key], arguments: args };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StateUnavailableError(operation, { cause: 'timeout' })), this.timeoutMs);
    });
    const call = (async () => {
      const sha = await this.sha(script);
      try {
        return await this.client.evalSha(sha, options);
      } catch (error) {
        if (!String((error as Error)?.message ?? error).includes('NOSCRIPT')) throw error;
        return await this.client.eval(script, options);
      }
    })();
    try {
      return await Promise.race([call, timeout]);
    } catch (error) {
      call.catch(() => {});
      throw error instanceof StateUnavailableError ? error : new StateUnavailableError(operation, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  private sha(script: string): Promise<string> {
    let sha = this.shas.get(script);
    if (!sha) {
      sha = crypto.subtle.digest('SHA-1', new TextEncoder().encode(script)).then((hash) =>
        Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join(''),
      );
      this.shas.set(script, sha);
    }
    return sha;
  }
}
