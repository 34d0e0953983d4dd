/**
 * Canada-specific rules shared by the browser and the handler: provinces, postal codes,
 * age of majority, SIN check digit, phone numbers. Pure functions, no dependencies.
 */

import { PROVINCES, isProvince, type Province } from './provinces.js';

export { PROVINCES, isProvince, type Province };

/** First letter of the postal codes (forward sortation areas) of each province. */
const POSTAL_LETTERS: Record<Province, string> = {
  NL: 'A',
  NS: 'B',
  PE: 'C',
  NB: 'E',
  QC: 'GHJ',
  ON: 'KLMNP',
  MB: 'R',
  SK: 'S',
  AB: 'T',
  BC: 'V',
  NU: 'X',
  NT: 'X',
  YT: 'Y',
};

/** Canada Post never uses D, F, I, O, Q or U; W and Z are never a first letter. */
const POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/;

/** `h2x 1y4`, `H2X1Y4`, `H2X-1Y4` → `H2X1Y4` (the form Flexiti expects). */
export function normalizePostalCode(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '');
}

export function isPostalCode(value: string): boolean {
  return POSTAL_CODE.test(normalizePostalCode(value));
}

export function postalCodeMatchesProvince(postalCode: string, province: Province): boolean {
  const first = normalizePostalCode(postalCode).charAt(0);
  return first !== '' && POSTAL_LETTERS[province].includes(first);
}

const AGE_OF_MAJORITY_18: readonly Province[] = ['AB', 'MB', 'ON', 'PE', 'QC', 'SK'];

export function ageOfMajority(province: Province): 18 | 19 {
  return AGE_OF_MAJORITY_18.includes(province) ? 18 : 19;
}

/** A real calendar date written `YYYY-MM-DD`, as a UTC timestamp, or `undefined`. */
export function parseIsoDate(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? time
    : undefined;
}

/** Today's date as `YYYY-MM-DD` in the shopper's (or server's) local calendar. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole years between a `YYYY-MM-DD` birth date and `today` (also `YYYY-MM-DD`). */
export function ageOn(dob: string, today: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Strips the formatting people type: `(416) 555-0101`, `416.555.0101`, `+1 416 555 0101`. */
export function normalizePhone(value: string): string {
  const digits = value.replace(/[\s().+-]/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** North American number: 10 digits, area code and exchange not starting with 0 or 1. */
export function isPhone(value: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(normalizePhone(value));
}

export function normalizeSin(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** Social Insurance Number: 9 digits, Luhn check digit, and never starting with 0 or 8. */
export function isSin(value: string): boolean {
  const digits = normalizeSin(value);
  if (!/^[1-79]\d{8}$/.test(digits)) return false;
  return luhn(digits);
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
