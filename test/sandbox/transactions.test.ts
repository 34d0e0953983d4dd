import { describe, expect, it } from 'vitest';
import { MINUTE, errorUrl, useSandbox } from './helpers.js';

const h = useSandbox();

const sendCode = async (account: number, body: Record<string, unknown> = { format: 'sms' }) => {
  const r = await h.call('POST', `account/${account}/verify`, { body });
  expect(r.status).toBe(200);
  return r;
};

const authorize = (body: Record<string, unknown>, lang?: string) =>
  h.call('POST', 'authorization', { version: '2.5.1', body, ...(lang ? { query: { lang } } : {}) });

const purchase = (overrides: Record<string, unknown> = {}) => ({
  account_number: 20000001,
  financing_option: { transaction_type: 'promotional_purchase', plan_id: 4, term: 18 },
  amount: 1000,
  auto_capture: false,
  reference: 'order-1001',
  verification_code: '2222',
  ...overrides,
});

const available = async (account: number) =>
  (await h.call('GET', 'customers/lookup', { query: { account_number: String(account) } })).body.available_credit;

const capture = (id: number, body: Record<string, unknown>) => h.call('POST', `authorization/${id}/capture`, { body });
const release = (id: number, body: Record<string, unknown> = {}) => h.call('POST', `authorization/${id}/release`, { body });
const giveBack = (id: number, captureId: number, body: Record<string, unknown>) =>
  h.call('POST', `authorization/${id}/capture/${captureId}/return`, { body });

