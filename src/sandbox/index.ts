/**
 * Flexiti POS API sandbox: a deterministic, in-memory test double of Flexiti's v2.5/v2.5.1
 * API for local development, the demo and tests. It is not Flexiti and moves no money.
 *
 * `createSandbox()` returns a fetch handler; `serveSandbox()` in `./node.js` serves it over HTTP.
 */
import { createApp } from './app.js';
import { FaultInjector, type SandboxFaults } from './faults.js';
import type { ResolvedOptions } from './http.js';
import { PERSONAS } from './personas.js';
import {
  SandboxState,
  accountJson,
  sandboxAuthorization,
  type SandboxAccount,
  type SandboxAuthorization,
  type SandboxStats,
} from './state.js';

export type { SandboxFaults } from './faults.js';
export type {
  AccountStatus,
  Persona,
  PreferredLanguage,
  ProvinceCode,
  RiskRating,
  Salutation,
} from './personas.js';
export type {
  AuthorizationJson,
  AuthorizationStatus,
  CaptureActivityJson,
  FinancingOption,
  SandboxAccount,
  SandboxAuthorization,
  SandboxCapture,
  SandboxRefund,
  SandboxRelease,
  SandboxReturn,
  SandboxStats,
  TransactionType,
} from './state.js';
export { SANDBOX_LOCATION_ID } from './routes/transactions.js';
export { sandboxMessageConfig } from './plans.js';
export { PERSONAS };

export interface SandboxOptions {
  /** Default `flexitidemo`. */
  clientId?: string | undefined;
  /** Default `77fde15a-9d33-4e15-930a-76e4b3ae33e9`. */
  clientSecret?: string | undefined;
  /** Default `merchantonline`. */
  merchantUsername?: string | undefined;
  /** Default `dice-manila-purism`. */
  merchantPassword?: string | undefined;
  /** Lifetime of access tokens (`expires_in`); default 1200. */
  tokenTtlSeconds?: number | undefined;
  /** Mount prefix; routes live at `${basePath}/flexiti/pos-api/v2.5/...`. Default `''`. */
  basePath?: string | undefined;
  /** Clock in milliseconds, default `Date.now`; tests move time with it. */
  now?: (() => number) | undefined;
  faults?: SandboxFaults | undefined;
  /**
   * `GET authorizations` ignores a `reference` query parameter, as Flexiti's API may: it documents
   * no such filter. Default `false` (the sandbox filters by it).
   */
  ignoreReferenceFilter?: boolean | undefined;
}

export interface Sandbox {
  /** The application's fetch handler; `env` is passed through (node-server puts the socket there). */
  fetch(request: Request, env?: unknown): Promise<Response>;
  /** Replaces the current faults; `{}` clears them. */
  setFaults(faults: SandboxFaults): void;
  /** Lifetime of tokens issued from now on. */
  setTokenTtl(seconds: number): void;
  /** Every issued access and refresh token becomes unknown. */
  revokeTokens(): void;
  /** Publishes a revised cardholder agreement (every province and language); returns its revision. */
  reviseTerms(): number;
  /** Back to the seeded personas: no tokens, no authorizations, new applicants gone, stats zeroed. */
  reset(): void;
  /** A snapshot of the request counters. */
  readonly stats: SandboxStats;
  /** The authorizations made so far, in id order, as `GET authorization/{id}` shows them. */
  authorizations(filter?: { reference?: string; accountNumber?: number }): SandboxAuthorization[];
  /** An account's credit limit and available credit, or `undefined` for an unknown account. */
  account(accountNumber: number): SandboxAccount | undefined;
}

export const SANDBOX_CLIENT = Object.freeze({
  clientId: 'flexitidemo',
  clientSecret: '77fde15a-9d33-4e15-930a-76e4b3ae33e9',
  merchantUsername: 'merchantonline',
  merchantPassword: 'dice-manila-purism',
  verificationCode: '2222',
} as const);

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function checkTtl(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds <= 0) throw new RangeError('token TTL must be a positive whole number of seconds');
  return seconds;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const resolved: ResolvedOptions = {
    clientId: options.clientId ?? SANDBOX_CLIENT.clientId,
    clientSecret: options.clientSecret ?? SANDBOX_CLIENT.clientSecret,
    merchantUsername: options.merchantUsername ?? SANDBOX_CLIENT.merchantUsername,
    merchantPassword: options.merchantPassword ?? SANDBOX_CLIENT.merchantPassword,
    tokenTtlSeconds: checkTtl(options.tokenTtlSeconds ?? 1200),
    basePath: normalizeBasePath(options.basePath ?? ''),
    now: options.now ?? Date.now,
    ignoreReferenceFilter: options.ignoreReferenceFilter ?? false,
  };
  const state = new SandboxState();
  const faults = new FaultInjector(options.faults ?? {});
  const app = createApp({ options: resolved, state, faults });

  return {
    fetch: async (request, env) => app.fetch(request, typeof env === 'object' && env !== null ? env : undefined),
    setFaults: (f) => faults.set(f),
    setTokenTtl: (seconds) => {
      resolved.tokenTtlSeconds = checkTtl(seconds);
    },
    revokeTokens: () => state.revokeTokens(),
    reviseTerms: () => ++state.termsRevision,
    reset: () => state.reset(),
    get stats(): SandboxStats {
      const s = state.stats;
      return { requests: s.requests, tokenRequests: s.tokenRequests, byRoute: { ...s.byRoute } };
    },
    authorizations: (filter) => state.listAuthorizations(filter).map(sandboxAuthorization),
    account: (accountNumber) => {
      const account = state.accounts.get(accountNumber);
      return account && accountJson(account);
    },
  };
}
