import type { Hono } from 'hono';
import { SessionRequestSchema, type Flow, type SessionResponse } from '../../schemas/index.js';
import type { Deps, HandlerEnv } from '../context.js';
import { readBody } from '../context.js';
import { errors } from '../errors.js';
import { cents } from '../mapping.js';

/** `POST session`: mints a signed session; a checkout's amount comes from `resolveOrder`. */
export function sessionRoutes(app: Hono<HandlerEnv>, deps: Deps) {
  app.post('/session', async (c) => {
    const { flow = 'checkout' } = await readBody(c, SessionRequestSchema, { allowEmpty: true });
    if (!deps.flows.includes(flow)) throw errors.flowNotAllowed();
    let amount: number | null = null;
    let reference: string | null = null;
    if (flow === 'checkout') {
      const order = await deps.config.resolveOrder?.(c.req.raw);
      if (!order) throw errors.orderNotFound();
      ({ amount, reference } = validOrder(order.amount, order.reference));
    }
    return c.json(await mintSession(deps, { flow, amount, reference }), 201, { 'cache-control': 'no-store' });
  });
}

export async function mintSession(
  deps: Deps,
  input: { flow: Flow; amount: number | null; reference: string | null; ttlSeconds?: number },
): Promise<SessionResponse> {
  const { session, token } = await deps.sessions.create(input);
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

export function validOrder(amount: unknown, reference: unknown): { amount: number; reference: string } {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
    throw new TypeError('The order amount must be a positive number of dollars');
  }
  if (typeof reference !== 'string' || reference.length === 0 || reference.length > 40) {
    throw new TypeError('The order reference must be 1 to 40 characters');
  }
  return { amount: cents(amount), reference };
}
