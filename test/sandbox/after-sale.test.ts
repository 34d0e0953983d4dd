/**
 * After the sale: captures, releases, returns and refunds over the sandbox's HTTP API, the
 * reports that show them (`GET authorization/{id}`, `GET authorizations`, `GET captures`), and
 * the available credit after each step.
 */
import { describe, expect, it } from 'vitest';
import { MINUTE, errorUrl, useSandbox, type CallOptions } from './helpers.js';

const h = useSandbox();
const DAY = 24 * 60 * MINUTE;
const ALEX = 20000001; // Ontario, 5000.00 limit, all available
const ALEX_CARD = '6374980000000001';
const CAMILLE = 20000002; // Quebec, 3000.00 limit, all available
const JORDAN = 20000004; // 1000.00 limit, 150.00 available: owes 850.00
const LOCATION = '00-12345';

const PROMOTIONAL = { transaction_type: 'promotional_purchase', plan_id: 4, term: 18 };
const REGULAR = { transaction_type: 'regular_purchase' };

/** Verifies the account and authorizes a purchase; returns the authorization answer. */
async function buy(options: {
  account?: number;
  amount: number;
  financing?: Record<string, unknown>;
  autoCapture?: boolean;
  reference?: string;
}): Promise<{ authorization_id: number; capture_id?: number }> {
  const account = options.account ?? ALEX;
  expect((await h.call('POST', `account/${account}/verify`, { body: { format: 'sms' } })).status).toBe(200);
  const r = await h.call('POST', 'authorization', {
    version: '2.5.1',
    body: {
      account_number: account,
      financing_option: options.financing ?? PROMOTIONAL,
      amount: options.amount,
      auto_capture: options.autoCapture ?? false,
      reference: options.reference ?? 'order-1',
      verification_code: '2222',
    },
  });
  expect(r.status).toBe(200);
  return r.body;
}

const capture = (id: number, body: Record<string, unknown>, o: CallOptions = {}) =>
  h.call('POST', `authorization/${id}/capture`, { body, ...o });
const release = (id: number, body: Record<string, unknown> = {}, o: CallOptions = {}) =>
  h.call('POST', `authorization/${id}/release`, { body, ...o });
const giveBack = (id: number, captureId: number, body: Record<string, unknown>, o: CallOptions = {}) =>
  h.call('POST', `authorization/${id}/capture/${captureId}/return`, { body, ...o });
const refund = (account: number, body: Record<string, unknown>, o: CallOptions = {}) =>
  h.call('POST', `accounts/${account}/refund`, { body, ...o });
const getAuthorization = (id: number) => h.call('GET', `authorization/${id}`, { version: '2.5.1' });
const captures = (query: Record<string, string> = {}) => h.call('GET', 'captures', { version: '2.5.1', query });

const available = (account: number) => h.served.sandbox.account(account)?.available_credit;

/** Moves the clock; the cached token would have expired, so a new one is fetched next. */
function advance(ms: number): void {
  h.clock.advance(ms);
  h.forgetToken();
}

function expectError(r: { status: number; body: { error?: unknown } }, status: number, error: string): void {
  expect({ status: r.status, error: r.body.error }).toEqual({ status, error });
}

