/**
 * What a plan costs, against cases computed by hand, and against the sandbox's own quotes.
 */
import { describe, expect, it } from 'vitest';
import { equalPayments, feesOver, termCost } from '../../src/schemas/plan-cost.js';
import { PLANS, quotePlan } from '../../src/sandbox/plans.js';

const term = (t: number, monthlyPayment: number, rate = 0, fees: Array<{ amount: number; type: string }> = []) => ({ term: t, monthlyPayment, rate, fees });

describe('equal payments', () => {
  it('without interest repay the price exactly, the last payment taking the rounding', () => {
    // 1,249.99 / 3 = 416.663…: two payments of 416.66, the last 1,249.99 − 833.32 = 416.67.
    expect(termCost(1249.99, 'equal_billing', term(3, 416.66))).toEqual({
      kind: 'equal',
      months: 3,
      monthlyPayment: 416.66,
      lastPayment: 416.67,
      fees: 0,
      totalRepaid: 1249.99,
      costOfBorrowing: 0,
    });
  });

  it('with interest cost the payments Flexiti quotes: 12 × 97.48 = 1,169.76, 169.76 more than 1,000', () => {
    expect(termCost(1000, 'equal_billing', term(12, 97.48, 0.2999))).toMatchObject({ totalRepaid: 1169.76, costOfBorrowing: 169.76, lastPayment: 97.48 });
  });

  it('add a one-time fee once and a monthly fee every month: 49.99 + 6 × 1.50 = 58.99', () => {
    const fees = [
      { amount: 49.99, type: 'admin_total' },
      { amount: 1.5, type: 'admin_monthly' },
    ];
    expect(feesOver(term(6, 100, 0, fees))).toBe(5899);
    expect(termCost(600, 'equal_billing', term(6, 100, 0, fees))).toMatchObject({ fees: 58.99, totalRepaid: 658.99, costOfBorrowing: 58.99 });
  });

  it.each([
    [1249.99, 3, 416.66, 416.67],
    [100, 3, 33.33, 33.34],
    [0.05, 2, 0.03, 0.02],
    [0.3, 3, 0.1, 0.1],
  ])('%s over %i months: %s a month, the last %s', (amount, months, monthly, last) => {
    expect(equalPayments(amount, months)).toEqual({ monthlyPayment: monthly, lastPayment: last });
  });
});

describe('deferred and minimum-payment plans', () => {
  it('no payments: the price and the fees by the end of the promotion, nothing more is computed', () => {
    expect(termCost(1249.99, 'deferred_payment', term(12, 0, 0, [{ amount: 49.99, type: 'admin_total' }]))).toEqual({
      kind: 'deferred',
      months: 12,
      fees: 49.99,
      payInFullBy: 1299.98,
    });
  });

  it('minimum payments: $37.50 a month for 3 months covers $112.50 of $1,249.99, leaving $1,137.49', () => {
    expect(termCost(1249.99, 'deferred_payment', term(3, 37.5))).toEqual({
      kind: 'minimum',
      months: 3,
      monthlyPayment: 37.5,
      fees: 0,
      balanceAtEnd: 1137.49,
      payInFullBy: 1249.99,
    });
  });

  it('never owes less than nothing', () => {
    expect(termCost(20, 'deferred_payment', term(3, 10))).toMatchObject({ balanceAtEnd: 0 });
  });
});

describe('against the sandbox’s quotes', () => {
  it.each([1249.99, 640, 99.99, 0.1 + 0.2])('every no-interest equal plan repays %s exactly in its term', (amount) => {
    for (const plan of PLANS.filter((p) => p.kind === 'equal' && p.rate === 0)) {
      for (const quoted of quotePlan(plan, amount, 'en').terms) {
        const cost = termCost(amount, plan.category, { term: quoted.term, monthlyPayment: quoted.term_amount, rate: plan.rate, fees: quoted.fees });
        if (cost.kind !== 'equal') throw new Error(cost.kind);
        expect(Math.round(cost.monthlyPayment * 100) * (quoted.term - 1) + Math.round(cost.lastPayment * 100)).toBe(Math.round(amount * 100));
        expect(cost.costOfBorrowing).toBe(0);
        expect(Math.abs(cost.lastPayment - cost.monthlyPayment)).toBeLessThanOrEqual(0.01 * quoted.term);
      }
    }
  });

  it('every plan with interest costs more than its price, by its payments less the price', () => {
    for (const plan of PLANS.filter((p) => p.kind === 'equal' && p.rate > 0)) {
      const [quoted] = quotePlan(plan, 1000, 'en').terms;
      const cost = termCost(1000, plan.category, { term: quoted!.term, monthlyPayment: quoted!.term_amount, rate: plan.rate, fees: quoted!.fees });
      expect(cost).toMatchObject({ kind: 'equal', totalRepaid: Math.round(quoted!.term_amount * 100 * quoted!.term) / 100 });
      if (cost.kind === 'equal') expect(cost.costOfBorrowing).toBeGreaterThan(0);
    }
  });
});
