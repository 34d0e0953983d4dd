import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAppProxySignature, withAppProxy } from '../../integrations/shopify/app-proxy.js';
import { SANDBOX_CLIENT } from '../../src/sandbox/index.js';
import { serveSandbox, type ServedSandbox } from '../../src/sandbox/node.js';
import { createFlexitiHandler, type LogEntry } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { SESSION_SECRET } from '../server/stack.js';

type Query = Array<[string, string]>;

/**
 * Shopify's documented algorithm, written apart from the code under test: Ruby's
 * `query_hash.collect { |k, v| "#{k}=#{Array(v).join(',')}" }.sort.join`, then
 * `OpenSSL::HMAC.hexdigest('sha256', secret, ...)`.
 */
function shopifySign(query: Query, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of query) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  const pairs = [...grouped].map(([key, values]) => Buffer.from(`${key}=${values.join(',')}`, 'utf8'));
  return createHmac('sha256', secret).update(Buffer.concat(pairs.sort(Buffer.compare))).digest('hex');
}

function withQuery(base: string, query: Query, signature?: string): URL {
  const url = new URL(base);
  for (const [key, value] of query) url.searchParams.append(key, value);
  if (signature !== undefined) url.searchParams.append('signature', signature);
  return url;
}

const signed = (base: string, query: Query, secret: string) => withQuery(base, query, shopifySign(query, secret));

describe('verifyAppProxySignature', () => {
  // The example in Shopify's "Authenticate app proxies" page: shared secret "hush".
  const documented: Query = [
    ['extra', '1'],
    ['extra', '2'],
    ['shop', 'shop-name.myshopify.com'],
    ['logged_in_customer_id', '1'],
    ['path_prefix', '/apps/awesome_reviews'],
    ['timestamp', '1317327555'],
  ];
  const documentedSignature = '4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb';

  it("accepts Shopify's documented example", async () => {
    expect(shopifySign(documented, 'hush')).toBe(documentedSignature);
    const url = new URL(
      'https://proxy-domain.com/proxy/extra/path/components?extra=1&extra=2&shop=shop-name.myshopify.com' +
        `&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555&signature=${documentedSignature}`,
    );
    expect(await verifyAppProxySignature(url, 'hush')).toBe(true);
    expect(await verifyAppProxySignature(url, 'hush!')).toBe(false);
  });

  it('signs decoded values: escapes, "+", non-ASCII text and an empty customer id', async () => {
    const query: Query = [
      ['cart', 'c1-7a2abe82?key=b1f0'],
      ['note', 'crème brûlée & café+lait'],
      ['shop', 'maple.myshopify.com'],
      ['logged_in_customer_id', ''],
      ['path_prefix', '/apps/flexiti'],
      ['timestamp', '1732400000'],
    ];
    const url = signed('https://app.example/proxy/session', query, 'secret-1');
    expect(url.search).toContain('note=cr%C3%A8me+br%C3%BBl%C3%A9e+%26+caf%C3%A9%2Blait');
    expect(await verifyAppProxySignature(url, 'secret-1')).toBe(true);
  });

  it('sorts the key=value strings byte by byte, as Shopify does, not the keys', async () => {
    // "a-b=1" sorts before "a=2" ("-" < "="), although the key "a" sorts before "a-b".
    const query: Query = [
      ['a', '2'],
      ['a-b', '1'],
      ['é', '3'],
      ['z', '4'],
    ];
    const byKey = createHmac('sha256', 'secret-2').update('a=2a-b=1z=4é=3').digest('hex');
    expect(await verifyAppProxySignature(signed('https://app.example/proxy', query, 'secret-2'), 'secret-2')).toBe(true);
    expect(await verifyAppProxySignature(withQuery('https://app.example/proxy', query, byKey), 'secret-2')).toBe(false);
  });

  it('joins the values of a repeated parameter with commas, in their order', async () => {
    const query: Query = [
      ['ids', '7'],
      ['ids', '3'],
      ['shop', 'maple.myshopify.com'],
    ];
    const joined = createHmac('sha256', 'secret-3').update('ids=7,3shop=maple.myshopify.com').digest('hex');
    const reversed = createHmac('sha256', 'secret-3').update('ids=3,7shop=maple.myshopify.com').digest('hex');
    expect(shopifySign(query, 'secret-3')).toBe(joined);
    expect(await verifyAppProxySignature(withQuery('https://app.example/proxy', query, joined), 'secret-3')).toBe(true);
    expect(await verifyAppProxySignature(withQuery('https://app.example/proxy', query, reversed), 'secret-3')).toBe(false);
  });

  it('refuses a tampered, missing, malformed or repeated signature', async () => {
    const query: Query = [
      ['cart', 'c1-one'],
      ['shop', 'maple.myshopify.com'],
      ['timestamp', '1732400000'],
    ];
    const signature = shopifySign(query, 'secret-4');
    const verify = (url: URL) => verifyAppProxySignature(url, 'secret-4');
    expect(await verify(withQuery('https://app.example/proxy', query, signature))).toBe(true);

    const otherCart: Query = [['cart', 'c1-two'], ...query.slice(1)];
    expect(await verify(withQuery('https://app.example/proxy', otherCart, signature))).toBe(false);
    expect(await verify(withQuery('https://app.example/proxy', [...query, ['amount', '1']], signature))).toBe(false);
    expect(await verify(withQuery('https://app.example/proxy', query.slice(1), signature))).toBe(false);
    const flipped = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
    expect(await verify(withQuery('https://app.example/proxy', query, flipped))).toBe(false);
    expect(await verify(withQuery('https://app.example/proxy', query))).toBe(false);
    expect(await verify(withQuery('https://app.example/proxy', query, ''))).toBe(false);
    expect(await verify(withQuery('https://app.example/proxy', query, signature.slice(0, 40)))).toBe(false);
    expect(await verify(withQuery('https://app.example/proxy', query, `${signature}00`))).toBe(false);
    const twice = withQuery('https://app.example/proxy', query, signature);
    twice.searchParams.append('signature', signature);
    expect(await verify(twice)).toBe(false);
    expect(await verifyAppProxySignature(withQuery('https://app.example/proxy', query, signature), 'secret-5')).toBe(false);
  });

  it('refuses to run without a secret', async () => {
    await expect(verifyAppProxySignature(new URL('https://app.example/proxy?signature=00'), '')).rejects.toThrow(TypeError);
  });
});

