/**
 * The sandbox's in-memory world: customers, their accounts, access tokens and authorizations.
 * Everything is deterministic except token strings, so tests can predict ids and numbers.
 */
import type { Lang } from './messages.js';
import { fromCents, toCents } from './money.js';
import { luhn } from '../schemas/canada.js';
import {
  PERSONAS,
  type AccountStatus,
  type PreferredLanguage,
  type ProvinceCode,
  type RiskRating,
  type Salutation,
} from './personas.js';

export type Scope = 'merchant' | 'customer';

export interface TokenRecord {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly scope: Scope;
  readonly expiresAt: number;
}

export interface CustomerRecord {
  readonly customerId: number;
  readonly salutation: Salutation;
  readonly firstName: string;
  readonly middleName: string | null;
  readonly lastName: string;
  readonly dob: string;
  readonly address1: string;
  readonly address2: string | null;
  readonly city: string;
  readonly province: ProvinceCode;
  readonly postalCode: string;
  readonly email: string;
  readonly phoneNumber: string | null;
  readonly preferredLanguage: PreferredLanguage;
  readonly securityQid: number;
  readonly securityAnswer: string;
}

export interface AccountRecord {
  readonly accountNumber: number;
  readonly customerId: number;
  readonly vccNumber: string;
  status: AccountStatus;
  reasonCode: string;
  readonly activated: boolean;
  readonly tosAgreement: boolean;
  readonly riskRating: RiskRating;
  readonly creditLimitCents: number;
  availableCents: number;
  readonly creationDate: string;
  /** When `apply` opened the account; a new applicant may buy unverified for a short while. */
  readonly openedByApplyAt: number | null;
  readonly paymentProtection: boolean;
  /** The outstanding one-time code from `verify`, if any. */
  code: { value: string; expiresAt: number; requestId: string | null } | null;
  /** Wrong codes given to `authorization` since the last `verify`. */
  wrongCodes: number;
  /** Times of wrong security answers, for the 48-hour lock. */
  answerFailures: number[];
  /** Refunds credited to the account without naming a capture. */
  readonly refunds: RefundRecord[];
}

export type TransactionType = 'promotional_purchase' | 'regular_purchase';

export interface FinancingOption {
  transaction_type: TransactionType;
  plan_id?: number;
  term?: number;
}

export interface ReturnRecord {
  readonly returnId: number;
  readonly reference: string | null;
  readonly amountCents: number;
  readonly date: string;
}

export interface RefundRecord {
  readonly refundId: number;
  readonly reference: string | null;
  readonly amountCents: number;
  readonly date: string;
}

export interface ReleaseRecord {
  readonly releaseId: number;
  readonly amountCents: number;
  readonly date: string;
}

export interface CaptureRecord {
  readonly captureId: number;
  readonly reference: string | null;
  readonly amountCents: number;
  readonly capturedAt: number;
  readonly date: string;
  /** The amount less its returns and refunds: what can still be returned or refunded. */
  remainingCents: number;
  readonly returns: ReturnRecord[];
  readonly refunds: RefundRecord[];
}

export interface AuthorizationRecord {
  readonly authorizationId: number;
  readonly accountNumber: number;
  readonly reference: string | null;
  readonly amountCents: number;
  remainingCents: number;
  capturedCents: number;
  releasedCents: number;
  readonly creationDate: string;
  readonly financingOption: FinancingOption;
  readonly autoCapture: boolean;
  readonly autoCaptureId: number | null;
  readonly captures: CaptureRecord[];
  readonly releases: ReleaseRecord[];
}

export type AuthorizationStatus = 'opened' | 'closed';

export interface SandboxReturn {
  return_id: number;
  reference: string | null;
  amount: number;
  date: string;
}

export interface SandboxRefund {
  refund_id: number;
  reference: string | null;
  amount: number;
  date: string;
}

export interface SandboxRelease {
  release_id: number;
  amount: number;
  date: string;
}

export interface SandboxCapture {
  capture_id: number;
  reference: string | null;
  amount: number;
  date: string;
  /** The amount less its returns and refunds. */
  remaining_capture_amount: number;
  returns: SandboxReturn[];
  refunds: SandboxRefund[];
}

/** An authorization as the API returns it (our shape; Flexiti does not document one). */
export interface AuthorizationJson {
  authorization_id: number;
  account_number: number;
  reference: string | null;
  amount: number;
  authorization_status: AuthorizationStatus;
  /** Neither captured nor released yet. */
  remaining_amount: number;
  captured_amount: number;
  creation_date: string;
  financing_option: FinancingOption;
  auto_capture: boolean;
  capture_id?: number;
  released_amount: number;
  /** Returns over all its captures. */
  returned_amount: number;
  /** Refunds tied to its captures. */
  refunded_amount: number;
  captures: SandboxCapture[];
  releases: SandboxRelease[];
}

