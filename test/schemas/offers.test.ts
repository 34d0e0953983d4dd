/**
 * What the on-site message says about an amount, against cases worked out by hand, and against
 * the sandbox's own quotes (Flexiti's rounding as simulated) for many amounts.
 */
import { describe, expect, it } from 'vitest';
import { monthlyPayment, planOptions, summarizeOffers, type OfferPlan } from '../../src/schemas/offers.js';
import { equalPayment, PLANS, termAmount } from '../../src/sandbox/plans.js';

const plan = (overrides: Partial<OfferPlan> & Pick<OfferPlan, 'planId'>): OfferPlan => ({
  name: `Plan ${overrides.planId}`,
  category: 'equal_billing',
  terms: [12],
  rate: null,
  payments: null,
  fee: null,
  minAmount: 0.01,
  maxAmount: 100_000,
  ...overrides,
});

const noInterest = plan({ planId: 5, rate: 0, fee: 0, terms: [3, 12] });
const lowInterest = plan({ planId: 2, rate: 0.0999, fee: 0, terms: [3, 60] });
const noPayments = plan({ planId: 7, category: 'deferred_payment', payments: 'none', rate: 0, fee: 49.99, terms: [3, 12] });
const minimum = plan({ planId: 9, category: 'deferred_payment', payments: 'minimum', rate: 0, fee: 0, terms: [6] });

describe('monthly payments', () => {
  it('without interest: $1,249.99 over 12 months is 11 × 104.17 and a last 104.12', () => {
    // 124,999 ¢ / 12 = 10,416.58 ¢ → 10,417 ¢ (half up); the last: 124,999 − 11 × 10,417 = 124,999 − 114,587 = 10,412 ¢.
    expect(monthlyPayment(1249.99, 0, 12)).toBe(104.17);
    expect(planOptions(noInterest, 1249.99)[1]).toEqual({
      kind: 'equal',
      planId: 5,
      name: 'Plan 5',
      months: 12,
      rate: 0,
      monthlyPayment: 104.17,
      lastPayment: 104.12,
      fee: 0,
      totalRepaid: 1249.99,
      costOfBorrowing: 0,
    });
  });

  it('at 9.99 %: $1,249.99 over 60 months is 26.55 a month, 1,593.00 in all', () => {
    // r = 0.0999 / 12 = 0.008325; (1 + r)^60 = 1.008325^60 = 1.6444932780;
    // P = 1,249.99 × r × 1.6444932780 / (1.6444932780 − 1) = 1,249.99 × 0.008325 × 2.5516164 = 26.5524 → 26.55.
    // Repaid: 60 × 26.55 = 1,593.00; interest 1,593.00 − 1,249.99 = 343.01.
    expect(monthlyPayment(1249.99, 0.0999, 60)).toBe(26.55);
    expect(planOptions(lowInterest, 1249.99)[1]).toMatchObject({ kind: 'equal', months: 60, rate: 0.0999, monthlyPayment: 26.55, lastPayment: 26.55, totalRepaid: 1593, costOfBorrowing: 343.01 });
  });

  it('at 29.99 % with a $49.99 fee: $1,000 over 3 months is 350.13 a month, 1,100.38 in all', () => {
    // r = 0.2999 / 12 = 0.0249916667; (1 + r)^3 = 1.0768643596;
    // P = 1,000 × 0.0249916667 × 1.0768643596 / 0.0768643596 = 350.1315 → 350.13.
    // Repaid: 3 × 350.13 + 49.99 = 1,050.39 + 49.99 = 1,100.38; cost 100.38.
    const regular = plan({ planId: 4, rate: 0.2999, fee: 49.99, terms: [3] });
    expect(planOptions(regular, 1000)).toEqual([
      expect.objectContaining({ kind: 'equal', monthlyPayment: 350.13, lastPayment: 350.13, fee: 49.99, totalRepaid: 1100.38, costOfBorrowing: 100.38 }),
    ]);
  });

  it('says nothing it cannot know: with an unknown fee, no total and no cost', () => {
    // 300 / 3 = 100.00 exactly; the fee was not configured.
    expect(planOptions(plan({ planId: 5, rate: 0, terms: [3] }), 300)).toEqual([
      { kind: 'equal', planId: 5, name: 'Plan 5', months: 3, rate: 0, monthlyPayment: 100, lastPayment: 100, fee: null, totalRepaid: null, costOfBorrowing: null },
    ]);
  });
});

