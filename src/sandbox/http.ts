/** Request plumbing shared by the routes: context, error bodies, JSON bodies, route table. */
import type { Context, Hono } from 'hono';
import type { FaultInjector } from './faults.js';
import { errorMessage, type ErrorCode, type Lang } from './messages.js';
import type { SandboxState, Scope, TokenRecord } from './state.js';
import type { FieldError } from './validate.js';

export interface ResolvedOptions {
  clientId: string;
  clientSecret: string;
  merchantUsername: string;
  merchantPassword: string;
  tokenTtlSeconds: number;
  basePath: string;
  now: () => number;
  /** `GET authorizations` ignores `reference`, as the real API may (it documents no such filter). */
  ignoreReferenceFilter: boolean;
}

/** Everything a route needs; one per sandbox. */
export interface SandboxContext {
  readonly options: ResolvedOptions;
  readonly state: SandboxState;
  readonly faults: FaultInjector;
}

export interface SandboxEnv {
  /** node-server passes `{ incoming, outgoing }`; in-process callers pass nothing. */
  Bindings: object;
  Variables: {
    lang: Lang;
    token: TokenRecord;
  };
}

export type Ctx = Context<SandboxEnv>;
export type SandboxApp = Hono<SandboxEnv>;

/** A Flexiti business error: `{ url, message, error, field_errors? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: ErrorCode,
    readonly fieldErrors?: readonly FieldError[],
  ) {
    super(code);
  }
}

/** An OAuth-style error: `{ code, error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    readonly code: string,
    readonly description: string,
  ) {
    super(code);
  }
}

export function wrongInputs(errors: readonly FieldError[]): ApiError {
  return new ApiError(409, 'wrong_inputs', errors);
}

export const INVALID_TOKEN = () =>
  new OAuthError(401, 'invalid_token', 'The access token provided is invalid.');

/** The request path as Flexiti reports it in `url`: without our mount prefix or query. */
export function apiPath(c: Ctx, basePath: string): string {
  const path = c.req.path;
  return basePath && path.startsWith(basePath) ? path.slice(basePath.length) : path;
}

export function apiErrorBody(err: ApiError, url: string, lang: Lang): Record<string, unknown> {
  const body: Record<string, unknown> = { url, message: errorMessage(err.code, lang), error: err.code };
  if (err.fieldErrors) body.field_errors = err.fieldErrors.map((e) => ({ ...e }));
  return body;
}

/**
 * The JSON object body of a request. An empty body reads as `{}` because several endpoints
 * take an optional body; anything that is not a JSON object is `wrong_inputs`.
 */
export async function readJson(c: Ctx): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw wrongInputs([{ param: 'body', msg: 'invalid json' }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw wrongInputs([{ param: 'body', msg: 'wrong format' }]);
  }
  return value as Record<string, unknown>;
}

export function lang(c: Ctx): Lang {
  return c.get('lang') ?? 'en';
}

export type Handler = (c: Ctx) => Response | Promise<Response>;

export interface RouteSpec {
  method: 'GET' | 'POST';
  /** API version in the path prefix; endpoints that moved to v2.5.1 live only there. */
  version: '2.5' | '2.5.1';
  /** Path after `client-id/{client_id}/` (or after the version for `oauth/token`), Hono syntax. */
  path: string;
  /** Token scopes accepted; `customer` tokens are limited to shopper-facing endpoints. */
  scopes: readonly Scope[];
  handler: Handler;
}

export const BOTH_SCOPES: readonly Scope[] = ['merchant', 'customer'];
export const MERCHANT_SCOPE: readonly Scope[] = ['merchant'];

/** `POST accounts/:account_number/close` → `POST accounts/{account_number}/close`. */
export function routeKey(method: string, path: string): string {
  return `${method} ${path.replace(/:([A-Za-z_]+)/g, '{$1}')}`;
}
