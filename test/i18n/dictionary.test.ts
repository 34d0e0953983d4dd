import { describe, expect, it } from 'vitest';
import { checkoutEn } from '../../src/i18n/checkout-en.js';
import { checkoutFr } from '../../src/i18n/checkout-fr.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import type { Dictionary } from '../../src/i18n/messages.js';

/** Each language's whole dictionary, from the parts each element loads with its own code. */
const dictionaries: Record<'en-CA' | 'fr-CA', Dictionary> = {
  'en-CA': { ...en, checkout: checkoutEn },
  'fr-CA': { ...fr, checkout: checkoutFr },
};

/** Every message's path, with the text it gives (a function's, for sample values). */
function texts(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String(value(2, 'x', 'y'))]];
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`));
  return Object.entries(value as object).flatMap(([key, item]) => texts(item, path ? `${path}.${key}` : key));
}

describe('the dictionaries', () => {
  it('say the same things in en-CA and fr-CA, the checkout a section of each', () => {
    const paths = (lang: 'en-CA' | 'fr-CA') => texts(dictionaries[lang]).map(([path]) => path);
    expect(paths('fr-CA')).toEqual(paths('en-CA'));
    expect(paths('en-CA').filter((path) => path.startsWith('checkout.')).length).toBeGreaterThan(50);
  });

  it.each(['en-CA', 'fr-CA'] as const)('%s leaves no message empty', (lang) => {
    const empty = texts(dictionaries[lang]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });
});
