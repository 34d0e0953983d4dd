import { CONTRACT_VERSION, type Flow, type Province } from '../schemas/index.js';
import { errors } from './errors.js';
import { Signer, randomId } from './signing.js';

/**
 * Checkout sessions and receipts. A session fixes the flow, the amount and the order reference
 * for its lifetime; the browser carries it but cannot change it. A receipt proves, within the
 * same order (or standalone application), which account the shopper established: the one an
 * approval opened, or the one a cardholder identified.
 */

export interface Session {
  typ: 'session';
  /** The contract version (`CONTRACT_VERSION`), read by the elements. */
  v: number;
  id: string;
  flow: Flow;
  /** Dollars, decided by the server; `null` for a standalone application. */
  amount: number | null;
  reference: string | null;
  /** A checkout's order: when its first session was minted (seconds), where reconciliation starts. */
  since?: number;
  /** Sandbox or live, for the elements: a session rendered into the page says so itself. */
  mode?: 'sandbox' | 'live';
  exp: number;
}

export type ReceiptKind = 'applicant' | 'cardholder';

export interface Receipt {
  typ: 'receipt';
  kind: ReceiptKind;
  /** The order reference, or the session id when there is none: survives session renewal. */
  scope: string;
  account: string;
  province?: Province;
  exp: number;
}

export class Sessions {
  /** The first signs; every one verifies (the previous secrets of a rotation). */
  private readonly signers: Signer[];

  constructor(
    secret: string | readonly string[],
    private readonly ttlSeconds: number,
    private readonly nowSeconds: () => number,
  ) {
    this.signers = (typeof secret === 'string' ? [secret] : [...secret]).map((s) => new Signer(s));
    if (this.signers.length === 0) throw new Error('sessionSecret must hold at least one secret');
  }

  async create(input: { flow: Flow; amount: number | null; reference: string | null; since?: number; mode?: 'sandbox' | 'live'; ttlSeconds?: number }) {
    const session: Session = {
      typ: 'session',
      v: CONTRACT_VERSION,
      id: randomId(),
      flow: input.flow,
      amount: input.amount,
      reference: input.reference,
      ...(input.since === undefined ? {} : { since: input.since }),
      ...(input.mode === undefined ? {} : { mode: input.mode }),
      exp: this.nowSeconds() + (input.ttlSeconds ?? this.ttlSeconds),
    };
    return { session, token: await this.signers[0]!.sign(session) };
  }

  async verify(header: string | undefined, flows: readonly Flow[]): Promise<Session> {
    const token = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
    if (!token) throw errors.sessionMissing();
    const result = await this.check<Session>(token, 'session');
    if (!result.ok) throw result.reason === 'expired' ? errors.sessionExpired() : errors.sessionInvalid();
    if (!flows.includes(result.payload.flow)) throw errors.wrongFlow();
    return result.payload;
  }

  issueReceipt(session: Session, kind: ReceiptKind, account: string, province?: Province): Promise<string> {
    const receipt: Receipt = {
      typ: 'receipt',
      kind,
      scope: scopeOf(session),
      account,
      ...(province ? { province } : {}),
      exp: this.nowSeconds() + this.ttlSeconds,
    };
    return this.signers[0]!.sign(receipt);
  }

  async readReceipt(session: Session, token: string, kinds: readonly ReceiptKind[]): Promise<Receipt> {
    const result = await this.check<Receipt>(token, 'receipt');
    if (!result.ok || result.payload.scope !== scopeOf(session) || !kinds.includes(result.payload.kind)) {
      throw errors.receiptInvalid();
    }
    return result.payload;
  }

  /** The current secret first; a previous one still verifies what it signed until that expires. */
  private async check<T extends Session | Receipt>(token: string, typ: T['typ']) {
    let result = await this.signers[0]!.verify<T>(token, typ, this.nowSeconds());
    for (let i = 1; i < this.signers.length && !result.ok && result.reason === 'bad_signature'; i++) {
      result = await this.signers[i]!.verify<T>(token, typ, this.nowSeconds());
    }
    return result;
  }
}

export function scopeOf(session: Session): string {
  return session.reference ?? session.id;
}
