/**
 * Numbers, Canadian dollars and percentages as en-CA and fr-CA write them: exactly what
 * `Intl.NumberFormat` answers for these two locales (the tests compare them), without its cost
 * on a page's first use, when the browser loads its locale data (20–45 ms in Chromium, before
 * anything can be shown). Halves round away from zero on the shortest decimal form of the number,
 * as `Intl` does: 1.005 → 1.01.
 */
import type { Lang } from '../schemas/contract.js';

/** U+00A0: fr-CA's group separator and the space before `$` and `%`. */
const NBSP = '\u00a0';

/** `value` (times 10^`shift`) with `min` to `max` decimals, grouped by thousands, in the language's marks. */
export function formatNumber(value: number, lang: Lang, min = 0, max = 2, shift = 0): string {
  const fr = lang === 'fr-CA';
  const [whole, fraction] = decimals(Math.abs(value), min, max, shift);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, fr ? NBSP : ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? (fr ? ',' : '.') + fraction : ''}`;
}

/** `$1,249.99` · `1 249,99 $` */
export function formatMoney(amount: number, lang: Lang): string {
  const number = formatNumber(Math.abs(amount), lang, 2, 2);
  const sign = amount < 0 ? '-' : '';
  return lang === 'fr-CA' ? `${sign}${number}${NBSP}$` : `${sign}$${number}`;
}

/** `29.99%` · `29,99 %` (up to two decimals) */
export function formatPercent(ratio: number, lang: Lang): string {
  // Shifted as decimal digits: 0.08925 × 100 in floating point is 8.924999….
  const number = formatNumber(ratio, lang, 0, 2, 2);
  return lang === 'fr-CA' ? `${number}${NBSP}%` : `${number}%`;
}

/**
 * The whole and fractional digits of `value` (≥ 0) times 10^`shift`, rounded half up to `max`
 * decimals, with at least `min`.
 */
function decimals(value: number, min: number, max: number, shift: number): [string, string] {
  const text = value < 1e21 && value >= 1e-6 ? String(value) : value.toFixed(20);
  const [integer = '0', decimal = ''] = text.split('.');
  const whole = integer + decimal.slice(0, shift).padEnd(shift, '0');
  const fraction = decimal.slice(shift);
  let digits = BigInt(whole + fraction.slice(0, max).padEnd(max, '0'));
  if ((fraction[max] ?? '0') >= '5') digits += 1n;
  const all = digits.toString().padStart(max + 1, '0');
  const cut = all.length - max;
  return [all.slice(0, cut), all.slice(cut).replace(new RegExp(`0{0,${max - min}}$`), '')];
}
