import { expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';

it('names the months as Intl does for en-CA and fr-CA', () => {
  for (const messages of [en, fr]) {
    const format = new Intl.DateTimeFormat(messages.lang, { month: 'long', timeZone: 'UTC' });
    expect(messages.months).toEqual(Array.from({ length: 12 }, (_, n) => format.format(Date.UTC(2000, n, 1))));
  }
});
