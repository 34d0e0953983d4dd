/**
 * The merchant's side as the runtime tests deploy it: `createFlexitiHandler` configured from the
 * runtime's own environment (Worker bindings, `Deno.env`, `Bun.env`), plus two test-only
 * conveniences. Nothing here may depend on Node: it is bundled for workerd, Deno and Bun.
 *
 * - `POST /api/flexiti/session?amount=…&reference=…` — `resolveOrder` reads the order from the
 *   query string (a real shop reads its own cart).
 * - `GET /_outcomes` — what the merchant hooks heard, the error log lines, the client addresses the
 *   runtime reported and the runtime's own user agent.
 */
import { createFlexitiHandler, type ApplicationOutcome, type LogEntry, type PurchaseOutcome } from '../../src/server/index.js';

export type RuntimeEnv = Readonly<Record<string, unknown>>;

export interface Outcomes {
  userAgent: string | null;
  applications: ApplicationOutcome[];
  purchases: PurchaseOutcome[];
  errors: LogEntry[];
  logLines: number;
  clientAddresses: string[];
}

function setting(env: RuntimeEnv, name: string): string {
  const value = env[name];
  if (typeof value !== 'string' || value === '') throw new Error(`${name} is not set`);
  return value;
}

export function createRuntimeApp(env: RuntimeEnv): (request: Request, clientAddress: string) => Promise<Response> {
  const nav = (globalThis as { navigator?: { userAgent?: string } }).navigator;
  const outcomes: Outcomes = {
    userAgent: nav?.userAgent ?? null,
    applications: [],
    purchases: [],
    errors: [],
    logLines: 0,
    clientAddresses: [],
  };

  const handler = createFlexitiHandler({
    apiBase: setting(env, 'FLEXITI_API_BASE'),
    clientId: setting(env, 'FLEXITI_CLIENT_ID'),
    clientSecret: setting(env, 'FLEXITI_CLIENT_SECRET'),
    merchantUsername: setting(env, 'FLEXITI_MERCHANT_USERNAME'),
    merchantPassword: setting(env, 'FLEXITI_MERCHANT_PASSWORD'),
    sessionSecret: setting(env, 'FLEXITI_SESSION_SECRET'),
    resolveOrder: (request) => {
      const query = new URL(request.url).searchParams;
      const amount = Number(query.get('amount'));
      const reference = query.get('reference');
      return reference && Number.isFinite(amount) && amount > 0 ? { amount, reference } : null;
    },
    onApplication: (outcome) => void outcomes.applications.push(outcome),
    onPurchase: (outcome) => void outcomes.purchases.push(outcome),
    logger: (entry) => {
      outcomes.logLines++;
      if (entry.level === 'error') outcomes.errors.push(entry);
    },
  });

  return async (request, clientAddress) => {
    const url = new URL(request.url);
    if (url.pathname === '/_outcomes' && request.method === 'GET') return Response.json(outcomes);
    if (!outcomes.clientAddresses.includes(clientAddress)) outcomes.clientAddresses.push(clientAddress);
    return handler(request, { clientAddress });
  };
}
