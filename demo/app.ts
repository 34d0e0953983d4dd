/**
 * The demo application: the merchant handler at /api/flexiti, the embedded Flexiti sandbox at
 * /sandbox/flexiti/pos-api, and the pages. `demo/server.ts` serves it (`npm start`); the
 * benchmarks serve it too.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { createSandbox, SANDBOX_CLIENT } from '../src/sandbox/index.js';
import { createFlexitiHandler, type ApplicationOutcome, type PurchaseOutcome } from '../src/server/index.js';
import { indexPage } from './pages.js';

export interface DemoOptions {
  /** Where this process listens, for the handler to reach the embedded sandbox. */
  origin: string;
  /** A Flexiti environment instead of the sandbox. */
  flexiti?: { apiBase: string; clientId: string; clientSecret: string; merchantUsername?: string; merchantPassword?: string };
  sessionSecret?: string;
  /** Rate limits off, for benchmarks that make many requests from one address. */
  unlimited?: boolean;
}

export function createDemoApp(options: DemoOptions) {
  const sandbox = createSandbox({ basePath: '/sandbox' });
  const outcomes: Array<ApplicationOutcome | PurchaseOutcome> = [];
  const flexiti = options.flexiti ?? {
    apiBase: `${options.origin}/sandbox/flexiti/pos-api`,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
  };
  const unlimited = { perSession: { max: 1e9, windowMs: 60_000 }, perAddress: { max: 1e9, windowMs: 60_000 } };

  const handler = createFlexitiHandler({
    ...flexiti,
    sessionSecret: options.sessionSecret ?? randomBytes(32).toString('hex'),
    basePath: '/api/flexiti',
    // The demo store has one cart: every checkout session is a new order for it.
    resolveOrder: () => ({ amount: 1249.99, reference: `DEMO-${randomBytes(6).toString('hex').toUpperCase()}` }),
    onApplication: (outcome) => void outcomes.push(outcome),
    onPurchase: (outcome) => void outcomes.push(outcome),
    ...(options.unlimited ? { rateLimits: { apply: unlimited, verify: unlimited }, logger: false as const } : {}),
  });

  const app = new Hono<{ Bindings: { incoming: { socket: { remoteAddress?: string } } } }>();
  app.all('/api/flexiti/*', (c) => handler(c.req.raw, { clientAddress: c.env.incoming.socket.remoteAddress ?? 'unknown' }));
  app.all('/sandbox/*', (c) => sandbox.fetch(c.req.raw, c.env));
  app.get('/demo/outcomes', (c) => c.json(outcomes));
  app.get('/', (c) => c.html(indexPage({ live: Boolean(options.flexiti) })));
  app.use('/cdn/*', serveStatic({ root: './' }));
  app.use('/*', serveStatic({ root: './demo/public' }));
  return { app, handler, sandbox, outcomes };
}
