/**
 * Shopify's Theme Check over the theme app extension as it is committed (blocks, snippets,
 * locales and the assets they load, with the copies of the script-tag bundle): no offense of any
 * severity. It runs offline with the documentation bundled in the package.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { themeCheckRun } from '@shopify/theme-check-node';
import { describe, expect, it } from 'vitest';
import { EXTENSION } from './shopify-liquid.js';

describe('Theme Check', () => {
  it('finds no offense in the theme app extension', async () => {
    // Without a connection, it says so on its log while falling back to the bundled docs.
    const { theme, offenses } = await themeCheckRun(EXTENSION, undefined, () => {});
    const checked = theme.map((file) => file.uri.slice(file.uri.indexOf('/extensions/flexiti/') + '/extensions/flexiti/'.length));
    // It checked the extension's files, not an empty folder.
    for (const block of readdirSync(join(EXTENSION, 'blocks'))) expect(checked).toContain(`blocks/${block}`);
    expect(checked).toContain('snippets/flexiti-script.liquid');
    const found = offenses.map((offense) => `${offense.check} (severity ${offense.severity}) ${offense.uri.replace(/^.*\/extensions\/flexiti\//, '')}:${offense.start.line + 1}: ${offense.message}`);
    expect(found, found.join('\n')).toEqual([]);
  });
});
