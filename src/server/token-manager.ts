import type { Logger } from './logger.js';
import { backoffDelay, deadline, sleep, type RetryPolicy } from './retry.js';
import { randomId } from './signing.js';
import { StateUnavailableError, type HandlerState } from './state/types.js';

/**
 * Holds the Flexiti access token. One token request at a time however many calls wait for it
 * (single flight), across instances too when the state is shared: the token lives in the shared
 * store and one instance, holding a short claim, renews it while the others wait for it. Renewed
 * with the `refresh_token` grant shortly before it expires (at most half its lifetime early),
 * falling back to client credentials; dropped when Flexiti answers `401 invalid_token`.
 */

export interface TokenManagerOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  fetch: typeof fetch;
  logger: Logger;
  retry: RetryPolicy;
  timeoutMs: number;
  /** Refresh this long before `expires_in` runs out, at most half the lifetime. Default 60 s. */
  refreshMarginMs?: number;
  now?: () => number;
  /** Shared state: one token for every instance. */
  state?: HandlerState | undefined;
}

interface Token {
  accessToken: string;
  refreshToken: string | undefined;
  expiresAt: number;
  /** When to renew it: `expiresAt` less the margin (at most half the lifetime). */
  renewAt: number;
}

// The token belongs to one client of one Flexiti environment.
const sharedKey = (options: TokenManagerOptions) => `token:${options.clientId}@${options.tokenUrl}`;

export class FlexitiAuthError extends Error {
  constructor(readonly code: string) {
    super(`Flexiti rejected the client credentials (${code})`);
  }
}

export class FlexitiUnavailableError extends Error {
  /** `connect` (never reached Flexiti), `transport` (a timeout or reset: it may have), or `status N`. */
  constructor(readonly reason: string) {
    super(`Flexiti is unavailable (${reason})`);
  }
}

export class TokenManager {
  private token: Token | undefined;
  private inflight: Promise<Token> | undefined;
  /** The last token Flexiti refused: never taken back from the shared store. */
  private rejected: string | undefined;
  private readonly now: () => number;
  private readonly margin: number;

  constructor(private readonly options: TokenManagerOptions) {
    this.now = options.now ?? Date.now;
    this.margin = options.refreshMarginMs ?? 60_000;
  }

  async get(): Promise<string> {
    const token = this.token;
    if (token && this.now() < token.renewAt) return token.accessToken;
    return (await this.renew()).accessToken;
  }

  /**
   * Flexiti said this token is invalid (expired early or revoked): its refresh token is no better,
   * so the next `get()` goes straight to client credentials.
   */
  invalidate(accessToken: string): void {
    this.rejected = accessToken;
    if (this.token?.accessToken === accessToken) this.token = undefined;
  }

  private renew(): Promise<Token> {
    this.inflight ??= (this.options.state?.shared ? this.obtainShared() : this.obtain()).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private usable(token: Token | undefined): token is Token {
    return token !== undefined && token.accessToken !== this.rejected && this.now() < token.renewAt;
  }

  /** Takes the shared token, or renews it under a claim while the other instances wait. */
  private async obtainShared(): Promise<Token> {
    const { claims, values } = this.options.state!;
    const deadline = this.now() + this.options.timeoutMs * this.options.retry.attempts;
    try {
      for (let wait = 20; ; wait = Math.min(wait * 2, 200)) {
        const shared = await values.get<Token>(sharedKey(this.options));
        if (this.usable(shared)) return (this.token = shared);
        const claim = await claims.claim(`renewal:${sharedKey(this.options)}`, this.options.timeoutMs * this.options.retry.attempts + 5_000);
        if (claim.state === 'claimed') {
          try {
            const again = await values.get<Token>(sharedKey(this.options));
            if (this.usable(again)) return (this.token = again);
            const token = await this.obtain(again ?? this.token);
            await values.set(sharedKey(this.options), token, token.expiresAt - this.now());
            return token;
          } finally {
            await claims.release(`renewal:${sharedKey(this.options)}`, claim.token).catch(() => {});
          }
        }
        // Another instance is renewing it; if it vanished, its claim lapses and this one renews.
        if (this.now() > deadline) return await this.obtain();
        await sleep(wait);
      }
    } catch (error) {
      if (!(error instanceof StateUnavailableError)) throw error;
      this.options.logger({ level: 'warn', event: 'state_unavailable', route: 'token' });
      return this.obtain();
    }
  }

  private async obtain(previous = this.token): Promise<Token> {
    // Flexiti cannot refresh an expired token.
    if (previous?.refreshToken && previous.accessToken !== this.rejected && this.now() < previous.expiresAt) {
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
          signal: deadline(this.options.timeoutMs),
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
      const lifetimeMs = (typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 1200) * 1000;
      logger({ level: 'info', event: 'token_issued', referenceId, durationMs: this.now() - started });
      return {
        accessToken: json.access_token,
        refreshToken: typeof json.refresh_token === 'string' ? json.refresh_token : undefined,
        expiresAt: started + lifetimeMs,
        renewAt: started + lifetimeMs - Math.min(this.margin, lifetimeMs / 2),
      };
    }
  }
}
