import type { Logger } from './logger.js';
import { backoffDelay, sleep, type RetryPolicy } from './retry.js';
import { randomId } from './signing.js';

/**
 * Holds the Flexiti access token. One token request at a time however many calls wait for it
 * (single flight); refreshed with the `refresh_token` grant shortly before it expires, falling
 * back to client credentials; invalidated when Flexiti answers `401 invalid_token`.
 */

export interface TokenManagerOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  fetch: typeof fetch;
  logger: Logger;
  retry: RetryPolicy;
  timeoutMs: number;
  /** Refresh this long before `expires_in` runs out. */
  refreshMarginMs?: number;
  now?: () => number;
}

interface Token {
  accessToken: string;
  refreshToken: string | undefined;
  expiresAt: number;
}

export class FlexitiAuthError extends Error {
  constructor(readonly code: string) {
    super(`Flexiti rejected the client credentials (${code})`);
  }
}

export class FlexitiUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`Flexiti is unavailable (${reason})`);
  }
}

export class TokenManager {
  private token: Token | undefined;
  private inflight: Promise<Token> | undefined;
  private readonly now: () => number;
  private readonly margin: number;

  constructor(private readonly options: TokenManagerOptions) {
    this.now = options.now ?? Date.now;
    this.margin = options.refreshMarginMs ?? 60_000;
  }

  async get(): Promise<string> {
    const token = this.token;
    if (token && this.now() < token.expiresAt - this.margin) return token.accessToken;
    return (await this.renew()).accessToken;
  }

  /**
   * Flexiti said this token is invalid (expired early or revoked): its refresh token is no better,
   * so the next `get()` goes straight to client credentials.
   */
  invalidate(accessToken: string): void {
    if (this.token?.accessToken === accessToken) this.token = undefined;
  }

  private renew(): Promise<Token> {
    this.inflight ??= this.obtain().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async obtain(): Promise<Token> {
    const previous = this.token;
    // Flexiti cannot refresh an expired token.
    if (previous?.refreshToken && this.now() < previous.expiresAt) {
      try {
        return (this.token = await this.request({ grant_type: 'refresh_token', refresh_token: previous.refreshToken }));
      } catch (error) {
        if (error instanceof FlexitiUnavailableError) throw error;
        this.options.logger({ level: 'info', event: 'token_refresh_rejected', code: (error as FlexitiAuthError).code });
      }
    }
    return (this.token = await this.request({ grant_type: 'client_credentials' }));
  }

  private async request(grant: Record<string, string>): Promise<Token> {
    const { tokenUrl, clientId, clientSecret, retry, logger } = this.options;
    const body = new URLSearchParams({ ...grant, client_id: clientId, client_secret: clientSecret });
    const referenceId = randomId();
    for (let attempt = 1; ; attempt++) {
      const started = this.now();
      let response: Response;
      try {
        response = await this.options.fetch(tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-reference-id': referenceId },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch {
        logger({ level: 'warn', event: 'token_transport_error', referenceId, attempt });
        if (attempt >= retry.attempts) throw new FlexitiUnavailableError('transport');
        await sleep(backoffDelay(retry, attempt));
        continue;
      }
      if (response.status >= 500 || response.status === 429) {
        await response.body?.cancel();
        logger({ level: 'warn', event: 'token_unavailable', referenceId, status: response.status, attempt });
        if (attempt >= retry.attempts) throw new FlexitiUnavailableError(`status ${response.status}`);
        await sleep(backoffDelay(retry, attempt, response.headers.get('retry-after')));
        continue;
      }
      const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (!response.ok || typeof json.access_token !== 'string') {
        const code = typeof json.error === 'string' ? json.error : `status_${response.status}`;
        logger({ level: 'warn', event: 'token_rejected', referenceId, status: response.status, code });
        throw new FlexitiAuthError(code);
      }
      const expiresIn = typeof json.expires_in === 'number' ? json.expires_in : 1200;
      logger({ level: 'info', event: 'token_issued', referenceId, durationMs: this.now() - started });
      return {
        accessToken: json.access_token,
        refreshToken: typeof json.refresh_token === 'string' ? json.refresh_token : undefined,
        expiresAt: started + expiresIn * 1000,
      };
    }
  }
}