describe('deferred plans', () => {
  it('no payments with a $49.99 fee: pay $1,299.98 in full by the end, first payment in month 13', () => {
    // 1,249.99 + 49.99 = 1,299.98.
    expect(planOptions(noPayments, 1249.99)[1]).toEqual({
      kind: 'no-payments',
      planId: 7,
      name: 'Plan 7',
      months: 12,
      firstPaymentMonth: 13,
      fee: 49.99,
      payInFull: 1299.98,
    });
  });

  it('no payments with an unknown fee: no amount to pay in full', () => {
    expect(planOptions({ ...noPayments, fee: null }, 500)[0]).toMatchObject({ kind: 'no-payments', months: 3, fee: null, payInFull: null });
  });

  it('minimum payments: the term and the fee, the payment being Flexiti’s to say', () => {
    expect(planOptions(minimum, 800)).toEqual([{ kind: 'minimum', planId: 9, name: 'Plan 9', months: 6, fee: 0 }]);
  });
});

describe('plans the merchant has not described', () => {
  it.each([
    ['an equal-billing plan without a rate', plan({ planId: 4, rate: null, fee: 0 })],
    ['a deferred plan without its payments', plan({ planId: 6, category: 'deferred_payment', rate: 0.2999, fee: 49.99 })],
    ['a category this version does not know', plan({ planId: 8, category: 'revolving', rate: 0, fee: 0 })],
  ])('%s: its name and terms, never a figure', (_, described) => {
    expect(planOptions(described, 1249.99)).toEqual([{ kind: 'plan', planId: described.planId, name: described.name, months: 12 }]);
    expect(summarizeOffers([described], 1249.99)).toMatchObject({ status: 'available', headline: { kind: 'generic' } });
  });

  it('an unconfigured rate never turns into a monthly figure anywhere in the summary', () => {
    const summary = summarizeOffers([plan({ planId: 1, terms: [18, 36] }), plan({ planId: 6, category: 'deferred_payment', terms: [6] })], 2000);
    expect(JSON.stringify(summary)).not.toMatch(/monthlyPayment|payInFull|totalRepaid/);
  });
});

describe('the headline', () => {
  it('prefers no interest (its longest term), then the lowest payment at a known rate, then no payments', () => {
    // 1,249.99 over 12 at 0 %: 104.17 (see above).
    expect(summarizeOffers([lowInterest, noPayments, noInterest], 1249.99)).toMatchObject({
      status: 'available',
      headline: { kind: 'zero', months: 12, monthlyPayment: 104.17 },
      example: { kind: 'equal', planId: 5, months: 12 },
    });
    // Without it: the lowest payment, 60 months at 9.99 %: 26.55.
    expect(summarizeOffers([noPayments, lowInterest], 1249.99)).toMatchObject({
      headline: { kind: 'monthly', monthlyPayment: 26.55, rate: 0.0999 },
      example: { kind: 'equal', planId: 2, months: 60 },
    });
    // Without either: the longest deferral.
    expect(summarizeOffers([minimum, noPayments], 1249.99)).toMatchObject({
      headline: { kind: 'no-payments', months: 12 },
      example: { kind: 'no-payments', months: 12, payInFull: 1299.98 },
    });
    // Nothing with a figure: a generic line, the first option as the example.
    expect(summarizeOffers([minimum], 1249.99)).toMatchObject({ headline: { kind: 'generic' }, example: { kind: 'minimum', months: 6 } });
  });

  it('lists every option of every eligible plan, in the plans’ order', () => {
    const summary = summarizeOffers([noInterest, noPayments], 1249.99);
    expect(summary.status === 'available' && summary.options.map((o) => [o.planId, o.months])).toEqual([
      [5, 3],
      [5, 12],
      [7, 3],
      [7, 12],
    ]);
  });
});

