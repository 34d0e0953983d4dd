/**
 * The demo's pages. One layout (head, shop header with the language links, the event log) and
 * the main content of each page. No inline scripts: each page loads its own module.
 */
import type { SessionResponse } from '../src/schemas/index.js';
import { formValuesScript } from '../src/server/index.js';

type Lang = 'en-CA' | 'fr-CA';

/** What a script-tag entry of `cdn/` imports statically (its chunks), for the pages to name beside it; none before a build. */
export type EntryImports = (entry: string) => string[];

interface Page {
  title: string;
  /** The page's language (`?lang=`), in `<html lang>` from the first byte: the elements start in it. */
  lang: Lang;
  /** Module scripts, in order. */
  scripts: string[];
  /** Scripts that run as soon as they arrive, not after the page is parsed: the elements upgrade wherever they are. */
  asyncScripts?: string[];
  /** Chunks of `cdn/` the page's scripts import, fetched beside them (`<link rel="modulepreload">`). */
  preloads?: string[];
  main: string;
}

function layout({ title, lang, scripts, asyncScripts = [], preloads = [], main }: Page): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · flexiti-checkout demo</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/demo.css">
${asyncScripts.map((src) => `  <script type="module" async src="${src}"></script>`).join('\n')}
${scripts.map((src) => `  <script type="module" src="${src}"></script>`).join('\n')}
${preloads.map((chunk) => `  <link rel="modulepreload" href="/cdn/${chunk}">`).join('\n')}
</head>
<body>
  <header class="site">
    <a href="/" class="brand">Maple &amp; Pine Furniture</a>
    <nav aria-label="Language">
      <a href="?lang=en-CA" hreflang="en-CA" lang="en-CA" data-lang="en-CA">English</a>
      <a href="?lang=fr-CA" hreflang="fr-CA" lang="fr-CA" data-lang="fr-CA">Français</a>
    </nav>
  </header>