describe('POST authorization', () => {
  it('authorizes a verified purchase and holds the credit', async () => {
    await sendCode(20000001);
    const r = await authorize(purchase());
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      authorization_id: 1000000000000001,
      account_number: 20000001,
      reference: 'order-1001',
      amount: 1000,
      authorization_status: 'opened',
      remaining_amount: 1000,
      captured_amount: 0,
      creation_date: '2025-06-02T15:00:00.000Z',
      financing_option: { transaction_type: 'promotional_purchase', plan_id: 4, term: 18 },
      auto_capture: false,
      released_amount: 0,
      returned_amount: 0,
      refunded_amount: 0,
      captures: [],
      releases: [],
    });
    expect(await available(20000001)).toBe(4000);
  });

  it('captures the whole amount at once with auto_capture', async () => {
    await sendCode(20000001);
    const r = await authorize(
      purchase({ auto_capture: true, financing_option: { transaction_type: 'regular_purchase' }, reference: undefined }),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      authorization_status: 'closed',
      remaining_amount: 0,
      captured_amount: 1000,
      reference: null,
      capture_id: 100000001,
      financing_option: { transaction_type: 'regular_purchase' },
    });
    const [inspected] = h.served.sandbox.authorizations({ accountNumber: 20000001 });
    expect(inspected?.captures).toEqual([
      {
        capture_id: 100000001,
        reference: null,
        amount: 1000,
        date: '2025-06-02T15:00:00.000Z',
        remaining_capture_amount: 1000,
        returns: [],
        refunds: [],
      },
    ]);
  });

  it('accepts a code from a security answer, once', async () => {
    const code = (await sendCode(20000001, { format: 'security_question', security_qid: 7, security_answer: 'maple' }))
      .body.verification_code;
    expect((await authorize(purchase({ verification_code: code }))).status).toBe(200);
    const replay = await authorize(purchase({ verification_code: code }));
    expect(replay.status).toBe(409);
    expect(replay.body.error).toBe('wrong_verification_code');
  });

  it('answers not_verified without a code for an existing cardholder', async () => {
    const r = await authorize(purchase({ verification_code: undefined }));
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      url: errorUrl('authorization', '2.5.1'),
      message: 'The customer has not been verified for this purchase.',
      error: 'not_verified',
    });
  });

  it('answers not_verified when the in-store request id differs from the verify call', async () => {
    await sendCode(20000001, { format: 'sms', request_id: 'till-1' });
    const r = await authorize(purchase({ request_id: 'till-2' }));
    expect(r.body.error).toBe('not_verified');
    expect((await authorize(purchase({ request_id: 'till-1' }))).status).toBe(200);
  });

  it('answers wrong_verification_code, then tries_exceed after three wrong codes until a new verify', async () => {
    await sendCode(20000001);
    for (let i = 0; i < 3; i++) {
      const r = await authorize(purchase({ verification_code: '1111' }));
      expect(r.status).toBe(409);
      expect(r.body.error).toBe('wrong_verification_code');
    }
    const locked = await authorize(purchase());
    expect(locked.body.error).toBe('tries_exceed');
    await sendCode(20000001);
    expect((await authorize(purchase())).status).toBe(200);
  });

  it('lets a code expire after 10 minutes', async () => {
    await sendCode(20000001);
    h.clock.advance(10 * MINUTE);
    const r = await authorize(purchase());
    expect(r.body.error).toBe('wrong_verification_code');
  });

  it('answers credit_exceeded for Jordan buying 200.00', async () => {
    await sendCode(20000004);
    const r = await authorize(
      purchase({ account_number: 20000004, amount: 200.0, financing_option: { transaction_type: 'regular_purchase' } }),
    );
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      url: errorUrl('authorization', '2.5.1'),
      message: 'The purchase amount exceeds the available credit.',
      error: 'credit_exceeded',
    });
    expect(await available(20000004)).toBe(150);
  });

  it('counts the administrative fee against the available credit', async () => {
    await sendCode(20000004);
    const plan7 = { transaction_type: 'promotional_purchase', plan_id: 7, term: 3 };
    const tooMuch = await authorize(purchase({ account_number: 20000004, amount: 100.02, financing_option: plan7 }));
    expect(tooMuch.body.error).toBe('credit_exceeded');
    const fits = await authorize(purchase({ account_number: 20000004, amount: 100.01, financing_option: plan7 }));
    expect(fits.status).toBe(200);
    expect(await available(20000004)).toBe(49.99);
  });

  it.each([
    ['plan 6 in Quebec', 20000002, { plan_id: 6, term: 3 }],
    ['a prime-only plan for a standard customer', 20000004, { plan_id: 2, term: 3 }],
    ['a term the plan does not have', 20000001, { plan_id: 4, term: 12 }],
  ])('answers plan_term_not_available for %s', async (_label, account, plan) => {
    await sendCode(account);
    const r = await authorize(
      purchase({ account_number: account, amount: 50, financing_option: { transaction_type: 'promotional_purchase', ...plan } }),
      'fr',
    );
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      url: errorUrl('authorization', '2.5.1'),
      message: 'Le plan et la durée choisis ne sont pas offerts à ce client.',
      error: 'plan_term_not_available',
    });
  });

  it('answers plan_term_not_set for a plan the merchant does not offer', async () => {
    await sendCode(20000001);
    const r = await authorize(purchase({ financing_option: { transaction_type: 'promotional_purchase', plan_id: 3, term: 3 } }));
    expect(r.body.error).toBe('plan_term_not_set');
  });

  it('checks the card against the account', async () => {
    await sendCode(20000001);
    const r = await authorize(purchase({ vcc_number: '6374980000000002' }));
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('vcc_account_mismatch');
    expect((await authorize(purchase({ vcc_number: '6374980000000001' }))).status).toBe(200);
  });

  it('refuses accounts that cannot buy', async () => {
    const unknown = await authorize(purchase({ account_number: 29999999 }));
    expect(unknown.status).toBe(404);
    const frozen = await authorize(purchase({ account_number: 20000003 }));
    expect(frozen.body.error).toBe('user_not_able_to_purchase');
    const inactive = await authorize(purchase({ account_number: 20000005 }));
    expect(inactive.body.error).toBe('user_not_active');
  });

  it('lists every input problem', async () => {
    const r = await authorize({ financing_option: { transaction_type: 'promotional_purchase' }, amount: 0, reference: 'x'.repeat(41) });
    expect(r.status).toBe(409);
    expect(r.body.field_errors).toEqual([
      { param: 'account_number', msg: 'required' },
      { param: 'financing_option.plan_id', msg: 'required' },
      { param: 'financing_option.term', msg: 'required' },
      { param: 'amount', msg: 'wrong format' },
      { param: 'auto_capture', msg: 'required' },
      { param: 'reference', msg: 'wrong format' },
    ]);
    const noOption = await authorize({ account_number: 20000001, amount: 5, auto_capture: 'yes' });
    expect(noOption.body.field_errors).toEqual([
      { param: 'financing_option', msg: 'required' },
      { param: 'auto_capture', msg: 'wrong format' },
    ]);
  });
});