describe('amounts the plans do not finance', () => {
  const bounded = [
    { ...noInterest, minAmount: 100, maxAmount: 5000 },
    { ...noPayments, minAmount: 300, maxAmount: 25_000 },
  ];

  it('below every minimum: the smallest amount financed', () => {
    expect(summarizeOffers(bounded, 99.99)).toEqual({ status: 'below', minAmount: 100 });
  });

  it('above every maximum: the largest amount financed', () => {
    expect(summarizeOffers(bounded, 25_000.01)).toEqual({ status: 'above', maxAmount: 25_000 });
  });

  it('the bounds themselves are financed, and only the plans whose range holds the amount count', () => {
    expect(summarizeOffers(bounded, 100)).toMatchObject({ status: 'available', headline: { kind: 'zero', months: 12 } });
    expect(summarizeOffers(bounded, 25_000)).toMatchObject({ status: 'available', headline: { kind: 'no-payments', months: 12 } });
    // 150 is under the deferred plan's $300: only the no-interest plan's options.
    const summary = summarizeOffers(bounded, 150);
    expect(summary.status === 'available' && summary.options.every((o) => o.planId === 5)).toBe(true);
  });

  it('between one plan’s maximum and another’s minimum: neither below nor above', () => {
    const apart = [
      { ...noInterest, minAmount: 100, maxAmount: 500 },
      { ...noPayments, minAmount: 1000, maxAmount: 2000 },
    ];
    expect(summarizeOffers(apart, 700)).toEqual({ status: 'unavailable' });
  });

  it.each([Number.NaN, 0, -5, 0.004, Number.POSITIVE_INFINITY])('%s is not an amount', (amount) => {
    expect(summarizeOffers([noInterest], amount)).toEqual({ status: 'unavailable' });
  });

  it('no plans, or plans with no terms, finance nothing', () => {
    expect(summarizeOffers([], 500)).toEqual({ status: 'unavailable' });
    expect(summarizeOffers([{ ...noInterest, terms: [] }], 500)).toEqual({ status: 'unavailable' });
    // A plan with no terms does not set the bounds either: 50 is below the other plan's $100.
    expect(summarizeOffers([{ ...noInterest, terms: [], minAmount: 10 }, { ...noPayments, minAmount: 100 }], 50)).toEqual({ status: 'below', minAmount: 100 });
  });
});

describe('the same figures as the sandbox quotes', () => {
  // mulberry32: the same amounts on every run.
  function seeded(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const random = seeded(20_240_601);
  const amounts = Array.from({ length: 500 }, () => (1 + Math.floor(random() * 3_000_000)) / 100);
  const known = PLANS.filter((p) => p.kind === 'equal');

  it('uses plans with both kinds of rate', () => {
    expect(known.some((p) => p.rate === 0)).toBe(true);
    expect(known.some((p) => p.rate > 0)).toBe(true);
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(0.01);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(30_000);
  });

  it.each(known.map((p) => [p.id, p.rate, p.terms] as const))('plan %i at %s, every term and 500 amounts', (id, rate, terms) => {
    const sandboxPlan = PLANS.find((p) => p.id === id)!;
    const offered = plan({ planId: id, rate, fee: sandboxPlan.adminFee, terms: [...terms] });
    const mismatches: string[] = [];
    for (const amount of amounts) {
      const options = planOptions(offered, amount);
      for (const [i, months] of terms.entries()) {
        const quoted = termAmount(sandboxPlan, amount, months);
        const ours = monthlyPayment(amount, rate, months);
        const option = options[i]!;
        if (ours !== quoted || equalPayment(amount, rate, months) !== quoted || option.kind !== 'equal' || option.monthlyPayment !== quoted) {
          mismatches.push(`${amount} over ${months}: ours ${ours}, sandbox ${quoted}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
