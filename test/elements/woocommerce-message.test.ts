/**
 * The WooCommerce plugin's helper (integrations/woocommerce/flexiti-checkout/assets/
 * flexiti-message-wc.js) with WordPress's own jQuery (from the WordPress 6.5 build the plugin's
 * WordPress tests run), on the markup the plugin prints: WooCommerce's events, triggered as
 * WooCommerce triggers them, move the amount of <flexiti-message>. Under the test pages' strict
 * Content-Security-Policy, like a store that sets one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import './helpers/csp.js';
import { loadScript } from './helpers/script.js';

const JQUERY = '/node_modules/@wp-playground/wordpress-builds/public/wp-6.5/wp-includes/js/jquery/jquery.js';
const HELPER = '/integrations/woocommerce/flexiti-checkout/assets/flexiti-message-wc.js';

type JQueryLike = (target: unknown) => { trigger(event: string, args?: unknown[]): void };
const jQuery = () => (window as unknown as { jQuery: JQueryLike }).jQuery;

/** A classic script, as WordPress prints it (<script src>). */
const load = (src: string) => loadScript(src);

const amountOf = (root: Element, selector: string) => root.querySelector(selector)?.getAttribute('amount');

describe("the WooCommerce plugin's message helper with WordPress's jQuery", () => {
  before(async () => {
    await load(JQUERY);
    await load(HELPER);
  });

  it("follows the chosen variation (found_variation's display_price) and goes back on reset_data, for its product only", async () => {
    const root = await fixture(html`<div>
      <div class="summary">
        <p class="price">$899.00 – $1,299.00</p>
        <flexiti-message id="bed" amount="899.00" data-flexiti-follow="variation" data-flexiti-product="42" data-flexiti-base-amount="899.00"></flexiti-message>
        <form class="variations_form cart" data-product_id="42"></form>
      </div>
      <flexiti-message id="lamp" amount="50.00" data-flexiti-follow="variation" data-flexiti-product="7" data-flexiti-base-amount="50.00"></flexiti-message>
      <flexiti-message id="fixed" amount="10.00"></flexiti-message>
    </div>`);
    const form = root.querySelector('form.variations_form');

    jQuery()(form).trigger('found_variation', [{ variation_id: 43, display_price: 1049.5, display_regular_price: 1149.5 }]);
    expect(amountOf(root, '#bed')).to.equal('1049.50');
    expect(amountOf(root, '#lamp')).to.equal('50.00');
    expect(amountOf(root, '#fixed')).to.equal('10.00');

    // A variation without a price (not purchasable) leaves the amount as it was.
    jQuery()(form).trigger('found_variation', [{ variation_id: 44, display_price: '' }]);
    expect(amountOf(root, '#bed')).to.equal('1049.50');

    jQuery()(form).trigger('reset_data');
    expect(amountOf(root, '#bed')).to.equal('899.00');
  });

  it('takes the refreshed cart total after updated_cart_totals and updated_checkout', async () => {
    const root = await fixture(html`<div>
      <flexiti-message id="above" amount="310.75" data-flexiti-follow="cart"></flexiti-message>
      <div class="cart_totals">
        <table>
          <tr class="flexiti-checkout-wc-total" data-flexiti-cart-total="310.75" hidden><td colspan="2"></td></tr>
        </table>
      </div>
    </div>`);
    const totals = root.querySelector('.cart_totals');
    if (!totals) throw new Error('no totals');

    // WooCommerce replaces the totals with the ones the server rendered after the update.
    const table = document.createElement('table');
    const row = table.insertRow();
    row.className = 'flexiti-checkout-wc-total';
    row.dataset.flexitiCartTotal = '128.40';
    totals.replaceChildren(table);
    jQuery()(document.body).trigger('updated_cart_totals');
    expect(amountOf(root, '#above')).to.equal('128.40');

    row.dataset.flexitiCartTotal = '1500';
    jQuery()(document.body).trigger('updated_checkout', [{ fragments: {} }]);
    expect(amountOf(root, '#above')).to.equal('1500.00');
  });
});
