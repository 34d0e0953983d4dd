/**
 * The commands of `flexiti-merchant` (`src/server/cli.ts` runs them): the merchant API after the
 * sale from a shell — show an authorization, capture, release, return, refund, and the day's
 * activity or reconciliation as a table or CSV. Reads the same variables as the demo
 * (`FLEXITI_API_BASE`, `FLEXITI_CLIENT_ID`, `FLEXITI_CLIENT_SECRET`, `REDIS_URL`); without them
 * it talks to the demo's embedded sandbox.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SANDBOX_CLIENT } from '../../sandbox/index.js';
import { csvDocument, formatCents, type CsvCell } from './csv.js';
import { centsOf } from './mapping.js';
import { createFlexitiMerchant, type FlexitiAuthorization, type FlexitiMerchant } from './index.js';
import { describeFinding, reconcile, reportCsv, type MerchantOrder, type ReconciliationReport } from './report.js';
import { HandlerError } from '../errors.js';
import { FlexitiUnavailableError } from '../token-manager.js';
import type { HandlerState } from '../state/types.js';

const USAGE = `Usage: flexiti-merchant <command> [arguments] [options]

Commands:
  show <authorization>                         the authorization, its captures, returns, refunds, releases
  capture <authorization> [--amount N]         capture N dollars (default: all that is left)
  release <authorization> [--amount N]         release N dollars (default: all that is left)
  return <authorization> <capture> [--amount N]  return N dollars of a capture (default: all of it)
  refund <authorization> <capture> [--amount N]  refund N dollars of a capture (default: all of it)
  activity [--date YYYY-MM-DD]                 the day's captures and new authorizations (default today, UTC)
  reconcile --orders FILE [--date YYYY-MM-DD] [--open-days N]
                                               compare the day with your orders (JSON array or CSV
                                               with columns reference,amount[,captured])

Options:
  --key K        the operation key of a capture, release, return or refund (required): the
                 same key never moves money twice, so retry with the same key
  --reference R  reference stored with a capture, return or refund (default: the order's)
  --csv          activity or reconciliation as CSV (for a spreadsheet)
  --json         the answer as JSON
  -h, --help     this help

Environment: FLEXITI_API_BASE (up to /flexiti/pos-api; default the demo's sandbox at
http://127.0.0.1:$PORT/sandbox/flexiti/pos-api, PORT 8080), FLEXITI_CLIENT_ID,
FLEXITI_CLIENT_SECRET, REDIS_URL (the state your handlers share: needed against Flexiti itself).
Exit status: 0 done, 1 refused or failed (the reason on stderr), 2 usage.
`;

class UsageError extends Error {}

type Values = { amount?: string; key?: string; reference?: string; date?: string; orders?: string; 'open-days'?: string; csv?: boolean; json?: boolean; help?: boolean };

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The shared state, when the caller has one already (tests); otherwise from `REDIS_URL`. */
  state?: HandlerState;
}

