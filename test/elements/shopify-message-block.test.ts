/**
 * The Shopify "Flexiti financing message" block on a storefront page: the markup Shopify would
 * print (rendered from the block's Liquid by the test server), the block's script
 * (integrations/shopify/extensions/flexiti/assets/flexiti-block.js) as Shopify loads it, and a
 * theme's product form and cart requests around them. The contract with <flexiti-message> is its
 * `amount` attribute, so these tests read the attribute and load no element.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ShopifyContext } from '../integrations/shopify-liquid.js';
import { waitFor } from './helpers/form.js';
import { loadScript } from './helpers/script.js';
import type { FakeCart, ShopifyCommand } from './server/shopify.js';

const ASSETS = '/integrations/shopify/extensions/flexiti/assets/';
const BLOCK_SCRIPT = `${ASSETS}flexiti-block.js`;

const shopify = <R>(payload: ShopifyCommand) => executeServerCommand<R, ShopifyCommand>('shopify', payload);

const sofa = {
  id: 7001,
  variants: [
    { id: 41001, price: 124999 },
    { id: 41002, price: 99900 },
    { id: 41003, price: 149900 },
  ],
};
const lamp = { id: 7002, variants: [{ id: 52001, price: 18900 }, { id: 52002, price: 21900 }] };

let shown: HTMLElement[] = [];

/** The block as Shopify prints it, without the element's own script (the Node tests check it). */
async function block(context: ShopifyContext): Promise<HTMLElement> {
  const html = await shopify<string>({ action: 'render', block: 'flexiti-message', context });
  const wrapper = document.createElement('div');
  wrapper.append(document.createRange().createContextualFragment(html));
  wrapper.querySelectorAll('script').forEach((script) => script.remove());
  document.body.append(wrapper);
  shown.push(wrapper);
  const message = wrapper.querySelector<HTMLElement>('flexiti-message');
  if (!message) throw new Error(`no <flexiti-message> in ${html}`);
  return message;
}

/** A theme's product form: a variant select named `id`, as classic themes have it. */
function productForm(product: typeof sofa, name = 'id'): HTMLSelectElement {
  const form = document.createElement('form');
  form.action = '/cart/add';
  const select = document.createElement('select');
  select.name = name;
  for (const variant of product.variants) select.add(new Option(`Variant ${variant.id}`, String(variant.id)));
  form.append(select);
  document.body.append(form);
  shown.push(form);
  return select;
}