${main}
</body>
</html>`;
}

/** The script-tag bundle, with both elements. */
const CDN = '/cdn/flexiti-checkout.js';
/** The application page's script-tag entry: the one above with the application's code in the same load. */
const CDN_APPLY = '/cdn/flexiti-apply.js';
/** The message's own script-tag entry, for product and cart pages (Lit shared with the one above). */
const CDN_MESSAGE = '/cdn/flexiti-message.js';

/**
 * The storefront: a product with Flexiti's message under its price (following the quantity), the
 * cart with the message for its total, and a checkout with Flexiti among the ways to pay.
 */
export function storePage({ live, lang, imports }: { live: boolean; lang: Lang; imports: EntryImports }): string {
  return layout({
    lang,
    title: 'Maple &amp; Pine Furniture',
    scripts: [CDN_MESSAGE, CDN, '/store.js'],
    preloads: [...new Set([...imports('flexiti-message.js'), ...imports('flexiti-checkout.js')])],
    main: `  <main class="columns">
    <div>
      <section aria-labelledby="product-title" class="product">
        <h1 id="product-title" data-en="Walnut dining table" data-fr="Table de salle à manger en noyer">Walnut dining table</h1>
        <p data-en="Solid walnut, seats six. $1,249.99" data-fr="Noyer massif, six places. 1 249,99 $">Solid walnut, seats six. $1,249.99</p>
        <flexiti-message id="product-message" amount="1249.99" apply-url="/apply.html"></flexiti-message>
        <form id="add" class="inline">
          <label for="quantity" data-en="Quantity" data-fr="Quantité">Quantity</label>
          <input id="quantity" name="quantity" type="number" min="1" max="10" value="1" inputmode="numeric">
          <button type="submit" data-en="Add to cart" data-fr="Ajouter au panier">Add to cart</button>
        </form>
      </section>
      <section aria-labelledby="cart-title">
        <h2 id="cart-title" data-en="Cart" data-fr="Panier">Cart</h2>
        <p id="cart" role="status"></p>
        <flexiti-message id="cart-message" apply-url="/apply.html" hidden></flexiti-message>
      </section>
      <section aria-labelledby="pay-title" id="checkout" hidden>
        <h2 id="pay-title" data-en="Checkout" data-fr="Paiement">Checkout</h2>
        <fieldset>
          <legend data-en="Payment method" data-fr="Mode de paiement">Payment method</legend>
          <label><input type="radio" name="method" value="card"> <span data-en="Credit card (not part of this demo)" data-fr="Carte de crédit (hors de cette démo)">Credit card (not part of this demo)</span></label>
          <label><input type="radio" name="method" value="flexiti"> <span data-en="Flexiti financing" data-fr="Financement Flexiti">Flexiti financing</span></label>
        </fieldset>
        <div id="flexiti-slot"></div>
        <p id="paid" class="paid" role="status"></p>
      </section>
      <p class="hint">${live ? 'Connected to a Flexiti environment.' : 'Embedded Flexiti sandbox: test cards 6374 9800 0000 0001 to …0005, code 2222.'}
        <a href="/apply.html" data-en="Apply for Flexiti financing" data-fr="Demander le financement Flexiti">Apply for Flexiti financing</a> ·
        <a href="/checkout.html" data-en="Fixed-cart checkout" data-fr="Paiement d’un panier fixe">Fixed-cart checkout</a> ·
        <a href="/react.html" data-en="Checkout with React" data-fr="Paiement avec React">Checkout with React</a> ·
        <a href="/vue.html" data-en="Checkout with Vue" data-fr="Paiement avec Vue">Checkout with Vue</a> ·
        <a href="/orders.html" data-en="Back office: orders" data-fr="Arrière-boutique : commandes">Back office: orders</a></p>
    </div>
    <aside aria-labelledby="log-title">
      <h2 id="log-title" data-en="Events" data-fr="Événements">Events</h2>
      <ol id="log" class="log" aria-live="polite"></ol>
    </aside>
  </main>`,
  });
}

/**
 * The credit application on its own. It tells the browser that `<flexiti-apply>` loads the
 * application's chunk (`chunk`, its path under /cdn/) the moment it starts, so that the chunk
 * comes beside the script tag instead of after it.
 */
export function applyPage({ imports, lang, session }: { imports: EntryImports; lang: Lang; session?: SessionResponse }): string {
  // The session and the form values rendered in by the server (`handler.createSession`): the form
  // shows complete as the element runs; `token-url` renews the session if it expires.
  const rendered = session ? ` session="${session.session}">${formValuesScript(session.formValues)}` : '>';
  return layout({
    lang,
    title: 'Apply for Flexiti financing',
    // The application page's entry (the element with the application in the same load), run as
    // soon as it arrives, and what it imports named beside it so that all of it is fetched at once.
    asyncScripts: [CDN_APPLY],
    scripts: ['/apply.js'],
    preloads: imports('flexiti-apply.js'),
    main: `  <main class="columns">
    <section aria-labelledby="page-title">
      <h1 id="page-title" data-en="Apply for Flexiti financing" data-fr="Demander le financement Flexiti">Apply for Flexiti financing</h1>
      <flexiti-apply token-url="/api/flexiti/session" amount="1500"${rendered}</flexiti-apply>
    </section>
    <aside aria-labelledby="log-title">
      <h2 id="log-title" data-en="Events" data-fr="Événements">Events</h2>
      <p class="hint" data-en="What the element tells the page. Try a middle name of D-NO_HIT, P-REVIEW_MISC or A-RR_H." data-fr="Ce que l’élément signale à la page. Essayez le deuxième prénom D-NO_HIT, P-REVIEW_MISC ou A-RR_H.">What the element tells the page. Try a middle name of D-NO_HIT, P-REVIEW_MISC or A-RR_H.</p>
      <ol id="log" class="log" aria-live="polite"></ol>
    </aside>
  </main>`,
  });
}

/** A checkout for a fixed cart. */
export function checkoutPage(lang: Lang, imports: EntryImports): string {
  return layout({
    lang,
    title: 'Checkout',
    scripts: [CDN, '/checkout.js'],
    preloads: imports('flexiti-checkout.js'),
    main: `  <main class="columns">
    <section aria-labelledby="page-title">
      <h1 id="page-title" data-en="Checkout" data-fr="Paiement">Checkout</h1>
      <p id="order" data-en="Walnut dining table · $1,249.99" data-fr="Table de salle à manger en noyer · 1 249,99 $">Walnut dining table · $1,249.99</p>
      <flexiti-checkout token-url="/api/flexiti/session" amount="1249.99"></flexiti-checkout>
      <p id="paid" class="paid" role="status"></p>
    </section>
    <aside aria-labelledby="log-title">
      <h2 id="log-title" data-en="Events" data-fr="Événements">Events</h2>
      <p class="hint" data-en="Test cards: 6374 9800 0000 0001 (normal), …0003 (frozen), …0004 (low credit). Code 2222." data-fr="Cartes d’essai&nbsp;: 6374 9800 0000 0001 (normale), …0003 (gelée), …0004 (peu de crédit). Code 2222.">Test cards: 6374 9800 0000 0001 (normal), …0003 (frozen), …0004 (low credit). Code 2222.</p>
      <ol id="log" class="log" aria-live="polite"></ol>
    </aside>
  </main>`,
  });
}

/**
 * The store's back office: its Flexiti orders of the last 30 days, captured when they ship,
 * released, returned or refunded through the handler's admin routes. `orders.js` builds it in
 * `#back-office` once the merchant gives the admin key.
 */