/** Runs one command; answers the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        amount: { type: 'string' },
        key: { type: 'string' },
        reference: { type: 'string' },
        date: { type: 'string' },
        orders: { type: 'string' },
        'open-days': { type: 'string' },
        csv: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }) as { values: Values; positionals: string[] };
  } catch (error) {
    io.err(`flexiti-merchant: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  let close = async () => {};
  try {
    const connected = await connect(io);
    close = connected.close;
    await run(connected.merchant, positionals, values, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`flexiti-merchant: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof HandlerError) io.err(`flexiti-merchant: ${error.code}: ${error.message}${error.retryable ? ' (retry with the same --key)' : ''}\n`);
    else if (error instanceof FlexitiUnavailableError) io.err('flexiti-merchant: flexiti_unavailable: Flexiti did not answer; retry with the same --key.\n');
    else io.err(`flexiti-merchant: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await close();
  }
}

async function connect(io: CliIo): Promise<{ merchant: FlexitiMerchant; close: () => Promise<void> }> {
  const env = io.env;
  const apiBase = env.FLEXITI_API_BASE ?? `http://127.0.0.1:${env.PORT ?? 8080}/sandbox/flexiti/pos-api`;
  let state = io.state;
  let close = async () => {};
  if (!state && env.REDIS_URL) {
    const { createClient } = await import('redis');
    const { createRedisState } = await import('../redis.js');
    const client = createClient({ url: env.REDIS_URL, disableOfflineQueue: true });
    await client.connect();
    state = createRedisState(client);
    close = async () => void (await client.quit().catch(() => undefined));
  }
  const merchant = createFlexitiMerchant({
    apiBase,
    clientId: env.FLEXITI_CLIENT_ID ?? SANDBOX_CLIENT.clientId,
    clientSecret: env.FLEXITI_CLIENT_SECRET ?? SANDBOX_CLIENT.clientSecret,
    logger: false,
    ...(state ? { state } : {}),
  });
  return { merchant, close };
}

async function run(merchant: FlexitiMerchant, [command, ...args]: string[], values: Values, io: CliIo): Promise<void> {
  const amount = values.amount === undefined ? undefined : Number(values.amount);
  if (values.amount !== undefined && !/^\d+(\.\d{1,2})?$/.test(values.amount)) throw new UsageError('--amount must be dollars, like 120 or 49.99');
  const money = () => {
    if (!values.key) throw new UsageError(`${command} needs --key: the operation's key (reuse it to retry; never reuse it for another operation)`);
    return { operationKey: values.key, ...(amount === undefined ? {} : { amount }), ...(values.reference ? { reference: values.reference } : {}) };
  };
  const need = (count: number) => {
    if (args.length !== count) throw new UsageError(`${command} takes ${count === 1 ? 'an authorization id' : 'an authorization id and a capture id'}`);
  };
  const print = (result: object, lines: string[]) => io.out(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${lines.join('\n')}\n`);

  switch (command) {
    case 'show': {
      need(1);
      const authorization = await merchant.authorization(args[0]!);
      print(authorization, describe(authorization));
      return;
    }
    case 'capture': {
      need(1);
      const r = await merchant.capture(args[0]!, money());
      print(r, [`captured ${dollars(r.amount)} (capture ${r.captureId}); ${dollars(r.remainingAmount)} left on authorization ${r.authorizationId}`]);
      return;
    }
    case 'release': {
      need(1);
      const { reference: _, ...input } = money();
      const r = await merchant.release(args[0]!, input);
      print(r, [`released ${dollars(r.amount)}; ${dollars(r.remainingAmount)} left on authorization ${r.authorizationId}`]);
      return;
    }
    case 'return': {
      need(2);
      const r = await merchant.return(args[0]!, args[1]!, money());
      print(r, [`returned ${dollars(r.amount)} of capture ${r.captureId} (return ${r.returnId}); ${dollars(r.remainingCaptureAmount)} left on it`]);
      return;
    }
    case 'refund': {
      need(2);
      const r = await merchant.refund(args[0]!, args[1]!, money());
      print(r, [`refunded ${dollars(r.amount)} of capture ${r.captureId}; ${dollars(r.remainingCaptureAmount)} left on it`]);
      return;
    }
    case 'activity': {
      need(0);
      const date = values.date ?? today();
      const captures = [];
      for await (const c of merchant.captures({ from: date, to: date })) captures.push(c);
      const authorizations = [];
      for await (const a of merchant.authorizations({ from: date, to: date })) authorizations.push(a);
      if (values.json) return void io.out(`${JSON.stringify({ date, captures, authorizations }, null, 2)}\n`);
      const captureRows: CsvCell[][] = captures.map((c) => [c.date, c.authorizationId, c.captureId, c.reference, { cents: centsOf(c.amount) }, { cents: centsOf(c.remainingAmount) }, c.transactionType]);
      const authorizationRows: CsvCell[][] = authorizations.map((a) => [a.createdAt, a.authorizationId, null, a.reference, { cents: centsOf(a.amount) }, { cents: centsOf(a.remainingAmount) }, a.state]);
      const header = ['date', 'authorization', 'capture', 'reference', 'amount', 'remaining', 'type or state'];
      if (values.csv) return void io.out(csvDocument([header, ...captureRows, ...authorizationRows]));
      io.out(`Captures on ${date}: ${captures.length}\n${table(header, captureRows)}\nAuthorizations created on ${date}: ${authorizations.length}\n${table(header, authorizationRows)}\n`);
      return;
    }
    case 'reconcile': {
      need(0);
      if (!values.orders) throw new UsageError('reconcile needs --orders FILE');
      const openDays = values['open-days'] === undefined ? undefined : Number(values['open-days']);
      if (openDays !== undefined && !(Number.isInteger(openDays) && openDays >= 0)) throw new UsageError('--open-days must be a whole number');
      const orders = await readOrders(values.orders);
      const report = await reconcile(merchant, { date: values.date ?? today(), orders, ...(openDays === undefined ? {} : { openLongerThanDays: openDays }) });
      if (values.csv) return void io.out(reportCsv(report));
      if (values.json) return void io.out(`${JSON.stringify(report, null, 2)}\n`);
      io.out(summary(report));
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

const today = () => new Date().toISOString().slice(0, 10);
const dollars = (amount: number) => `$${amount.toFixed(2)}`;

function describe(a: FlexitiAuthorization): string[] {
  const plan = a.plan.type === 'promotional' ? `promotional plan ${a.plan.planId}, ${a.plan.term} months` : 'regular purchase';
  const lines = [
    `authorization ${a.authorizationId} · ${a.reference ?? '(no reference)'} · ${a.state} (${a.status})`,
    `created ${a.createdAt} · account ${a.accountNumber} · ${plan}`,
    `amount ${dollars(a.amount)} · captured ${dollars(a.capturedAmount)} · released ${dollars(a.releasedAmount)} · returned ${dollars(a.returnedAmount)} · refunded ${dollars(a.refundedAmount)} · left ${dollars(a.remainingAmount)}`,
  ];
  const rows: CsvCell[][] = [];
  for (const c of a.captures) {
    rows.push(['capture', c.captureId, c.date, { cents: centsOf(c.amount) }, { cents: centsOf(c.remainingAmount) }]);
    for (const r of c.returns) rows.push(['  return', r.returnId, r.date, { cents: centsOf(r.amount) }, null]);
    for (const r of c.refunds) rows.push(['  refund', r.refundId ?? '', r.date, { cents: centsOf(r.amount) }, null]);
  }
  for (const r of a.releases) rows.push(['release', r.releaseId ?? '', r.date, { cents: centsOf(r.amount) }, null]);
  if (rows.length) lines.push('', table(['movement', 'id', 'date', 'amount', 'left'], rows));
  return lines;
}

function summary(report: ReconciliationReport): string {
  const t = report.totals;
  const lines = [
    `Reconciliation of ${report.date}: ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`,
    `captured ${dollars(t.captured)} · expected ${dollars(t.expected)} · returned ${dollars(t.returned)} · refunded ${dollars(t.refunded)} · difference ${dollars(t.difference)}`,
    '',
    ...report.findings.map((finding) => `- ${describeFinding(finding)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Columns padded to their widest cell; amounts right-aligned. */
