/** The demo's pages (plain HTML until the storefront is built on the elements). */
export function indexPage({ live }: { live: boolean }): string {
  return `<!doctype html>
<html lang="en-CA">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>flexiti-checkout demo</title>
</head>
<body>
  <main>
    <h1>flexiti-checkout demo</h1>
    <p>The merchant handler answers at <code>/api/flexiti</code>${
      live ? ' and talks to the configured Flexiti environment.' : '; the Flexiti POS API sandbox answers at <code>/sandbox/flexiti/pos-api/v2.5</code>.'
    }</p>
    <p><a href="/apply.html">Apply for Flexiti financing</a> · <a href="/apply.html?lang=fr-CA">en français</a></p>
    <p>Server-side outcomes reported by the handler's hooks: <a href="/demo/outcomes">/demo/outcomes</a>.</p>
  </main>
</body>
</html>`;
}
