/**
 * `npm start`: the demo in one process. The merchant handler at /api/flexiti, the embedded
 * Flexiti sandbox at /sandbox/flexiti/pos-api, and the pages. With FLEXITI_API_BASE,
 * FLEXITI_CLIENT_ID and FLEXITI_CLIENT_SECRET set, the handler talks to that Flexiti
 * environment instead of the sandbox.
 */
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { createSandbox, SANDBOX_CLIENT } from '../src/sandbox/index.js';
import { createFlexitiHandler, type ApplicationOutcome, type PurchaseOutcome } from '../src/server/index.js';
import { indexPage } from './pages.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const live = Boolean(process.env.FLEXITI_API_BASE);
if (live && !(process.env.FLEXITI_CLIENT_ID && process.env.FLEXITI_CLIENT_SECRET)) {
  console.error('FLEXITI_API_BASE needs FLEXITI_CLIENT_ID and FLEXITI_CLIENT_SECRET as well.');
  process.exit(1);
}

const sandbox = createSandbox({ basePath: '/sandbox' });
const outcomes: Array<ApplicationOutcome | PurchaseOutcome> = [];

const handler = createFlexitiHandler({
  apiBase: process.env.FLEXITI_API_BASE ?? `http://127.0.0.1:${port}/sandbox/flexiti/pos-api`,
  clientId: process.env.FLEXITI_CLIENT_ID ?? SANDBOX_CLIENT.clientId,
  clientSecret: process.env.FLEXITI_CLIENT_SECRET ?? SANDBOX_CLIENT.clientSecret,
  ...(process.env.FLEXITI_MERCHANT_USERNAME
    ? { merchantUsername: process.env.FLEXITI_MERCHANT_USERNAME, merchantPassword: process.env.FLEXITI_MERCHANT_PASSWORD ?? '' }
    : {}),
  sessionSecret: process.env.FLEXITI_SESSION_SECRET ?? randomBytes(32).toString('hex'),
  basePath: '/api/flexiti',
  // The demo store has one cart: every checkout session is a new order for it.
  resolveOrder: () => ({ amount: 1249.99, reference: `DEMO-${randomBytes(6).toString('hex').toUpperCase()}` }),
  onApplication: (outcome) => void outcomes.push(outcome),
  onPurchase: (outcome) => void outcomes.push(outcome),
});

const app = new Hono<{ Bindings: { incoming: { socket: { remoteAddress?: string } } } }>();
app.all('/api/flexiti/*', (c) => handler(c.req.raw, { clientAddress: c.env.incoming.socket.remoteAddress ?? 'unknown' }));
app.all('/sandbox/*', (c) => sandbox.fetch(c.req.raw, c.env));
app.get('/demo/outcomes', (c) => c.json(outcomes));
app.get('/', (c) => c.html(indexPage({ live })));
app.use('/cdn/*', serveStatic({ root: './' }));
app.use('/*', serveStatic({ root: './demo/public' }));

serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`flexiti-checkout demo on http://${host}:${info.port}/ (${live ? 'Flexiti at ' + process.env.FLEXITI_API_BASE : 'embedded sandbox'})`);
});