describe('a promotional purchase from authorization to close', () => {
  it('captures in two parts, returns part of each, releases the rest, and shows all of it', async () => {
    expect(h.served.sandbox.account(ALEX)).toEqual({ account_number: ALEX, credit_limit: 5000, available_credit: 5000 });
    const { authorization_id: id } = await buy({ amount: 1000, reference: 'ORDER-1042' });
    expect(available(ALEX)).toBe(4000);

    const first = await capture(id, { amount: 400, reference: 'ship-1', external_location_id: LOCATION });
    expect(first.body).toMatchObject({ capture_id: 100000001, remaining_authorization_amount: 600 });
    expect(available(ALEX)).toBe(4000); // a capture moves no credit: it was held at authorization

    advance(DAY);
    const second = await capture(id, { amount: 300, reference: 'ship-2' });
    expect(second.body).toMatchObject({ capture_id: 100000002, remaining_authorization_amount: 300 });
    expect(available(ALEX)).toBe(4000);

    const back1 = await giveBack(id, 100000001, { amount: 100, reference: 'rma-1', external_location_id: LOCATION });
    expect(back1.status).toBe(200);
    expect(back1.body).toEqual({
      return_id: 3000000000000001,
      reference: 'rma-1',
      capture_id: 100000001,
      date: '2025-06-03T15:00:00.000Z',
      amount: 100,
      remaining_capture_amount: 300,
      remaining_authorization_amount: 300,
    });
    expect(available(ALEX)).toBe(4100);

    const back2 = await giveBack(id, 100000002, { amount: 50.25, reference: 'rma-2', vcc_number: ALEX_CARD });
    expect(back2.body).toMatchObject({ return_id: 3000000000000002, remaining_capture_amount: 249.75 });
    expect(available(ALEX)).toBe(4150.25);

    advance(DAY);
    const rest = await release(id);
    expect(rest.body).toEqual({
      authorization_id: id,
      release_id: 5000000000000001,
      date: '2025-06-04T15:00:00.000Z',
      released_amount: 300,
      remaining_amount: 0,
      authorization_status: 'closed',
    });
    expect(available(ALEX)).toBe(4450.25);

    const shown = await getAuthorization(id);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      authorization_id: 1000000000000001,
      account_number: ALEX,
      reference: 'ORDER-1042',
      amount: 1000,
      authorization_status: 'closed',
      remaining_amount: 0,
      captured_amount: 700,
      creation_date: '2025-06-02T15:00:00.000Z',
      financing_option: PROMOTIONAL,
      auto_capture: false,
      released_amount: 300,
      returned_amount: 150.25,
      refunded_amount: 0,
      captures: [
        {
          capture_id: 100000001,
          reference: 'ship-1',
          amount: 400,
          date: '2025-06-02T15:00:00.000Z',
          remaining_capture_amount: 300,
          returns: [{ return_id: 3000000000000001, reference: 'rma-1', amount: 100, date: '2025-06-03T15:00:00.000Z' }],
          refunds: [],
        },
        {
          capture_id: 100000002,
          reference: 'ship-2',
          amount: 300,
          date: '2025-06-03T15:00:00.000Z',
          remaining_capture_amount: 249.75,
          returns: [{ return_id: 3000000000000002, reference: 'rma-2', amount: 50.25, date: '2025-06-03T15:00:00.000Z' }],
          refunds: [],
        },
      ],
      releases: [{ release_id: 5000000000000001, amount: 300, date: '2025-06-04T15:00:00.000Z' }],
    });
    // The list, the inspector and the single view agree.
    const listed = await h.call('GET', 'authorizations', { version: '2.5.1', query: { account_number: String(ALEX) } });
    expect(listed.body.authorizations).toEqual([shown.body]);
    expect(h.served.sandbox.authorizations()).toEqual([shown.body]);
    expect(h.served.sandbox.account(29999999)).toBeUndefined();
  });

  it('lets returns and refunds share what a capture holds', async () => {
    const { authorization_id: id } = await buy({ amount: 500 });
    await capture(id, { amount: 400 });
    expect((await refund(ALEX, { amount: 100, capture_id: 100000001, reference: 'goodwill' })).status).toBe(200);
    expect(available(ALEX)).toBe(4600);
    expectError(await giveBack(id, 100000001, { amount: 300.01 }), 409, 'capture_amount_exceeded');
    const full = await giveBack(id, 100000001, { full_return: true });
    expect(full.body).toMatchObject({ amount: 300, remaining_capture_amount: 0, remaining_authorization_amount: 100 });
    expect(available(ALEX)).toBe(4900);
    expectError(await refund(ALEX, { amount: 0.01, capture_id: 100000001 }), 409, 'refunds_limit_exceeded_amount');
    const [shown] = h.served.sandbox.authorizations();
    expect(shown).toMatchObject({ returned_amount: 300, refunded_amount: 100, remaining_amount: 100, authorization_status: 'opened' });
  });

  it('orders GET authorizations by id', async () => {
    await buy({ amount: 10, reference: 'A' });
    await buy({ amount: 20, reference: 'B' });
    await buy({ amount: 30, reference: 'C' });
    const r = await h.call('GET', 'authorizations', { version: '2.5.1', query: { page_size: '2', page_number: '2' } });
    expect(r.body).toMatchObject({ page_number: 2, page_size: 2, total: 3 });
    expect(r.body.authorizations.map((a: { reference: string }) => a.reference)).toEqual(['C']);
    expect(r.body.authorizations[0]).toMatchObject({ captures: [], releases: [], returned_amount: 0 });
  });
});