function table(header: string[], rows: CsvCell[][]): string {
  const text = (cell: CsvCell) => (cell === null ? '' : typeof cell === 'string' ? cell : formatCents(cell.cents));
  const cells = [header, ...rows.map((row) => row.map(text))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => row[i] === null || typeof row[i] === 'object'));
  return cells
    .map((row) => row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}

async function readOrders(path: string): Promise<MerchantOrder[]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  if (path.toLowerCase().endsWith('.json')) {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) throw new UsageError(`${path}: expected a JSON array of { reference, amount, captured? }`);
    return parsed.map((order, i) => checkOrder(order as Record<string, unknown>, `${path}[${i}]`));
  }
  const [head, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = (head ?? '').split(',').map((c) => c.trim().toLowerCase());
  return lines.map((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    return checkOrder(Object.fromEntries(columns.map((name, j) => [name, cells[j]])), `${path}:${i + 2}`);
  });
}

function checkOrder(order: Record<string, unknown>, where: string): MerchantOrder {
  const reference = order.reference;
  const amount = Number(order.amount);
  const captured = order.captured === undefined || order.captured === '' ? undefined : Number(order.captured);
  if (typeof reference !== 'string' || reference === '' || !Number.isFinite(amount) || (captured !== undefined && !Number.isFinite(captured))) {
    throw new UsageError(`${where}: an order needs a reference and an amount (and optionally captured)`);
  }
  return { reference, amount, ...(captured === undefined ? {} : { captured }) };
}
