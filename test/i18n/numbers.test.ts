import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber, formatPercent } from '../../src/i18n/numbers.js';
import type { Lang } from '../../src/schemas/contract.js';

const LANGS: Lang[] = ['en-CA', 'fr-CA'];

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** Amounts a shop shows: cents, halves of a cent, round dollars, large and tiny values. */
function samples(count: number): number[] {
  const next = random(42);
  const list = [0, 0.005, 0.01, 0.015, 1.005, 1.015, 2.675, 9.995, 10, 999.995, 1000, 1249.99, 1_000_000, 12_345_678.9, 99_999.999, 0.0000001, 123456789012.34];
  for (let i = 0; i < count; i++) {
    const scale = 10 ** Math.floor(next() * 8);
    list.push(Math.round(next() * scale * 1000) / 1000, Math.round(next() * scale * 100) / 100, Math.floor(next() * scale));
  }
  return list;
}

describe('numbers as Intl writes them for en-CA and fr-CA', () => {
  for (const lang of LANGS) {
    it(`${lang}: money, amounts and percentages equal Intl.NumberFormat on 6,000 values`, () => {
      const money = new Intl.NumberFormat(lang, { style: 'currency', currency: 'CAD' });
      const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 });
      const whole = new Intl.NumberFormat(lang, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
      const cents = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const mismatches: string[] = [];
      for (const value of samples(2000)) {
        for (const v of [value, -value].filter((x) => x !== 0)) {
          if (formatMoney(v, lang) !== money.format(v)) mismatches.push(`money ${v}: ${formatMoney(v, lang)} ≠ ${money.format(v)}`);
          if (formatNumber(v, lang) !== whole.format(v)) mismatches.push(`number ${v}: ${formatNumber(v, lang)} ≠ ${whole.format(v)}`);
          if (formatNumber(v, lang, 2, 2) !== cents.format(v)) mismatches.push(`cents ${v}: ${formatNumber(v, lang, 2, 2)} ≠ ${cents.format(v)}`);
        }
        const ratio = value / 10_000;
        if (formatPercent(ratio, lang) !== percent.format(ratio)) mismatches.push(`percent ${ratio}: ${formatPercent(ratio, lang)} ≠ ${percent.format(ratio)}`);
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
    });
  }

  it('writes the cases shoppers see', () => {
    expect(formatMoney(1249.99, 'en-CA')).toBe('$1,249.99');
    expect(formatMoney(1249.99, 'fr-CA')).toBe('1\u00a0249,99\u00a0$');
    expect(formatNumber(1500, 'fr-CA')).toBe('1\u00a0500');
    expect(formatNumber(1249.5, 'en-CA')).toBe('1,249.5');
    expect(formatNumber(1249.5, 'en-CA', 2)).toBe('1,249.50');
    expect(formatPercent(0.2999, 'en-CA')).toBe('29.99%');
    expect(formatPercent(0.2999, 'fr-CA')).toBe('29,99\u00a0%');
    expect(formatPercent(0, 'fr-CA')).toBe('0\u00a0%');
    expect(formatMoney(1.005, 'en-CA')).toBe('$1.01');
  });
});
