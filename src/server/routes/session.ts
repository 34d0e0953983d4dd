import type { Hono } from 'hono';
import { SessionRequestSchema, type Flow, type Lang, type SessionResponse } from '../../schemas/index.js';
import type { Deps, HandlerEnv } from '../context.js';
import { clientAddress, readBody } from '../context.js';
import { errors } from '../errors.js';
import { cents } from '../mapping.js';
import { openOrder } from '../orders.js';
import { formValues } from './catalog.js';

/** `POST session`: mints a signed session; a checkout's amount comes from `resolveOrder`. */
export function sessionRoutes(app: Hono<HandlerEnv>, deps: Deps) {
  app.post('/session', async (c) => {
    const { flow = 'checkout', lang } = await readBody(c, SessionRequestSchema, { allowEmpty: true });
    if (!deps.flows.includes(flow)) throw errors.flowNotAllowed();
    await deps.budgets.spend('sessions', { perAddress: clientAddress(c, deps) });
    if (flow === 'apply') return c.json(await applySession(deps, lang), 201, { 'cache-control': 'no-store' });
    const order = await deps.config.resolveOrder?.(c.req.raw);
    if (!order) throw errors.orderNotFound();
    return c.json(await mintSession(deps, { flow, ...validOrder(order) }), 201, { 'cache-control': 'no-store' });
  });
}

export async function mintSession(
  deps: Deps,
  input: { flow: Flow; amount: number | null; reference: string | null; createdAt?: Date | number; ttlSeconds?: number },
): Promise<SessionResponse> {
  const now = deps.now();
  const since = input.reference === null ? undefined : await openOrder(deps, input.reference, now, input.createdAt);
  const { session, token } = await deps.sessions.create({
    flow: input.flow,
    amount: input.amount,
    reference: input.reference,
    ...(since === undefined ? {} : { since: Math.floor(since / 1000) }),
    mode: deps.mode,
    ...(input.ttlSeconds === undefined ? {} : { ttlSeconds: input.ttlSeconds }),
  });
  deps.logger({ level: 'info', event: 'session_created', route: 'session', sessionId: session.id });
  return {
    session: token,
    expiresAt: new Date(session.exp * 1000).toISOString(),
    flow: session.flow,
    amount: session.amount,
    currency: 'CAD',
    reference: session.reference,
    mode: deps.mode,
    endpoint: deps.basePath,
  };
}

/** The largest order a session is minted for, in dollars: well above any Flexiti credit limit. */
export const MAX_ORDER_AMOUNT = 100_000;

export function validOrder(order: { amount: unknown; reference: unknown; createdAt?: unknown }): {
  amount: number;
  reference: string;
  createdAt?: Date | number;
} {
  const { amount, reference, createdAt } = order;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || cents(amount) <= 0 || cents(amount) > MAX_ORDER_AMOUNT) {
    throw new TypeError(`The order amount must be more than $0.00 and at most $${MAX_ORDER_AMOUNT} once rounded to cents`);
  }
  if (typeof reference !== 'string' || !/^[\x20-\x7e]{1,40}$/.test(reference)) {
    throw new TypeError('The order reference must be 1 to 40 printable ASCII characters (Flexiti’s `reference`)');
  }
  if (createdAt !== undefined && (!(createdAt instanceof Date || typeof createdAt === 'number') || Number.isNaN(Number(createdAt)))) {
    throw new TypeError('The order createdAt must be a Date or milliseconds since the epoch');
  }
  return { amount: cents(amount), reference, ...(createdAt === undefined ? {} : { createdAt: createdAt as Date | number }) };
}

/**
 * An application's session. The form comes right after it: with `lang`, its values ride along
 * (cached; without them, the element asks).
 */
export async function applySession(deps: Deps, lang: Lang | undefined, ttl: { ttlSeconds?: number } = {}): Promise<SessionResponse> {
  const [minted, values] = await Promise.all([
    mintSession(deps, { flow: 'apply', amount: null, reference: null, ...ttl }),
    lang ? formValues(deps, lang).catch(() => undefined) : undefined,
  ]);
  return values ? { ...minted, formValues: values } : minted;
}
