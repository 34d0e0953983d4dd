import type { Flow } from '../schemas/index.js';
import type { LimitsConfig } from './budgets.js';
import type { Logger } from './logger.js';
import type { RetryPolicy } from './retry.js';
import type { HandlerState } from './state/types.js';

/** What the merchant's `resolveOrder` hook answers: the order the shopper is paying. */
export interface ResolvedOrder {
  /** Order total in dollars (CAD), e.g. `1249.99`. */
  amount: number;
  /** The merchant's order id; unique per order (Flexiti `reference`, at most 40 characters). */
  reference: string;
  /**
   * When the order was created. Optional: reconciliation then also looks back to it, not only to
   * the order's first checkout session the handler remembers.
   */
  createdAt?: Date | number;
}

/**
 * What the shopper agreed to when applying, for the merchant's records: the version of the
 * cardholder agreement (as `GET terms` served it), its language and province, and when the
 * handler received the acceptance.
 */
export interface ConsentRecord {
  termsVersion: string;
  lang: 'en-CA' | 'fr-CA';
  province: string;
  /** ISO 8601, the handler's clock. */
  acceptedAt: string;
}

export interface ApplicationOutcome {
  status: 'approved' | 'declined' | 'pending' | 'exists' | 'closed';
  code?: string;
  sessionId: string;
  /** The order reference of a checkout session, or `null` for a standalone application. */
  reference: string | null;
  /** The Flexiti account an approval opened (or a cancellation closed). */
  accountNumber?: string;
  creditLimit?: number;
  province?: string;
  /** The terms the application was made under; on every outcome of `POST apply` (not on `closed`). */
  consent?: ConsentRecord;
  referenceId: string;
}

export interface PurchaseOutcome {
  status: 'approved' | 'declined';
  code?: string;
  sessionId: string;
  reference: string;
  amount: number;
  currency: 'CAD';
  authorizationId?: string;
  /** Approved and captured at once (`autoCapture`, the default): the capture, which returns and refunds name. */
  captureId?: string;
  /** Approved without a capture (`autoCapture: false`): what the authorization holds for a later capture. */
  remainingAmount?: number;
  accountNumber: string;
  plan: { type: 'regular' } | { type: 'promotional'; planId: number; term: number };
  referenceId: string;
}

/**
 * What the merchant's agreement with Flexiti says about one plan, for the on-site message
 * (`GET offers`). Each figure left out is answered as `null`, and the message then says nothing
 * that needs it: a rate is never guessed.
 */
export interface MessagePlanConfig {
  /** The annual interest rate, from 0 (no interest) up to but not including 1 (0.0999 = 9.99 %). */
  rate?: number;
  /** A deferred-payment plan: no payments until the promotion ends (`none`) or a minimum payment each month. */
  payments?: 'none' | 'minimum';
  /** A one-time fee in dollars, 0 for none. */
  fee?: number;
  /** The amounts this plan finances, in dollars; default the `message` bounds. */
  minAmount?: number;
  maxAmount?: number;
  /** Leaves the plan out of `GET offers` (and so out of the message). */
  hidden?: boolean;
}

/** The on-site message's configuration (`GET offers`). */
export interface MessageConfig {
  /** Per Flexiti plan id: what the merchant's agreement with Flexiti says about it. */
  plans?: Record<number, MessagePlanConfig>;
  /** The smallest amount any plan finances, in dollars. Default 0.01. */
  minAmount?: number;
  /** The largest amount any plan finances, in dollars. Default 100,000, the handler's largest order. */
  maxAmount?: number;
}

