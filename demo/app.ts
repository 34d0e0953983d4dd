/**
 * The demo application: the merchant handler at /api/flexiti, the embedded Flexiti sandbox at
 * /sandbox/flexiti/pos-api, and the pages. `demo/server.ts` serves it (`npm start`); the
 * benchmarks serve it too.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { createSandbox, SANDBOX_CLIENT, sandboxMessageConfig } from '../src/sandbox/index.js';
import { createFlexitiHandler, uniformLimits, type HandlerState } from '../src/server/index.js';
import { accountResponse } from './accounts.js';
import { cdnGraph } from '../scripts/cdn-graph.mjs';
import { cdn } from './cdn.js';
import { contentSecurityPolicy } from './csp.js';
import { applyPage, checkoutPage, ordersPage, reactPage, storePage, vuePage, type EntryImports } from './pages.js';
import { memoryStore, type DemoStore } from './store.js';

export interface DemoOptions {
  /** Where this process listens, for the handler to reach the embedded sandbox. */
  origin: string;
  /** A Flexiti environment instead of the sandbox. */
  flexiti?: { apiBase: string; clientId: string; clientSecret: string; merchantUsername?: string; merchantPassword?: string };
  sessionSecret?: string;
  /** Rate limits off, for benchmarks that make many requests from one address. */
  unlimited?: boolean;
  /** The handler's state (claims, budgets, token, caches); memory by default. */
  state?: HandlerState;
  /** Carts and outcomes; memory by default. */
  store?: DemoStore;
  /** Other origins whose pages may call the handler (`ALLOWED_ORIGINS`). */
  allowedOrigins?: readonly string[];
  /**
   * The key of the handler's admin routes and the back office (`FLEXITI_ADMIN_KEY`, at least 32
   * characters). Default: a random key, returned as `adminKey`.
   */
  adminKey?: string;
  /**
   * Capture each purchase when it is authorized (`FLEXITI_AUTO_CAPTURE=true`). Default `false`:
   * the store captures when it ships, from the back office.
   */
  autoCapture?: boolean;
}

/** The demo store's one product. */
const PRICE = 1249.99;