/** What `Sandbox.authorizations()` shows: the same object as the API's. */
export type SandboxAuthorization = AuthorizationJson;

/** One capture in `GET captures`: the day's activity, with what it was charged to. */
export interface CaptureActivityJson extends SandboxCapture {
  authorization_id: number;
  account_number: number;
  transaction_type: TransactionType;
}

/** What `Sandbox.account()` shows. */
export interface SandboxAccount {
  account_number: number;
  credit_limit: number;
  available_credit: number;
}

export interface SandboxStats {
  requests: number;
  tokenRequests: number;
  byRoute: Record<string, number>;
}

export function authorizationStatus(auth: AuthorizationRecord): AuthorizationStatus {
  return auth.remainingCents === 0 ? 'closed' : 'opened';
}

const sum = (records: readonly { amountCents: number }[]): number =>
  records.reduce((total, r) => total + r.amountCents, 0);

function refundJson(r: RefundRecord): SandboxRefund {
  return { refund_id: r.refundId, reference: r.reference, amount: fromCents(r.amountCents), date: r.date };
}

export function captureJson(c: CaptureRecord): SandboxCapture {
  return {
    capture_id: c.captureId,
    reference: c.reference,
    amount: fromCents(c.amountCents),
    date: c.date,
    remaining_capture_amount: fromCents(c.remainingCents),
    returns: c.returns.map((r) => ({
      return_id: r.returnId,
      reference: r.reference,
      amount: fromCents(r.amountCents),
      date: r.date,
    })),
    refunds: c.refunds.map(refundJson),
  };
}

export function authorizationJson(auth: AuthorizationRecord): AuthorizationJson {
  return {
    authorization_id: auth.authorizationId,
    account_number: auth.accountNumber,
    reference: auth.reference,
    amount: fromCents(auth.amountCents),
    authorization_status: authorizationStatus(auth),
    remaining_amount: fromCents(auth.remainingCents),
    captured_amount: fromCents(auth.capturedCents),
    creation_date: auth.creationDate,
    financing_option: { ...auth.financingOption },
    auto_capture: auth.autoCapture,
    ...(auth.autoCaptureId === null ? {} : { capture_id: auth.autoCaptureId }),
    released_amount: fromCents(auth.releasedCents),
    returned_amount: fromCents(auth.captures.reduce((total, c) => total + sum(c.returns), 0)),
    refunded_amount: fromCents(auth.captures.reduce((total, c) => total + sum(c.refunds), 0)),
    captures: auth.captures.map(captureJson),
    releases: auth.releases.map((r) => ({ release_id: r.releaseId, amount: fromCents(r.amountCents), date: r.date })),
  };
}

export function sandboxAuthorization(auth: AuthorizationRecord): SandboxAuthorization {
  return authorizationJson(auth);
}

export function captureActivityJson({ auth, capture }: CaptureOf): CaptureActivityJson {
  const { capture_id, reference, amount, date, remaining_capture_amount, returns, refunds } = captureJson(capture);
  return {
    capture_id,
    authorization_id: auth.authorizationId,
    account_number: auth.accountNumber,
    reference,
    amount,
    date,
    remaining_capture_amount,
    transaction_type: auth.financingOption.transaction_type,
    returns,
    refunds,
  };
}

export function accountJson(account: AccountRecord): SandboxAccount {
  return {
    account_number: account.accountNumber,
    credit_limit: fromCents(account.creditLimitCents),
    available_credit: fromCents(account.availableCents),
  };
}

/** A capture with the authorization it belongs to. */
export interface CaptureOf {
  readonly auth: AuthorizationRecord;
  readonly capture: CaptureRecord;
}

/** First numbers handed out; the first approval matches Flexiti's example response. */
const FIRST = {
  accountNumber: 20035156,
  customerId: 43353,
  vccSequence: 40823,
  authorizationId: 1000000000000001,
  captureId: 100000001,
  returnId: 3000000000000001,
  releaseId: 5000000000000001,
  refundId: 6000000000000001,
  answerCode: 24856785,
} as const;

const VCC_PREFIX = '63749801';

/** Luhn check digit for a card number without its last digit. */
export function luhnCheckDigit(partial: string): number {
  return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((digit) => luhn(`${partial}${digit}`))!;
}