describe('a regular purchase is refunded, not returned', () => {
  it('refuses the return with wrong_transaction_type, then refunds against the capture', async () => {
    const bought = await buy({ amount: 200, financing: REGULAR, autoCapture: true, reference: 'ORDER-7' });
    const captureId = bought.capture_id as number;
    expect(available(ALEX)).toBe(4800);

    const refused = await giveBack(bought.authorization_id, captureId, { amount: 50 }, { query: { lang: 'fr' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      url: errorUrl(`authorization/${bought.authorization_id}/capture/${captureId}/return`),
      message: 'Seuls les achats promotionnels peuvent faire l’objet d’un retour; un achat régulier est remboursé.',
      error: 'wrong_transaction_type',
    });
    expect(available(ALEX)).toBe(4800);

    const r = await refund(ALEX, {
      amount: 50,
      reference: 'refund-7',
      capture_id: captureId,
      vcc_number: ALEX_CARD,
      external_location_id: LOCATION,
      external_employee_id: '12345-SMITH',
    });
    expect(r.status).toBe(200);
    expect(r.text).toBe('{}');
    expect(available(ALEX)).toBe(4850);

    const shown = (await getAuthorization(bought.authorization_id)).body;
    expect(shown).toMatchObject({ refunded_amount: 50, returned_amount: 0, authorization_status: 'closed' });
    expect(shown.captures).toEqual([
      {
        capture_id: captureId,
        reference: 'ORDER-7',
        amount: 200,
        date: '2025-06-02T15:00:00.000Z',
        remaining_capture_amount: 150,
        returns: [],
        refunds: [{ refund_id: 6000000000000001, reference: 'refund-7', amount: 50, date: '2025-06-02T15:00:00.000Z' }],
      },
    ]);

    expectError(await refund(ALEX, { amount: 150.01, capture_id: captureId }), 409, 'refunds_limit_exceeded_amount');
    expect(available(ALEX)).toBe(4850);
    expect((await refund(ALEX, { amount: 150, capture_id: captureId })).status).toBe(200);
    expect(available(ALEX)).toBe(5000);
  });

  it('refunds without a capture up to the balance owed, and no further', async () => {
    expectError(await refund(JORDAN, { amount: 850.01 }), 409, 'refunds_limit_exceeded_amount');
    expect(available(JORDAN)).toBe(150);
    const r = await refund(JORDAN, { amount: '850.00', reference: 'adjustment' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
    expect(h.served.sandbox.account(JORDAN)).toEqual({ account_number: JORDAN, credit_limit: 1000, available_credit: 1000 });
    expectError(await refund(JORDAN, { amount: 0.01 }), 409, 'refunds_limit_exceeded_amount');
  });

  it('holds a refund against a capture to the balance owed as well', async () => {
    const { capture_id } = await buy({ amount: 100, financing: REGULAR, autoCapture: true });
    expect((await refund(ALEX, { amount: 60 })).status).toBe(200); // owes 40.00 now
    expectError(await refund(ALEX, { amount: 50, capture_id }), 409, 'refunds_limit_exceeded_amount');
    expect((await refund(ALEX, { amount: 40, capture_id })).status).toBe(200);
    expect(available(ALEX)).toBe(5000);
    expect(h.served.sandbox.authorizations()[0]?.captures[0]?.remaining_capture_amount).toBe(60);
  });

  it('lists every input problem of a refund', async () => {
    const empty = await refund(ALEX, {});
    expect(empty.body.field_errors).toEqual([{ param: 'amount', msg: 'required' }]);
    const bad = await refund(ALEX, {
      amount: 10.001,
      reference: 'café',
      capture_id: 'first',
      vcc_number: '1234',
      external_location_id: 12345,
      external_employee_id: 'x'.repeat(51),
    });
    expect(bad.status).toBe(409);
    expect(bad.body).toMatchObject({ error: 'wrong_inputs' });
    expect(bad.body.field_errors).toEqual([
      { param: 'amount', msg: 'wrong format' },
      { param: 'reference', msg: 'wrong format' },
      { param: 'capture_id', msg: 'wrong format' },
      { param: 'vcc_number', msg: 'wrong format' },
      { param: 'external_location_id', msg: 'wrong format' },
      { param: 'external_employee_id', msg: 'wrong format' },
    ]);
    expectError(await refund(ALEX, { amount: 1, reference: 'x'.repeat(41) }), 409, 'wrong_inputs');
  });
});

describe('limits', () => {
  it('refuses over-capture and over-release with auth_amount_exceeded, and both once the authorization ended', async () => {
    const { authorization_id: id } = await buy({ amount: 300 });
    expectError(await capture(id, { amount: 300.01 }), 409, 'auth_amount_exceeded');
    await capture(id, { amount: 100 });
    expectError(await release(id, { amount: 200.01 }), 409, 'auth_amount_exceeded');
    expect(available(ALEX)).toBe(4700);
    expect((await release(id, { amount: 200 })).status).toBe(200);
    expect(available(ALEX)).toBe(4900);
    expectError(await capture(id, { amount: 0.01 }), 409, 'authorization_ended');
    expectError(await release(id, { amount: 0.01 }), 409, 'authorization_ended');
    expect((await getAuthorization(id)).body).toMatchObject({ captured_amount: 100, released_amount: 200, remaining_amount: 0 });
  });

  it('refuses over-return with capture_amount_exceeded', async () => {
    const { authorization_id: id } = await buy({ amount: 300 });
    await capture(id, { amount: 120 });
    expectError(await giveBack(id, 100000001, { amount: 120.01 }), 409, 'capture_amount_exceeded');
    expect(available(ALEX)).toBe(4700);
    expect((await giveBack(id, 100000001, { amount: 120 })).status).toBe(200);
    expectError(await giveBack(id, 100000001, { full_return: true }), 409, 'capture_amount_exceeded');
  });

  it('accepts returns for 100 days after the capture, not after', async () => {
    const { authorization_id: id } = await buy({ amount: 300 });
    advance(10 * DAY);
    await capture(id, { amount: 100 });
    advance(100 * DAY); // 110 days after the authorization, 100 after the capture
    expect((await giveBack(id, 100000001, { amount: 10 })).status).toBe(200);
    advance(MINUTE);
    expectError(await giveBack(id, 100000001, { amount: 10 }), 409, 'return_date_exceeded');
    expect(available(ALEX)).toBe(4710);
  });
});

describe('store location and card checks', () => {
  it('knows one location, 00-12345, on capture, return and refund', async () => {
    const { authorization_id: id } = await buy({ amount: 300 });
    expectError(await capture(id, { amount: 100, external_location_id: '00-99999' }), 409, 'external_location_id_not_found');
    expect((await getAuthorization(id)).body.captures).toEqual([]);
    expect((await capture(id, { amount: 100, external_location_id: LOCATION })).status).toBe(200);
    expectError(await giveBack(id, 100000001, { amount: 10, external_location_id: '01-12345' }), 409, 'external_location_id_not_found');
    expectError(await refund(ALEX, { amount: 10, external_location_id: 'store-7' }), 409, 'external_location_id_not_found');
    expect(available(ALEX)).toBe(4700);
    expect((await refund(ALEX, { amount: 10, external_location_id: LOCATION })).status).toBe(200);
    expect(available(ALEX)).toBe(4710);
  });

  it('refuses a card of another account on return and refund', async () => {
    const { authorization_id: id } = await buy({ amount: 300 });
    await capture(id, { amount: 100 });
    const other = '6374980000000002';
    expectError(await giveBack(id, 100000001, { amount: 10, vcc_number: other }), 409, 'vcc_account_mismatch');
    expectError(await refund(ALEX, { amount: 10, vcc_number: other, capture_id: 100000001 }), 409, 'vcc_account_mismatch');
    expect(available(ALEX)).toBe(4700);
    expect((await giveBack(id, 100000001, { amount: 10, vcc_number: ALEX_CARD })).status).toBe(200);
  });

  it('checks in the documented order', async () => {
    const regular = await buy({ amount: 100, financing: REGULAR, autoCapture: true });
    const promo = await buy({ amount: 100 });
    await capture(promo.authorization_id, { amount: 100 });
    const other = '6374980000000002';
    // A card mismatch comes before the transaction type.
    expectError(
      await giveBack(regular.authorization_id, regular.capture_id as number, { amount: 1, vcc_number: other }),
      409,
      'vcc_account_mismatch',
    );
    // The location comes before the capture on a refund.
    expectError(await refund(ALEX, { amount: 1, capture_id: 999, external_location_id: '9' }), 409, 'external_location_id_not_found');
    advance(101 * DAY);
    // The transaction type comes before the return window, the window before the amount.
    expectError(await giveBack(regular.authorization_id, regular.capture_id as number, { amount: 1 }), 409, 'wrong_transaction_type');
    expectError(await giveBack(promo.authorization_id, 100000002, { amount: 500 }), 409, 'return_date_exceeded');
  });
});

describe('not found', () => {
  it('answers 404 for unknown authorizations, captures and accounts', async () => {
    const mine = await buy({ amount: 100, financing: REGULAR, autoCapture: true });
    const theirs = await buy({ account: CAMILLE, amount: 100, autoCapture: true });
    const missing = [
      await capture(42, { amount: 1 }),
      await release(42),
      await giveBack(42, mine.capture_id as number, { amount: 1 }),
      // A real capture, but of another authorization.
      await giveBack(mine.authorization_id, theirs.capture_id as number, { amount: 1 }),
      await getAuthorization(42),
      await refund(29999999, { amount: 1 }),
      await refund(ALEX, { amount: 1, capture_id: 999999999 }),
      // A real capture, but of another account.
      await refund(ALEX, { amount: 1, capture_id: theirs.capture_id }),
    ];
    expect(missing.map((r) => `${r.status} ${r.body.error}`)).toEqual(Array(missing.length).fill('404 not_found'));
    expect(available(ALEX)).toBe(4900);
    expect(available(CAMILLE)).toBe(2900);
  });
});

describe('GET captures', () => {
  /** Day 1: one capture for Alex. Day 2: a second capture for Alex, and Camille's regular purchase. */
  async function twoDays(): Promise<number> {
    const { authorization_id: id } = await buy({ amount: 500, reference: 'ORDER-A' });
    await capture(id, { amount: 200, reference: 'ship-A1' });
    advance(DAY);
    await capture(id, { amount: 300, reference: 'ship-A2' });
    await buy({ account: CAMILLE, amount: 80, financing: REGULAR, autoCapture: true, reference: 'ORDER-B' });
    return id;
  }

  it('shows a day’s captures with their returns and refunds', async () => {
    const id = await twoDays();
    await giveBack(id, 100000001, { amount: 20, reference: 'rma' });
    const firstDay = await captures({ capture_date_from: '2025-06-02', capture_date_to: '2025-06-02' });
    expect(firstDay.status).toBe(200);
    expect(firstDay.body).toEqual({
      page_number: 1,
      page_size: 10,
      total: 1,
      captures: [
        {
          capture_id: 100000001,
          authorization_id: id,
          account_number: ALEX,
          reference: 'ship-A1',
          amount: 200,
          date: '2025-06-02T15:00:00.000Z',
          remaining_capture_amount: 180,
          transaction_type: 'promotional_purchase',
          returns: [{ return_id: 3000000000000001, reference: 'rma', amount: 20, date: '2025-06-03T15:00:00.000Z' }],
          refunds: [],
        },
      ],
    });
    const secondDay = await captures({ capture_date_from: '2025-06-03' });
    expect(secondDay.body.captures.map((c: { reference: string }) => c.reference)).toEqual(['ship-A2', 'ORDER-B']);
    expect(secondDay.body.captures[1]).toMatchObject({ account_number: CAMILLE, transaction_type: 'regular_purchase' });
    expect((await captures({ capture_date_to: '2025-06-01' })).body.total).toBe(0);
  });

  it('pages in capture id order, and filters by account and reference', async () => {
    await twoDays();
    const pages = [];
    for (const page_number of ['1', '2', '3', '4']) {
      const r = await captures({ page_size: '1', page_number });
      expect(r.body).toMatchObject({ page_number: Number(page_number), page_size: 1, total: 3 });
      pages.push(r.body.captures.map((c: { capture_id: number }) => c.capture_id));
    }
    expect(pages).toEqual([[100000001], [100000002], [100000003], []]);
    const camille = await captures({ account_number: String(CAMILLE) });
    expect(camille.body.captures.map((c: { reference: string }) => c.reference)).toEqual(['ORDER-B']);
    const byReference = await captures({ reference: 'ship-A2' });
    expect(byReference.body.captures.map((c: { capture_id: number }) => c.capture_id)).toEqual([100000002]);
  });

  it('refuses malformed queries', async () => {
    const r = await captures({
      account_number: 'alex',
      capture_date_from: '2025-02-30',
      capture_date_to: '03/06/2025',
      page_number: '0',
      page_size: '101',
    });
    expect(r.status).toBe(409);
    expect(r.body.field_errors).toEqual([
      { param: 'account_number', msg: 'wrong format' },
      { param: 'capture_date_from', msg: 'wrong format' },
      { param: 'capture_date_to', msg: 'wrong format' },
      { param: 'page_number', msg: 'wrong format' },
      { param: 'page_size', msg: 'wrong format' },
    ]);
  });
});

describe('errors with no cause in a simulator', () => {
  type Op = (id: number) => ReturnType<typeof h.call>;
  const OPS: Record<string, { path: RegExp; call: Op; url: (id: number) => string }> = {
    capture: {
      path: /\/capture$/,
      call: (id) => capture(id, { amount: 10 }),
      url: (id) => errorUrl(`authorization/${id}/capture`),
    },
    release: {
      path: /\/release$/,
      call: (id) => release(id, { amount: 10 }),
      url: (id) => errorUrl(`authorization/${id}/release`),
    },
    return: {
      path: /\/return$/,
      call: (id) => giveBack(id, 100000001, { amount: 10 }),
      url: (id) => errorUrl(`authorization/${id}/capture/100000001/return`),
    },
    refund: {
      path: /\/refund$/,
      call: () => refund(ALEX, { amount: 10, capture_id: 100000001 }),
      url: () => errorUrl(`accounts/${ALEX}/refund`),
    },
  };
  // §11.3–11.6: each endpoint's documented errors that only Flexiti's side can cause.
  const CASES: Array<[op: keyof typeof OPS, error: string]> = [
    ['release', 'generic_error'],
    ['release', 'not_permitted'],
    ['capture', 'generic_error'],
    ['capture', 'not_permitted'],
    ['return', 'invalid_role'],
    ['return', 'general_error'],
    ['return', 'not_permitted'],
    ['return', 'account_type_not_permitted'],
    ['refund', 'invalid_role'],
    ['refund', 'general_error'],
    ['refund', 'account_type_not_permitted'],
  ];

  it.each(CASES)('%s answers 409 %s through answerNext, and moves nothing', async (name, error) => {
    const op = OPS[name]!;
    const { authorization_id: id } = await buy({ amount: 300 });
    await capture(id, { amount: 100 });
    const before = (await getAuthorization(id)).body;
    h.served.sandbox.setFaults({ answerNext: { status: 409, error }, match: op.path });
    const r = await op.call(id);
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ url: op.url(id), message: expect.any(String), error });
    expect(r.body.message).not.toBe('The request could not be completed.'); // each code has its own text
    expect((await getAuthorization(id)).body).toEqual(before);
    expect(available(ALEX)).toBe(4700);
    // The fault was for one request only.
    expect((await op.call(id)).status).toBe(200);
  });

  it('answers another 403 through answerNext, and moves nothing', async () => {
    const { authorization_id: id } = await buy({ amount: 300, financing: REGULAR });
    await capture(id, { amount: 100 });
    h.served.sandbox.setFaults({ answerNext: { status: 403, error: 'forbidden' }, match: /\/refund$/ });
    const r = await refund(ALEX, { amount: 10, capture_id: 100000001 });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ url: errorUrl(`accounts/${ALEX}/refund`), error: 'forbidden' });
    expect(available(ALEX)).toBe(4700);
    expect((await refund(ALEX, { amount: 10, capture_id: 100000001 })).status).toBe(200);
  });

  it('answers 403 to a customer-scope token on every after-sale endpoint', async () => {
    const { authorization_id: id } = await buy({ amount: 300 });
    await capture(id, { amount: 100 });
    const token = (await h.newToken({ scope: 'customer' })).body.access_token as string;
    const answers = [
      await capture(id, { amount: 10 }, { token }),
      await release(id, { amount: 10 }, { token }),
      await giveBack(id, 100000001, { amount: 10 }, { token }),
      await refund(ALEX, { amount: 10 }, { token }),
      await h.call('GET', `authorization/${id}`, { version: '2.5.1', token }),
      await h.call('GET', 'authorizations', { version: '2.5.1', token }),
      await h.call('GET', 'captures', { version: '2.5.1', token }),
    ];
    expect(answers.map((r) => `${r.status} ${r.body.error}`)).toEqual(Array(answers.length).fill('403 insufficient_scope'));
    expect(available(ALEX)).toBe(4700);
    expect((await getAuthorization(id)).body).toMatchObject({ captured_amount: 100, remaining_amount: 200 });
  });
});
