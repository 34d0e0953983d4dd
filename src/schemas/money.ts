/** Dollars and integer cents, the one conversion every amount goes through (Flexiti's amounts are exact to the cent). */
export const toCents = (dollars: number): number => Math.round(dollars * 100);
export const toDollars = (cents: number): number => cents / 100;
