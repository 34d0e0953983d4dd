/**
 * The daily reconciliation: what Flexiti captured on one UTC day against what the merchant's
 * orders say it should have, plus the authorizations that need a look (charged twice, open too
 * long, unknown to the merchant). Matching is by `reference`, exactly as written; every sum is
 * done in integer cents.
 */
import { HandlerError } from '../errors.js';
import { csvDocument, formatCents, type CsvCell } from './csv.js';
import { merchantErrors } from './errors.js';
import type { FlexitiMerchant } from './index.js';
import { centsOf, dollars } from './mapping.js';
import type { FlexitiAuthorization, FlexitiCaptureActivity } from './types.js';

/** One of the merchant's orders, as its own system knows it. */
export interface MerchantOrder {
  reference: string;
  /** The order's total, dollars exact to the cent. */
  amount: number;
  /** What the merchant expects Flexiti captured for it on the report's day; default `amount`, `0` for nothing that day. */
  captured?: number;
}

/** Sorted as findings are: alphabetically. */
export const FINDING_CODES = ['amount_mismatch', 'duplicate', 'missing_at_flexiti', 'missing_in_orders', 'open_too_long'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** An order expected to be captured that day, and no capture for its reference that day. */
export interface MissingAtFlexiti {
  code: 'missing_at_flexiti';
  reference: string;
  expected: number;
}

/**
 * A capture of the day, or an authorization created that day, whose reference is in no order
 * (or that has none): one finding per capture, and one per such authorization without one.
 */
export interface MissingInOrders {
  code: 'missing_in_orders';
  reference: string | null;
  authorizationId: string;
  /** Absent for an authorization with no capture that day. */
  captureId?: string;
  /** The capture's amount, or the authorization's. */
  actual: number;
}

/** Flexiti captured another amount that day than the merchant expected (captures present). */
export interface AmountMismatch {
  code: 'amount_mismatch';
  reference: string;
  expected: number;
  actual: number;
}

/** More than one authorization for one reference: the shopper may have been charged twice. */
export interface DuplicateAtFlexiti {
  code: 'duplicate';
  source: 'flexiti';
  reference: string;
  authorizationIds: string[];
}

/** The merchant's list names a reference more than once (its expected amounts are added up). */
export interface DuplicateInOrders {
  code: 'duplicate';
  source: 'orders';
  reference: string;
  count: number;
}

/** An authorization still `opened` more than `openLongerThanDays` days before the end of the day. */
export interface OpenTooLong {
  code: 'open_too_long';
  reference: string | null;
  authorizationId: string;
  /** Whole days open by the end of the report's day, counting a started day (7 days and a minute: 8). */
  days: number;
  /** Still authorized and neither captured nor released. */
  remaining: number;
}

export type ReconciliationFinding = MissingAtFlexiti | MissingInOrders | AmountMismatch | DuplicateAtFlexiti | DuplicateInOrders | OpenTooLong;

/**
 * One reference seen on either side, or one capture of the day that carries no reference
 * (`reference: null`). Amounts are dollars exact to the cent.
 */
export interface ReconciliationRow {
  reference: string | null;
  /** Every authorization seen for the reference (created that day, still opened, or captured that day). */
  authorizationIds: string[];
  /** The day's captures. */
  captureIds: string[];
  /** What the merchant's orders expect captured that day (`0` without an order). */
  expected: number;
  /** What Flexiti captured that day. */
  captured: number;
  /** Returned so far (by `generatedAt`) on the day's captures. */
  returned: number;
  /** Refunded so far on the day's captures. */
  refunded: number;
  /** `captured − expected`. */
  difference: number;
  findings: FindingCode[];
}

/** Sums of the rows: every capture of the day and every order. */
export interface ReconciliationTotals {
  captured: number;
  returned: number;
  refunded: number;
  expected: number;
  difference: number;
}

export interface ReconciliationReport {
  /** The UTC day, `YYYY-MM-DD`. */
  date: string;
  /** ISO-8601: Flexiti was read before this. */
  generatedAt: string;
  openLongerThanDays: number;
  totals: ReconciliationTotals;
  /** By reference (code-unit order, rows without one last, by capture). */
  rows: ReconciliationRow[];
  /** By reference (without one last), then code, then ids. */
  findings: ReconciliationFinding[];
}

export interface ReportInput {
  /** The UTC day, `YYYY-MM-DD`. */
  date: string;
  /** Captures on other days are left out. */
  captures: Iterable<FlexitiCaptureActivity>;
  /** Those created that day and every one still opened, in any order, repeats allowed; those created after the day are left out. */
  authorizations: Iterable<FlexitiAuthorization>;
  orders: Iterable<MerchantOrder>;
  /** Default 7. */
  openLongerThanDays?: number;
  /** Epoch milliseconds. */
  generatedAt: number;
}

const DAY_MS = 24 * 3600_000;
export const DEFAULT_OPEN_LONGER_THAN_DAYS = 7;

/** The report for one day. Pure: the same input gives the same report. */
export function buildReport(input: ReportInput): ReconciliationReport {
  const { start, end } = dayBounds(input.date);
  const openLongerThanDays = checkOpenDays(input.openLongerThanDays);
  if (!Number.isFinite(input.generatedAt)) throw new HandlerError(400, 'invalid_date', '`generatedAt` must be a time in milliseconds.');
  const onTheDay = (at: number) => at >= start && at < end;

  const orders = new Map<string, { cents: number; count: number }>();
  [...input.orders].forEach((order, index) => {
    const { reference, cents } = expectedOf(order, index);
    const known = orders.get(reference);
    orders.set(reference, { cents: (known?.cents ?? 0) + cents, count: (known?.count ?? 0) + 1 });
  });

  const authorizations = new Map<string, FlexitiAuthorization>();
  for (const authorization of input.authorizations) {
    if (!(instant(authorization.createdAt) >= end)) authorizations.set(authorization.authorizationId, authorization);
  }
  const captures = new Map<string, FlexitiCaptureActivity>();
  for (const capture of input.captures) if (onTheDay(instant(capture.date))) captures.set(capture.captureId, capture);

  const rows = new Map<string, Line>();
  const rowOf = (reference: string) => lineIn(rows, reference, reference);
  /** The day's captures that carry no reference, by capture id: a row each. */
  const unreferenced = new Map<string, Line>();
  const findings: ReconciliationFinding[] = [];
  /** Per reference: every authorization seen, and those that charged the shopper (not wholly released). */
  const seen = new Map<string, Set<string>>();
  const charged = new Map<string, Set<string>>();
  const add = (sets: Map<string, Set<string>>, reference: string, id: string) => sets.set(reference, (sets.get(reference) ?? new Set()).add(id));

  const flaggedAuthorizations = new Set<string>();
  for (const capture of captures.values()) {
    const reference = capture.reference ?? authorizations.get(capture.authorizationId)?.reference ?? null;
    const line = reference === null ? lineIn(unreferenced, capture.captureId, null) : rowOf(reference);
    line.authorizationIds.add(capture.authorizationId);
    line.captureIds.add(capture.captureId);
    line.captured += centsOf(capture.amount);
    line.returned += sumCents(capture.returns);
    line.refunded += sumCents(capture.refunds);
    if (reference !== null) add(charged, reference, capture.authorizationId);
    if (reference === null || !orders.has(reference)) {
      findings.push({
        code: 'missing_in_orders',
        reference,
        authorizationId: capture.authorizationId,
        captureId: capture.captureId,
        actual: exact(capture.amount),
      });
      flaggedAuthorizations.add(capture.authorizationId);
    }
  }

  for (const authorization of authorizations.values()) {
    const { reference, authorizationId } = authorization;
    const created = instant(authorization.createdAt);
    if (reference !== null) {
      add(seen, reference, authorizationId);
      // A wholly released authorization never charged anyone: one paid for again is no duplicate.
      if (authorization.state !== 'released') add(charged, reference, authorizationId);
      if (onTheDay(created)) rowOf(reference);
    }
    if (onTheDay(created) && (reference === null || !orders.has(reference)) && !flaggedAuthorizations.has(authorizationId)) {
      findings.push({ code: 'missing_in_orders', reference, authorizationId, actual: exact(authorization.amount) });
    }
    const open = end - created;
    if (authorization.status === 'opened' && open > openLongerThanDays * DAY_MS) {
      findings.push({
        code: 'open_too_long',
        reference,
        authorizationId,
        days: Math.ceil(open / DAY_MS),
        remaining: exact(authorization.remainingAmount),
      });
    }
  }

  for (const [reference, order] of orders) {
    const row = rowOf(reference);
    row.expected = order.cents;
    if (order.count > 1) findings.push({ code: 'duplicate', source: 'orders', reference, count: order.count });
    if (row.captureIds.size === 0) {
      if (order.cents > 0) findings.push({ code: 'missing_at_flexiti', reference, expected: dollars(order.cents) });
    } else if (row.captured !== order.cents) {
      findings.push({ code: 'amount_mismatch', reference, expected: dollars(order.cents), actual: dollars(row.captured) });
    }
  }

  for (const [reference, ids] of charged) {
    if (ids.size > 1) findings.push({ code: 'duplicate', source: 'flexiti', reference, authorizationIds: [...ids].sort(compareIds) });
  }

  for (const finding of findings) {
    if (finding.reference !== null) rowOf(finding.reference).findings.add(finding.code);
    else if (finding.code === 'missing_in_orders' && finding.captureId !== undefined) unreferenced.get(finding.captureId)?.findings.add(finding.code);
  }
  for (const [reference, ids] of seen) {
    const row = rows.get(reference);
    ids.forEach((id) => row?.authorizationIds.add(id));
  }

  const lines = [
    ...[...rows.values()].sort((a, b) => compareText(a.reference!, b.reference!)),
    ...[...unreferenced.values()].sort((a, b) => compareIds([...a.captureIds][0]!, [...b.captureIds][0]!)),
  ];
  const sum = (field: 'expected' | 'captured' | 'returned' | 'refunded') => lines.reduce((total, line) => total + line[field], 0);
  const captured = sum('captured');
  const expected = sum('expected');
  return {
    date: input.date,
    generatedAt: new Date(input.generatedAt).toISOString(),
    openLongerThanDays,
    totals: {
      captured: dollars(captured),
      returned: dollars(sum('returned')),
      refunded: dollars(sum('refunded')),
      expected: dollars(expected),
      difference: dollars(captured - expected),
    },
    rows: lines.map(toRow),
    findings: findings.sort(compareFindings),
  };
}

/** Where the merchant's orders for a day come from: a list, or a function of the day (sync, async, or a stream). */
export type OrderSource = Iterable<MerchantOrder> | AsyncIterable<MerchantOrder>;

export interface ReconcileOptions {
  /** The UTC day, `YYYY-MM-DD`. */
  date: string;
  orders: OrderSource | ((date: string) => OrderSource | Promise<OrderSource>);
  /** Default 7. */
  openLongerThanDays?: number;
  /** Epoch milliseconds; default `Date.now`. */
  now?: () => number;
}

/**
 * Reads the day's captures, the authorizations created that day and every one still opened, and
 * the merchant's orders, then builds the report. Flexiti is read one list after the other, so a
 * failure stops the reading; the date is checked before anything is read.
 */
export async function reconcile(
  merchant: Pick<FlexitiMerchant, 'authorizations' | 'captures'>,
  options: ReconcileOptions,
): Promise<ReconciliationReport> {
  const { date } = options;
  dayBounds(date);
  checkOpenDays(options.openLongerThanDays);
  const captures = await collect(merchant.captures({ from: date, to: date }));
  const created = await collect(merchant.authorizations({ from: date, to: date }));
  const opened = await collect(merchant.authorizations({ status: 'opened' }));
  const generatedAt = (options.now ?? Date.now)();
  const orders = await collect(typeof options.orders === 'function' ? await options.orders(date) : options.orders);
  return buildReport({
    date,
    captures,
    authorizations: [...created, ...opened],
    orders,
    generatedAt,
    ...(options.openLongerThanDays === undefined ? {} : { openLongerThanDays: options.openLongerThanDays }),
  });
}

export const REPORT_CSV_HEADER = [
  'Date',
  'Reference',
  'Authorization IDs',
  'Capture IDs',
  'Expected',
  'Captured',
  'Returned',
  'Refunded',
  'Difference',
  'Findings',
] as const;

/**
 * The report for an accountant's spreadsheet: one line per row, then one per finding that
 * belongs to no row (an authorization without a reference). Amounts are plain decimals with a dot
 * and are never prefixed, negative ones included; references, ids and findings are text, and
 * one that starts like a formula gets a `'` in front. Several ids in a cell are separated by
 * spaces, findings by `; `.
 */
export function reportCsv(report: ReconciliationReport): string {
  const money = (amount: number): CsvCell => ({ cents: centsOf(amount) });
  const byReference = new Map<string, ReconciliationFinding[]>();
  const byCapture = new Map<string, ReconciliationFinding[]>();
  const file = (map: Map<string, ReconciliationFinding[]>, key: string, finding: ReconciliationFinding) =>
    map.set(key, [...(map.get(key) ?? []), finding]);
  for (const finding of report.findings) {
    if (finding.reference !== null) file(byReference, finding.reference, finding);
    else if (finding.code === 'missing_in_orders' && finding.captureId !== undefined) file(byCapture, finding.captureId, finding);
  }
  const placed = new Set<ReconciliationFinding>();
  const lines: CsvCell[][] = report.rows.map((row) => {
    const findings = row.reference === null ? row.captureIds.flatMap((id) => byCapture.get(id) ?? []) : (byReference.get(row.reference) ?? []);
    findings.forEach((finding) => placed.add(finding));
    return [
      report.date,
      row.reference,
      row.authorizationIds.join(' '),
      row.captureIds.join(' '),
      money(row.expected),
      money(row.captured),
      money(row.returned),
      money(row.refunded),
      money(row.difference),
      findings.map(describeFinding).join('; '),
    ];
  });
  for (const finding of report.findings) {
    if (placed.has(finding)) continue;
    const authorizationIds = 'authorizationIds' in finding ? finding.authorizationIds.join(' ') : 'authorizationId' in finding ? finding.authorizationId : null;
    const captureId = 'captureId' in finding ? (finding.captureId ?? null) : null;
    lines.push([report.date, finding.reference, authorizationIds, captureId, null, null, null, null, null, describeFinding(finding)]);
  }
  return csvDocument([[...REPORT_CSV_HEADER], ...lines]);
}

/** A finding as a line of the Findings column: its code, then what an accountant needs to act on it. */
export function describeFinding(finding: ReconciliationFinding): string {
  const amount = (dollarsAmount: number) => formatCents(centsOf(dollarsAmount));
  switch (finding.code) {
    case 'missing_at_flexiti':
      return `missing_at_flexiti: expected ${amount(finding.expected)}, nothing captured`;
    case 'missing_in_orders':
      return finding.captureId === undefined
        ? `missing_in_orders: authorization ${finding.authorizationId} of ${amount(finding.actual)}`
        : `missing_in_orders: capture ${finding.captureId} of ${amount(finding.actual)}`;
    case 'amount_mismatch':
      return `amount_mismatch: expected ${amount(finding.expected)}, captured ${amount(finding.actual)}`;
    case 'duplicate':
      return finding.source === 'flexiti'
        ? `duplicate: authorizations ${finding.authorizationIds.join(' ')}`
        : `duplicate: listed ${finding.count} times in orders`;
    case 'open_too_long':
      return `open_too_long: authorization ${finding.authorizationId} open ${finding.days} days, ${amount(finding.remaining)} left`;
  }
}

/** A row while it is built: cents and sets. */
interface Line {
  reference: string | null;
  authorizationIds: Set<string>;
  captureIds: Set<string>;
  expected: number;
  captured: number;
  returned: number;
  refunded: number;
  findings: Set<FindingCode>;
}

function lineIn(lines: Map<string, Line>, key: string, reference: string | null): Line {
  let line = lines.get(key);
  if (!line) {
    line = { reference, authorizationIds: new Set(), captureIds: new Set(), expected: 0, captured: 0, returned: 0, refunded: 0, findings: new Set() };
    lines.set(key, line);
  }
  return line;
}

function toRow(line: Line): ReconciliationRow {
  return {
    reference: line.reference,
    authorizationIds: [...line.authorizationIds].sort(compareIds),
    captureIds: [...line.captureIds].sort(compareIds),
    expected: dollars(line.expected),
    captured: dollars(line.captured),
    returned: dollars(line.returned),
    refunded: dollars(line.refunded),
    difference: dollars(line.captured - line.expected),
    findings: [...line.findings].sort(compareText),
  };
}

const exact = (amount: number) => dollars(centsOf(amount));
const sumCents = (items: readonly { amount: number }[]) => items.reduce((total, item) => total + centsOf(item.amount), 0);

/** The UTC day as `[start, end)` in milliseconds. */
function dayBounds(date: string): { start: number; end: number } {
  const start = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  // `Date.parse` takes 2025-02-30 for March 2nd: only a day that prints back the same is one.
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== date) throw merchantErrors.invalidDate('date');
  return { start, end: start + DAY_MS };
}

