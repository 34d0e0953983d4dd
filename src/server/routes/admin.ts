import type { Hono } from 'hono';
import * as v from 'valibot';
import { finiteNumber, strict } from '../../schemas/strict.js';
import { readBody, type Ctx, type Deps, type HandlerEnv } from '../context.js';
import { HandlerError, errors } from '../errors.js';
import type { FlexitiMerchant } from '../merchant/index.js';
import { reconcile, reportCsv } from '../merchant/report.js';

/**
 * The merchant API as JSON routes under `/admin`, for back offices that are not JavaScript
 * (WordPress, a Shopify app, a shell script). Off unless `adminKey` is configured; every request
 * carries it as `Authorization: Bearer <adminKey>` (compared in constant time), a shopper's
 * session is refused outright, and browsers from other origins are refused whatever
 * `allowedOrigins` says. Money-moving routes need an `Idempotency-Key` header: the operation key.
 */
export function adminRoutes(app: Hono<HandlerEnv>, deps: Deps, merchant: FlexitiMerchant, adminKey: string) {
  const expected = digest(adminKey);

  app.use('/admin/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== new URL(c.req.url).origin) throw errors.originNotAllowed();
    const authorization = c.req.header('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(authorization)?.[1]?.trim();
    if (!token) throw adminErrors.keyMissing();
    if (!equal(await digest(token), await expected)) {
      // A shopper's session says what it is: refused as such, not merely as a wrong key.
      if (await isSession(deps, token)) throw adminErrors.shopperSession();
      throw adminErrors.keyInvalid();
    }
    await next();
    c.header('cache-control', 'no-store');
  });

  app.get('/admin/authorizations/:id', async (c) => c.json(await merchant.authorization(c.req.param('id'))));

  app.get('/admin/authorizations', async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && status !== 'opened' && status !== 'closed') throw adminErrors.invalidQuery('status');
    const limit = limitOf(c);
    const authorizations = await collect(
      merchant.authorizations({ ...dayRange(c), ...(status ? { status } : {}), ...optional('accountNumber', c.req.query('accountNumber')) }),
      limit,
    );
    return c.json({ authorizations: authorizations.items, truncated: authorizations.truncated });
  });

  app.get('/admin/captures', async (c) => {
    const captures = await collect(merchant.captures({ ...dayRange(c), ...optional('reference', c.req.query('reference')) }), limitOf(c));
    return c.json({ captures: captures.items, truncated: captures.truncated });
  });

  app.post('/admin/reconcile', async (c) => {
    const { date, orders, openLongerThanDays } = await readBody(c, ReconcileBody);
    const report = await reconcile(merchant, {
      date,
      orders: orders.map((o) => ({ reference: o.reference, amount: o.amount, ...(o.captured === undefined ? {} : { captured: o.captured }) })),
      ...(openLongerThanDays === undefined ? {} : { openLongerThanDays }),
      now: deps.now,
    });
    deps.logger({ level: 'info', event: 'merchant_operation', operation: 'reconcile', outcome: `${report.findings.length} findings` });
    if ((c.req.header('accept') ?? '').includes('text/csv')) {
      return c.body(reportCsv(report), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="flexiti-reconciliation-${date}.csv"`,
      });
    }
    return c.json(report);
  });

  app.post('/admin/authorizations/:id/capture', async (c) => {
    const body = await readBody(c, MoneyBody, { allowEmpty: true });
    return c.json(await merchant.capture(c.req.param('id'), { ...body, operationKey: operationKey(c) }));
  });

  app.post('/admin/authorizations/:id/release', async (c) => {
    const { amount } = await readBody(c, ReleaseBody, { allowEmpty: true });
    return c.json(await merchant.release(c.req.param('id'), { ...(amount === undefined ? {} : { amount }), operationKey: operationKey(c) }));
  });

  app.post('/admin/authorizations/:id/captures/:captureId/return', async (c) => {
    const body = await readBody(c, MoneyBody, { allowEmpty: true });
    return c.json(await merchant.return(c.req.param('id'), c.req.param('captureId'), { ...body, operationKey: operationKey(c) }));
  });

  app.post('/admin/authorizations/:id/captures/:captureId/refund', async (c) => {
    const body = await readBody(c, MoneyBody, { allowEmpty: true });
    return c.json(await merchant.refund(c.req.param('id'), c.req.param('captureId'), { ...body, operationKey: operationKey(c) }));
  });
}

const ReconcileBody = strict({
  date: v.string(),
  orders: v.array(strict({ reference: v.string(), amount: finiteNumber(), captured: v.optional(finiteNumber()) })),
  openLongerThanDays: v.optional(finiteNumber()),
});

const MoneyBody = strict({
  amount: v.optional(finiteNumber()),
  reference: v.optional(v.string()),
});
const ReleaseBody = strict({ amount: v.optional(finiteNumber()) });

export const adminErrors = {
  keyMissing: () => new HandlerError(401, 'admin_key_missing', 'Send the admin key as `Authorization: Bearer <adminKey>`.'),
  keyInvalid: () => new HandlerError(401, 'admin_key_invalid', 'The admin key is not valid.'),
  shopperSession: () => new HandlerError(403, 'shopper_session_refused', 'A shopper session can never use the admin routes.'),
  operationKeyRequired: () =>
    new HandlerError(400, 'operation_key_required', 'Send an `Idempotency-Key` header naming this operation; a repeat with the same key is answered once.'),
  invalidQuery: (name: string) => new HandlerError(400, 'invalid_query', `The \`${name}\` query parameter is not valid.`),
};

function operationKey(c: Ctx): string {
  const key = c.req.header('idempotency-key');
  if (!key) throw adminErrors.operationKeyRequired();
  return key;
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [name]: value } as Record<K, string>);
}

function dayRange(c: Ctx): { from?: string; to?: string } {
  return { ...optional('from', c.req.query('from')), ...optional('to', c.req.query('to')) };
}

/** At most `limit` items (default 1000, at most 10,000) of a listing. */
function limitOf(c: Ctx): number {
  const raw = c.req.query('limit');
  if (raw === undefined) return 1000;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw adminErrors.invalidQuery('limit');
  return limit;
}

async function collect<T>(items: AsyncIterable<T>, limit: number): Promise<{ items: T[]; truncated: boolean }> {
  const out: T[] = [];
  for await (const item of items) {
    if (out.length === limit) return { items: out, truncated: true };
    out.push(item);
  }
  return { items: out, truncated: false };
}

async function isSession(deps: Deps, token: string): Promise<boolean> {
  try {
    await deps.sessions.verify(`Bearer ${token}`, ['checkout', 'apply']);
    return true;
  } catch (error) {
    // An expired session is still a shopper's.
    return error instanceof HandlerError && (error.code === 'session_expired' || error.code === 'session_wrong_flow');
  }
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Equal digests, in a time that does not depend on where they differ. */
function equal(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i] ?? 0);
  return difference === 0;
}
