import type * as v from 'valibot';
import {
  CONTRACT_VERSION,
  type ApplyRequestSchema,
  type ApplyResponse,
  type CancelApplicationRequestSchema,
  type ErrorResponse,
  type FieldError,
  type Flow,
  type FormValuesResponse,
  type Lang,
  type LookupRequestSchema,
  type LookupResponse,
  type PlansRequestSchema,
  type PlansResponse,
  type Province,
  type PurchaseRequestSchema,
  type PurchaseResponse,
  type SessionResponse,
  type TermsResponse,
  type VerifyRequestSchema,
  type VerifyResponse,
} from '../schemas/index.js';

/**
 * The elements' client for the merchant handler: gets a session from `token-url` (or uses a
 * server-rendered one), sends `Authorization: Bearer <session>`, renews an expired session once
 * and repeats the call. A session from a handler of another contract version is refused at once
 * (`session_incompatible`); the answers of a compatible handler are typed by the contract.
 */

/**
 * The handler's routes the elements call: what each sends and what it answers, from the
 * contract's schemas, so a call names its route and gets its answer's type (no casts).
 */
export interface HandlerRoutes {
  'form-values': { query?: never; body?: never; response: FormValuesResponse };
  terms: { query: { province: Province }; body?: never; response: TermsResponse };
  apply: { query?: never; body: v.InferInput<typeof ApplyRequestSchema>; response: ApplyResponse };
  'apply/cancel': { query?: never; body: v.InferInput<typeof CancelApplicationRequestSchema>; response: { status: 'closed' } };
  lookup: { query?: never; body: v.InferInput<typeof LookupRequestSchema>; response: LookupResponse };
  verify: { query?: never; body: v.InferInput<typeof VerifyRequestSchema>; response: VerifyResponse };
  plans: { query?: never; body: v.InferInput<typeof PlansRequestSchema>; response: PlansResponse };
  purchase: { query?: never; body: v.InferInput<typeof PurchaseRequestSchema>; response: PurchaseResponse };
}

export type HandlerRoute = keyof HandlerRoutes;

type CallInit<R extends HandlerRoute> = { lang: Lang; signal?: AbortSignal } & Pick<HandlerRoutes[R], 'query' | 'body'>;

export class RequestError extends Error {
  constructor(
    readonly code: string,
    readonly retryable: boolean,
    readonly status = 0,
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(code);
  }
}

export interface SessionSource {
  flow: Flow;
  tokenUrl?: string | undefined;
  /** A session the merchant's server rendered into the page. */
  session?: string | undefined;
  /** Where the handler is, for a server-rendered session. */
  endpoint?: string | undefined;
  /** The shopper's language when minting: an application's session then brings its form values. */
  lang?: (() => Lang) | undefined;
}

export class HandlerClient {
  private current: (SessionResponse & { base: string }) | undefined;
  private renewal: Promise<SessionResponse & { base: string }> | undefined;

  constructor(private readonly source: SessionSource) {}

  /** The session, minted from `token-url` when there is none yet. */
  async start(signal?: AbortSignal): Promise<SessionResponse & { base: string }> {
    this.current ??= this.source.session ? this.rendered(this.source.session) : await this.obtain(signal);
    return this.current;
  }

  async request<R extends HandlerRoute>(path: R, init: CallInit<R>): Promise<HandlerRoutes[R]['response']> {
    for (let attempt = 0; ; attempt++) {
      const session = await this.start(init.signal);
      const url = new URL(path, session.base);
      url.searchParams.set('lang', init.lang);
      for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, String(value));
      const response = await send(url, {
        method: init.body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${session.session}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        ...(init.signal ? { signal: init.signal } : {}),
      });
      const json: unknown = await response.json().catch(() => undefined);
      if (response.ok) {
        if (typeof json !== 'object' || json === null) throw new RequestError('bad_response', true, response.status);
        // The contract version was checked when the session started: its answers are trusted as typed.
        return json as HandlerRoutes[R]['response'];
      }
      const error = errorOf(json, response.status);
      if (error.code === 'session_expired' && attempt === 0 && this.source.tokenUrl) {
        await this.renew(init.signal);
        continue;
      }
      throw error;
    }
  }

  /** One renewal however many requests found the session expired. */
  private async renew(signal?: AbortSignal) {
    const stale = this.current;
    this.renewal ??= this.obtain(signal).finally(() => (this.renewal = undefined));
    const fresh = await this.renewal;
    if (this.current === stale) this.current = fresh;
  }

  /** A session the merchant's server rendered; renewed from `token-url` when it expires. */
  private rendered(session: string): SessionResponse & { base: string } {
    const endpoint = this.source.endpoint ?? '/api/flexiti';
    // The session is signed, not secret: its amount and reference can be read here.
    const claims = compatible(session);
    return {
      session,
      endpoint,
      base: withSlash(new URL(endpoint, document.baseURI).href),
      expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : '',
      flow: this.source.flow,
      amount: typeof claims.amount === 'number' ? claims.amount : null,
      currency: 'CAD',
      reference: typeof claims.reference === 'string' ? claims.reference : null,
      // Said by sessions since the mode was added to them; older ones read as live.
      mode: claims.mode === 'sandbox' ? 'sandbox' : 'live',
    };
  }

  private async obtain(signal?: AbortSignal): Promise<SessionResponse & { base: string }> {
    const { tokenUrl, flow, lang } = this.source;
    if (!tokenUrl) throw new RequestError('no_session', false);
    const url = new URL(tokenUrl, document.baseURI);
    const response = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flow, lang: lang?.() }),
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    });
    const json: unknown = await response.json().catch(() => undefined);
    const minted = json as SessionResponse | undefined;
    if (!response.ok || typeof minted?.session !== 'string') throw errorOf(json, response.status, 'session_failed');
    compatible(minted.session);
    return { ...minted, base: withSlash(new URL(minted.endpoint, url).href) };
  }
}

/** The handler's error body (`ErrorResponse`), or a code made from the status. */
function errorOf(json: unknown, status: number, fallback = `http_${status}`): RequestError {
  const body = (typeof json === 'object' && json !== null ? json : {}) as Partial<ErrorResponse>;
  return new RequestError(
    typeof body.code === 'string' ? body.code : fallback,
    typeof body.retryable === 'boolean' ? body.retryable : status >= 500,
    status,
    Array.isArray(body.fieldErrors) ? body.fieldErrors : [],
  );
}

/** The session's claims, when its handler speaks this contract version. */
function compatible(session: string): Record<string, unknown> {
  const claims = readClaims(session);
  if (claims.v !== CONTRACT_VERSION) {
    console.error(`flexiti-checkout: the handler speaks contract ${String(claims.v)}, this script ${CONTRACT_VERSION}; deploy matching releases.`);
    throw new RequestError('session_incompatible', false);
  }
  return claims;
}

function readClaims(session: string): Record<string, unknown> {
  try {
    const body = session.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(body)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const withSlash = (href: string) => (href.endsWith('/') ? href : `${href}/`);

/** Longer than the handler's own Flexiti timeout, so that its answer normally comes first. */
const TIMEOUT_MS = 45_000;

async function send(url: URL, init: RequestInit): Promise<Response> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  try {
    return await fetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  } catch (error) {
    if (timeout.aborted) throw new RequestError('timeout', true);
    if ((error as Error).name === 'AbortError') throw error;
    throw new RequestError('network', true);
  }
}
