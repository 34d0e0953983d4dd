/**
 * What an on-site financing message may say about an amount, from the merchant's offer types
 * (Flexiti's plan ids, names, categories and terms) and what the merchant configured about them
 * (rates, fees, amount limits). Nothing is guessed: a monthly payment is shown only where the rate
 * is known (0 for no interest, or the rate the merchant configured), a fee only where configured.
 * Integer cents throughout. Shared by the handler's `GET offers` and `<flexiti-message>`, so it
 * imports nothing but the money helpers.
 */
import { equalPayments, toCents, toDollars } from './money.js';

/** One of the merchant's plans, as `GET offers` answers it. */
export interface OfferPlan {
  planId: number;
  /** Flexiti's name for the plan, in the answer's language. */
  name: string;
  category: 'equal_billing' | 'deferred_payment' | (string & {});
  /** The terms it is offered for, in months. */
  terms: number[];
  /** The annual interest rate (0.0999 = 9.99 %), 0 for no interest; null when not configured. */
  rate: number | null;
  /** A deferred plan: no payments during the promotion, or a minimum payment each month; null when not configured. */
  payments: 'none' | 'minimum' | null;
  /** A one-time fee in dollars (0 for none); null when not configured. */
  fee: number | null;
  /** The amounts the plan finances, in dollars. */
  minAmount: number;
  maxAmount: number;
}

/** The `GET offers` answer. */
export interface Offers {
  lang: 'en-CA' | 'fr-CA';
  currency: 'CAD';
  plans: OfferPlan[];
}

/** One way to pay an amount, with the figures that are known. */
export type OfferOption =
  | {
      /** Equal monthly payments at a known rate. */
      kind: 'equal';
      planId: number;
      name: string;
      months: number;
      rate: number;
      monthlyPayment: number;
      /** Differs from the others when rounding to the cent leaves a remainder (no-interest plans). */
      lastPayment: number;
      fee: number | null;
      /** Everything paid: the payments and the fee; null when the fee is not known. */
      totalRepaid: number | null;
      /** Interest and fees; null when the fee is not known. */
      costOfBorrowing: number | null;
    }
  | {
      /** No payments until the promotion ends. */
      kind: 'no-payments';
      planId: number;
      name: string;
      months: number;
      /** The month of the first payment (the one after the promotion). */
      firstPaymentMonth: number;
      fee: number | null;
      /** Paying this by the end of the promotion costs no interest; null when the fee is not known. */
      payInFull: number | null;
    }
  | {
      /** A minimum payment each month during the promotion (its amount is Flexiti's to say). */
      kind: 'minimum';
      planId: number;
      name: string;
      months: number;
      fee: number | null;
    }
  | {
      /** A plan the merchant has not described: its name and terms only. */
      kind: 'plan';
      planId: number;
      name: string;
      months: number;
    };

/** The one line next to the price. */
export type Headline =
  | { kind: 'zero'; months: number; monthlyPayment: number }
  | { kind: 'monthly'; monthlyPayment: number; rate: number }
  | { kind: 'no-payments'; months: number }
  | { kind: 'generic' };

export type OfferSummary =
  | { status: 'available'; headline: Headline; options: OfferOption[]; example: OfferOption }
  /** Below every plan's minimum: the smallest amount financed. */
  | { status: 'below'; minAmount: number }
  /** Above every plan's maximum: the largest amount financed. */
  | { status: 'above'; maxAmount: number }
  /** No plans, not an amount, or an amount in a gap between plans' ranges. */
  | { status: 'unavailable' };

/** The level monthly payment repaying `amount` over `months` at `rate` a year, to the cent (half up), as Flexiti rounds. */
export function monthlyPayment(amount: number, rate: number, months: number): number {
  if (rate === 0) return equalPayments(amount, months).monthlyPayment;
  const r = rate / 12;
  return toDollars(Math.round(toCents(amount) * r / (1 - (1 + r) ** -months) + 1e-7));
}

/** Every way to pay `amount` with `plan`, one option per term. */
export function planOptions(plan: OfferPlan, amount: number): OfferOption[] {
  const price = toCents(amount);
  const fee = plan.fee === null ? null : toCents(plan.fee);
  const base = { planId: plan.planId, name: plan.name };
  return plan.terms.map((months): OfferOption => {
    if (plan.category === 'equal_billing' && plan.rate !== null) {
      const { rate } = plan;
      const payments =
        rate === 0 ? equalPayments(amount, months) : { monthlyPayment: monthlyPayment(amount, rate, months), lastPayment: monthlyPayment(amount, rate, months) };
      const paid = rate === 0 ? price : toCents(payments.monthlyPayment) * months;
      return {
        kind: 'equal',
        ...base,
        months,
        rate,
        ...payments,
        fee: nullable(fee),
        totalRepaid: fee === null ? null : toDollars(paid + fee),
        costOfBorrowing: fee === null ? null : toDollars(paid + fee - price),
      };
    }
    if (plan.category === 'deferred_payment' && plan.payments === 'none') {
      return { kind: 'no-payments', ...base, months, firstPaymentMonth: months + 1, fee: nullable(fee), payInFull: fee === null ? null : toDollars(price + fee) };
    }
    if (plan.category === 'deferred_payment' && plan.payments === 'minimum') return { kind: 'minimum', ...base, months, fee: nullable(fee) };
    return { kind: 'plan', ...base, months };
  });
}

/** What the message says about `amount`: its line, the ways to pay, and the worked example. */
export function summarizeOffers(plans: readonly OfferPlan[], amount: number): OfferSummary {
  // A plan with no terms finances nothing: it counts neither for the amount nor for the bounds.
  const financing = plans.filter((plan) => plan.terms.length > 0);
  if (!Number.isFinite(amount) || toCents(amount) <= 0 || financing.length === 0) return { status: 'unavailable' };
  const price = toCents(amount);
  const eligible = financing.filter((plan) => toCents(plan.minAmount) <= price && price <= toCents(plan.maxAmount));
  if (eligible.length === 0) {
    const min = Math.min(...financing.map((plan) => plan.minAmount));
    const max = Math.max(...financing.map((plan) => plan.maxAmount));
    if (price < toCents(min)) return { status: 'below', minAmount: min };
    if (price > toCents(max)) return { status: 'above', maxAmount: max };
    // Between one plan's maximum and another's minimum: neither bound would be true to say.
    return { status: 'unavailable' };
  }
  const options = eligible.flatMap((plan) => planOptions(plan, amount));
  const equal = options.filter((option) => option.kind === 'equal');
  // The longest no-interest term; else the lowest payment at a known rate; else the longest deferral.
  const zero = equal.filter((option) => option.rate === 0).sort((a, b) => b.months - a.months || a.monthlyPayment - b.monthlyPayment)[0];
  const lowest = [...equal].sort((a, b) => a.monthlyPayment - b.monthlyPayment || a.rate - b.rate)[0];
  const deferred = options.filter((option) => option.kind === 'no-payments').sort((a, b) => b.months - a.months)[0];
  if (zero) return { status: 'available', headline: { kind: 'zero', months: zero.months, monthlyPayment: zero.monthlyPayment }, options, example: zero };
  if (lowest) return { status: 'available', headline: { kind: 'monthly', monthlyPayment: lowest.monthlyPayment, rate: lowest.rate }, options, example: lowest };
  if (deferred) return { status: 'available', headline: { kind: 'no-payments', months: deferred.months }, options, example: deferred };
  return { status: 'available', headline: { kind: 'generic' }, options, example: options[0]! };
}

const nullable = (cents: number | null) => (cents === null ? null : toDollars(cents));
