/**
 * The Content-Security-Policy the demo is served with, and the browser tests run under: no
 * `unsafe-inline`, no `unsafe-eval`. The elements need nothing more than a storefront serving
 * the script tag and the handler from its own origin: Lit styles shadow roots with constructed
 * stylesheets (not `<style>` or `style=`), Flexiti's HTML arrives sanitised by the handler (no styles or
 * scripts), and
 * nothing is evaluated from strings.
 *
 * `nonce` admits the inline bootstrap scripts of the test runner's pages; the demo has none.
 */
export function contentSecurityPolicy(nonce?: string): string {
  return [
    "default-src 'self'",
    `script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