export function ordersPage(lang: Lang): string {
  return layout({
    lang,
    title: 'Orders',
    scripts: ['/orders.js'],
    main: `  <main class="back-office">
    <h1 data-en="Orders" data-fr="Commandes">Orders</h1>
    <p class="hint" data-en="The store’s Flexiti orders of the last 30 days. Capture an order when it ships, release what will not ship, return or refund what comes back." data-fr="Les commandes Flexiti du magasin des 30 derniers jours. Encaissez une commande à l’expédition, libérez ce qui ne sera pas expédié, retournez ou remboursez ce qui revient.">The store’s Flexiti orders of the last 30 days. Capture an order when it ships, release what will not ship, return or refund what comes back.</p>
    <div id="back-office"></div>
  </main>`,
  });
}

/**
 * The fixed-cart checkout rendered by a React or a Vue app (`demo/frameworks/`, bundled into
 * `/build/` by `demo/vite.config.ts`); the app fills the event log from its `onFlexiti…` props.
 */
function frameworkPage(framework: 'React' | 'Vue', script: string, lang: Lang): string {
  return layout({
    lang,
    title: `Checkout with ${framework}`,
    scripts: [script],
    main: `  <main class="columns">
    <section aria-labelledby="page-title">
      <h1 id="page-title" data-en="Checkout with ${framework}" data-fr="Paiement avec ${framework}">Checkout with ${framework}</h1>
      <p id="order" data-en="Walnut dining table · $1,249.99" data-fr="Table de salle à manger en noyer · 1 249,99 $">Walnut dining table · $1,249.99</p>
      <div id="app"></div>
    </section>
    <aside aria-labelledby="log-title">
      <h2 id="log-title" data-en="Events" data-fr="Événements">Events</h2>
      <p class="hint" data-en="What the ${framework} app’s onFlexiti… handlers receive. Test cards: 6374 9800 0000 0001 (normal), …0003 (frozen), …0004 (low credit). Code 2222." data-fr="Ce que reçoivent les gestionnaires onFlexiti… de l’application ${framework}. Cartes d’essai&nbsp;: 6374 9800 0000 0001 (normale), …0003 (gelée), …0004 (peu de crédit). Code 2222.">What the ${framework} app’s onFlexiti… handlers receive. Test cards: 6374 9800 0000 0001 (normal), …0003 (frozen), …0004 (low credit). Code 2222.</p>
      <ol id="log" class="log" aria-live="polite"></ol>
    </aside>
  </main>`,
  });
}

/** `<flexiti-checkout>` through `flexiti-checkout/react`. */
export const reactPage = (lang: Lang): string => frameworkPage('React', '/build/react.js', lang);

/** `<flexiti-checkout>` in a Vue 3 app, with render functions. */
export const vuePage = (lang: Lang): string => frameworkPage('Vue', '/build/vue.js', lang);
