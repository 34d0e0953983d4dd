/**
 * The WooCommerce plugin (integrations/woocommerce/flexiti-checkout) in a real WordPress 6.5 with
 * PHP's built-in server and an SQLite database (see wordpress/site.ts), driven over HTTP as a
 * shop manager and a shopper would: activation, Settings → Flexiti, the financing message as a
 * shortcode, a block and by itself, and the French site.
 *
 * WooCommerce cannot be installed here: what the plugin asks of it (currency, prices, the cart
 * total, the product page and the totals' hooks) comes from wordpress/woocommerce-stand-in.php,
 * which is not WooCommerce. Skipped, with the reason, only where PHP is not installed at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, phpMissing, startWordPress, type WordPress } from './wordpress/site.js';

const missing = phpMissing();
if (missing) console.warn(`Skipping the WordPress tests of the WooCommerce plugin: ${missing}`);

/** The opening tags of every <flexiti-message> of a page, as attribute maps. */
function messages(html: string): Array<Record<string, string>> {
  return [...html.matchAll(/<flexiti-message\b([^>]*)>/g)].map((match) =>
    Object.fromEntries([...(match[1] ?? '').matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => [name, (value ?? '').replace(/&amp;/g, '&')])),
  );
}

const SETTINGS = {
  handler_url: 'https://pay.example/api/flexiti/session',
  script_url: 'https://cdn.example/flexiti/flexiti-checkout.js',
  integrity: '',
  lang: 'auto',
  apply_url: '/apply',
  message_product: '1',
  message_cart: '1',
  message_checkout: '',
};

