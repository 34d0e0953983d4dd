import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_VERSION } from '../../src/schemas/index.js';
import { application, PII } from '../schemas/fixtures.js';
import { expectNoLeaks, newOrder, startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ handler: { allowedOrigins: ['https://shop.example'] } });
});
afterAll(async () => {
  await stack.close();
  expectNoLeaks();
});

const ALEX = '6374980000000001';

function tamper(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [body, signature] = token.split('.') as [string, string];
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
  change(payload);
  return `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}

describe('sessions', () => {
  it('rejects a missing, tampered, expired or wrong-flow session with 401', async () => {
    const session = await stack.session('checkout');
    const cases: Array<[string | undefined, string]> = [
      [undefined, 'session_missing'],
      ['not-a-token', 'session_invalid'],
      [tamper(session, (p) => (p.amount = 1)), 'session_invalid'],
      [tamper(session, (p) => (p.flow = 'apply')), 'session_invalid'],
      [(await stack.handler.createSession({ flow: 'checkout', ...newOrder(), ttlSeconds: 0 })).session, 'session_expired'],
      [await stack.session('apply'), 'session_wrong_flow'],
    ];
    for (const [token, code] of cases) {
      const response = await stack.api('lookup', { ...(token ? { session: token } : {}), body: { cardNumber: ALEX } });
      expect(response.status, code).toBe(401);
      expect(response.body.code).toBe(code);
    }
    expect(stack.sandbox.stats.byRoute['GET customers/lookup'] ?? 0).toBe(0);
  });

  it('carries the contract version the elements check and the mode they show, readable but not forgeable', async () => {
    const session = await stack.session('checkout');
    const payload = JSON.parse(Buffer.from(session.split('.')[0]!, 'base64url').toString());
    expect(payload.v).toBe(CONTRACT_VERSION);
    expect(payload.mode).toBe('sandbox');
    const rendered = await stack.handler.createSession({ flow: 'apply' });
    expect(JSON.parse(Buffer.from(rendered.session.split('.')[0]!, 'base64url').toString()).mode).toBe('sandbox');
    const downgraded = await stack.api('lookup', { session: tamper(session, (p) => (p.v = 0)), body: { cardNumber: ALEX } });
    expect(downgraded.body.code).toBe('session_invalid');
  });

  it('marks an expired session retryable, so the element renews it', async () => {
    const expired = await stack.handler.createSession({ flow: 'apply', ttlSeconds: 0 });
    const response = await stack.api('form-values', { session: expired.session });
    expect(response.body).toMatchObject({ code: 'session_expired', retryable: true });
  });

  it('accepts a receipt only within its own order and for its own purpose', async () => {
    const session = await stack.session('checkout');
    const receipt = (await stack.api('lookup', { session, body: { cardNumber: ALEX } })).body.receipt;
    const otherOrder = await stack.session('checkout');
    const elsewhere = await stack.api('plans', { session: otherOrder, body: { receipt } });
    expect(elsewhere).toMatchObject({ status: 403, body: { code: 'receipt_invalid' } });
    // A cardholder receipt cannot close an account.
    const cancel = await stack.api('apply/cancel', { session, body: { receipt } });
    expect(cancel).toMatchObject({ status: 403, body: { code: 'receipt_invalid' } });
    // A receipt is not a session, and a session is not a receipt.
    expect((await stack.api('plans', { session: receipt, body: { receipt } })).status).toBe(401);
    expect((await stack.api('plans', { session, body: { receipt: session } })).status).toBe(403);
    const forged = tamper(receipt, (p) => (p.account = '20000002'));
    expect((await stack.api('plans', { session, body: { receipt: forged } })).status).toBe(403);
  });

  it('answers 404 when the merchant has no order for a checkout', async () => {
    const bare = await startStack({ handler: { resolveOrder: () => null } });
    try {
      expect((await bare.api('session', { body: { flow: 'checkout' } })).body.code).toBe('order_not_found');
      expect((await bare.api('session', { body: { flow: 'apply' } })).status).toBe(201);
    } finally {
      await bare.close();
    }
  });
});

describe('origins', () => {
  it('refuses a foreign origin and serves an allowed one with CORS', async () => {
    const foreign = await stack.api('session', { body: { flow: 'apply' }, headers: { origin: 'https://evil.example' } });
    expect(foreign).toMatchObject({ status: 403, body: { code: 'origin_not_allowed' } });
    const allowed = await stack.api('session', { body: { flow: 'apply' }, headers: { origin: 'https://shop.example' } });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const preflight = await stack.api('purchase', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const same = await stack.api('session', { body: { flow: 'apply' }, headers: { origin: stack.url } });
    expect(same.status).toBe(201);
  });
});

describe('bad requests never reach Flexiti', () => {
  it('answers malformed, oversized, mistyped and unknown input with a code', async () => {
    const session = await stack.session('checkout');
    const before = stack.sandbox.stats.requests;
    const cases: Array<[Parameters<Stack['api']>[1], number, string]> = [
      [{ rawBody: '{"cardNumber":', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
      [{ rawBody: 'cardNumber=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
      [{ rawBody: JSON.stringify({ cardNumber: 'x'.repeat(20_000) }), headers: { 'content-type': 'application/json' } }, 413, 'payload_too_large'],
      [{ body: { cardNumber: 6374980000000001 } }, 422, 'invalid_request'],
      [{ body: { cardNumber: ALEX, pin: '1234' } }, 422, 'invalid_request'],
      [{ body: { cardNumber: ALEX, accountNumber: '20000001' } }, 422, 'invalid_request'],
      [{ body: [] }, 422, 'invalid_request'],
    ];
    for (const [init, status, code] of cases) {
      const response = await stack.api('lookup', { session, ...init });
      expect(response.status, code).toBe(status);
      expect(response.body.code).toBe(code);
    }
    const apply = await stack.api('apply', { session, body: { application: { ...application(), riskRating: 'L' }, termsVersion: 'unread' } });
    expect(apply).toMatchObject({ status: 422, body: { code: 'invalid_fields', fieldErrors: [{ field: 'riskRating', code: 'invalid' }] } });
    expect(await stack.api('nope', { session })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(stack.sandbox.stats.requests).toBe(before);
  });

  it('limits application attempts per session, and a rejected body spends nothing', async () => {
    const session = await stack.session('apply');
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await stack.apply(session, { ...application(), phone: 'x' })).status);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422, 422, 422]);
    const valid = application();
    for (let i = 0; i < 5; i++) {
      expect((await stack.apply(session, valid)).status).toBe(200);
    }
    const limited = await stack.apply(session, valid);
    expect(limited.body).toMatchObject({ code: 'rate_limited', retryable: true });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('personal data', () => {
  it('never logs or echoes what the applicant typed', async () => {
    const session = await stack.session('apply');
    await stack.apply(session, application({ middleName: 'P-REVIEW_MISC' }));
    await stack.apply(await stack.session('apply'), application({ sin: '130692545' }));
    const logText = JSON.stringify(stack.logs);
    for (const value of PII) expect(logText).not.toContain(value);
    expect(stack.logs.some((l) => l.route === 'apply' && l.referenceId)).toBe(true);
  });
});
