/**
 * The merchant handler behind a Shopify app proxy.
 *
 * Shopify forwards `https://{shop}/apps/flexiti/*` to the app's proxy URL (for example
 * `https://app.example/proxy/*`) and adds signed query parameters: `shop`,
 * `logged_in_customer_id`, `path_prefix`, `timestamp` and `signature`. `withAppProxy` answers
 * requests whose signature fails with 401 and hands the others to the handler as if they had
 * arrived at the storefront's own origin and the handler's `basePath`.
 *
 * Web Crypto only (`crypto.subtle`): Node 20, Cloudflare Workers, Deno, Bun. In your app, import
 * the types from `flexiti-checkout/server`.
 */
import type { FlexitiHandler, RequestContext } from '../../src/server/index.js';

const encoder = new TextEncoder();

/**
 * Shopify's app proxy signature: every query parameter but `signature`, as `key=value` with the
 * values of a repeated key joined by `,`, sorted, concatenated without a separator, then
 * HMAC-SHA256 with the app's client secret, in lowercase hex. Compared in constant time.
 *
 * Only the signature is checked here; `withAppProxy` also refuses stale timestamps.
 */
export async function verifyAppProxySignature(url: URL, secret: string): Promise<boolean> {
  if (secret === '') throw new TypeError('The app proxy secret is empty: use the app\'s client secret');
  const signatures = url.searchParams.getAll('signature');
  const given = signatures.length === 1 ? fromHex(signatures[0]!) : undefined;
  if (!given) return false;
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(signedMessage(url.searchParams))));
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected[i]! ^ given[i]!;
  return difference === 0;
}

/** `key=value` per parameter name (repeated values joined by `,`), sorted byte-wise, concatenated. */
function signedMessage(params: URLSearchParams): string {
  const values = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === 'signature') continue;
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  }
  // Shopify sorts the UTF-8 strings (Ruby's `sort`), which is not JavaScript's UTF-16 order.
  const pairs = [...values].map(([key, list]) => encoder.encode(`${key}=${list.join(',')}`));
  pairs.sort(compareBytes);
  return new TextDecoder().decode(concat(pairs));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A SHA-256 HMAC in hex (64 characters), as bytes; anything else is not a signature. */
function fromHex(hex: string): Uint8Array | undefined {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return undefined;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export interface AppProxyOptions {
  /** The app's client secret (Shopify's "API secret key"): it signs every proxied request. */
  secret: string;
  /** The path of the app proxy's URL on this server, e.g. `/proxy` for `https://app.example/proxy`. */
  proxyPath: string;
  /** The `*.myshopify.com` domains allowed; default any shop that signs with `secret`. */
  shops?: readonly string[];
  /** Refuse a request whose `timestamp` is further than this from now. Default 90 seconds. */
  maxAgeSeconds?: number;
  /**
   * The shopper's address for the handler's per-address rate limits. Default: the first entry of
   * `X-Forwarded-For`, which Shopify sets to the shopper's address (every proxied request comes
   * from Shopify's own servers).
   */
  clientAddress?: (request: Request) => string | undefined;
  /** Millisecond clock for the timestamp check (tests). */
  now?: () => number;
}

/**
 * Wraps the handler for the app proxy. What it returns is itself a handler (callable, `fetch`,
 * `createSession`) whose `basePath` is `proxyPath`, so the Node and Express adapters of
 * `flexiti-checkout/server/node` mount it as they mount the handler.
 *
 * For a request under `proxyPath` with a valid, fresh signature from an allowed shop, the handler
 * sees the request at `https://{X-Forwarded-Host or shop}{basePath}{rest of the path}` with the
 * query unchanged (its own-origin check then accepts the storefront's pages and nothing else), and
 * `POST session` answers with `endpoint` set to the signed `path_prefix`, the path the browser
 * reaches the handler by, even when the merchant changed it in the Shopify admin.
 */
export function withAppProxy(handler: FlexitiHandler, options: AppProxyOptions): FlexitiHandler {
  if (options.secret === '') throw new TypeError('withAppProxy: `secret` is empty: use the app\'s client secret');
  if (!options.proxyPath.startsWith('/')) throw new TypeError('withAppProxy: `proxyPath` must start with "/"');
  const proxyPath = options.proxyPath.replace(/\/+$/, '');
  const maxAgeSeconds = options.maxAgeSeconds ?? 90;
  const now = options.now ?? Date.now;
  const clientAddress = options.clientAddress ?? firstForwardedFor;

  const handle = async (request: Request, context: RequestContext = {}): Promise<Response> => {
    const url = new URL(request.url);
    const rest = url.pathname.slice(proxyPath.length);
    if (!url.pathname.startsWith(proxyPath) || (rest !== '' && !rest.startsWith('/'))) {
      return refuse(404, 'not_found', 'No such route.');
    }
    const params = url.searchParams;
    const shop = params.get('shop') ?? '';
    const timestamp = Number(params.get('timestamp'));
    const fresh = Number.isFinite(timestamp) && timestamp > 0 && Math.abs(now() / 1000 - timestamp) <= maxAgeSeconds;
    if (!fresh || !(await verifyAppProxySignature(url, options.secret))) {
      return refuse(401, 'proxy_signature_invalid', 'The request did not come through the Shopify app proxy.');
    }
    if (options.shops && !options.shops.includes(shop)) {
      return refuse(403, 'shop_not_allowed', 'This shop may not use the handler.');
    }

    const forwardedHost = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? '';
    const host = HOST.test(forwardedHost) ? forwardedHost : shop;
    if (!HOST.test(host)) return refuse(400, 'proxy_request_invalid', 'The proxied request names no shop.');
    const inner = new Request(`https://${host}${handler.basePath}${rest}${url.search}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      // Node's fetch streams a request body only with `duplex: 'half'`; other runtimes ignore it.
      duplex: 'half',
    } as RequestInit);
    const address = clientAddress(request) ?? context.clientAddress;
    const response = await handler(inner, { ...context, ...(address === undefined ? {} : { clientAddress: address }) });

    const pathPrefix = params.get('path_prefix') ?? '';
    const isSession = request.method === 'POST' && rest === '/session' && response.status === 201;
    return isSession && PATH_PREFIX.test(pathPrefix) && pathPrefix !== handler.basePath
      ? withEndpoint(response, pathPrefix)
      : response;
  };

  return Object.assign(handle, {
    fetch: handle,
    basePath: proxyPath,
    createSession: handler.createSession,
    merchant: handler.merchant,
  });
}

/** A host name with an optional port, nothing that could change the path. */
const HOST = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$/i;
/** `/apps/flexiti`: Shopify's prefixes (`apps`, `a`, `community`, `tools`) and a subpath. */
const PATH_PREFIX = /^(?:\/[A-Za-z0-9_-]+){2}$/;

function firstForwardedFor(request: Request): string | undefined {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || undefined;
}

async function withEndpoint(response: Response, endpoint: string): Promise<Response> {
  const body = (await response.json()) as Record<string, unknown>;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify({ ...body, endpoint }), { status: response.status, headers });
}

function refuse(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ code, message, retryable: false }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
