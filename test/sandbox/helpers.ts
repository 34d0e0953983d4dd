import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SANDBOX_CLIENT, type SandboxOptions } from '../../src/sandbox/index.js';
import { serveSandbox, type ServedSandbox } from '../../src/sandbox/node.js';

export const CLIENT_ID = SANDBOX_CLIENT.clientId;
export const START = Date.parse('2025-06-02T15:00:00.000Z');

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read arbitrary JSON; each assertion states the shape it expects.
  body: any;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text, sent as is. */
  raw?: string;
  query?: Record<string, string>;
  version?: '2.5' | '2.5.1';
  /** `null` sends no authorization header. */
  token?: string | null;
  /** `null` sends no x-reference-id header. */
  referenceId?: string | null;
  headers?: Record<string, string>;
}

export interface Harness {
  served: ServedSandbox;
  clock: { now: number; advance(ms: number): void };
  /** `http://127.0.0.1:PORT/flexiti/pos-api` */
  apiRoot: string;
  /** Requests a fresh token with client credentials. */
  newToken(extra?: Record<string, string>): Promise<Reply>;
  /** A cached merchant token (renewed after each reset). */
  token(): Promise<string>;
  /** Drops the cached token, e.g. after moving the clock past its expiry. */
  forgetToken(): void;
  /** Calls `client-id/{client_id}/{path}`. */
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** Posts a form to `oauth/token`. */
  tokenRequest(form: Record<string, string> | string, contentType?: string): Promise<Reply>;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('application/json')) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body, text };
}

/** Starts one sandbox over real HTTP for the file, resets it before every test. */
export function useSandbox(options: SandboxOptions = {}): Harness {
  const clock = {
    now: START,
    advance(ms: number) {
      clock.now += ms;
    },
  };
  let cached: string | undefined;
  const h = {
    clock,
    apiRoot: '',
  } as Harness;

  beforeAll(async () => {
    h.served = await serveSandbox({ port: 0, now: () => clock.now, ...options });
    h.apiRoot = `${h.served.url}/flexiti/pos-api`;
  });
  afterAll(async () => {
    await h.served?.close();
  });
  beforeEach(() => {
    h.served.sandbox.reset();
    h.served.sandbox.setFaults({});
    h.served.sandbox.setTokenTtl(options.tokenTtlSeconds ?? 1200);
    clock.now = START;
    cached = undefined;
  });

  h.tokenRequest = async (form, contentType = 'application/x-www-form-urlencoded') => {
    const body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
    const res = await fetch(`${h.apiRoot}/v2.5/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    return reply(res);
  };
  h.newToken = (extra = {}) =>
    h.tokenRequest({
      client_id: SANDBOX_CLIENT.clientId,
      client_secret: SANDBOX_CLIENT.clientSecret,
      grant_type: 'client_credentials',
      ...extra,
    });
  h.token = async () => {
    if (!cached) {
      const r = await h.newToken();
      if (r.status !== 200) throw new Error(`token request failed: ${r.status} ${r.text}`);
      cached = r.body.access_token as string;
    }
    return cached;
  };
  h.forgetToken = () => {
    cached = undefined;
  };
  h.call = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    const token = o.token === undefined ? await h.token() : o.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const referenceId = o.referenceId === undefined ? crypto.randomUUID() : o.referenceId;
    if (referenceId !== null) headers['x-reference-id'] = referenceId;
    let body: string | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const qs = o.query ? `?${new URLSearchParams(o.query).toString()}` : '';
    const url = `${h.apiRoot}/v${o.version ?? '2.5'}/client-id/${CLIENT_ID}/${path}${qs}`;
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = body;
    return reply(await fetch(url, init));
  };
  return h;
}

/** The `url` Flexiti puts in error bodies for an endpoint path. */
export function errorUrl(path: string, version: '2.5' | '2.5.1' = '2.5'): string {
  return `/flexiti/pos-api/v${version}/client-id/${CLIENT_ID}/${path}`;
}

/** Flexiti's example application (a Quebec applicant). */
export const DOCUMENTED_APPLICATION = {
  amount_requested: 5000,
  phone_number: '5551231231',
  language: 'en-CA',
  salutation: 'mr',
  first_name: 'John',
  middle_name: 'Grey',
  last_name: 'Doe',
  dob: '1990-01-01',
  address_1: '123 Any Street',
  address_2: 'Apt C',
  govid_expiry: '2020-12-12',
  city: 'Montreal',
  province: 'QC',
  postal_code: 'A1A0H1',
  govid_type: 'CAP',
  monthly_housing_expenses: 1000,
  govid_issuedby: 'CANADA',
  govid_number: 'ab121212',
  input_type: 'manual',
  personal_income: 123123,
  household_income: 223123,
  housing_type: 'Rent',
  email: 'email@address.com',
  occupation_id: 'FE',
  occupation_title: 'Baker',
  employer_name: 'Tasty Bakery',
  employer_phone: '1231231231',
  sin: '123123123',
  security_qid: '8',
  security_answer: 'Horse',
  piw: 'Cloud',
  tos_agreement: true,
};

/** The same applicant living in Ontario (rest of Canada). */
export function rocApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { monthly_housing_expenses: _unused, ...rest } = DOCUMENTED_APPLICATION;
  return { ...rest, city: 'Toronto', province: 'ON', postal_code: 'M5V 2T6', ...overrides };
}

export const MINUTE = 60_000;