describe.skipIf(missing !== null)('the WooCommerce plugin in WordPress 6.5', () => {
  let wp: WordPress;
  let manager: Browser;
  let shopper: Browser;
  const ids: Record<string, number> = {};

  /** Creates a post with WordPress's own API and returns its ID. */
  const insert = (type: string, title: string, content: string, meta: Record<string, string> = {}) =>
    Number(
      wp.php(`echo wp_insert_post( array(
        'post_type' => '${type}', 'post_status' => 'publish', 'post_title' => ${JSON.stringify(title)},
        'post_content' => ${JSON.stringify(content).replace(/\$/g, '\\$')}, 'meta_input' => ${phpArray(meta)},
      ) );`),
    );
  const phpArray = (values: Record<string, string>) => `array( ${Object.entries(values).map(([k, v]) => `'${k}' => '${v}'`).join(', ')} )`;
  const saveSettings = (values: Record<string, string>) => wp.php(`update_option( 'flexiti_checkout_settings', ${phpArray(values)} );`);

  beforeAll(async () => {
    wp = await startWordPress();
    manager = new Browser(wp.origin);
    shopper = new Browser(wp.origin);
    await manager.logIn(wp.admin.user, wp.admin.password);
  }, 60_000);

  afterAll(async () => {
    await wp?.stop();
  });

  it('activates from Plugins once WooCommerce, the plugin it requires, is active', async () => {
    const activateLink = (html: string, plugin: string) =>
      new RegExp(`href="(plugins\\.php\\?action=activate&amp;plugin=${plugin.replace('/', '%2F')}[^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');

    let plugins = await manager.page('/wp-admin/plugins.php');
    expect(activateLink(plugins, 'flexiti-checkout/flexiti-checkout.php'), 'WordPress offers no activation while WooCommerce is missing').toBeUndefined();
    for (const plugin of ['woocommerce/woocommerce.php', 'flexiti-checkout/flexiti-checkout.php']) {
      const link = activateLink(plugins, plugin);
      expect(link, `an Activate link for ${plugin}`).toBeDefined();
      const response = await manager.request(`/wp-admin/${link}`);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toContain('activate=true');
      plugins = await manager.page('/wp-admin/plugins.php');
    }
    expect(plugins).toMatch(/id="deactivate-flexiti-checkout"/);
    expect(wp.php(`echo is_plugin_active( 'flexiti-checkout/flexiti-checkout.php' ) ? 'active' : 'inactive';`)).toBe('active');
    expect(plugins).toContain('options-general.php?page=flexiti-checkout');
  });

  it('saves Settings → Flexiti through options.php, and keeps the saved apply page when a new one does not pass', async () => {
    const form = await manager.page('/wp-admin/options-general.php?page=flexiti-checkout');
    expect(form).toContain('Financing message');
    const hidden = Object.fromEntries([...form.matchAll(/<input type=["']hidden["'] (?:id=["']\w+["'] )?name=["']([^"']+)["'] value=["']([^"']*)["']/g)].map(([, name, value]) => [name, value]));
    expect(hidden._wpnonce).toMatch(/^[0-9a-f]{10}$/);
    const fields = new URLSearchParams({ option_page: hidden.option_page, action: 'update', _wpnonce: hidden._wpnonce, _wp_http_referer: hidden._wp_http_referer });
    for (const [key, value] of Object.entries(SETTINGS)) if (value !== '') fields.set(`flexiti_checkout_settings[${key}]`, value);

    const saved = await manager.post('/wp-admin/options.php', fields);
    expect(saved.status).toBe(302);
    expect(saved.headers.get('location')).toContain('settings-updated=true');
    const page = await manager.page('/wp-admin/options-general.php?page=flexiti-checkout');
    expect(page).toContain('value="https://pay.example/api/flexiti/session"');
    expect(page).toContain('id="flexiti-checkout-apply_url" name="flexiti_checkout_settings[apply_url]" value="/apply"');
    expect(page).toMatch(/id="flexiti-checkout-message_product" name="flexiti_checkout_settings\[message_product\]" value="1" checked='checked'/);
    expect(page).toMatch(/id="flexiti-checkout-message_checkout" name="flexiti_checkout_settings\[message_checkout\]" value="1">/);

    fields.set('flexiti_checkout_settings[apply_url]', 'javascript:alert(1)');
    await manager.post('/wp-admin/options.php', fields);
    const kept = await manager.page('/wp-admin/options-general.php?page=flexiti-checkout&settings-updated=true');
    expect(kept).toContain('is not an https URL or a path starting with');
    expect(JSON.parse(wp.php(`echo wp_json_encode( get_option( 'flexiti_checkout_settings' ) );`))).toEqual(SETTINGS);
  });

  it('renders [flexiti_message] and the block with the handler base URL, the apply page and the message script module', async () => {
    ids.page = insert(
      'page',
      'Financing',
      '[flexiti_message amount="1249.99"]\n\n<!-- wp:flexiti-checkout/message {"amount":99.5,"lang":"fr-CA","theme":"dark"} /-->',
    );
    const html = await shopper.page(`/?page_id=${ids.page}`);
    expect(messages(html)).toEqual([
      { amount: '1249.99', endpoint: 'https://pay.example/api/flexiti', 'apply-url': '/apply', lang: 'en-CA', theme: 'auto' },
      { amount: '99.50', endpoint: 'https://pay.example/api/flexiti', 'apply-url': '/apply', lang: 'fr-CA', theme: 'dark' },
    ]);
    expect(html).toContain('<div class="flexiti-checkout-wc flexiti-checkout-wc--message"><flexiti-message');
    expect(html).toContain('<div class="wp-block-flexiti-checkout-message"><flexiti-message');
    expect(html).toMatch(/<script type="module" src="https:\/\/cdn\.example\/flexiti\/flexiti-message\.js" id="flexiti-message-js-module"><\/script>/);
    // Fixed amounts follow nothing: no helper script.
    expect(html).not.toContain('flexiti-message-wc.js');
  });

  it("renders [flexiti_apply] with the application page's entry beside the script URL, async; with an SRI hash, the checkout's entry it is for", async () => {
    ids.apply = insert('page', 'Apply', '[flexiti_apply amount="1500" lang="fr-CA"]');
    const html = await shopper.page(`/?page_id=${ids.apply}`);
    expect(html).toMatch(/<flexiti-apply [^>]*token-url="https:\/\/pay\.example\/api\/flexiti\/session"/);
    expect(html).toMatch(/<script type="module" src="https:\/\/cdn\.example\/flexiti\/flexiti-apply\.js" id="flexiti-apply-js-module" async(="async")?><\/script>/);
    expect(html).not.toContain('flexiti-checkout.js');
    saveSettings({ ...SETTINGS, integrity: 'sha384-abc' });
    try {
      const pinned = await shopper.page(`/?page_id=${ids.apply}`);
      expect(pinned).toMatch(/<script type="module" src="https:\/\/cdn\.example\/flexiti\/flexiti-checkout\.js" id="flexiti-checkout-js-module" integrity="sha384-abc" crossorigin="anonymous"><\/script>/);
      expect(pinned).not.toContain('flexiti-apply.js');
    } finally {
      saveSettings(SETTINGS);
    }
  });

  it('shows nothing to shoppers without an amount or outside Canadian dollars, and tells the shop manager why', async () => {
    ids.bare = insert('page', 'No amount', '[flexiti_message]');
    expect(messages(await shopper.page(`/?page_id=${ids.bare}`))).toEqual([]);
    expect(await manager.page(`/?page_id=${ids.bare}`)).toContain('The Flexiti financing message needs an amount here.');

    wp.php(`update_option( 'standin_currency', 'USD' );`);
    try {
      expect(messages(await shopper.page(`/?page_id=${ids.page}`))).toEqual([]);
      expect(await manager.page(`/?page_id=${ids.page}`)).toContain('shows only in a store whose currency is the Canadian dollar');
    } finally {
      wp.php(`update_option( 'standin_currency', 'CAD' );`);
    }
  });

  it("shows the product's price under the price; a variable product's message follows its variations", async () => {
    ids.simple = insert('product', 'Sofa', 'A sofa.', { _price: '1249.99' });
    ids.variable = insert('product', 'Bed', 'A bed.', { _price: '899', _standin_type: 'variable' });

    const link = (id: number) => new URL(wp.php(`echo get_permalink( ${id} );`)).search;
    const simple = await shopper.page(`/${link(ids.simple)}`);
    expect(simple).toMatch(/<p class="price">\$1249\.99<\/p><div class="flexiti-checkout-wc flexiti-checkout-wc--message"><flexiti-message amount="1249\.99"/);
    expect(messages(simple)).toEqual([{ amount: '1249.99', endpoint: 'https://pay.example/api/flexiti', 'apply-url': '/apply', lang: 'en-CA', theme: 'auto' }]);
    expect(simple).not.toContain('flexiti-message-wc.js');

    const variable = await shopper.page(`/${link(ids.variable)}`);
    expect(messages(variable)).toEqual([
      {
        amount: '899.00',
        endpoint: 'https://pay.example/api/flexiti',
        'apply-url': '/apply',
        lang: 'en-CA',
        theme: 'auto',
        'data-flexiti-follow': 'variation',
        'data-flexiti-product': String(ids.variable),
        'data-flexiti-base-amount': '899.00',
      },
    ]);
    expect(variable).toContain(`<form class="variations_form cart" data-product_id="${ids.variable}">`);
    // The helper is a classic script after WordPress's jQuery, with no inline code of its own.
    const jquery = variable.search(/<script src="[^"]*\/wp-includes\/js\/jquery\/jquery(\.min)?\.js[^"]*" id="jquery-core-js"><\/script>/);
    const helper = variable.search(/<script src="[^"]*\/plugins\/flexiti-checkout\/assets\/flexiti-message-wc\.js\?ver=0\.1\.0" id="flexiti-checkout-message-wc-js" defer data-wp-strategy="defer"><\/script>/);
    expect(jquery).toBeGreaterThan(0);
    expect(helper).toBeGreaterThan(jquery);
    expect(variable).not.toMatch(/<script[^>]*id="flexiti-checkout-message-wc-js-(before|after)"/);

    saveSettings({ ...SETTINGS, message_product: '' });
    try {
      expect(messages(await shopper.page(`/${link(ids.simple)}`))).toEqual([]);
    } finally {
      saveSettings(SETTINGS);
    }
  });

  it('puts the cart total in the totals row WooCommerce refreshes: with the message in the cart, hidden at checkout (setting off)', async () => {
    wp.php(`update_option( 'standin_cart_total', 310.75 );`);
    ids.cart = insert('page', 'Cart', '[flexiti_message]\n\n[woocommerce_cart]');
    ids.checkout = insert('page', 'Checkout', '[woocommerce_checkout]');
    wp.php(`update_option( 'woocommerce_cart_page_id', ${ids.cart} ); update_option( 'woocommerce_checkout_page_id', ${ids.checkout} );`);

    const cart = await shopper.page(`/?page_id=${ids.cart}`);
    const following = { amount: '310.75', endpoint: 'https://pay.example/api/flexiti', 'apply-url': '/apply', lang: 'en-CA', theme: 'auto', 'data-flexiti-follow': 'cart' };
    // The shortcode above the cart and the message in the totals row both follow the cart.
    expect(messages(cart)).toEqual([following, following]);
    expect(cart).toMatch(/<tr class="flexiti-checkout-wc-total" data-flexiti-cart-total="310\.75"><td colspan="2"><flexiti-message amount="310\.75" /);
    expect(cart).toContain('flexiti-message-wc.js');

    const checkout = await shopper.page(`/?page_id=${ids.checkout}`);
    expect(messages(checkout)).toEqual([]);
    expect(checkout).toContain('<tr class="flexiti-checkout-wc-total" data-flexiti-cart-total="310.75" hidden><td colspan="2"></td></tr>');

    saveSettings({ ...SETTINGS, message_checkout: '1' });
    try {
      expect(messages(await shopper.page(`/?page_id=${ids.checkout}`))).toEqual([following]);
    } finally {
      saveSettings(SETTINGS);
    }
  });

  describe('a French site (WPLANG fr_CA), with nothing but the plugin installed', () => {
    beforeAll(() => {
      // WordPress takes a site language only once it is installed (Settings → General lists the
      // installed ones): its own French pack is not obtainable here, so it is installed as a .mo
      // with a header and no strings. Everything French below comes from the plugin's files.
      wp.php(`require_once ABSPATH . WPINC . '/pomo/mo.php';
        wp_mkdir_p( WP_LANG_DIR );
        $mo = new MO();
        $mo->set_header( 'Language', 'fr_CA' );
        $mo->export_to_file( WP_LANG_DIR . '/fr_CA.mo' );`);
      // A new request: WordPress lists the installed languages once per request.
      wp.php(`update_option( 'WPLANG', 'fr_CA' );`);
      expect(wp.php('echo get_locale();')).toBe('fr_CA');
    });
    afterAll(() => {
      wp.php(`update_option( 'WPLANG', '' );`);
    });

    it('speaks French on the storefront and in Settings → Flexiti', async () => {
      expect(messages(await shopper.page(`/?page_id=${ids.page}`)).map((m) => m.lang)).toEqual(['fr-CA', 'fr-CA']);
      expect(await manager.page(`/?page_id=${ids.bare}`)).toContain('Le message de financement Flexiti a besoin d&#039;un montant ici.');
      const settings = await manager.page('/wp-admin/options-general.php?page=flexiti-checkout');
      for (const text of ['URL de session du gestionnaire', 'Message de financement', 'Page de demande de crédit', 'Sur les pages de produit, sous le prix', 'Afficher le message']) {
        expect(settings).toContain(text);
      }
    });

    it("gives each block's editor script its French JSON, and the blocks French titles", async () => {
      const editor = await manager.page('/wp-admin/post-new.php?post_type=page');
      for (const [block, french] of [
        ['checkout', 'Paiement Flexiti'],
        ['apply', 'Demande de crédit Flexiti'],
        ['message', 'Message de financement Flexiti'],
      ]) {
        const handle = `flexiti-checkout-${block}-editor-script`;
        expect(editor, `${handle} is enqueued`).toMatch(new RegExp(`<script src="[^"]*/plugins/flexiti-checkout/blocks/${block}/editor\\.js[^"]*" id="${handle}-js"`));
        const translations = new RegExp(`<script id="${handle}-js-translations">([\\s\\S]*?)</script>`).exec(editor)?.[1] ?? '';
        expect(translations, `${handle} has its translations`).toContain('"lang":"fr_CA"');
        const json = JSON.parse(/\(\s*"flexiti-checkout",\s*(\{[\s\S]*\})\s*\);/.exec(translations)?.[1] ?? '{}');
        expect(json.locale_data.messages.Display).toEqual(['Affichage']);
        if (block !== 'checkout') expect(JSON.stringify(json)).toContain(french);
        expect(editor).toContain(JSON.stringify(french).slice(1, -1).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
      }
    });
  });

  it('logged nothing about the plugin (no notice, warning or error)', () => {
    const lines = wp.log().split('\n').filter((line) => /flexiti-checkout|woocommerce/.test(line));
    expect(lines).toEqual([]);
  });
});
