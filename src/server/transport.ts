import { deadline } from './retry.js';

/**
 * One HTTP exchange with Flexiti, read whole. By default it is `fetch` with a deadline signal (any
 * runtime, or the merchant's own `fetch`); served through the Node adapters, it is undici's
 * `request` (`transport-node.ts`).
 */
export interface Exchange {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  text: string;
}

export interface ExchangeInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export type Transport = (url: string, init: ExchangeInit) => Promise<Exchange>;

export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return async (url, init) => {
    const response = await fetchImpl(url, {
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      signal: deadline(init.timeoutMs),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      retryAfter: response.headers.get('retry-after'),
      text: await response.text(),
    };
  };
}