describe('GET authorizations and authorization/{id}', () => {
  it('finds authorizations by reference and other filters, page by page', async () => {
    await sendCode(20000001);
    await authorize(purchase({ reference: 'A-1', amount: 10 }));
    h.clock.advance(24 * 60 * MINUTE);
    h.forgetToken();
    await sendCode(20000001);
    await authorize(purchase({ reference: 'B-2', amount: 20, auto_capture: true, verification_code: '2222' }));

    const list = (query: Record<string, string>) => h.call('GET', 'authorizations', { version: '2.5.1', query });
    const byRef = await list({ reference: 'B-2' });
    expect(byRef.status).toBe(200);
    expect(byRef.body).toMatchObject({ page_number: 1, page_size: 10, total: 1 });
    expect(byRef.body.authorizations[0]).toMatchObject({ reference: 'B-2', amount: 20, authorization_status: 'closed' });

    expect((await list({ authorization_status: 'opened' })).body.authorizations.map((a: { reference: string }) => a.reference)).toEqual(['A-1']);
    expect((await list({ account_number: '20000002' })).body.total).toBe(0);
    expect((await list({ creation_date_from: '2025-06-03' })).body.total).toBe(1);
    expect((await list({ creation_date_to: '2025-06-02' })).body.total).toBe(1);
    expect((await list({ transaction_type: 'regular_purchase' })).body.total).toBe(0);
    const page2 = await list({ page_size: '1', page_number: '2' });
    expect(page2.body).toMatchObject({ page_number: 2, page_size: 1, total: 2 });
    expect(page2.body.authorizations.map((a: { reference: string }) => a.reference)).toEqual(['B-2']);
    const bad = await list({ page_size: '101', authorization_status: 'pending' });
    expect(bad.body.field_errors).toEqual([
      { param: 'authorization_status', msg: 'wrong format' },
      { param: 'page_size', msg: 'wrong format' },
    ]);
    expect(h.served.sandbox.authorizations({ reference: 'A-1' })).toHaveLength(1);
  });

  it('returns one authorization, or 404', async () => {
    await sendCode(20000001);
    const created = await authorize(purchase());
    const one = await h.call('GET', `authorization/${created.body.authorization_id}`, { version: '2.5.1' });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(created.body);
    const missing = await h.call('GET', 'authorization/42', { version: '2.5.1' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('not_found');
  });
});

describe('capture, release and return', () => {
  const open = async (amount = 1000) => {
    await sendCode(20000001);
    const r = await authorize(purchase({ amount }));
    expect(r.status).toBe(200);
    return r.body.authorization_id as number;
  };

  it('captures in parts until the authorization closes', async () => {
    const id = await open();
    const first = await capture(id, { amount: 400, reference: 'ship-1' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      capture_id: 100000001,
      authorization_id: id,
      amount: 400,
      reference: 'ship-1',
      date: '2025-06-02T15:00:00.000Z',
      remaining_authorization_amount: 600,
    });
    const over = await capture(id, { amount: 600.01 });
    expect(over.status).toBe(409);
    expect(over.body.error).toBe('auth_amount_exceeded');
    const rest = await capture(id, { amount: 600 });
    expect(rest.body.remaining_authorization_amount).toBe(0);
    const ended = await capture(id, { amount: 1 });
    expect(ended.body).toEqual({
      url: errorUrl(`authorization/${id}/capture`),
      message: 'This authorization is already closed.',
      error: 'authorization_ended',
    });
    const status = await h.call('GET', `authorization/${id}`, { version: '2.5.1' });
    expect(status.body).toMatchObject({ authorization_status: 'closed', captured_amount: 1000, remaining_amount: 0 });
    // Capturing moves no credit: it was held at authorization.
    expect(await available(20000001)).toBe(4000);
  });

  it('releases part or all of the remainder back to the available credit', async () => {
    const id = await open();
    await capture(id, { amount: 300 });
    const part = await release(id, { amount: 200 });
    expect(part.status).toBe(200);
    expect(part.body).toEqual({
      authorization_id: id,
      release_id: 5000000000000001,
      date: '2025-06-02T15:00:00.000Z',
      released_amount: 200,
      remaining_amount: 500,
      authorization_status: 'opened',
    });
    expect(await available(20000001)).toBe(4200);
    expect((await release(id, { amount: 500.01 })).body.error).toBe('auth_amount_exceeded');
    const all = await release(id);
    expect(all.body).toMatchObject({ release_id: 5000000000000002, released_amount: 500, remaining_amount: 0, authorization_status: 'closed' });
    expect(await available(20000001)).toBe(4700);
    expect((await release(id)).body.error).toBe('authorization_ended');
  });

  it('returns captured amounts to the available credit', async () => {
    const id = await open();
    const cap = (await capture(id, { amount: 600 })).body.capture_id as number;
    const partial = await giveBack(id, cap, { reference: 'rma-1', amount: 100, full_return: false });
    expect(partial.status).toBe(200);
    expect(partial.body).toEqual({
      return_id: 3000000000000001,
      reference: 'rma-1',
      capture_id: cap,
      date: '2025-06-02T15:00:00.000Z',
      amount: 100,
      remaining_capture_amount: 500,
      remaining_authorization_amount: 400,
    });
    expect(await available(20000001)).toBe(4100);
    const over = await giveBack(id, cap, { amount: 500.01 });
    expect(over.status).toBe(409);
    expect(over.body.error).toBe('capture_amount_exceeded');
    const full = await giveBack(id, cap, { reference: 'rma-2', full_return: true });
    expect(full.body).toMatchObject({ amount: 500, remaining_capture_amount: 0 });
    expect(await available(20000001)).toBe(4600);
    expect((await giveBack(id, cap, { full_return: true })).body.error).toBe('capture_amount_exceeded');

    const [inspected] = h.served.sandbox.authorizations({ reference: 'order-1001' });
    expect(inspected?.captures[0]?.returns.map((r) => r.amount)).toEqual([100, 500]);
    expect(inspected).toMatchObject({ captured_amount: 600, remaining_amount: 400, released_amount: 0 });
  });

  it('refuses returns more than 100 days after the capture', async () => {
    const id = await open();
    const cap = (await capture(id, { amount: 50 })).body.capture_id as number;
    h.clock.advance(101 * 24 * 60 * MINUTE);
    const token = (await h.newToken()).body.access_token as string;
    const r = await h.call('POST', `authorization/${id}/capture/${cap}/return`, { token, body: { amount: 10 } });
    expect(r.body.error).toBe('return_date_exceeded');
  });

  it('answers 404 for unknown authorizations and captures', async () => {
    const id = await open();
    expect((await capture(99, { amount: 1 })).status).toBe(404);
    expect((await release(99)).status).toBe(404);
    expect((await giveBack(id, 99, { amount: 1 })).status).toBe(404);
    expect((await capture(id, {})).body.field_errors).toEqual([{ param: 'amount', msg: 'required' }]);
  });

  it('keeps the credit consistent over a whole order', async () => {
    const id = await open(900);
    const cap = (await capture(id, { amount: 700 })).body.capture_id as number;
    await release(id);
    await giveBack(id, cap, { amount: 150 });
    // 5000 − 900 held + 200 released + 150 returned
    expect(await available(20000001)).toBe(4450);
  });
});
