/** Dollars and integer cents, the one conversion every amount goes through (Flexiti's amounts are exact to the cent). */
export const toCents = (dollars: number): number => Math.round(dollars * 100);
export const toDollars = (cents: number): number => cents / 100;

/**
 * Equal payments with no interest: the price divided by the term, to the cent (half up), as
 * Flexiti rounds; the last payment takes what rounding left over.
 */
export function equalPayments(amount: number, term: number): { monthlyPayment: number; lastPayment: number } {
  const total = toCents(amount);
  const monthly = Math.round(total / term);
  return { monthlyPayment: toDollars(monthly), lastPayment: toDollars(total - monthly * (term - 1)) };
}
