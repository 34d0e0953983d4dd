/**
 * The checkout's state machine, in Node: every step, what moves it, and what each move clears.
 */
import { describe, expect, it } from 'vitest';
import {
  backFrom,
  codeProblem,
  initialState,
  numberProblem,
  planKey,
  planOf,
  transition,
  type Approved,
  type CheckoutEvent,
  type CheckoutState,
  type Eligible,
} from '../../src/elements/checkout/machine.js';

const account = (overrides: Partial<Eligible> = {}): Eligible => ({
  status: 'eligible',
  receipt: 'receipt-alex-0123456789',
  cardLast4: '0001',
  enoughCredit: true,
  preferredLang: 'en-CA',
  contacts: { sms: '***-***-0199', email: 'a***@example.com' },
  ...overrides,
});

const approved: Approved = {
  status: 'approved',
  authorizationId: '1000000000000001',
  amount: 250,
  currency: 'CAD',
  reference: 'ORDER-1',
  plan: { type: 'promotional', planId: 4, term: 18 },
};

const run = (...events: CheckoutEvent[]) => events.reduce(transition, initialState);

/** A cardholder at the review step with plan 4 × 18 chosen and a code sent by SMS. */
const atReview = () =>
  run(
    { type: 'existing' },
    { type: 'typeNumber', value: '6374980000000001' },
    { type: 'found', account: account() },
    { type: 'codeSent', method: 'sms' },
    { type: 'choosePlan', plan: '4:18' },
    { type: 'review' },
  );

describe('a cardholder', () => {
  it('finds the account, has a code sent, chooses a plan, types the code on the review step, and pays', () => {
    let state = run({ type: 'existing' });
    expect(state.step).toBe('identify');
    state = transition(state, { type: 'typeNumber', value: '6374-9800 0000 0001' });
    expect(state.number).toBe('6374 9800 0000 0001');
    expect(numberProblem(state)).toBeNull();
    state = transition(state, { type: 'found', account: account() });
    expect(state).toMatchObject({ step: 'method', method: 'sms', receipt: 'receipt-alex-0123456789', cardLast4: '0001' });
    state = transition(state, { type: 'chooseMethod', method: 'email' });
    state = transition(state, { type: 'codeSent', method: 'email' });
    expect(state).toMatchObject({ step: 'plans', sentTo: 'email', code: '' });
    expect(transition(state, { type: 'review' })).toBe(state); // no plan yet
    state = transition(transition(state, { type: 'choosePlan', plan: '4:18' }), { type: 'review' });
    expect(state.step).toBe('review');
    state = transition(state, { type: 'typeCode', value: '2222' });
    expect(codeProblem(state.code)).toBeNull();
    state = transition(state, { type: 'paid', result: approved });
    expect(state).toMatchObject({ step: 'approved', result: approved, code: '' });
    // Nothing leaves an approved purchase.
    expect(transition(state, { type: 'cancel' })).toBe(state);
    expect(transition(state, { type: 'back' })).toBe(state);
  });

  it('a wrong code stays on the review step, keeps the plan and clears only the code', () => {
    const typed = transition(atReview(), { type: 'typeCode', value: '1111' });
    const state = transition(typed, { type: 'declined', code: 'wrong_verification_code' });
    expect(state).toMatchObject({ step: 'review', plan: '4:18', code: '', problem: 'wrong_verification_code' });
    // Typing again clears the message.
    expect(transition(state, { type: 'typeCode', value: '2' }).problem).toBeNull();
  });

  it('a code sent again on the review step replaces the old one and says so', () => {
    const state = transition(transition(atReview(), { type: 'typeCode', value: '1' }), { type: 'codeSent', method: 'email' });
    expect(state).toMatchObject({ step: 'review', sentTo: 'email', code: '', notice: 'codeResent', plan: '4:18' });
  });

  it('an expired code sends the shopper back to have another sent, keeping the plan', () => {
    const state = transition(atReview(), { type: 'declined', code: 'not_verified' });
    expect(state).toMatchObject({ step: 'method', notice: 'not_verified', plan: '4:18', sentTo: null });
  });

  it.each(['credit_exceeded', 'plan_term_not_available'])('%s sends the shopper back to the plans with the reason', (code) => {
    expect(transition(atReview(), { type: 'declined', code })).toMatchObject({ step: 'plans', notice: code, plan: '4:18' });
  });

  it('any other decline ends the checkout with its code', () => {
    expect(transition(atReview(), { type: 'declined', code: 'user_not_active' })).toMatchObject({ step: 'ineligible', ending: 'user_not_active' });
  });

  it('hears at once that the available credit does not cover the order', () => {
    const state = run({ type: 'existing' }, { type: 'typeNumber', value: '6374980000000004' }, { type: 'found', account: account({ enoughCredit: false }) });
    expect(state.step).toBe('short');
    expect(backFrom(state)).toBeUndefined();
    expect(transition(state, { type: 'cancel' })).toMatchObject({ step: 'ended', ending: 'shopper' });
  });

  it('an account that cannot buy ends at once, and a missing one is a problem on the field', () => {
    const identify = run({ type: 'existing' });
    expect(transition(identify, { type: 'ineligible', code: 'user_not_active' })).toMatchObject({ step: 'ineligible', ending: 'user_not_active' });
    expect(transition(identify, { type: 'notFound' })).toMatchObject({ step: 'identify', problem: 'notFound' });
  });

  it.each(['identify', 'method', 'plans', 'review'])('an account that cannot buy ends the checkout at the %s step too', (step) => {
    const at = { identify: run({ type: 'existing' }), method: run({ type: 'existing' }, { type: 'found', account: account() }), plans: transition(atReview(), { type: 'back' }), review: atReview() }[step]!;
    expect(at.step).toBe(step);
    expect(transition(at, { type: 'ineligible', code: 'user_not_able_to_purchase' })).toMatchObject({ step: 'ineligible', ending: 'user_not_able_to_purchase', code: '' });
  });

  it('nothing ends an approved purchase', () => {
    const paid = transition(atReview(), { type: 'paid', result: approved });
    expect(transition(paid, { type: 'ineligible', code: 'user_not_active' })).toBe(paid);
  });

  it('a contact that cannot be reached is a notice on the method step; choosing another clears it', () => {
    const method = run({ type: 'existing' }, { type: 'found', account: account() });
    const unavailable = transition(method, { type: 'contactUnavailable' });
    expect(unavailable).toMatchObject({ step: 'method', notice: 'contact_unavailable' });
    expect(transition(unavailable, { type: 'chooseMethod', method: 'email' })).toMatchObject({ method: 'email', notice: null });
  });

  it('picks email when the account has no phone', () => {
    expect(run({ type: 'existing' }, { type: 'found', account: account({ contacts: { email: 'a***@example.com' } }) }).method).toBe('email');
  });
});

