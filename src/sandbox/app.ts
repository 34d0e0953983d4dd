/**
 * The sandbox's Hono application: counting, fault injection, the checks every Flexiti
 * endpoint makes (token, client id, `x-reference-id`, `lang`), then the routes.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { DroppedConnection, SERVICE_UNAVAILABLE, delay, dropConnection } from './faults.js';
import {
  ApiError,
  INVALID_TOKEN,
  OAuthError,
  apiErrorBody,
  apiPath,
  lang,
  routeKey,
  wrongInputs,
  type RouteSpec,
  type SandboxApp,
  type SandboxContext,
  type SandboxEnv,
} from './http.js';
import { parseLang, type ErrorCode } from './messages.js';
import { creditAppRoutes } from './routes/credit-apps.js';
import { customerRoutes } from './routes/customers.js';
import { merchantRoutes } from './routes/merchants.js';
import { tokenHandler } from './routes/oauth.js';
import { transactionRoutes } from './routes/transactions.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const MAX_REFERENCE_ID = 64;
export const TOKEN_ROUTE_KEY = 'POST oauth/token';

export function createApp(ctx: SandboxContext): SandboxApp {
  const { options, state, faults } = ctx;
  const app = new Hono<SandboxEnv>();
  const root = `${options.basePath}/flexiti/pos-api`;
  /** Hono route (`METHOD path`) → the stats key callers read. */
  const keys = new Map<string, string>();

  app.use('*', async (c, next) => {
    const key =
      matchedRoutes(c)
        .map((r) => keys.get(`${r.method} ${r.path}`))
        .find((k) => k !== undefined) ?? `${c.req.method} (unknown route)`;
    const stats = state.stats;
    stats.requests++;
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    if (key === TOKEN_ROUTE_KEY) stats.tokenRequests++;

    const plan = faults.plan(c.req.path);
    await delay(plan.latencyMs);
    if (plan.action === 'drop') return dropConnection(c.env);
    if (plan.action === 'fail') return c.json(SERVICE_UNAVAILABLE, 503);
    if (plan.action === 'answer' && plan.answer) {
      throw new ApiError(plan.answer.status as 404 | 409, plan.answer.error as ErrorCode);
    }
    await next();
    if (plan.action === 'drop-response') c.res = dropConnection(c.env);
    return undefined;
  });

  const tokenPath = `${root}/v2.5/oauth/token`;
  keys.set(`POST ${tokenPath}`, TOKEN_ROUTE_KEY);
  app.post(tokenPath, tokenHandler(ctx));

  const guard = (spec: RouteSpec): MiddlewareHandler<SandboxEnv> =>
    async (c, next) => {
      const requestedLang = parseLang(c.req.query('lang'));
      c.set('lang', requestedLang ?? 'en'); // so that earlier errors already speak the caller's language
      const match = BEARER.exec(c.req.header('authorization') ?? '');
      const token = match?.[1] === undefined ? undefined : state.tokens.get(match[1]);
      if (!token || options.now() >= token.expiresAt) throw INVALID_TOKEN();
      if (!spec.scopes.includes(token.scope)) {
        throw new OAuthError(403, 'insufficient_scope', 'Insufficient scope: authorized scope is insufficient');
      }
      c.set('token', token);
      if (c.req.param('client_id') !== options.clientId) throw new ApiError(404, 'not_found');
      const referenceId = c.req.header('x-reference-id') ?? '';
      if (referenceId.trim() === '') throw wrongInputs([{ param: 'x-reference-id', msg: 'required' }]);
      if (referenceId.length > MAX_REFERENCE_ID) throw wrongInputs([{ param: 'x-reference-id', msg: 'wrong format' }]);
      if (requestedLang === undefined) throw wrongInputs([{ param: 'lang', msg: 'wrong format' }]);
      await next();
    };

  const routes = [...merchantRoutes(ctx), ...creditAppRoutes(ctx), ...customerRoutes(ctx), ...transactionRoutes(ctx)];
  for (const spec of routes) {
    const path = `${root}/v${spec.version}/client-id/:client_id/${spec.path}`;
    keys.set(`${spec.method} ${path}`, routeKey(spec.method, spec.path));
    app.on(spec.method, path, guard(spec), (c) => spec.handler(c));
  }

  app.notFound((c) =>
    c.json(apiErrorBody(new ApiError(404, 'not_found'), apiPath(c, options.basePath), 'en'), 404),
  );

  app.onError((err, c) => {
    // A lost connection must surface as a failed fetch, not as an error page.
    if (err instanceof DroppedConnection) throw err;
    if (err instanceof OAuthError) {
      return c.json({ code: err.status, error: err.code, error_description: err.description }, err.status);
    }
    if (err instanceof ApiError) {
      return c.json(apiErrorBody(err, apiPath(c, options.basePath), lang(c)), err.status);
    }
    console.error('flexiti sandbox: unexpected error', err);
    return c.json(
      { url: apiPath(c, options.basePath), message: 'Unexpected sandbox error.', error: 'general_error' },
      500,
    );
  });

  return app;
}
