/**
 * The checkout's steps as a pure state machine: what the shopper typed and chose, what the
 * handler answered, and where they are. `transition` is the only way the state changes; it never
 * calls the handler and never touches the DOM, so every path is tested in Node.
 *
 * The order of the steps follows what Flexiti can check when:
 * - an existing cardholder finds their account, has a code sent, chooses a plan, and types the
 *   code on the review step, next to "Confirm and pay": Flexiti checks the code only when it
 *   authorizes, so a wrong code is shown where it is typed and never costs the plan chosen;
 * - an account whose available credit does not cover the order is told so at once (`short`), not
 *   after the code, plans and review;
 * - a new shopper applies, and an approval goes on to the plans (the approval screen itself says
 *   when the new credit cannot cover the order).
 */
import type { LookupResponse, PlanChoice, PurchaseResponse, VerifyMethod } from '../../schemas/index.js';

export type Step = 'choose' | 'identify' | 'method' | 'apply' | 'short' | 'plans' | 'review' | 'approved' | 'ineligible' | 'ended';

/** A field's problem on the current step: the key of its message. */
export type Problem = 'required' | 'invalidCard' | 'invalidAccount' | 'notFound' | 'invalidCode' | 'wrong_verification_code';

/** A message about the step as a whole. */
export type Notice = 'contact_unavailable' | 'not_verified' | 'credit_exceeded' | 'plan_term_not_available' | 'codeResent';

export type Eligible = Extract<LookupResponse, { status: 'eligible' }>;
export type Approved = Extract<PurchaseResponse, { status: 'approved' }>;

export interface CheckoutState {
  step: Step;
  /** How the cardholder identifies: the card's number or the account's. */
  by: 'card' | 'account';
  /** As typed (a card number in groups of four). */
  number: string;
  method: VerifyMethod;
  /** Where a code can be sent (masked), from the lookup. */
  contacts: { sms?: string | undefined; email?: string | undefined };
  /** Where the last code went; `null` until one is sent. */
  sentTo: VerifyMethod | null;
  code: string;
  /** The chosen plan's key (`regular` or `planId:term`), `''` when none. */
  plan: string;
  /** The handler's proof of the account identified or opened. */
  receipt: string;
  kind: 'cardholder' | 'applicant';
  cardLast4: string;
  problem: Problem | null;
  notice: Notice | null;
  /** Why the checkout cannot go on (`ineligible`), or how it ended. */
  ending: string | null;
  result: Approved | null;
}

export type CheckoutEvent =
  | { type: 'existing' }
  | { type: 'apply' }
  | { type: 'identifyBy'; by: 'card' | 'account' }
  | { type: 'typeNumber'; value: string }
  | { type: 'found'; account: Eligible }
  | { type: 'notFound' }
  | { type: 'ineligible'; code: string }
  | { type: 'chooseMethod'; method: VerifyMethod }
  | { type: 'codeSent'; method: VerifyMethod }
  | { type: 'contactUnavailable' }
  | { type: 'applied'; receipt: string; cardLast4: string }
  | { type: 'choosePlan'; plan: string }
  | { type: 'review' }
  | { type: 'typeCode'; value: string }
  | { type: 'problem'; problem: Problem }
  | { type: 'paid'; result: Approved }
  | { type: 'declined'; code: string }
  | { type: 'back' }
  | { type: 'cancel' };

export const initialState: CheckoutState = {
  step: 'choose',
  by: 'card',
  number: '',
  method: 'sms',
  contacts: {},
  sentTo: null,
  code: '',
  plan: '',
  receipt: '',
  kind: 'cardholder',
  cardLast4: '',
  problem: null,
  notice: null,
  ending: null,
  result: null,
};

/** What an account identified or opened leaves behind when the shopper goes back past it. */
const NO_ACCOUNT = { contacts: {}, sentTo: null, code: '', plan: '', receipt: '', cardLast4: '' } as const;

/** Moving to a step clears the previous step's messages. */
const at = (state: CheckoutState, step: Step, patch: Partial<CheckoutState> = {}): CheckoutState => ({
  ...state,
  problem: null,
  notice: null,
  ...patch,
  step,
});

/** Where "Back" goes from each step (`undefined`: no way back). */
export function backFrom(state: CheckoutState): Step | undefined {
  switch (state.step) {
    case 'identify':
    case 'apply':
      return 'choose';
    case 'method':
      return 'identify';
    case 'plans':
      return state.kind === 'applicant' ? undefined : 'method';
    case 'review':
      return 'plans';
    default:
      return undefined;
  }
}

/** Card numbers are shown in groups of four, as printed on the card. */
export const formatCardNumber = (value: string) => value.replace(/\D/g, '').slice(0, 16).replace(/(\d{4})(?=\d)/g, '$1 ');

