/**
 * The admin routes: the merchant API over HTTP for back offices that are not JavaScript. Off by
 * default; the admin key or nothing; never a shopper's session; one audit line per operation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT } from '../../src/sandbox/index.js';
import { uniformLimits } from '../../src/server/index.js';
import { application } from '../schemas/fixtures.js';
import { expectNoLeaks, newOrder, startStack, type ApiInit, type Stack } from './stack.js';

const ADMIN_KEY = 'admin-key-for-tests-0123456789abcdefghij';

let stack: Stack;
let plain: Stack;
beforeAll(async () => {
  [stack, plain] = await Promise.all([
    startStack({
      handler: { adminKey: ADMIN_KEY, autoCapture: false, limits: uniformLimits({ max: 10_000, windowMs: 60_000 }), allowedOrigins: ['https://shop.example'] },
    }),
    startStack(),
  ]);
});
afterAll(async () => {
  await Promise.all([stack.close(), plain.close()]);
  expectNoLeaks();
});

const admin = (path: string, init: ApiInit & { key?: string | null; operation?: string } = {}) =>
  stack.api(`admin/${path}`, {
    ...init,
    headers: {
      ...(init.key === null ? {} : { authorization: `Bearer ${init.key ?? ADMIN_KEY}` }),
      ...(init.operation ? { 'idempotency-key': init.operation } : {}),
      ...init.headers,
    },
  });

async function pay(amount: number) {
  const { authorizationId: id, reference, session } = await stack.pay(amount);
  return { id, reference, session };
}

describe('who may use them', () => {
  it('are off unless an admin key is configured', async () => {
    const response = await plain.api('admin/authorizations', { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(response).toMatchObject({ status: 404, body: { code: 'not_found' } });
  });

  it('refuse no key, a wrong key, a key of another length, and every shopper session', async () => {
    expect(await admin('authorizations', { key: null })).toMatchObject({ status: 401, body: { code: 'admin_key_missing' } });
    expect(await admin('authorizations', { key: ADMIN_KEY.replace(/.$/, 'x') })).toMatchObject({ status: 401, body: { code: 'admin_key_invalid' } });
    expect(await admin('authorizations', { key: ADMIN_KEY.slice(0, 10) })).toMatchObject({ status: 401, body: { code: 'admin_key_invalid' } });
    const { session } = await pay(20);
    expect(await admin('authorizations', { key: session })).toMatchObject({ status: 403, body: { code: 'shopper_session_refused' } });
    const expired = await stack.handler.createSession({ flow: 'apply', ttlSeconds: 0 });
    expect(await admin('authorizations', { key: expired.session })).toMatchObject({ status: 403, body: { code: 'shopper_session_refused' } });
    // A shopper's session on the shopper's routes next to the key changes nothing either.
    const both = await admin('authorizations', { key: session, headers: { 'x-admin-key': ADMIN_KEY } });
    expect(both.status).toBe(403);
  });

  it('refuse browsers from other origins, even allowed ones', async () => {
    const response = await admin('authorizations', { headers: { origin: 'https://shop.example' } });
    expect(response).toMatchObject({ status: 403, body: { code: 'origin_not_allowed' } });
  });

  it('refuse a short admin key at start', async () => {
    await expect(startStack({ handler: { adminKey: 'short' } })).rejects.toThrow(/adminKey/);
  });
});

describe('the operations', () => {
  it('read, capture, return and release over HTTP, once per Idempotency-Key, with an audit line each', async () => {
    const { id, reference } = await pay(200);
    const read = await admin(`authorizations/${id}`);
    expect(read).toMatchObject({ status: 200, body: { authorizationId: id, reference, state: 'authorized', remainingAmount: 200 } });
    expect(read.headers.get('cache-control')).toBe('no-store');

    expect(await admin(`authorizations/${id}/capture`, { body: { amount: 50 } })).toMatchObject({ status: 400, body: { code: 'operation_key_required' } });
    const operation = `cap-${reference}`;
    const captures = await Promise.all(Array.from({ length: 5 }, () => admin(`authorizations/${id}/capture`, { body: { amount: 120 }, operation })));
    expect(captures.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(captures.map((c) => JSON.stringify(c.body))).size).toBe(1);
    const { captureId } = captures[0]!.body as { captureId: string };

    const over = await admin(`authorizations/${id}/capture`, { body: { amount: 80.01 }, operation: `cap2-${reference}` });
    expect(over).toMatchObject({ status: 409, body: { code: 'amount_exceeds_remaining', retryable: false } });
    const overReturn = await admin(`authorizations/${id}/captures/${captureId}/return`, { body: { amount: 120.01 }, operation: `ret0-${reference}` });
    expect(overReturn).toMatchObject({ status: 409, body: { code: 'amount_exceeds_captured' } });

    const returned = await admin(`authorizations/${id}/captures/${captureId}/return`, { body: { amount: 20 }, operation: `ret-${reference}` });
    expect(returned).toMatchObject({ status: 200, body: { operation: 'return', amount: 20, remainingCaptureAmount: 100 } });
    const released = await admin(`authorizations/${id}/release`, { rawBody: '', operation: `rel-${reference}` });
    expect(released).toMatchObject({ status: 200, body: { operation: 'release', amount: 80, remainingAmount: 0 } });
    const reused = await admin(`authorizations/${id}/release`, { body: { amount: 1 }, operation: `rel-${reference}` });
    expect(reused).toMatchObject({ status: 409, body: { code: 'operation_key_reused' } });

    expect(stack.sandbox.authorizations({ reference })[0]).toMatchObject({ captured_amount: 120, released_amount: 80 });
    const audit = stack.logs.filter((l) => l.event === 'merchant_operation' && l.authorizationId === id);
    expect(audit.map((l) => [l.operation, l.amount, l.outcome])).toEqual(
      expect.arrayContaining([
        ['capture', 120, 'done'],
        ['capture', 120, 'repeated'],
        ['capture', 80.01, 'refused'],
        ['return', 20, 'done'],
        ['release', 80, 'done'],
      ]),
    );
    expect(audit.find((l) => l.outcome === 'refused' && l.operation === 'capture')?.code).toBe('amount_exceeds_remaining');
    // Operation, ids, amounts and outcome: nothing about the shopper.
    expect(JSON.stringify(audit)).not.toMatch(/6374980000000001|Alex|Tremblay|20000001/);
  });

  it('lists the day’s authorizations and captures, and refuses malformed queries', async () => {
    const { id } = await pay(10);
    await admin(`authorizations/${id}/capture`, { rawBody: '', operation: `cap-all-${id}` });
    const today = new Date().toISOString().slice(0, 10);
    const listed = await admin(`authorizations?from=${today}&to=${today}`);
    expect(listed.status).toBe(200);
    expect(listed.body.authorizations.map((a: { authorizationId: string }) => a.authorizationId)).toContain(id);
    const captures = await admin(`captures?from=${today}&to=${today}&limit=1`);
    expect(captures.body).toMatchObject({ truncated: true });
    expect(captures.body.captures).toHaveLength(1);
    expect(await admin('authorizations?from=yesterday')).toMatchObject({ status: 400, body: { code: 'invalid_date' } });
    expect(await admin('authorizations?status=pending')).toMatchObject({ status: 400, body: { code: 'invalid_query' } });
    expect(await admin('captures?limit=0')).toMatchObject({ status: 400, body: { code: 'invalid_query' } });
    expect(await admin('authorizations/12x')).toMatchObject({ status: 400, body: { code: 'invalid_id' } });
    expect(await admin('authorizations/1999999999999999')).toMatchObject({ status: 404, body: { code: 'authorization_not_found' } });
    expect(await admin(`authorizations/${id}/capture`, { body: { amount: '5' }, operation: 'x-1' })).toMatchObject({ status: 422, body: { code: 'invalid_request' } });
  });
});

/** An authorization made at Flexiti behind the handler's back (another till, a script): the duplicate the report must find. */
async function authorizeDirectly(accountNumber: string, reference: string, amount: number) {
  const api = `${stack.url}/sandbox/flexiti/pos-api`;
  const token = (await (
    await fetch(`${api}/v2.5/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: SANDBOX_CLIENT.clientId, client_secret: SANDBOX_CLIENT.clientSecret, grant_type: 'client_credentials' }),
    })
  ).json()) as { access_token: string };
  const response = await fetch(`${api}/v2.5.1/client-id/${SANDBOX_CLIENT.clientId}/authorization`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json', 'x-reference-id': 'planted-duplicate-0000000000000000' },
    body: JSON.stringify({ account_number: Number(accountNumber), reference, amount, auto_capture: true, financing_option: { transaction_type: 'regular_purchase' } }),
  });
  expect([response.status, await response.text()]).toEqual([200, expect.any(String)]);
}

describe('the reconciliation', () => {
  it('finds a planted missing capture, an amount mismatch and a duplicate, as JSON and as CSV', async () => {
    const matched = await pay(25);
    const mismatched = await pay(26);
    // A new applicant pays through the handler, then is charged again for the same order elsewhere.
    const order = newOrder(27);
    const session = await stack.session('checkout', order);
    const approval = await stack.apply(session, application({ amountRequested: 500 }));
    const paid = await stack.api('purchase', { session, body: { receipt: approval.body.receipt, plan: { type: 'regular' } } });
    expect(paid.body.status).toBe('approved');
    const account = stack.applications.at(-1)!.accountNumber!;
    for (const { id, reference } of [matched, mismatched, { id: paid.body.authorizationId as string, reference: order.reference }]) {
      expect((await admin(`authorizations/${id}/capture`, { rawBody: '', operation: `rc-${reference}` })).status).toBe(200);
    }
    await authorizeDirectly(account, order.reference, 27);
    const date = new Date().toISOString().slice(0, 10);
    const orders = [
      { reference: matched.reference, amount: 25 },
      { reference: mismatched.reference, amount: 26.5 },
      { reference: order.reference, amount: 27 },
      { reference: 'PLANTED-NEVER-CAPTURED', amount: 99.99 },
    ];
    const report = await admin('reconcile', { body: { date, orders } });
    expect(report.status).toBe(200);
    const ours = new Set(orders.map((o) => o.reference));
    const findings = (report.body.findings as Array<{ code: string; reference: string }>).filter((f) => ours.has(f.reference));
    expect(findings.map((f) => `${f.code} ${f.reference}`).sort()).toEqual(
      [
        `amount_mismatch ${mismatched.reference}`,
        `amount_mismatch ${order.reference}`,
        `duplicate ${order.reference}`,
        'missing_at_flexiti PLANTED-NEVER-CAPTURED',
      ].sort(),
    );
    expect(report.body.rows.find((r: { reference: string }) => r.reference === matched.reference)).toMatchObject({ expected: 25, captured: 25, findings: [] });

    const csv = await fetch(`${stack.url}/api/flexiti/admin/reconcile`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, accept: 'text/csv', 'content-type': 'application/json' },
      body: JSON.stringify({ date, orders }),
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="flexiti-reconciliation-${date}.csv"`);
    // Bytes, not text(): a decoder would swallow the byte order mark that spreadsheets need.
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('Date,Reference,')).toBe(true);
    expect(text).toContain('PLANTED-NEVER-CAPTURED');
    expect(stack.logs.some((l) => l.event === 'merchant_operation' && l.operation === 'reconcile')).toBe(true);

    expect(await admin('reconcile', { body: { date: '2026-13-01', orders } })).toMatchObject({ status: 400, body: { code: 'invalid_date' } });
    expect(await admin('reconcile', { body: { date, orders: [{ reference: 'X', amount: 1.001 }] } })).toMatchObject({ status: 400, body: { code: 'invalid_order' } });
  });
});
