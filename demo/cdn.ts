/**
 * `/cdn/*` as a merchant's CDN would serve the script-tag bundle: readable from any origin (module
 * scripts need CORS), compressed (brotli or gzip, as the browser accepts), cached for a year and
 * immutable when the name carries a content hash (`chunks/…-<hash>.js`), revalidated after five
 * minutes otherwise (the entry keeps its name; serve it under a versioned path).
 */
import type { MiddlewareHandler } from 'hono';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  map: 'application/json; charset=utf-8',
  json: 'application/json; charset=utf-8',
  sri: 'text/plain; charset=utf-8',
};
/** `vite build` names every lazily loaded chunk `chunks/[name]-[hash].js`. */
const HASHED = /^chunks\/.+-[A-Za-z0-9_-]{8}\.js$/;

export function cdn(root: string): MiddlewareHandler {
  const compressed = new Map<string, Buffer>();
  return async (c, next) => {
    const path = normalize(c.req.path.slice('/cdn/'.length));
    if (path.startsWith('..') || path.includes('\0')) return next();
    let file: Buffer;
    try {
      file = await readFile(join(root, path));
    } catch {
      return next();
    }
    const accepted = c.req.header('accept-encoding') ?? '';
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    let body = file;
    if (encoding) {
      const key = `${encoding}:${path}:${file.length}`;
      body = compressed.get(key) ?? (encoding === 'br'
        ? brotliCompressSync(file, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(file, { level: 9 }));
      compressed.set(key, body);
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      vary: 'Accept-Encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    };
    return c.body(new Uint8Array(body), 200, headers);
  };
}