/** The problem with what was typed on the identify step, if any. */
export function numberProblem(state: Pick<CheckoutState, 'by' | 'number'>): Problem | null {
  const digits = state.number.replace(/[\s-]/g, '');
  if (!digits) return 'required';
  if (state.by === 'card') return /^\d{16}$/.test(digits) ? null : 'invalidCard';
  return /^\d{1,14}$/.test(digits) ? null : 'invalidAccount';
}

/** The problem with the code typed on the review step, if any. */
export function codeProblem(code: string): Problem | null {
  const trimmed = code.trim();
  if (!trimmed) return 'required';
  return /^\d{4,8}$/.test(trimmed) ? null : 'invalidCode';
}

export function planOf(key: string): PlanChoice | undefined {
  if (key === 'regular') return { type: 'regular' };
  const [planId, term] = key.split(':').map(Number);
  return planId && term ? { type: 'promotional', planId, term } : undefined;
}

export const planKey = (plan: PlanChoice) => (plan.type === 'regular' ? 'regular' : `${plan.planId}:${plan.term}`);

/** The purchase refusals that another plan can answer; the others end the checkout. */
const TRY_ANOTHER_PLAN = new Set(['credit_exceeded', 'plan_term_not_available']);

export function transition(state: CheckoutState, event: CheckoutEvent): CheckoutState {
  if (event.type === 'cancel') return state.step === 'approved' ? state : at(state, 'ended', { ending: 'shopper' });
  // An account that cannot buy ends the checkout whichever step hears it (the lookup, the plans, the code).
  if (event.type === 'ineligible') return state.step === 'approved' || state.step === 'ended' ? state : at(state, 'ineligible', { ending: event.code, code: '' });
  if (event.type === 'back') {
    const to = backFrom(state);
    if (!to) return state;
    // Going back past the account forgets it: what was found, sent, chosen and typed for it.
    if (to === 'identify' || to === 'choose') return at(state, to, { ...NO_ACCOUNT, kind: 'cardholder' });
    return at(state, to);
  }

  switch (state.step) {
    case 'choose':
      if (event.type === 'existing') return at(state, 'identify');
      if (event.type === 'apply') return at(state, 'apply', { kind: 'applicant' });
      return state;

    case 'identify':
      switch (event.type) {
        case 'identifyBy':
          return { ...state, by: event.by, number: '', problem: null };
        case 'typeNumber':
          return { ...state, number: state.by === 'card' ? formatCardNumber(event.value) : event.value, problem: null };
        case 'problem':
        case 'notFound':
          return { ...state, problem: event.type === 'notFound' ? 'notFound' : event.problem };
        case 'found': {
          const { account } = event;
          const method: VerifyMethod = account.contacts.sms ? 'sms' : 'email';
          const found = { ...NO_ACCOUNT, receipt: account.receipt, cardLast4: account.cardLast4, contacts: account.contacts, method, kind: 'cardholder' as const };
          return at(state, account.enoughCredit ? 'method' : 'short', found);
        }
        default:
          return state;
      }

    case 'method':
      switch (event.type) {
        case 'chooseMethod':
          return { ...state, method: event.method, notice: null };
        case 'codeSent':
          return at(state, 'plans', { sentTo: event.method, code: '' });
        case 'contactUnavailable':
          return { ...state, notice: 'contact_unavailable' };
        default:
          return state;
      }

    case 'apply':
      if (event.type === 'applied') {
        const opened = { ...NO_ACCOUNT, receipt: event.receipt, cardLast4: event.cardLast4, kind: 'applicant' as const };
        return at(state, 'plans', opened);
      }
      return state;

    case 'plans':
      if (event.type === 'choosePlan') return { ...state, plan: event.plan };
      if (event.type === 'review') return planOf(state.plan) ? at(state, 'review') : state;
      return state;

    case 'review':
      switch (event.type) {
        case 'typeCode':
          return { ...state, code: event.value, problem: null };
        case 'problem':
          return { ...state, problem: event.problem };
        case 'codeSent':
          // A new code: the old one no longer counts.
          return { ...state, sentTo: event.method, code: '', problem: null, notice: 'codeResent' };
        case 'paid':
          return at(state, 'approved', { result: event.result, code: '' });
        case 'declined':
          if (event.code === 'wrong_verification_code') return { ...state, code: '', problem: 'wrong_verification_code', notice: null };
          // The code expired or was never sent: send one again, keeping the plan chosen.
          if (event.code === 'not_verified') return at(state, 'method', { code: '', sentTo: null, notice: 'not_verified' });
          if (TRY_ANOTHER_PLAN.has(event.code)) return at(state, 'plans', { notice: event.code as Notice });
          return at(state, 'ineligible', { ending: event.code, code: '' });
        default:
          return state;
      }

    default:
      // `short`, `ineligible`, `approved`, `ended`: only cancel (above) leaves them.
      return state;
  }
}
