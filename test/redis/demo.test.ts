/**
 * `npm start` with `REDIS_URL`: two demo processes sharing a real Redis, a session secret and one
 * sandbox act as one store. A cart put on one is paid through the other, and both know it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, CODE, SESSION_SECRET, startSandboxServer, type SandboxServer } from './cluster.js';
import { freePort, startRedisServer, type RedisServer } from './redis-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let redis: RedisServer;
let sandbox: SandboxServer;
const demos: Array<{ child: ChildProcess; url: string }> = [];

async function startDemo(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join('demo', 'server.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      REDIS_URL: redis.url,
      FLEXITI_SESSION_SECRET: SESSION_SECRET,
      FLEXITI_API_BASE: sandbox.apiBase,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start: ${output}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the demo exited (${code}): ${output}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('flexiti-checkout demo on')) {
        clearTimeout(timer);
        expect(line).toContain('state in Redis');
        resolve();
      }
    });
  });
  const demo = { child, url: `http://127.0.0.1:${port}` };
  demos.push(demo);
  return demo;
}

beforeAll(async () => {
  redis = await startRedisServer();
  sandbox = await startSandboxServer();
}, 30_000);

afterAll(async () => {
  for (const { child } of demos) child.kill('SIGTERM');
  await Promise.all(demos.map(({ child }) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
  await sandbox?.close();
  await redis?.stop();
});

async function call(url: string, path: string, init: { body?: unknown; cookie?: string; session?: string } = {}) {
  const response = await fetch(`${url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.session ? { authorization: `Bearer ${init.session}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('two demo processes with REDIS_URL', { timeout: 60_000 }, () => {
  it('share carts, the order, its payment and the Flexiti token', async () => {
    const [a, b] = await Promise.all([startDemo(), startDemo()]);
    const tokensBefore = sandbox.sandbox.stats.tokenRequests;

    const cart = await call(a!.url, '/demo/cart', { body: { quantity: 2 } });
    const cookie = cart.headers.get('set-cookie')!.split(';')[0]!;
    expect(await call(b!.url, '/demo/cart', { cookie }).then((r) => r.body)).toEqual(cart.body);

    // The session is minted by B for the cart A holds; the steps alternate between the processes.
    const minted = await call(b!.url, '/api/flexiti/session', { body: { flow: 'checkout' }, cookie });
    expect(minted.body).toMatchObject({ amount: 2499.98, reference: cart.body.reference });
    const session = minted.body.session as string;
    const lookup = await call(a!.url, '/api/flexiti/lookup', { body: { cardNumber: ALEX }, session });
    const receipt = lookup.body.receipt as string;
    expect((await call(b!.url, '/api/flexiti/verify', { body: { receipt, method: 'sms' }, session })).body.status).toBe('sent');
    const body = { receipt, plan: { type: 'regular' }, code: CODE };
    const [paidOnA, paidOnB] = await Promise.all([
      call(a!.url, '/api/flexiti/purchase', { body, session }),
      call(b!.url, '/api/flexiti/purchase', { body, session }),
    ]);
    expect(paidOnA.body).toMatchObject({ status: 'approved', amount: 2499.98, reference: cart.body.reference });
    expect(paidOnB.body).toEqual(paidOnA.body);
    expect(sandbox.sandbox.authorizations({ reference: cart.body.reference })).toHaveLength(1);

    // Either process knows the order is paid (its onPurchase wrote to Redis), and the cart is empty.
    for (const demo of [a!, b!]) {
      expect((await call(demo.url, `/demo/orders/${cart.body.reference}`)).body).toEqual({
        reference: cart.body.reference,
        paid: true,
        authorizationId: paidOnA.body.authorizationId,
      });
      expect((await call(demo.url, '/demo/cart', { cookie })).body.quantity).toBe(0);
    }
    const outcomes = (await call(b!.url, '/demo/outcomes')).body as Array<{ status: string; reference: string | null }>;
    expect(outcomes.filter((o) => o.status === 'approved' && o.reference === cart.body.reference)).toHaveLength(1);
    // One token for both processes.
    expect(sandbox.sandbox.stats.tokenRequests - tokensBefore).toBe(1);
  });
});
