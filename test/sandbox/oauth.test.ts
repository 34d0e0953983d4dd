import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT } from '../../src/sandbox/index.js';
import { MINUTE, errorUrl, useSandbox } from './helpers.js';

const h = useSandbox();

const INVALID_TOKEN = { code: 401, error: 'invalid_token', error_description: 'The access token provided is invalid.' };
const INVALID_CLIENT = { code: 400, error: 'invalid_client', error_description: 'Client credentials are invalid' };
const INVALID_CLIENT_ID = { code: 400, error: 'invalid_client', error_description: 'Invalid or missing client_id parameter' };
const INVALID_GRANT_TYPE = { code: 400, error: 'invalid_request', error_description: 'Invalid or missing grant_type parameter' };

const credentials = { client_id: SANDBOX_CLIENT.clientId, client_secret: SANDBOX_CLIENT.clientSecret };

describe('POST oauth/token', () => {
  it('issues a bearer token for client credentials', async () => {
    const r = await h.newToken();
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body).toEqual({
      token_type: 'bearer',
      access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      expires_in: 1200,
      refresh_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      scope: 'merchant',
    });
    expect(r.body.access_token).not.toBe(r.body.refresh_token);
  });

  it('answers the documented body for a wrong secret', async () => {
    const r = await h.tokenRequest({ ...credentials, client_secret: 'nope', grant_type: 'client_credentials' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual(INVALID_CLIENT);
  });

  it('answers the documented body for a missing or unknown client id', async () => {
    const missing = await h.tokenRequest({ client_secret: credentials.client_secret, grant_type: 'client_credentials' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(INVALID_CLIENT_ID);
    const unknown = await h.tokenRequest({ ...credentials, client_id: 'someoneelse', grant_type: 'client_credentials' });
    expect(unknown.body).toEqual(INVALID_CLIENT_ID);
  });

  it('answers the documented body for a missing or unsupported grant type', async () => {
    const missing = await h.tokenRequest(credentials);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(INVALID_GRANT_TYPE);
    const password = await h.tokenRequest({ ...credentials, grant_type: 'password' });
    expect(password.body).toEqual(INVALID_GRANT_TYPE);
  });

  it('accepts only form-urlencoded bodies', async () => {
    const r = await h.tokenRequest(JSON.stringify({ ...credentials, grant_type: 'client_credentials' }), 'application/json');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      code: 400,
      error: 'invalid_request',
      error_description: 'The request must be application/x-www-form-urlencoded',
    });
  });

  it('ignores credentials passed in the query string', async () => {
    const qs = new URLSearchParams({ ...credentials, grant_type: 'client_credentials' });
    const res = await fetch(`${h.apiRoot}/v2.5/oauth/token?${qs}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(res.status).toBe(400);
  });

  it('uses the configured lifetime for tokens issued after setTokenTtl', async () => {
    const before = await h.newToken();
    h.served.sandbox.setTokenTtl(60);
    const after = await h.newToken();
    expect(before.body.expires_in).toBe(1200);
    expect(after.body.expires_in).toBe(60);
    h.clock.advance(61_000);
    expect((await h.call('POST', 'merchants/login', { token: after.body.access_token })).status).toBe(401);
    expect((await h.call('POST', 'merchants/login', { token: before.body.access_token })).status).toBe(200);
  });
});

describe('token lifecycle', () => {
  it('expires an access token after expires_in seconds', async () => {
    const { body } = await h.newToken();
    h.clock.advance(1199_000);
    expect((await h.call('POST', 'merchants/login', { token: body.access_token })).status).toBe(200);
    h.clock.advance(1_000);
    const r = await h.call('POST', 'merchants/login', { token: body.access_token });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(INVALID_TOKEN);
  });

  it('refreshes a live token into a new pair; the old access token lives until its own expiry', async () => {
    const first = (await h.newToken()).body;
    h.clock.advance(15 * MINUTE);
    const r = await h.tokenRequest({ ...credentials, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      token_type: 'bearer',
      access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      expires_in: 1200,
      refresh_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      scope: 'merchant',
    });
    expect(r.body.access_token).not.toBe(first.access_token);
    expect((await h.call('POST', 'merchants/login', { token: first.access_token })).status).toBe(200);
    h.clock.advance(5 * MINUTE);
    expect((await h.call('POST', 'merchants/login', { token: first.access_token })).status).toBe(401);
    expect((await h.call('POST', 'merchants/login', { token: r.body.access_token })).status).toBe(200);
  });

  it('refuses to refresh an expired token', async () => {
    const first = (await h.newToken()).body;
    h.clock.advance(1200_000);
    const r = await h.tokenRequest({ ...credentials, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ code: 400, error: 'invalid_grant', error_description: 'Invalid or expired refresh_token' });
  });

  it('refuses an unknown or reused refresh token, and one without the client secret', async () => {
    const first = (await h.newToken()).body;
    const unknown = await h.tokenRequest({ ...credentials, grant_type: 'refresh_token', refresh_token: 'f'.repeat(40) });
    expect(unknown.body.error).toBe('invalid_grant');
    const noSecret = await h.tokenRequest({
      client_id: credentials.client_id,
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(noSecret.body).toEqual(INVALID_CLIENT);
    const once = await h.tokenRequest({ ...credentials, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(once.status).toBe(200);
    const twice = await h.tokenRequest({ ...credentials, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(twice.body.error).toBe('invalid_grant');
  });

  it('revokeTokens makes every issued token unknown', async () => {
    const { body } = await h.newToken();
    h.served.sandbox.revokeTokens();
    const r = await h.call('POST', 'merchants/login', { token: body.access_token });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(INVALID_TOKEN);
    const refresh = await h.tokenRequest({ ...credentials, grant_type: 'refresh_token', refresh_token: body.refresh_token });
    expect(refresh.body.error).toBe('invalid_grant');
    expect((await h.newToken()).status).toBe(200);
  });
});

describe('checks common to every endpoint', () => {
  it('answers 401 invalid_token without a bearer token', async () => {
    const r = await h.call('GET', 'customers/lookup', { token: null, query: { account_number: '20000001' } });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(INVALID_TOKEN);
  });

  it('answers 401 invalid_token for an unknown token or another scheme', async () => {
    const unknown = await h.call('GET', 'customers/lookup', { token: 'a'.repeat(40), query: { account_number: '20000001' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(INVALID_TOKEN);
    const basic = await h.call('GET', 'customers/lookup', {
      token: null,
      headers: { authorization: `Basic ${await h.token()}` },
      query: { account_number: '20000001' },
    });
    expect(basic.status).toBe(401);
  });

  it('requires x-reference-id', async () => {
    const r = await h.call('POST', 'apply', { referenceId: null, body: {} });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      url: errorUrl('apply'),
      message: 'Some inputs are wrong!',
      error: 'wrong_inputs',
      field_errors: [{ param: 'x-reference-id', msg: 'required' }],
    });
    const tooLong = await h.call('POST', 'merchants/login', { referenceId: 'x'.repeat(65) });
    expect(tooLong.status).toBe(409);
    expect(tooLong.body.field_errors).toEqual([{ param: 'x-reference-id', msg: 'wrong format' }]);
    expect((await h.call('POST', 'merchants/login', { referenceId: 'x'.repeat(64) })).status).toBe(200);
  });

  it('answers 404 not_found for another client id', async () => {
    const res = await fetch(`${h.apiRoot}/v2.5/client-id/otherclient/merchants/login`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await h.token()}`, 'x-reference-id': 'r-1' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      url: '/flexiti/pos-api/v2.5/client-id/otherclient/merchants/login',
      message: 'The requested resource was not found.',
      error: 'not_found',
    });
  });

  it('answers 409 wrong_inputs for a body that is not JSON', async () => {
    const r = await h.call('POST', 'apply', { raw: '{"amount_requested": ' });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      url: errorUrl('apply'),
      message: 'Some inputs are wrong!',
      error: 'wrong_inputs',
      field_errors: [{ param: 'body', msg: 'invalid json' }],
    });
  });

  it('refuses an unknown lang and speaks French for lang=fr-CA', async () => {
    const bad = await h.call('POST', 'apply', { body: {}, query: { lang: 'de' } });
    expect(bad.status).toBe(409);
    expect(bad.body.field_errors).toEqual([{ param: 'lang', msg: 'wrong format' }]);
    const fr = await h.call('POST', 'apply', { body: {}, query: { lang: 'fr-CA' } });
    expect(fr.body.message).toBe('Certaines données saisies sont erronées!');
  });

  it('keeps customer-scope tokens to shopper-facing endpoints', async () => {
    const customer = (await h.newToken({ scope: 'customer' })).body;
    expect(customer.scope).toBe('customer');
    const lookup = await h.call('GET', 'customers/lookup', {
      token: customer.access_token,
      query: { account_number: '20000001' },
    });
    expect(lookup.status).toBe(403);
    expect(lookup.body).toEqual({
      code: 403,
      error: 'insufficient_scope',
      error_description: 'Insufficient scope: authorized scope is insufficient',
    });
    const terms = await h.call('GET', 'terms-and-conditions', {
      token: customer.access_token,
      query: { province: 'ON' },
    });
    expect(terms.status).toBe(200);
  });

  it('answers 404 not_found for a path the API does not have', async () => {
    const r = await h.call('GET', 'nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error).toBe('not_found');
    // calculate-interest moved to v2.5.1; the v2.5 path is gone.
    const old = await h.call('POST', 'accounts/20000001/calculate-interest', { body: { amount: 10 } });
    expect(old.status).toBe(404);
  });
});
