/** Money is kept in integer cents so that credit arithmetic never drifts. */

export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** Rounds to cents, half away from zero, without the 1.005 → 1.00 float trap. */
export function roundMoney(amount: number): number {
  return Math.sign(amount) * Math.round(Math.abs(amount) * 100 + 1e-9) / 100;
}

/** `"1000.00"`: the string form Flexiti uses in search results. */
export function moneyString(cents: number): string {
  return (cents / 100).toFixed(2);
}

/**
 * Reads an amount sent as a JSON number or a decimal string (Flexiti's own examples use both).
 * Returns cents, or `undefined` when the value is not a non-negative amount with at most
 * two decimals.
 */
export function parseAmount(value: unknown): number | undefined {
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else if (typeof value === 'string' && /^\d+(\.\d{1,2})?$/.test(value.trim())) {
    n = Number(value.trim());
  } else {
    return undefined;
  }
  if (!Number.isFinite(n) || n < 0) return undefined;
  const cents = Math.round(n * 100);
  if (Math.abs(cents - n * 100) > 1e-6 * Math.max(1, Math.abs(n))) return undefined;
  return cents;
}
