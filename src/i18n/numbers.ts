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

/** `value` with `min` to `max` decimals, grouped by thousands, in the language's marks. */
export function formatNumber(value: number, lang: Lang, min = 0, max = 2): string {
  const fr = lang === 'fr-CA';
  const [whole, fraction] = decimals(Math.abs(value), min, max);
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
  // Shifted as a decimal exponent (0.08925 × 100 in floating point is 8.924999…); below a
  // millionth, String() writes `5e-7`, which rounds to 0 anyway.
  const number = formatNumber(ratio < 1e-6 ? 0 : Number(`${ratio}e2`), lang);
  return lang === 'fr-CA' ? `${number}${NBSP}%` : `${number}%`;
}

/**
 * The whole and fractional digits of `value` (≥ 0), rounded half up to `max` decimals, with at
 * least `min`. Scaled by a decimal exponent rather than a multiplication: `1.005e2` is 100.5
 * where 1.005 × 100 is 100.49999….
 */
function decimals(value: number, min: number, max: number): [string, string] {
  const all = String(value < 1e-6 ? 0 : Math.round(Number(`${value}e${max}`))).padStart(max + 1, '0');
  const cut = all.length - max;
  let fraction = all.slice(cut);
  while (fraction.length > min && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return [all.slice(0, cut), fraction];
}
