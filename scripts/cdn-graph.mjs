import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * The files of a build of the script tag (`root`, usually `cdn/`) that `entry` loads: the entry
 * itself first, then what it imports statically, and with `lazy` what it imports dynamically too,
 * followed through the built files. A file that is not there (no build yet) imports nothing.
 *
 * @param {string} root
 * @param {string} entry
 * @param {{ lazy?: boolean }} [options]
 * @returns {string[]}
 */
export function cdnGraph(root, entry, { lazy = false } = {}) {
  const pattern = lazy ? /(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+\.js)"/g : /(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g;
  const found = new Set();
  const visit = (file) => {
    if (found.has(file)) return;
    found.add(file);
    let source = '';
    try {
      source = readFileSync(join(root, file), 'utf8');
    } catch {
      return;
    }
    for (const [, specifier] of source.matchAll(pattern)) visit(posix.join(posix.dirname(file), specifier));
  };
  visit(entry);
  return [...found];
}