function randomHex(bytes: number): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface NewApplicant extends Omit<CustomerRecord, 'customerId'> {
  readonly riskRating: RiskRating;
  readonly creditLimitCents: number;
}

export class SandboxState {
  readonly customers = new Map<number, CustomerRecord>();
  readonly accounts = new Map<number, AccountRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly refreshTokens = new Map<string, TokenRecord>();
  readonly authorizations = new Map<number, AuthorizationRecord>();
  stats: SandboxStats = { requests: 0, tokenRequests: 0, byRoute: {} };
  /** How many times the cardholder agreement was revised since the seed (0: the seeded text). */
  termsRevision = 0;
  private next = { ...FIRST };

  constructor() {
    this.reset();
  }

  reset(): void {
    this.customers.clear();
    this.accounts.clear();
    this.tokens.clear();
    this.refreshTokens.clear();
    this.authorizations.clear();
    this.stats = { requests: 0, tokenRequests: 0, byRoute: {} };
    this.termsRevision = 0;
    this.next = { ...FIRST };
    for (const p of PERSONAS) {
      this.customers.set(p.customerId, {
        customerId: p.customerId,
        salutation: p.salutation,
        firstName: p.firstName,
        middleName: null,
        lastName: p.lastName,
        dob: p.dob,
        address1: p.address1,
        address2: p.address2,
        city: p.city,
        province: p.province,
        postalCode: p.postalCode,
        email: p.email,
        phoneNumber: p.phoneNumber,
        preferredLanguage: p.preferredLanguage,
        securityQid: p.securityQid,
        securityAnswer: p.securityAnswer,
      });
      this.accounts.set(p.accountNumber, {
        accountNumber: p.accountNumber,
        customerId: p.customerId,
        vccNumber: p.vccNumber,
        status: p.accountStatus,
        reasonCode: p.accountStatusReasonCode,
        activated: p.activated,
        tosAgreement: true,
        riskRating: p.riskRating,
        creditLimitCents: toCents(p.creditLimit),
        availableCents: toCents(p.availableCredit),
        creationDate: p.creationDate,
        openedByApplyAt: null,
        paymentProtection: false,
        code: null,
        wrongCodes: 0,
        answerFailures: [],
        refunds: [],
      });
    }
  }

  issueToken(scope: Scope, expiresAt: number): TokenRecord {
    const token: TokenRecord = { accessToken: randomHex(20), refreshToken: randomHex(20), scope, expiresAt };
    this.tokens.set(token.accessToken, token);
    this.refreshTokens.set(token.refreshToken, token);
    return token;
  }

  revokeTokens(): void {
    this.tokens.clear();
    this.refreshTokens.clear();
  }

  customerOf(account: AccountRecord): CustomerRecord {
    const customer = this.customers.get(account.customerId);
    if (!customer) throw new Error(`account ${account.accountNumber} has no customer`);
    return customer;
  }

  accountByVcc(vcc: string): AccountRecord | undefined {
    for (const account of this.accounts.values()) if (account.vccNumber === vcc) return account;
    return undefined;
  }

  accountsOfCustomer(customerId: number): AccountRecord[] {
    return [...this.accounts.values()].filter((a) => a.customerId === customerId);
  }

  findCustomer(firstName: string, lastName: string, dob: string): CustomerRecord | undefined {
    const f = firstName.trim().toLowerCase();
    const l = lastName.trim().toLowerCase();
    for (const c of this.customers.values()) {
      if (c.firstName.toLowerCase() === f && c.lastName.toLowerCase() === l && c.dob === dob) return c;
    }
    return undefined;
  }

  /** Opens a customer and a consumer account for an approved application. */
  openAccount(applicant: NewApplicant, now: number): AccountRecord {
    const customerId = this.next.customerId++;
    const accountNumber = this.next.accountNumber++;
    const partial = VCC_PREFIX + String(this.next.vccSequence++).padStart(7, '0');
    const { riskRating, creditLimitCents, ...customer } = applicant;
    this.customers.set(customerId, { ...customer, customerId });
    const account: AccountRecord = {
      accountNumber,
      customerId,
      vccNumber: partial + String(luhnCheckDigit(partial)),
      status: 'N',
      reasonCode: 'NNOR',
      activated: true,
      tosAgreement: true,
      riskRating,
      creditLimitCents,
      availableCents: creditLimitCents,
      creationDate: isoDate(now),
      openedByApplyAt: now,
      paymentProtection: false,
      code: null,
      wrongCodes: 0,
      answerFailures: [],
      refunds: [],
    };
    this.accounts.set(accountNumber, account);
    return account;
  }

