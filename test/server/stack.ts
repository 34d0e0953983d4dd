/**
 * The handler and the sandbox in one Node server on an ephemeral port, the way `npm start` runs
 * them: the handler reaches the sandbox over real HTTP. Every handler response and log line is
 * kept so each test file can check that no secret ever left the server.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { createSandbox, SANDBOX_CLIENT, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import {
  createFlexitiHandler,
  type ApplicationOutcome,
  type FlexitiHandler,
  type FlexitiHandlerConfig,
  type LogEntry,
  type PurchaseOutcome,
} from '../../src/server/index.js';

export const SESSION_SECRET = 'test-session-secret-0123456789abcdef0123456789';

/** Everything that must never reach a browser or a log line. */
const secrets = new Set<string>([SANDBOX_CLIENT.clientSecret, SANDBOX_CLIENT.merchantPassword]);
const seen = { responses: 0, logLines: 0 };
const leaks: string[] = [];

function scan(where: string, text: string) {
  for (const secret of secrets) if (text.includes(secret)) leaks.push(`${where}: ${text.slice(0, 200)}`);
}

/** Call from `afterAll`: fails the file if a secret or token appeared anywhere. */
export function expectNoLeaks() {
  expect(seen.responses).toBeGreaterThan(0);
  expect(leaks).toEqual([]);
}

export interface Stack {
  url: string;
  handler: FlexitiHandler;
  sandbox: Sandbox;
  logs: LogEntry[];
  applications: ApplicationOutcome[];
  purchases: PurchaseOutcome[];
  /** The order the next checkout session is for. */
  order: { amount: number; reference: string };
  api: (path: string, init?: ApiInit) => Promise<ApiResponse>;
  session: (flow?: 'checkout' | 'apply', order?: { amount: number; reference: string }) => Promise<string>;
  /** The `version` of the terms `GET terms` serves this session for a province and language. */
  termsVersion: (session: string, province: string, lang?: string) => Promise<string>;
  /**
   * A cardholder (Alex by default) pays a new order of `amount` through the shopper's routes —
   * session, lookup, code sent, plans, purchase with the sandbox's code — on a promotional
   * (equal billing) plan or as a regular purchase.
   */
  pay: (amount: number, kind?: 'promotional' | 'regular', card?: string) => Promise<{ authorizationId: string; reference: string; session: string }>;
  /** `POST apply` as the elements send it: the shopper read `GET terms` for the province, then applied. */
  apply: (session: string, application: { province: string } & Record<string, unknown>, lang?: string) => Promise<ApiResponse>;
  close: () => Promise<void>;
}

