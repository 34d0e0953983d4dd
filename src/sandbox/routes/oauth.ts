/** `POST oauth/token`: client credentials and refresh grants, OAuth error bodies. */
import { OAuthError, type Ctx, type SandboxContext } from '../http.js';
import type { Scope } from '../state.js';

const FORM = /^application\/x-www-form-urlencoded\b/i;

export function tokenHandler(ctx: SandboxContext) {
  const { options, state } = ctx;
  return async (c: Ctx): Promise<Response> => {
    if (!FORM.test(c.req.header('content-type') ?? '')) {
      throw new OAuthError(400, 'invalid_request', 'The request must be application/x-www-form-urlencoded');
    }
    // Flexiti reads only the form body; credentials in the query string are ignored.
    const form = new URLSearchParams(await c.req.text());
    const grantType = form.get('grant_type');
    if (grantType !== 'client_credentials' && grantType !== 'refresh_token') {
      throw new OAuthError(400, 'invalid_request', 'Invalid or missing grant_type parameter');
    }
    const clientId = form.get('client_id');
    if (!clientId || clientId !== options.clientId) {
      throw new OAuthError(400, 'invalid_client', 'Invalid or missing client_id parameter');
    }
    if (form.get('client_secret') !== options.clientSecret) {
      throw new OAuthError(400, 'invalid_client', 'Client credentials are invalid');
    }

    const now = options.now();
    let scope: Scope;
    if (grantType === 'refresh_token') {
      const previous = state.refreshTokens.get(form.get('refresh_token') ?? '');
      // Only a live token can be refreshed; once it has expired the client starts over.
      if (!previous || now >= previous.expiresAt) {
        throw new OAuthError(400, 'invalid_grant', 'Invalid or expired refresh_token');
      }
      // Refresh tokens are single use; the old access token lives until its own expiry.
      state.refreshTokens.delete(previous.refreshToken);
      scope = previous.scope;
    } else {
      const requested = form.get('scope') ?? 'merchant';
      if (requested !== 'merchant' && requested !== 'customer') {
        throw new OAuthError(400, 'invalid_scope', 'An unsupported scope was requested');
      }
      scope = requested;
    }

    const ttl = options.tokenTtlSeconds;
    const token = state.issueToken(scope, now + ttl * 1000);
    return c.json({
      token_type: 'bearer',
      access_token: token.accessToken,
      expires_in: ttl,
      refresh_token: token.refreshToken,
      scope: token.scope,
    });
  };
}