describe('withAppProxy: the real handler and sandbox behind a signed app proxy', () => {
  const SECRET = 'shpss_test_client_secret_0123456789';
  const SHOP = 'maple-goods.myshopify.com';
  const STOREFRONT = 'shop.maple.example';
  const ALEX = '6374980000000001';

  let sandbox: ServedSandbox;
  let server: Server;
  let app: string;
  const logs: LogEntry[] = [];
  /** Carts the merchant's server knows, by cart token; the browser only ever sends the token. */
  const carts = new Map<string, { total: number; reference: string }>();
  const resolved: string[] = [];

  beforeAll(async () => {
    sandbox = await serveSandbox({ port: 0 });
    const handler = createFlexitiHandler({
      apiBase: `${sandbox.url}/flexiti/pos-api`,
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      sessionSecret: SESSION_SECRET,
      basePath: '/apps/flexiti',
      resolveOrder: (request) => {
        resolved.push(request.url);
        const token = new URL(request.url).searchParams.get('cart');
        const cart = token === null ? undefined : carts.get(token);
        return cart ? { amount: cart.total, reference: cart.reference } : null;
      },
      logger: (entry) => void logs.push(entry),
      limits: { lookups: { perSession: { max: 100, windowMs: 60_000 }, perAddress: { max: 2, windowMs: 60_000 } } },
    });
    server = createServer(toNodeListener(withAppProxy(handler, { secret: SECRET, proxyPath: '/proxy', shops: [SHOP] })));
    app = await new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
    );
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await sandbox.close();
  });

  interface Proxied {
    method?: 'GET' | 'POST';
    body?: unknown;
    session?: string;
    origin?: string;
    pathPrefix?: string;
    shopperAddress?: string;
    shop?: string;
    timestamp?: number;
    /** Changes the forwarded query after Shopify signed it. */
    tamper?: (url: URL) => void;
    unsigned?: boolean;
  }

  /** What Shopify does with a storefront request under `pathPrefix`: forward it, signed, to /proxy. */
  async function viaShopify(storefrontPath: string, init: Proxied = {}) {
    const pathPrefix = init.pathPrefix ?? '/apps/flexiti';
    const storefront = new URL(storefrontPath, `https://${STOREFRONT}`);
    expect(storefront.pathname.startsWith(pathPrefix)).toBe(true);
    const query: Query = [
      ...storefront.searchParams,
      ['shop', init.shop ?? SHOP],
      ['logged_in_customer_id', ''],
      ['path_prefix', pathPrefix],
      ['timestamp', String(init.timestamp ?? Math.floor(Date.now() / 1000))],
    ];
    const forwarded = `${app}/proxy${storefront.pathname.slice(pathPrefix.length)}`;
    const url = init.unsigned ? withQuery(forwarded, query) : signed(forwarded, query, SECRET);
    init.tamper?.(url);
    const headers: Record<string, string> = {
      'x-forwarded-host': STOREFRONT,
      'x-forwarded-for': init.shopperAddress ?? '203.0.113.7',
    };
    if (init.origin) headers.origin = init.origin;
    if (init.session) headers.authorization = `Bearer ${init.session}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (await response.json()) as any };
  }

  let cartCount = 0;
  function newCart(total: number) {
    const token = `c1-${process.pid}-${++cartCount}?key=${cartCount}f00d`;
    carts.set(token, { total, reference: `SHOPIFY-${process.pid}-${Date.now()}-${cartCount}` });
    return { token, ...carts.get(token)! };
  }

  const sessionPath = (token: string) => `/apps/flexiti/session?cart=${encodeURIComponent(token)}`;

  it('mints a session for the cart the server knows and pays it, every call through the proxy', async () => {
    const cart = newCart(1249.99);
    const minted = await viaShopify(sessionPath(cart.token), { body: { flow: 'checkout' }, origin: `https://${STOREFRONT}` });
    expect(minted.status).toBe(201);
    expect(minted.body).toMatchObject({ flow: 'checkout', amount: 1249.99, currency: 'CAD', reference: cart.reference, endpoint: '/apps/flexiti' });
    // The handler saw the storefront's origin and path, the cart token and the signed shop.
    const seen = new URL(resolved.at(-1)!);
    expect(`${seen.origin}${seen.pathname}`).toBe(`https://${STOREFRONT}/apps/flexiti/session`);
    expect(seen.searchParams.get('cart')).toBe(cart.token);
    expect(seen.searchParams.get('shop')).toBe(SHOP);

    const session = minted.body.session as string;
    const lookup = await viaShopify('/apps/flexiti/lookup', { session, body: { cardNumber: ALEX } });
    expect(lookup.body).toMatchObject({ status: 'eligible', cardLast4: '0001' });
    const receipt = lookup.body.receipt as string;
    expect((await viaShopify('/apps/flexiti/verify', { session, body: { receipt, method: 'sms' } })).body).toEqual({ status: 'sent', method: 'sms' });
    const plans = await viaShopify('/apps/flexiti/plans', { session, body: { receipt } });
    expect(plans.body.amount).toBe(1249.99);
    const paid = await viaShopify('/apps/flexiti/purchase', { session, body: { receipt, plan: { type: 'regular' }, code: '2222' } });
    expect(paid.body).toMatchObject({ status: 'approved', amount: 1249.99, reference: cart.reference });
    expect(sandbox.sandbox.authorizations({ reference: cart.reference })).toHaveLength(1);
  });

  it('answers 404 order_not_found for a cart the server does not know', async () => {
    const response = await viaShopify(sessionPath('c1-unknown?key=0'), { body: { flow: 'checkout' } });
    expect(response).toMatchObject({ status: 404, body: { code: 'order_not_found' } });
  });

  it('refuses unsigned, tampered and stale requests before the handler sees them', async () => {
    const cart = newCart(80);
    const other = newCart(5);
    const before = resolved.length;
    const attempts = [
      await viaShopify(sessionPath(cart.token), { body: {}, unsigned: true }),
      await viaShopify(sessionPath(cart.token), { body: {}, tamper: (url) => url.searchParams.set('cart', other.token) }),
      await viaShopify(sessionPath(cart.token), { body: {}, tamper: (url) => url.searchParams.append('amount', '1') }),
      await viaShopify(sessionPath(cart.token), { body: {}, timestamp: Math.floor(Date.now() / 1000) - 600 }),
      await viaShopify(sessionPath(cart.token), { body: {}, timestamp: Math.floor(Date.now() / 1000) + 600 }),
    ];
    for (const attempt of attempts) expect(attempt).toEqual({ status: 401, body: { code: 'proxy_signature_invalid', message: expect.any(String), retryable: false } });
    expect(resolved.length).toBe(before);
    expect(logs.filter((entry) => entry.event === 'request' && entry.status === 401)).toEqual([]);
  });

  it('refuses a shop that is not on the list, even with a valid signature', async () => {
    const response = await viaShopify(sessionPath(newCart(10).token), { body: {}, shop: 'someone-else.myshopify.com' });
    expect(response).toMatchObject({ status: 403, body: { code: 'shop_not_allowed' } });
  });

  it('answers only under the proxy path', async () => {
    const response = await fetch(`${app}/proxyx/session`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect((await fetch(`${app}/api/flexiti/session`, { method: 'POST' })).status).toBe(404);
  });

  it("gives the browser the storefront path it used, when the merchant renamed the proxy's subpath", async () => {
    const cart = newCart(300);
    const minted = await viaShopify(`/apps/financing/session?cart=${encodeURIComponent(cart.token)}`, {
      body: { flow: 'checkout' },
      pathPrefix: '/apps/financing',
    });
    expect(minted).toMatchObject({ status: 201, body: { endpoint: '/apps/financing', amount: 300 } });
    const lookup = await viaShopify('/apps/financing/lookup', { session: minted.body.session, body: { cardNumber: ALEX }, pathPrefix: '/apps/financing', shopperAddress: '192.0.2.50' });
    expect(lookup.body.status).toBe('eligible');
  });

  it("keeps the handler's origin check: the storefront's pages may call it, other sites may not", async () => {
    const cart = newCart(25);
    const foreign = await viaShopify(sessionPath(cart.token), { body: { flow: 'checkout' }, origin: 'https://evil.example' });
    expect(foreign).toMatchObject({ status: 403, body: { code: 'origin_not_allowed' } });
    const own = await viaShopify(sessionPath(cart.token), { body: { flow: 'checkout' }, origin: `https://${STOREFRONT}` });
    expect(own.status).toBe(201);
  });

  it("rate-limits by the shopper's address (X-Forwarded-For), not by Shopify's", async () => {
    const lookupFrom = async (shopperAddress: string) => {
      const minted = await viaShopify(sessionPath(newCart(40).token), { body: { flow: 'checkout' } });
      return (await viaShopify('/apps/flexiti/lookup', { session: minted.body.session, body: { cardNumber: ALEX }, shopperAddress })).status;
    };
    expect(await lookupFrom('198.51.100.1')).toBe(200);
    expect(await lookupFrom('198.51.100.1')).toBe(200);
    expect(await lookupFrom('198.51.100.1')).toBe(429);
    expect(await lookupFrom('198.51.100.2')).toBe(200);
  });
});