export interface ApiInit {
  method?: 'GET' | 'POST' | 'OPTIONS';
  session?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

let orders = 0;
export const newOrder = (amount = 250) => ({ amount, reference: `ORDER-${process.pid}-${Date.now()}-${++orders}` });

export async function startStack(
  options: { handler?: Partial<FlexitiHandlerConfig>; sandbox?: SandboxOptions } = {},
): Promise<Stack> {
  const sandbox = createSandbox({ basePath: '/sandbox', ...options.sandbox });
  const logs: LogEntry[] = [];
  const applications: ApplicationOutcome[] = [];
  const purchases: PurchaseOutcome[] = [];
  let handler: FlexitiHandler | undefined;

  const app = new Hono<{ Bindings: { incoming: { socket: { remoteAddress?: string } } } }>();
  app.all('/api/flexiti/*', async (c) => {
    const response = await handler!(c.req.raw, { clientAddress: c.env.incoming.socket.remoteAddress ?? 'unknown' });
    const text = await response.clone().text();
    seen.responses++;
    scan(`response ${c.req.path}`, text + JSON.stringify([...response.headers]));
    return response;
  });
  app.all('/sandbox/*', (c) => sandbox.fetch(c.req.raw, c.env));

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Learn every token the sandbox issues to the handler, to look for them in its output.
  const spyFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).endsWith('/oauth/token') && response.ok) {
      const json = (await response.clone().json()) as { access_token?: string; refresh_token?: string };
      if (json.access_token) secrets.add(json.access_token);
      if (json.refresh_token) secrets.add(json.refresh_token);
    }
    return response;
  };

  const stack: Stack = {
    url,
    sandbox,
    logs,
    applications,
    purchases,
    order: newOrder(),
    handler: undefined as unknown as FlexitiHandler,
    async api(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.session) headers.authorization = `Bearer ${init.session}`;
      let body: string | undefined = init.rawBody;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${url}/api/flexiti/${path}`, {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async session(flow = 'checkout', order) {
      if (order) stack.order = order;
      const response = await stack.api('session', { body: { flow } });
      expect(response.status).toBe(201);
      return response.body.session as string;
    },
    async termsVersion(session, province, lang = 'en-CA') {
      const response = await stack.api(`terms?province=${province}&lang=${lang}`, { session });
      expect(response.status).toBe(200);
      return response.body.version as string;
    },
    async pay(amount, kind = 'promotional', card = '6374980000000001') {
      const order = newOrder(amount);
      const session = await stack.session('checkout', order);
      const { receipt } = (await stack.api('lookup', { session, body: { cardNumber: card } })).body as { receipt: string };
      await stack.api('verify', { session, body: { receipt, method: 'sms' } });
      let plan: unknown = { type: 'regular' };
      if (kind === 'promotional') {
        const plans = (await stack.api('plans', { session, body: { receipt } })).body as { plans: Array<{ planId: number; category: string; terms: Array<{ term: number }> }> };
        const choice = plans.plans.find((p) => p.category === 'equal_billing')!;
        plan = { type: 'promotional', planId: choice.planId, term: choice.terms[0]!.term };
      }
      const paid = await stack.api('purchase', { session, body: { receipt, plan, code: SANDBOX_CLIENT.verificationCode } });
      expect(paid.body.status).toBe('approved');
      return { authorizationId: paid.body.authorizationId as string, reference: order.reference, session };
    },
    async apply(session, application, lang = 'en-CA') {
      const termsVersion = await stack.termsVersion(session, application.province, lang);
      return stack.api(`apply?lang=${lang}`, { session, body: { application, termsVersion } });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  handler = createFlexitiHandler({
    apiBase: `${url}/sandbox/flexiti/pos-api`,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    merchantUsername: SANDBOX_CLIENT.merchantUsername,
    merchantPassword: SANDBOX_CLIENT.merchantPassword,
    sessionSecret: SESSION_SECRET,
    resolveOrder: () => {
      const order = stack.order;
      stack.order = newOrder(order.amount);
      return order;
    },
    onApplication: (outcome) => void applications.push(outcome),
    onPurchase: (outcome) => void purchases.push(outcome),
    logger: (entry) => {
      logs.push(entry);
      seen.logLines++;
      scan('log', JSON.stringify(entry));
    },
    fetch: spyFetch,
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    ...options.handler,
  });
  stack.handler = handler;
  return stack;
}

/** Another handler process against the same sandbox: same secret, its own state; called in-process. */
export function anotherInstance(stack: Stack, config: Partial<FlexitiHandlerConfig> = {}) {
  const purchases: PurchaseOutcome[] = [];
  const applications: ApplicationOutcome[] = [];
  const handler = createFlexitiHandler({
    apiBase: `${stack.url}/sandbox/flexiti/pos-api`,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    sessionSecret: SESSION_SECRET,
    logger: false,
    onPurchase: (outcome) => void purchases.push(outcome),
    onApplication: (outcome) => void applications.push(outcome),
    ...config,
  });
  return { handler, purchases, applications, call: (path: string, init: CallInit = {}) => call(handler, path, init) };
}

export interface CallInit {
  session?: string;
  body?: unknown;
}

async function call(handler: FlexitiHandler, path: string, init: CallInit = {}) {
  const response = await handler(
    new Request(`http://shop.test/api/flexiti/${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {
        ...(init.session ? { authorization: `Bearer ${init.session}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    }),
    { clientAddress: '127.0.0.1' },
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}
