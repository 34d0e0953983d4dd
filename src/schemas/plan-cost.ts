/**
 * What a plan costs the shopper, from Flexiti's own figures for it (the monthly payment it quotes,
 * its term, rate and fees): the payments, the fees, and — only where those figures make it
 * computable — the total repaid and the cost of borrowing. Nothing is guessed: a balance left when
 * a promotion ends is charged at a rate Flexiti states in words, so that total is not computed.
 * Integer cents throughout; shared by the handler, the elements and the tests.
 */
import { equalPayments, toCents, toDollars } from './money.js';

export { equalPayments };

/** One term of a plan, as `POST plans` answers it. */
export interface QuotedTerm {
  term: number;
  monthlyPayment: number;
  rate: number;
  fees: ReadonlyArray<{ amount: number; type: string }>;
}

export type PlanCategory = 'equal_billing' | 'deferred_payment' | (string & {});

export type TermCost =
  | {
      /** Equal monthly payments that repay the purchase within the term. */
      kind: 'equal';
      months: number;
      monthlyPayment: number;
      /** The last payment, when rounding to the cent makes it differ from the others. */
      lastPayment: number;
      fees: number;
      totalRepaid: number;
      /** Interest and fees: what the shopper pays beyond the price. */
      costOfBorrowing: number;
    }
  | {
      /** No payments during the term; paying the balance by its end costs the price and the fees. */
      kind: 'deferred';
      months: number;
      fees: number;
      /** Paid in full by the end of the promotion: no interest. */
      payInFullBy: number;
    }
  | {
      /** A minimum payment each month; what is left when the promotion ends is charged interest. */
      kind: 'minimum';
      months: number;
      monthlyPayment: number;
      fees: number;
      /** What is still owed after the term's minimum payments (interest applies from then on). */
      balanceAtEnd: number;
      /** Paid in full by the end of the promotion: no interest. */
      payInFullBy: number;
    };


/** The fees over the term: one-time fees once, monthly fees every month. */
export function feesOver(term: QuotedTerm): number {
  return term.fees.reduce((sum, fee) => sum + toCents(fee.amount) * (fee.type === 'admin_monthly' ? term.term : 1), 0);
}

/** What the term costs, from Flexiti's figures for an order of `amount`. */
export function termCost(amount: number, category: PlanCategory, term: QuotedTerm): TermCost {
  const price = toCents(amount);
  const fees = feesOver(term);
  const monthly = toCents(term.monthlyPayment);
  const months = term.term;
  if (category === 'equal_billing' && monthly > 0) {
    // Without interest the payments repay the price exactly; the last one absorbs the rounding.
    const paid = term.rate === 0 ? price : monthly * months;
    const last = paid - monthly * (months - 1);
    const total = paid + fees;
    return {
      kind: 'equal',
      months,
      monthlyPayment: toDollars(monthly),
      lastPayment: toDollars(last),
      fees: toDollars(fees),
      totalRepaid: toDollars(total),
      costOfBorrowing: toDollars(total - price),
    };
  }
  if (monthly > 0) {
    const owed = price + fees;
    return {
      kind: 'minimum',
      months,
      monthlyPayment: toDollars(monthly),
      fees: toDollars(fees),
      balanceAtEnd: toDollars(Math.max(0, owed - monthly * months)),
      payInFullBy: toDollars(owed),
    };
  }
  return { kind: 'deferred', months, fees: toDollars(fees), payInFullBy: toDollars(price + fees) };
}