describe('a new shopper', () => {
  it('applies, and the approval goes to the plans and review without a code', () => {
    let state = run({ type: 'apply' });
    expect(state).toMatchObject({ step: 'apply', kind: 'applicant' });
    state = transition(state, { type: 'applied', receipt: 'receipt-new-0123456789', cardLast4: '4242' });
    expect(state).toMatchObject({ step: 'plans', kind: 'applicant', receipt: 'receipt-new-0123456789', sentTo: null });
    // The plans are the way forward: no going back into the application.
    expect(backFrom(state)).toBeUndefined();
    state = transition(transition(state, { type: 'choosePlan', plan: 'regular' }), { type: 'review' });
    expect(state.step).toBe('review');
    expect(transition(state, { type: 'paid', result: approved }).step).toBe('approved');
  });
});

describe('going back', () => {
  it('follows the steps backwards', () => {
    const review = atReview();
    const plans = transition(review, { type: 'back' });
    expect(plans).toMatchObject({ step: 'plans', plan: '4:18' });
    const method = transition(plans, { type: 'back' });
    expect(method.step).toBe('method');
    const identify = transition(method, { type: 'back' });
    expect(identify.step).toBe('identify');
    expect(transition(identify, { type: 'back' }).step).toBe('choose');
  });

  it('past the account forgets what was found, sent, chosen and typed for it, but keeps the number typed', () => {
    const identify = transition(transition(transition(atReview(), { type: 'back' }), { type: 'back' }), { type: 'back' });
    expect(identify).toMatchObject({ step: 'identify', number: '6374 9800 0000 0001', receipt: '', cardLast4: '', contacts: {}, sentTo: null, code: '', plan: '' });
  });

  it('clears the step messages on every move', () => {
    const wrong = transition(atReview(), { type: 'declined', code: 'wrong_verification_code' });
    expect(transition(wrong, { type: 'back' })).toMatchObject({ problem: null, notice: null });
  });

  it('switching between card and account number clears the number and its problem', () => {
    const typed = run({ type: 'existing' }, { type: 'typeNumber', value: '1234' }, { type: 'problem', problem: 'invalidCard' });
    expect(transition(typed, { type: 'identifyBy', by: 'account' })).toMatchObject({ by: 'account', number: '', problem: null });
  });
});

describe('events that do not belong to the step change nothing', () => {
  const steps: Array<[string, CheckoutState]> = [
    ['choose', initialState],
    ['identify', run({ type: 'existing' })],
    ['review', atReview()],
  ];
  it.each(steps)('%s', (_, state) => {
    for (const event of [{ type: 'applied', receipt: 'x', cardLast4: '1' }, { type: 'chooseMethod', method: 'email' }] as CheckoutEvent[]) {
      expect(transition(state, event)).toBe(state);
    }
  });
});

describe('checks and plan keys', () => {
  it.each([
    [{ by: 'card', number: '' }, 'required'],
    [{ by: 'card', number: '6374 9800 0000 000' }, 'invalidCard'],
    [{ by: 'card', number: '6374-9800-0000-0001' }, null],
    [{ by: 'account', number: '20000001' }, null],
    [{ by: 'account', number: '123456789012345' }, 'invalidAccount'],
  ] as const)('number %j → %s', (state, problem) => expect(numberProblem(state)).toBe(problem));

  it.each([
    ['', 'required'],
    ['  ', 'required'],
    ['12a4', 'invalidCode'],
    ['123', 'invalidCode'],
    [' 2222 ', null],
  ])('code %j → %s', (code, problem) => expect(codeProblem(code)).toBe(problem));

  it('round-trips plan keys', () => {
    expect(planOf(planKey({ type: 'promotional', planId: 4, term: 18 }))).toEqual({ type: 'promotional', planId: 4, term: 18 });
    expect(planOf('regular')).toEqual({ type: 'regular' });
    expect(planOf('')).toBeUndefined();
    expect(planOf('4:')).toBeUndefined();
  });
});
