import type { Logger } from './logger.js';
import { backoffDelay, isConnectFailure, sleep, type RetryPolicy } from './retry.js';
import { randomId } from './signing.js';
import type { HandlerState } from './state/types.js';
import { FlexitiUnavailableError, TokenManager } from './token-manager.js';
import type { Exchange, Transport } from './transport.js';

/**
 * Calls the Flexiti POS API for the handler: bearer token, `x-reference-id` (one per operation,
 * reused on its retries), a timeout, one transparent token refresh on `401 invalid_token`, and
 * bounded retries for transport errors, 5xx and 429. Business answers (4xx, 409) are returned
 * as they are, never retried.
 */

export type FlexitiLang = 'en' | 'fr';

/**
 * - `safe`: retried on any transport error, 5xx and 429 (reads, and writes Flexiti dedupes).
 * - `unsafe`: retried only when Flexiti provably did not act (connection refused, 5xx, 429).
 * - `none`: one attempt; the caller reconciles (purchases).
 */
export type RetryMode = 'safe' | 'unsafe' | 'none';

export interface FlexitiRequest {
  method: 'GET' | 'POST';
  /** `v2.5.1` for transactions and calculate-interest. */
  version?: 'v2.5' | 'v2.5.1';
  /** The path after `client-id/{client_id}/`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  retry: RetryMode;
  /** Name used in logs. */
  operation: string;
}

export interface FlexitiResponse {
  status: number;
  body: Record<string, unknown> | unknown[] | string;
  referenceId: string;
}

export interface FlexitiClientOptions {
  /** Up to and including `/flexiti/pos-api`, e.g. `https://posapi.flexiti.fi/flexiti/pos-api`. */
  apiBase: string;
  clientId: string;
  clientSecret: string;
  /** The token endpoint's `fetch`. */
  fetch: typeof fetch;
  /** Every other call. */
  transport: Transport;
  logger: Logger;
  retry: RetryPolicy;
  timeoutMs: number;
  now?: () => number;
  /** Shares the access token between instances. */
  state?: HandlerState;
}

export class FlexitiClient {
  readonly tokens: TokenManager;

  constructor(private readonly options: FlexitiClientOptions) {
    this.tokens = new TokenManager({
      tokenUrl: `${this.base}/v2.5/oauth/token`,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      fetch: options.fetch,
      logger: options.logger,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      ...(options.now ? { now: options.now } : {}),
      state: options.state,
    });
  }

  useTransport(transport: Transport): void {
    this.options.transport = transport;
  }

  private get base(): string {
    return this.options.apiBase.replace(/\/+$/, '');
  }

  async call(request: FlexitiRequest): Promise<FlexitiResponse> {
    const { retry, logger, clientId, timeoutMs } = this.options;
    const referenceId = randomId();
    const url = new URL(`${this.base}/${request.version ?? 'v2.5'}/client-id/${encodeURIComponent(clientId)}/${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const href = url.href;
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    let refreshed = false;
    for (let attempt = 1; ; ) {
      const accessToken = await this.tokens.get();
      const started = Date.now();
      let response: Exchange;
      try {
        response = await this.options.transport(href, {
          method: request.method,
          headers: {
            authorization: `Bearer ${accessToken}`,
            'x-reference-id': referenceId,
            accept: 'application/json',
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(payload === undefined ? {} : { body: payload }),
          timeoutMs,
        });
      } catch (error) {
        const retryable = request.retry === 'safe' || (request.retry === 'unsafe' && isConnectFailure(error));
        logger({ level: 'warn', event: 'flexiti_transport_error', route: request.operation, referenceId, attempt });
        // `connect`: Flexiti never saw the request. `transport`: it may have (a timeout, a reset).
        if (!retryable || attempt >= retry.attempts) throw new FlexitiUnavailableError(isConnectFailure(error) ? 'connect' : 'transport');
        await sleep(backoffDelay(retry, attempt++));
        continue;
      }
      const durationMs = Date.now() - started;
      const body = parseBody(response);

      if (response.status === 401 && !refreshed && isInvalidToken(body)) {
        // The token expired or was revoked early: renew it once and repeat the same call.
        refreshed = true;
        this.tokens.invalidate(accessToken);
        logger({ level: 'info', event: 'flexiti_token_rejected', route: request.operation, referenceId });
        continue;
      }
      if (response.status >= 500 || response.status === 429) {
        logger({ level: 'warn', event: 'flexiti_unavailable', route: request.operation, referenceId, status: response.status, attempt, durationMs });
        if (request.retry === 'none' || attempt >= retry.attempts) throw new FlexitiUnavailableError(`status ${response.status}`);
        await sleep(backoffDelay(retry, attempt++, response.retryAfter));
        continue;
      }
      const code = response.status >= 300 && isRecord(body) && typeof body.error === 'string' ? body.error : undefined;
      logger({
        level: 'info',
        event: 'flexiti_call',
        route: request.operation,
        referenceId,
        status: response.status,
        durationMs,
        ...(code ? { code } : {}),
      });
      return { status: response.status, body, referenceId };
    }
  }
}

function parseBody(response: Exchange): FlexitiResponse['body'] {
  const text = response.text;
  if ((response.contentType ?? '').includes('json')) {
    try {
      return JSON.parse(text) as FlexitiResponse['body'];
    } catch {
      return text;
    }
  }
  return text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInvalidToken(body: unknown): boolean {
  return isRecord(body) && body.error === 'invalid_token';
}

/** The Flexiti error code of a non-2xx answer (`error` in their bodies). */
export function flexitiError(response: FlexitiResponse): string | undefined {
  return response.status >= 400 && isRecord(response.body) && typeof response.body.error === 'string'
    ? response.body.error
    : undefined;
}
