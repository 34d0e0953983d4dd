/**
 * Browser-side access to the test server's handler and sandbox (see `../server/stack.ts`).
 * Each test page (one test file in one browser) has its own handler and sandbox: these calls and
 * the page's own requests to `/api/flexiti` reach the same pair, and no other file sees them.
 *
 * ```ts
 * beforeEach(() => flexitiServer.reset());
 * const { session } = await flexitiServer.session({ amount: 250, reference: 'ORDER-1' });
 * await flexitiServer.faults({ failNext: 2, match: '/oauth/token' });
 * expect(await flexitiServer.authorizations('ORDER-1')).to.have.length(1);
 * ```
 *
 * The elements themselves talk to the handler at `/api/flexiti` on the page's own origin; a
 * checkout session for a given order comes from `POST /api/flexiti/session?amount=…&reference=…`.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import './csp.js';
import type { SandboxAuthorization, SandboxStats } from '../../../src/sandbox/index.js';
import type { ApplicationOutcome, LogEntry, PurchaseOutcome } from '../../../src/server/index.js';
import type { SessionResponse } from '../../../src/schemas/index.js';
import type { FlexitiCommand, WireFaults } from '../server/stack.js';

/** Where the elements find the handler in the tests. */
export const API_BASE = '/api/flexiti';

export type { WireFaults as ServerFaults };

export interface ServerOutcomes {
  applications: ApplicationOutcome[];
  purchases: PurchaseOutcome[];
}

export interface SessionOptions {
  /** Default `checkout`. */
  flow?: 'checkout' | 'apply';
  /** Checkout only; default 250. */
  amount?: number;
  /** Checkout only; default a fresh order reference. */
  reference?: string;
  ttlSeconds?: number;
}

async function run<R>(payload: FlexitiCommand): Promise<R> {
  return executeServerCommand<R, FlexitiCommand>('flexiti', payload);
}

export const flexitiServer = {
  /**
   * A fresh handler and sandbox for this page: seeded personas, no faults, no tokens, no
   * authorizations, no claims, empty caches, rate limits, outcomes and logs.
   */
  reset: (): Promise<void> => run<boolean>({ action: 'reset' }).then(() => undefined),
  /**
   * A fresh handler and sandbox as `reset()` gives, set up as the demo's back office has them:
   * the admin routes on, purchases authorized and left to capture (`autoCapture: false`), and
   * `/demo/accounts/:n` answering the sandbox's credit. Resolves to the admin key.
   */
  backOffice: (): Promise<{ adminKey: string }> => run({ action: 'reset', backOffice: true }),
  /**
   * Replaces the sandbox's faults (`{}` clears them). `match` is a regular expression source
   * tested against the sandbox request path, e.g. `'/purchase'`.
   */
  faults: (faults: WireFaults): Promise<void> => run<boolean>({ action: 'faults', faults }).then(() => undefined),
  /** The authorizations the sandbox holds, optionally for one order reference. */
  authorizations: (reference?: string): Promise<SandboxAuthorization[]> =>
    run(reference === undefined ? { action: 'authorizations' } : { action: 'authorizations', reference }),
  /** What the handler's `onApplication` and `onPurchase` hooks received since the last reset. */
  outcomes: (): Promise<ServerOutcomes> => run({ action: 'outcomes' }),
  /** The sandbox's request counters. */
  stats: (): Promise<SandboxStats> => run({ action: 'stats' }),
  /** The handler's log entries since the last reset. */
  logs: (): Promise<LogEntry[]> => run({ action: 'logs' }),
  /** Flexiti revises its terms and the handler's cached copy expires; returns the revision. */
  reviseTerms: (): Promise<number> => run({ action: 'revise-terms' }),
  /** A session minted on the server with `handler.createSession`, as a page rendered with `session="..."` gets. */
  session: (options: SessionOptions = {}): Promise<SessionResponse> => run({ action: 'session', ...options }),
};
