import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_CLIENT } from '../../src/sandbox/index.js';
import { serveSandbox } from '../../src/sandbox/node.js';
import { createFlexitiHandler, type FlexitiHandler, type LogEntry } from '../../src/server/index.js';
import { toExpressMiddleware, toNodeListener } from '../../src/server/node.js';
import { SESSION_SECRET } from './stack.js';

let sandbox: Awaited<ReturnType<typeof serveSandbox>>;
const logs: LogEntry[] = [];

function handler(): FlexitiHandler {
  return createFlexitiHandler({
    apiBase: `${sandbox.url}/flexiti/pos-api`,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    sessionSecret: SESSION_SECRET,
    resolveOrder: () => ({ amount: 42.5, reference: `NODE-${Math.random()}` }),
    logger: (entry) => void logs.push(entry),
    limits: { lookups: { perSession: { max: 100, windowMs: 60_000 }, perAddress: { max: 2, windowMs: 60_000 } } },
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

async function checkout(base: string) {
  const session = await fetch(`${base}/api/flexiti/session`, { method: 'POST' }).then((r) => r.json());
  const lookup = await fetch(`${base}/api/flexiti/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.session}`, 'content-type': 'application/json' },
    body: JSON.stringify({ cardNumber: '6374980000000001' }),
  });
  return { session, lookup: { status: lookup.status, body: await lookup.json() } };
}

beforeAll(async () => {
  sandbox = await serveSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

describe('node:http adapter', () => {
  it('serves the handler and rate-limits by the socket address', async () => {
    const server = createServer(toNodeListener(handler()));
    const base = await listen(server);
    try {
      const { session, lookup } = await checkout(base);
      expect(session).toMatchObject({ amount: 42.5, endpoint: '/api/flexiti' });
      expect(lookup.body.status).toBe('eligible');
      await checkout(base);
      // A third lookup from 127.0.0.1 passes the per-address limit of 2.
      expect((await checkout(base)).lookup.status).toBe(429);
    } finally {
      server.close();
    }
  });
});

describe('Express middleware', () => {
  it('answers under its base path, passes other routes on, and survives a JSON body parser', async () => {
    const app = express();
    app.use(express.json());
    app.use(toExpressMiddleware(handler()));
    app.get('/health', (_req, res) => void res.send('ok'));
    const server = createServer(app);
    const base = await listen(server);
    try {
      expect(await fetch(`${base}/health`).then((r) => r.text())).toBe('ok');
      const { lookup } = await checkout(base);
      expect(lookup.body.status).toBe('eligible');
    } finally {
      server.close();
    }
  });

  it.each([
    ['express.json()', () => express.json()],
    ['express.json() with a 1 kB limit', () => express.json({ limit: 1024 })],
    ['express.urlencoded() and express.json()', () => [express.urlencoded({ extended: false }), express.json()]],
    ['express.text({ type: "*/*" }) then a JSON parse of its own', () => [express.text({ type: '*/*' }), (req: express.Request, _res: express.Response, next: express.NextFunction) => {
      try {
        req.body = JSON.parse(String(req.body));
        next();
      } catch (error) {
        next(Object.assign(error as Error, { type: 'entity.parse.failed', status: 400 }));
      }
    }]],
  ])('never lets a body parser in front (%s) print what an applicant typed', async (_name, parsers) => {
    const app = express();
    app.set('env', 'development'); // Express's default error handler prints errors outside tests
    app.use(parsers());
    app.use(toExpressMiddleware(handler()));
    const server = createServer(app);
    const base = await listen(server);
    const printed: string[] = [];
    const capture = (chunk: unknown) => void printed.push(String(chunk));
    const originalError = console.error;
    const originalWrite = process.stderr.write.bind(process.stderr);
    console.error = (...args: unknown[]) => capture(args.join(' '));
    process.stderr.write = ((chunk: unknown) => (capture(chunk), true)) as typeof process.stderr.write;
    try {
      const session = (await fetch(`${base}/api/flexiti/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"flow":"apply"}' }).then((r) => r.json())).session;
      const secrets = '"sin":"046454286","dob":"1988-07-24","annualIncome":"98000","securityAnswer":"Whiskers"';
      const malformed = `{"application":{${secrets},}`;
      const big = `{"application":{${secrets},"notes":"${'x'.repeat(20_000)}"}}`;
      const answers = [];
      for (const body of [malformed, big]) {
        const response = await fetch(`${base}/api/flexiti/apply`, {
          method: 'POST',
          headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
          body,
        });
        const text = await response.text();
        answers.push([response.status, JSON.parse(text).code]);
        expect(text).not.toMatch(/046454286|1988-07-24|98000|Whiskers/);
      }
      expect(answers[0]).toEqual([400, 'invalid_json']);
      expect(answers[1]![0]).toBe(413);
    } finally {
      console.error = originalError;
      process.stderr.write = originalWrite;
      server.close();
    }
    expect(printed.join('\n')).not.toMatch(/046454286|1988-07-24|98000|Whiskers/);
  });

  it('works mounted on a sub-path with app.use(path, ...)', async () => {
    const app = express();
    app.use('/api/flexiti', toExpressMiddleware(handler()));
    const server = createServer(app);
    const base = await listen(server);
    try {
      const response = await fetch(`${base}/api/flexiti/session`, { method: 'POST' });
      expect(response.status).toBe(201);
    } finally {
      server.close();
    }
  });
});

describe('fetch-style runtimes', () => {
  it('is a plain Request → Response function with a fetch method', async () => {
    const sandboxApp = createSandbox();
    const h = createFlexitiHandler({
      apiBase: 'http://sandbox.internal/flexiti/pos-api',
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      sessionSecret: SESSION_SECRET,
      logger: false,
      // An edge runtime's fetch, here straight into the sandbox without a network.
      fetch: (input, init) => sandboxApp.fetch(new Request(input, init)),
    });
    const { session } = await h.createSession({ flow: 'apply' });
    const response = await h.fetch(
      new Request('https://shop.example/api/flexiti/form-values?lang=fr-CA', { headers: { authorization: `Bearer ${session}` } }),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).lang).toBe('fr-CA');
  });
});