const cartId = (request: Request) => /(?:^|;\s*)demo_cart=([\w-]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
const newReference = () => `DEMO-${randomBytes(6).toString('hex').toUpperCase()}`;

export function createDemoApp(options: DemoOptions) {
  const store = options.store ?? memoryStore();
  const sandbox = createSandbox({ basePath: '/sandbox' });
  const adminKey = options.adminKey ?? randomBytes(32).toString('hex');
  const flexiti = options.flexiti ?? {
    apiBase: `${options.origin}/sandbox/flexiti/pos-api`,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
  };

  const handler = createFlexitiHandler({
    ...flexiti,
    sessionSecret: options.sessionSecret ?? randomBytes(32).toString('hex'),
    basePath: '/api/flexiti',
    adminKey,
    autoCapture: options.autoCapture ?? false,
    // What the on-site message says of each plan: the sandbox merchant's rates, fees and limits.
    // Against a Flexiti environment, the merchant's own agreement says it instead.
    ...(options.flexiti ? {} : { message: sandboxMessageConfig() }),
    // The order is the shopper's cart, kept on the server under a cookie: the browser never
    // says how much to charge. Pages without a cart (checkout.html) pay a fixed cart.
    ...(options.state ? { state: options.state } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    resolveOrder: async (request) => {
      const cart = await store.cart(cartId(request) ?? '');
      if (cart && cart.quantity > 0) return { amount: Math.round(cart.quantity * PRICE * 100) / 100, reference: cart.reference };
      return { amount: PRICE, reference: `DEMO-${randomBytes(6).toString('hex').toUpperCase()}` };
    },
    onApplication: (outcome) => store.record(outcome),
    // A paid cart is emptied: the next order starts afresh.
    onPurchase: (outcome) => store.record(outcome),
    ...(options.unlimited ? { limits: uniformLimits({ max: 1e9, windowMs: 60_000 }), logger: false as const } : {}),
  });

  const app = new Hono<{ Bindings: { incoming: { socket: { remoteAddress?: string } } } }>();
  // Every page under a strict policy: no inline scripts or styles, no eval.
  app.use('*', async (c, next) => {
    await next();
    c.header('content-security-policy', contentSecurityPolicy());
  });
  app.all('/api/flexiti/*', (c) => handler(c.req.raw, { clientAddress: c.env.incoming.socket.remoteAddress ?? 'unknown' }));
  app.all('/sandbox/*', (c) => sandbox.fetch(c.req.raw, c.env));
  // What the hooks heard names shoppers' accounts: for the developer at this machine only.
  app.get('/demo/outcomes', async (c) => {
    const address = c.env?.incoming?.socket?.remoteAddress ?? '';
    if (!/^(127\.|::1$|::ffff:127\.)/.test(address)) return c.json({ code: 'not_found' }, 404);
    return c.json(await store.outcomes());
  });
  // What the server knows of an order: paid only if onPurchase recorded an approval for it.
  app.get('/demo/orders/:reference', async (c) => {
    const reference = c.req.param('reference');
    const approval = await store.approval(reference);
    return c.json({ reference, paid: Boolean(approval), authorizationId: approval?.authorizationId ?? null });
  });
  // A shopper's credit, for the back office: the embedded sandbox's accounts, to the admin key only.
  app.get('/demo/accounts/:accountNumber', (c) =>
    accountResponse(c.req.raw, { adminKey, sandbox: options.flexiti ? undefined : sandbox }),
  );
  // Each page in the language it is asked in (`?lang=fr-CA`), from its first byte.
  const lang = (c: { req: { query(name: string): string | undefined } }) => (c.req.query('lang') === 'fr-CA' ? 'fr-CA' : 'en-CA');
  app.get('/', (c) => c.html(storePage({ live: Boolean(options.flexiti), lang: lang(c), imports: entryImports('cdn') })));
  app.get('/apply.html', async (c) =>
    c.html(applyPage({ imports: entryImports('cdn'), lang: lang(c), session: await handler.createSession({ flow: 'apply', lang: lang(c) }) })),
  );
  app.get('/checkout.html', (c) => c.html(checkoutPage(lang(c), entryImports('cdn'))));
  app.get('/react.html', (c) => c.html(reactPage(lang(c))));
  app.get('/vue.html', (c) => c.html(vuePage(lang(c))));
  app.get('/orders.html', (c) => c.html(ordersPage(lang(c))));
  // The cart: a cookie names it, the server keeps its contents and the price.
  app.get('/demo/cart', async (c) => {
    const cart = await store.cart(cartId(c.req.raw) ?? '');
    return c.json({ price: PRICE, quantity: cart?.quantity ?? 0, reference: cart?.reference ?? null });
  });
  app.post('/demo/cart', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { quantity?: unknown };
    const quantity = Math.max(0, Math.min(10, Math.floor(Number(body.quantity) || 0)));
    let id = cartId(c.req.raw);
    if (!id) {
      id = randomBytes(12).toString('hex');
      c.header('set-cookie', `demo_cart=${id}; Path=/; HttpOnly; SameSite=Lax`);
    }
    const cart = { quantity, reference: newReference() };
    await store.saveCart(id, cart);
    return c.json({ price: PRICE, quantity, reference: cart.reference });
  });
  app.use('/cdn/*', cdn('cdn'));
  // The React and Vue pages' bundles (`vite build --config demo/vite.config.ts`).
  app.use('/build/*', serveStatic({ root: './demo/.build', rewriteRequestPath: (path) => path.slice('/build'.length) }));
  app.use('/*', serveStatic({ root: './demo/public' }));
  return { app, handler, sandbox, store, adminKey };
}

/** What each script-tag entry in `root` imports statically, directly or not (read as the pages are served, so a rebuild needs no restart). */
export function entryImports(root: string): EntryImports {
  return (entry) => cdnGraph(root, entry).slice(1);
}