function choose(select: HTMLSelectElement, variantId: number) {
  select.value = String(variantId);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const amountOf = (message: HTMLElement) => message.getAttribute('amount');
const becomes = (message: HTMLElement, amount: string) => waitFor(() => amountOf(message) === amount, `amount ${amount} (is ${amountOf(message)})`, 3000);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const loadBlockScript = () => loadScript(BLOCK_SCRIPT, { defer: true });

describe('the Shopify financing message block', function () {
  this.timeout(20_000);
  const address = window.location.href;

  before(loadBlockScript);
  afterEach(() => {
    shown.forEach((node) => node.remove());
    shown = [];
    history.replaceState(history.state, '', address);
  });

  it('shows the custom element <flexiti-message> without defining it', () => {
    // The element's own bundle is not loaded: the tests are about the attribute it reads.
    expect(customElements.get('flexiti-message')).to.equal(undefined);
  });

  it("loads the extension's copy of the bundle from its one flat folder, chunks and all", async () => {
    const scripts = await shopify<string[]>({ action: 'assets' });
    expect(scripts).to.include('flexiti-checkout.js');
    expect(scripts.length).to.be.greaterThan(1);
    // Each chunk imports the entry and the other chunks relative to itself.
    for (const name of scripts) await import(/* @vite-ignore */ `${ASSETS}${name}`);
    expect(customElements.get('flexiti-checkout')).to.be.a('function');
  });

  describe('on a product page', () => {
    it("follows the variant the shopper picks in the product form's select", async () => {
      const message = await block({ template: 'product', product: sofa });
      const select = productForm(sofa);
      expect(amountOf(message)).to.equal('1249.99');
      choose(select, 41002);
      expect(amountOf(message)).to.equal('999.00');
      choose(select, 41003);
      expect(amountOf(message)).to.equal('1499.00');
    });

    it('follows the hidden variant input a theme updates and announces with change (Dawn)', async () => {
      const message = await block({ template: 'product', product: sofa });
      const form = document.createElement('form');
      const input = Object.assign(document.createElement('input'), { type: 'hidden', name: 'id', value: '41001' });
      form.append(input);
      document.body.append(form);
      shown.push(form);
      input.value = '41003';
      input.dispatchEvent(new Event('change', { bubbles: true }));
      expect(amountOf(message)).to.equal('1499.00');
    });

    it('follows ?variant= when the theme rewrites the address with history', async () => {
      const message = await block({ template: 'product', product: sofa });
      const url = new URL(window.location.href);
      url.searchParams.set('variant', '41002');
      history.replaceState(history.state, '', url);
      expect(amountOf(message)).to.equal('999.00');
      url.searchParams.set('variant', '41003');
      history.pushState(history.state, '', url);
      expect(amountOf(message)).to.equal('1499.00');
    });

    it('changes only the message of the product whose variant changed', async () => {
      const sofaMessage = await block({ template: 'product', product: sofa });
      const lampMessage = await block({ template: 'product', product: lamp });
      expect(amountOf(lampMessage)).to.equal('189');
      choose(productForm(lamp), 52002);
      expect(amountOf(lampMessage)).to.equal('219.00');
      expect(amountOf(sofaMessage)).to.equal('1249.99');
    });

    it('keeps its amount for a variant it does not know and for other fields', async () => {
      const message = await block({ template: 'product', product: sofa });
      choose(productForm(lamp), 52002);
      const quantity = productForm(sofa, 'quantity');
      choose(quantity, 41003);
      expect(amountOf(message)).to.equal('1249.99');
    });

    it('gets its colours through the CSSOM when the theme renders it again', async () => {
      const message = await block({ template: 'product', product: sofa, settings: { color_primary: '#0b5cad', radius: 10 } });
      await waitFor(() => message.style.getPropertyValue('--flexiti-radius') === '10px', 'the radius');
      expect(message.style.getPropertyValue('--flexiti-color-primary')).to.equal('#0b5cad');
      expect(message.hasAttribute('style')).to.equal(true); // set by script, not printed
    });
  });

  describe('on the cart page', () => {
    let cartId = '';
    const cartRoot = () => `/__shopify__/${cartId}/`;
    const setCart = (cart: FakeCart) => shopify({ action: 'cart', id: cartId, cart });
    const cartPage = () => block({ template: 'cart', cart: { total_price: 124999, item_count: 2 }, root: cartRoot() });

    beforeEach(async () => {
      cartId = `cart-${Math.random().toString(36).slice(2, 10)}`;
      await setCart({ total_price: 124999, item_count: 2, currency: 'CAD' });
    });

    it('shows the new total after the theme changes the cart through the Ajax API', async () => {
      const message = await cartPage();
      expect(amountOf(message)).to.equal('1249.99');
      expect(message.getAttribute('data-flexiti-cart-url')).to.equal(`${cartRoot()}cart.js`);
      await setCart({ total_price: 274998, item_count: 3, currency: 'CAD' });
      // The theme's request (as Dawn sends it: /cart/change with a JSON body).
      await fetch(`${cartRoot()}cart/change.js`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"line":1,"quantity":3}' });
      await becomes(message, '2749.98');
    });

    it('shows the new total after a theme announces a cart change with an event', async () => {
      const message = await cartPage();
      await setCart({ total_price: 5000, item_count: 1, currency: 'CAD' });
      document.documentElement.dispatchEvent(new CustomEvent('cart:updated', { bubbles: true }));
      await becomes(message, '50.00');
      await setCart({ total_price: 7500, item_count: 2, currency: 'CAD' });
      document.dispatchEvent(new CustomEvent('cart:update'));
      await becomes(message, '75.00');
    });

    it('does not change while nothing says the cart changed', async () => {
      const message = await cartPage();
      await setCart({ total_price: 5000, item_count: 1, currency: 'CAD' });
      await fetch(`${cartRoot()}cart.js`); // a read is not a change
      await pause(300);
      expect(amountOf(message)).to.equal('1249.99');
    });

    it('hides when the cart empties or changes currency, and shows again with items in dollars', async () => {
      const message = await cartPage();
      await setCart({ total_price: 0, item_count: 0, currency: 'CAD' });
      await fetch(`${cartRoot()}cart/change.js`, { method: 'POST' });
      await waitFor(() => message.hidden, 'hidden for an empty cart', 3000);
      expect(amountOf(message)).to.equal('1249.99');
      await setCart({ total_price: 9900, item_count: 1, currency: 'CAD' });
      await fetch(`${cartRoot()}cart/change.js`, { method: 'POST' });
      await becomes(message, '99.00');
      expect(message.hidden).to.equal(false);
      await setCart({ total_price: 9900, item_count: 1, currency: 'USD' });
      document.dispatchEvent(new CustomEvent('cart:change'));
      await waitFor(() => message.hidden, 'hidden in another currency', 3000);
    });
  });
});