  nextAnswerCode(): number {
    return this.next.answerCode++;
  }

  createAuthorization(init: {
    account: AccountRecord;
    reference: string | null;
    amountCents: number;
    financingOption: FinancingOption;
    autoCapture: boolean;
    now: number;
  }): AuthorizationRecord {
    const date = new Date(init.now).toISOString();
    const captures: CaptureRecord[] = [];
    let autoCaptureId: number | null = null;
    if (init.autoCapture) {
      autoCaptureId = this.next.captureId++;
      captures.push({
        captureId: autoCaptureId,
        reference: init.reference,
        amountCents: init.amountCents,
        capturedAt: init.now,
        date,
        remainingCents: init.amountCents,
        returns: [],
        refunds: [],
      });
    }
    const auth: AuthorizationRecord = {
      authorizationId: this.next.authorizationId++,
      accountNumber: init.account.accountNumber,
      reference: init.reference,
      amountCents: init.amountCents,
      remainingCents: init.autoCapture ? 0 : init.amountCents,
      capturedCents: init.autoCapture ? init.amountCents : 0,
      releasedCents: 0,
      creationDate: date,
      financingOption: init.financingOption,
      autoCapture: init.autoCapture,
      autoCaptureId,
      captures,
      releases: [],
    };
    init.account.availableCents -= init.amountCents;
    this.authorizations.set(auth.authorizationId, auth);
    return auth;
  }

  capture(auth: AuthorizationRecord, amountCents: number, reference: string | null, now: number): CaptureRecord {
    const capture: CaptureRecord = {
      captureId: this.next.captureId++,
      reference,
      amountCents,
      capturedAt: now,
      date: new Date(now).toISOString(),
      remainingCents: amountCents,
      returns: [],
      refunds: [],
    };
    auth.captures.push(capture);
    auth.remainingCents -= amountCents;
    auth.capturedCents += amountCents;
    return capture;
  }

  release(auth: AuthorizationRecord, amountCents: number, now: number): ReleaseRecord {
    const release: ReleaseRecord = {
      releaseId: this.next.releaseId++,
      amountCents,
      date: new Date(now).toISOString(),
    };
    auth.releases.push(release);
    auth.remainingCents -= amountCents;
    auth.releasedCents += amountCents;
    const account = this.accounts.get(auth.accountNumber);
    if (account) account.availableCents += amountCents;
    return release;
  }

  returnCapture(
    auth: AuthorizationRecord,
    capture: CaptureRecord,
    amountCents: number,
    reference: string | null,
    now: number,
  ): ReturnRecord {
    const ret: ReturnRecord = {
      returnId: this.next.returnId++,
      reference,
      amountCents,
      date: new Date(now).toISOString(),
    };
    capture.returns.push(ret);
    capture.remainingCents -= amountCents;
    const account = this.accounts.get(auth.accountNumber);
    if (account) account.availableCents += amountCents;
    return ret;
  }

  /**
   * Credits the account. A refund naming a capture is kept on it and lowers what the capture
   * can still give back; one without a capture is kept on the account.
   */
  refund(
    account: AccountRecord,
    capture: CaptureRecord | null,
    amountCents: number,
    reference: string | null,
    now: number,
  ): RefundRecord {
    const refund: RefundRecord = {
      refundId: this.next.refundId++,
      reference,
      amountCents,
      date: new Date(now).toISOString(),
    };
    if (capture) {
      capture.refunds.push(refund);
      capture.remainingCents -= amountCents;
    } else {
      account.refunds.push(refund);
    }
    account.availableCents += amountCents;
    return refund;
  }

  /** Authorizations in id order. */
  listAuthorizations(filter: { reference?: string; accountNumber?: number } = {}): AuthorizationRecord[] {
    return [...this.authorizations.values()]
      .filter(
        (a) =>
          (filter.reference === undefined || a.reference === filter.reference) &&
          (filter.accountNumber === undefined || a.accountNumber === filter.accountNumber),
      )
      .sort((a, b) => a.authorizationId - b.authorizationId);
  }

  /** Every capture with its authorization, in capture id order. */
  listCaptures(): CaptureOf[] {
    return [...this.authorizations.values()]
      .flatMap((auth) => auth.captures.map((capture) => ({ auth, capture })))
      .sort((a, b) => a.capture.captureId - b.capture.captureId);
  }

  findCapture(captureId: number): CaptureOf | undefined {
    return this.listCaptures().find((c) => c.capture.captureId === captureId);
  }
}

export function preferredLanguageFor(lang: Lang): PreferredLanguage {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}
