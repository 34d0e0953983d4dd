/** Dollars and integer cents, the one conversion every amount goes through (Flexiti's amounts are exact to the cent). */
export const toCents = (dollars: number): number => Math.round(dollars * 100);
export const toDollars = (cents: number): number => cents / 100;
/** Whether `dollars` is exact to the cent (within floating-point error: 0.1 + 0.2 is 30 cents). */
export const isWholeCents = (dollars: number): boolean => Math.abs(dollars * 100 - toCents(dollars)) < 1e-6;

/**
 * Equal payments with no interest: the price divided by the term, to the cent (half up), as
 * Flexiti rounds; the last payment takes what rounding left over.
 */
export function equalPayments(amount: number, term: number): { monthlyPayment: number; lastPayment: number } {
  const total = toCents(amount);
  const monthly = Math.round(total / term);
  return { monthlyPayment: toDollars(monthly), lastPayment: toDollars(total - monthly * (term - 1)) };
}
