import { Agent, request } from 'undici';
import type { Transport } from './transport.js';

/**
 * Flexiti over undici's `request`, with its own header and body timeouts: no `Request`,
 * `Response`, Web Stream or `AbortSignal` per call, which in Node cost more CPU than the rest of a
 * proxied call. Node only; the Node adapters install it.
 */
export function undiciTransport(): Transport {
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? null) : (value ?? null));
  return async (url, init) => {
    const { statusCode, headers, body } = await request(url, {
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      headersTimeout: init.timeoutMs,
      bodyTimeout: init.timeoutMs,
      dispatcher,
    });
    return {
      status: statusCode,
      contentType: first(headers['content-type']),
      retryAfter: first(headers['retry-after']),
      text: await body.text(),
    };
  };
}
