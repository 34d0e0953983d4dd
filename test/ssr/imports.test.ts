/**
 * Every entry imports in Node without a DOM (server rendering, build tools, the merchant's
 * server importing the package): registering modules included.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entries = [
  '../../src/index.js',
  '../../src/elements/flexiti-apply.js',
  '../../src/elements/flexiti-checkout.js',
  '../../src/elements/flexiti-message.js',
  '../../src/events/index.js',
  '../../src/react.js',
  '../../src/schemas/index.js',
  '../../src/server/index.js',
  '../../src/server/node.js',
  '../../src/sandbox/index.js',
  '../../src/sandbox/node.js',
];

describe('importing in Node', () => {
  it.each(entries)('%s does not throw', async (entry) => {
    const module = (await import(entry)) as Record<string, unknown>;
    expect(Object.keys(module).length).toBeGreaterThan(0);
  });

  it('keeps the server, sandbox and schemas free of Lit, the DOM and browser code', () => {
    const root = fileURLToPath(new URL('../../src/', import.meta.url));
    const files = ['server', 'sandbox', 'schemas'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.ts'))
        .map((name) => join(root, dir, name)),
    );
    expect(files.length).toBeGreaterThan(20);
    const offending = files.filter((file) =>
      /from '(lit|lit\/[^']*|@lit\/[^']*|\.\.\/(\.\.\/)?(elements|client|controllers|i18n)[^']*)'|\b(document|window)\.[a-zA-Z]/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offending).toEqual([]);
  });
});