export interface FlexitiHandlerConfig {
  /** Flexiti POS API base up to `/flexiti/pos-api`, e.g. `https://posapi.flexiti.fi/flexiti/pos-api`. */
  apiBase: string;
  clientId: string;
  clientSecret: string;
  /** Optional `merchants/login` credentials (a specific rep or location). */
  merchantUsername?: string;
  merchantPassword?: string;
  /**
   * At least 32 random characters; the same on every instance. Signs sessions and receipts. To
   * rotate it without logging shoppers out, give `[newSecret, oldSecret]` until the old sessions
   * have expired (`sessionTtlSeconds`), then `newSecret` alone.
   */
  sessionSecret: string | readonly string[];
  /** Where the handler is mounted. Default `/api/flexiti`. */
  basePath?: string;
  /** Browser origins allowed to call the handler, besides its own origin. */
  allowedOrigins?: readonly string[];
  /** The order behind a checkout session, from the merchant's own cart/session (cookies etc). */
  resolveOrder?: (request: Request) => ResolvedOrder | null | undefined | Promise<ResolvedOrder | null | undefined>;
  /** Called once per application outcome. The merchant's source of truth, not browser events. */
  onApplication?: (outcome: ApplicationOutcome) => void | Promise<void>;
  /** Called once per purchase outcome; fulfil orders from `status: 'approved'` here. */
  onPurchase?: (outcome: PurchaseOutcome) => void | Promise<void>;
  /**
   * Turns on the admin routes (`/admin/*` under `basePath`): the merchant API over HTTP for back
   * offices, with this key as `Authorization: Bearer <adminKey>`. At least 32 characters. Off when unset.
   */
  adminKey?: string;
  /** Capture the authorization at once (default `true`); `false` leaves it open for a later capture. */
  autoCapture?: boolean;
  /**
   * What the handler remembers (claims, budgets, the Flexiti token, caches). Default: this process's
   * memory. Several instances share `createRedisState()` from `flexiti-checkout/server/redis`.
   */
  state?: HandlerState;
  /**
   * Say `true` to run live on the in-memory state: only correct when exactly one instance of the
   * handler serves the merchant. Without a shared state, live mode refuses to start otherwise.
   */
  singleInstance?: boolean;
  /** Flows the browser may start. Default both. */
  flows?: readonly Flow[];
  /** Session lifetime. Default 1800 s. */
  sessionTtlSeconds?: number;
  /** `sandbox` unless `apiBase` is Flexiti production. */
  mode?: 'sandbox' | 'live';
  /** Largest accepted request body. Default 16 KiB. */
  maxBodyBytes?: number;
  /** Budgets per Flexiti account, session and address (see `DEFAULT_LIMITS`); any part may be overridden. */
  limits?: LimitsConfig;
  /**
   * Finding an order's authorization before authorizing it again: pages of `GET authorizations`
   * since the order's first session, `pageSize` each (default 100), at most `maxPages` (default 50).
   */
  reconciliation?: { pageSize?: number; maxPages?: number };
  /**
   * Where the client address (for the per-address budgets) comes from behind proxies:
   * - `false` (default): the connection's address, as the adapter reports it;
   * - a number `n`: `n` proxies you run append to `X-Forwarded-For`; the client is the `n`-th entry
   *   from the right (entries further left are written by the client and never trusted);
   * - `true`: the same as `1` (one load balancer or nginx in front);
   * - `{ header }`: a header your platform sets and overwrites, such as Cloudflare's
   *   `cf-connecting-ip` or Fly's `fly-client-ip`.
   */
  trustProxy?: boolean | number | { header: string };
  /** Per Flexiti call. Default 15 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * What `GET offers` (the on-site message, `<flexiti-message>`) says of each plan besides Flexiti's
   * names and terms: rates, fees, amount limits, plans to leave out. Checked when the handler is
   * created. Without it the message shows the plans' names and terms but no figure.
   */
  message?: MessageConfig;
  /** How long form values, terms and the offers are cached. Default 5 minutes. */
  cacheTtlMs?: number;
  logger?: Logger | false;
  fetch?: typeof fetch;
  /** Millisecond clock for sessions, receipts, token expiry and caches (tests move time). */
  now?: () => number;
}

