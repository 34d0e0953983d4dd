/**
 * The Shopify app blocks as a storefront renders them (liquidjs with Shopify's objects and
 * filters, see shopify-liquid.ts): what each prints for a product, a cart, another currency and
 * the theme editor.
 */
import { describe, expect, it } from 'vitest';
import { ASSET_BASE, renderBlock } from './shopify-liquid.js';

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', '#34': '"', '#39': "'" };

/** The attributes of every `<tag …>` in the markup, decoded. */
function tags(html: string, tag: string): Array<Record<string, string>> {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((match) =>
    Object.fromEntries([...match[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!.replace(/&(quot|amp|lt|gt|#34|#39);/g, (_, entity: string) => ENTITIES[entity]!)])),
  );
}

function only(html: string, tag: string): Record<string, string> {
  const found = tags(html, tag);
  expect(found, `one <${tag}> in ${html}`).toHaveLength(1);
  return found[0]!;
}

const sofa = {
  id: 7001,
  variants: [
    { id: 41001, price: 124999 },
    { id: 41002, price: 99900 },
    { id: 41003, price: 149900, available: false },
  ],
};

describe('the financing message block', () => {
  it("shows the selected variant's price in dollars on a product page, with every variant's price in cents", async () => {
    const html = await renderBlock('flexiti-message', { template: 'product', product: sofa });
    const message = only(html, 'flexiti-message');
    expect(message.amount).toBe('1249.99');
    expect(JSON.parse(message['data-flexiti-variant-prices']!)).toEqual({ 41001: 124999, 41002: 99900, 41003: 149900 });
    expect(message).not.toHaveProperty('data-flexiti-cart-url');
    expect(message.endpoint).toBe('/apps/flexiti');
    expect(message).not.toHaveProperty('apply-url');
  });

  it('follows the variant the page was opened with (?variant=)', async () => {
    const html = await renderBlock('flexiti-message', { template: 'product', product: { ...sofa, selectedVariantId: 41002 } });
    expect(only(html, 'flexiti-message').amount).toBe('999');
  });

  it("shows the cart's total on the cart page and where to read it again", async () => {
    const html = await renderBlock('flexiti-message', { template: 'cart', cart: { total_price: 234550, item_count: 3 } });
    const message = only(html, 'flexiti-message');
    expect(message.amount).toBe('2345.5');
    expect(message['data-flexiti-cart-url']).toBe('/cart.js');
    expect(message).not.toHaveProperty('data-flexiti-variant-prices');
  });

  it("reads the cart in the storefront's language and speaks it", async () => {
    const html = await renderBlock('flexiti-message', { template: 'cart', locale: 'fr', cart: { total_price: 5000, item_count: 1 } });
    const message = only(html, 'flexiti-message');
    expect(message['data-flexiti-cart-url']).toBe('/fr/cart.js');
    expect(message.lang).toBe('fr-CA');
  });

  it('loads the bundle from the extension, or the merchant’s hosted copy with its hash', async () => {
    const own = await renderBlock('flexiti-message', { template: 'product', product: sofa });
    // The message's own small entry, not the checkout's.
    expect(only(own, 'script')).toMatchObject({ type: 'module', src: `${ASSET_BASE}flexiti-message.js` });
    const hosted = await renderBlock('flexiti-message', {
      template: 'product',
      product: sofa,
      settings: { script_url: 'https://js.maple.example/flexiti/flexiti-message.js', script_integrity: 'sha384-abc' },
    });
    expect(only(hosted, 'script')).toMatchObject({ src: 'https://js.maple.example/flexiti/flexiti-message.js', integrity: 'sha384-abc', crossorigin: 'anonymous' });
  });

  it('prints its settings: handler, application page, language, scheme and colours', async () => {
    const html = await renderBlock('flexiti-message', {
      template: 'product',
      product: sofa,
      settings: { endpoint: ' /apps/financing" onload="x ', apply_url: '/pages/apply', language: 'fr-CA', theme: 'dark', color_primary: '#0b5cad', radius: 12 },
    });
    const message = only(html, 'flexiti-message');
    expect(message).toMatchObject({
      endpoint: '/apps/financing" onload="x',
      'apply-url': '/pages/apply',
      lang: 'fr-CA',
      theme: 'dark',
      'data-flexiti-color-primary': '#0b5cad',
      'data-flexiti-radius': '12px',
    });
    expect(message).not.toHaveProperty('onload');
  });

  it('shows nothing for another currency, an empty cart or another page; the theme editor gets a note', async () => {
    const cases = [
      { template: 'product', product: sofa, currency: 'USD' },
      { template: 'cart', cart: { total_price: 234550, item_count: 3 }, currency: 'USD' },
      { template: 'cart', cart: { total_price: 0, item_count: 0 } },
      { template: 'index' },
    ] as const;
    for (const context of cases) {
      const html = await renderBlock('flexiti-message', context);
      expect(html, JSON.stringify(context)).not.toMatch(/<flexiti-message|<script|<p/);
      const editor = await renderBlock('flexiti-message', { ...context, designMode: true });
      expect(editor).not.toContain('<flexiti-message');
      expect(only(editor, 'p').class).toBe('flexiti-block__note');
      expect(editor).toContain('The Flexiti financing message appears here on a product page');
    }
    const french = await renderBlock('flexiti-message', { template: 'cart', designMode: true, locale: 'fr' });
    expect(french).toContain('Le message de financement Flexiti s’affiche ici');
  });
});

describe('the checkout block', () => {
  it("prints the cart's token for the handler and the total while the session comes", async () => {
    const html = await renderBlock('flexiti-checkout', { template: 'cart', cart: { total_price: 124999, item_count: 1, token: 'c1-abc/def' } });
    expect(only(html, 'flexiti-checkout')).toMatchObject({ 'token-url': '/apps/flexiti/session?cart=c1-abc%2Fdef', amount: '1249.99', lang: 'en-CA' });
    expect(only(html, 'script').src).toBe(`${ASSET_BASE}flexiti-checkout.js`);
  });

  it('shows nothing for an empty cart or another currency; the theme editor gets a note', async () => {
    expect(await renderBlock('flexiti-checkout', { template: 'cart', cart: { total_price: 5000, item_count: 1 }, currency: 'USD' })).not.toContain('<flexiti-checkout');
    const editor = await renderBlock('flexiti-checkout', { template: 'cart', designMode: true, locale: 'fr' });
    expect(editor).not.toContain('<flexiti-checkout');
    expect(editor).toContain('Le paiement Flexiti s’affiche ici');
  });
});

describe('the application block', () => {
  it('prints the province and amount it prefills, in the storefront’s language', async () => {
    const html = await renderBlock('flexiti-apply', { locale: 'fr', settings: { province: 'QC', amount: 1500 } });
    expect(only(html, 'flexiti-apply')).toMatchObject({ 'token-url': '/apps/flexiti/session', province: 'QC', amount: '1500', lang: 'fr-CA' });
    const plain = only(await renderBlock('flexiti-apply'), 'flexiti-apply');
    expect(plain).not.toHaveProperty('province');
    expect(plain).not.toHaveProperty('amount');
  });

  it("loads the application page's entry, async, or the merchant's hosted script with its integrity", async () => {
    const html = await renderBlock('flexiti-apply');
    expect(only(html, 'script')).toMatchObject({ type: 'module', src: `${ASSET_BASE}flexiti-apply.js` });
    expect(html).toMatch(/<script [^>]*\basync\b[^>]*>/);
    const hostedHtml = await renderBlock('flexiti-apply', {
      settings: { script_url: 'https://cdn.example/flexiti/flexiti-checkout.js', script_integrity: 'sha384-abc' },
    });
    expect(only(hostedHtml, 'script')).toMatchObject({ src: 'https://cdn.example/flexiti/flexiti-checkout.js', integrity: 'sha384-abc' });
    expect(hostedHtml).not.toMatch(/<script [^>]*\basync\b[^>]*>/);
  });
});