function checkOpenDays(days: number | undefined): number {
  if (days === undefined) return DEFAULT_OPEN_LONGER_THAN_DAYS;
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new HandlerError(400, 'invalid_open_days', '`openLongerThanDays` must be a whole number of days, 0 or more.');
  }
  return days;
}

/** Milliseconds of a Flexiti time (UTC ISO-8601; one without an offset is UTC too, not local time). NaN when it is none. */
function instant(iso: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(iso) ? `${iso}Z` : iso);
}

function expectedOf(order: MerchantOrder, index: number): { reference: string; cents: number } {
  const reference: unknown = order?.reference;
  if (typeof reference !== 'string' || reference === '') {
    throw new HandlerError(400, 'invalid_order', `Order ${index}: \`reference\` must be a non-empty string.`);
  }
  const cents = (value: unknown, field: string) => {
    const scaled = typeof value === 'number' ? value * 100 : NaN;
    const whole = Math.round(scaled);
    if (!Number.isFinite(scaled) || whole < 0 || Math.abs(scaled - whole) > 1e-6) {
      throw new HandlerError(400, 'invalid_order', `Order ${reference}: \`${field}\` must be 0 or more dollars with at most two decimals.`);
    }
    return whole;
  };
  const amount = cents(order.amount, 'amount');
  return { reference, cents: order.captured === undefined ? amount : cents(order.captured, 'captured') };
}

async function collect<T>(source: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Flexiti ids are digits: shorter first, so 9 comes before 10. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || compareText(a, b);
}

function compareFindings(a: ReconciliationFinding, b: ReconciliationFinding): number {
  if (a.reference !== b.reference) {
    if (a.reference === null) return 1;
    if (b.reference === null) return -1;
    return compareText(a.reference, b.reference);
  }
  const source = (f: ReconciliationFinding) => ('source' in f ? f.source : '');
  const authorization = (f: ReconciliationFinding) => ('authorizationId' in f ? f.authorizationId : '');
  const capture = (f: ReconciliationFinding) => ('captureId' in f ? (f.captureId ?? '') : '');
  return (
    compareText(a.code, b.code) ||
    compareText(source(a), source(b)) ||
    compareIds(authorization(a), authorization(b)) ||
    compareIds(capture(a), capture(b))
  );
}
