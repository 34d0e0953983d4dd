/**
 * The built script-tag bundle (`cdn/`, from `vite build`), loaded the way a storefront loads it:
 * `<script type="module" integrity crossorigin>`, once and then again. Nothing here imports the
 * source, so these are the bundle's own registrations.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { formReady, root, waitFor } from './helpers/form.js';
import type { FlexitiCheckout } from '../../src/elements/checkout/flexiti-checkout.component.js';
import { at, choosePlan, confirm, identify, newReference, sessionUrl } from './helpers/checkout.js';
import { loadScript } from './helpers/script.js';
import { flexitiServer } from './helpers/server.js';

const requested = (pattern: RegExp) => performance.getEntriesByType('resource').filter((entry) => pattern.test(entry.name)).length;

async function integrity(): Promise<string> {
  const response = await fetch('/cdn/flexiti-checkout.js.sri');
  if (!response.ok) throw new Error('cdn/ is not built: run `npx vite build` first');
  return (await response.text()).trim();
}

const addScript = (src: string, hash: string) => loadScript(src, { type: 'module', integrity: hash, crossOrigin: 'anonymous' });

describe('the script tag', function () {
  this.timeout(30_000);
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  before(() => window.addEventListener('error', onError));
  after(() => window.removeEventListener('error', onError));
  beforeEach(() => flexitiServer.reset());

  it('loads with its integrity hash and registers both elements', async () => {
    await addScript('/cdn/flexiti-checkout.js', await integrity());
    expect(customElements.get('flexiti-apply')).to.be.a('function');
    expect(customElements.get('flexiti-checkout')).to.be.a('function');
    expect(errors).to.deep.equal([]);
  });

  it('shares its runtime with the message entry: a page with both loads Lit once', async () => {
    await addScript('/cdn/flexiti-checkout.js', await integrity());
    const lits = () => (window as { litHtmlVersions?: string[] }).litHtmlVersions?.length ?? 0;
    const before = lits();
    expect(before).to.be.greaterThan(0);
    const messageHash = (await (await fetch('/cdn/flexiti-message.js.sri')).text()).trim();
    await addScript('/cdn/flexiti-message.js', messageHash);
    expect(customElements.get('flexiti-message')).to.be.a('function');
    // Lit counts its copies as they load: the message's entry brought none of its own.
    expect(lits()).to.equal(before);
    // Each chunk they share was fetched once.
    const shared = performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /\/cdn\/chunks\/shared-/.test(name));
    expect(shared.length).to.be.greaterThan(0);
    expect(new Set(shared).size).to.equal(shared.length);
    expect(errors).to.deep.equal([]);
  });

  it('refuses a bundle whose integrity hash does not match', async () => {
    const wrong = `sha384-${btoa('x'.repeat(48))}`;
    let refused = false;
    await addScript('/cdn/flexiti-checkout.js?tampered', wrong).catch(() => (refused = true));
    expect(refused).to.equal(true);
  });

  it('does not throw when the page includes it again, as the same or another copy', async () => {
    const hash = await integrity();
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      await addScript('/cdn/flexiti-checkout.js', hash);
      // Another URL is another module instance with its own classes: a second copy.
      await addScript('/cdn/flexiti-checkout.js?copy=2', hash);
    } finally {
      console.warn = warn;
    }
    expect(errors).to.deep.equal([]);
    expect(warnings.map(String).join(' ')).to.contain('flexiti-checkout');
  });

  it('lets a cardholder pay without downloading the application or its form values', async () => {
    const el = await fixture<FlexitiCheckout>(html`<flexiti-checkout token-url=${sessionUrl(1249.99, newReference())} lang="en-CA"></flexiti-checkout>`);
    await identify(el);
    await choosePlan(el);
    await confirm(el);
    await at(el, 'approved');
    expect(requested(/\/cdn\/chunks\/application-flow/)).to.equal(0);
    expect(requested(/form-values/)).to.equal(0);
    expect(errors).to.deep.equal([]);
  });

  it('starts loading the application when the shopper points at "Apply now", and shows it on the press', async () => {
    const el = await fixture<HTMLElement>(html`<flexiti-checkout token-url="/api/flexiti/session" lang="en-CA"></flexiti-checkout>`);
    const apply = await waitFor(
      () => [...root(el).querySelectorAll('button')].find((b) => /Apply now/.test(b.textContent ?? '')),
      'the ways in',
    );
    expect(requested(/\/cdn\/chunks\/application-flow/)).to.equal(0);
    apply.focus();
    await waitFor(() => requested(/\/cdn\/chunks\/application-flow/) > 0 || undefined, 'the application chunk on focus');
    // Intent alone does not ask the store for the form's values.
    expect(requested(/form-values/)).to.equal(0);
    apply.click();
    await formReady(el);
    const province = await waitFor(() => root(el).querySelector<HTMLSelectElement>('select[name="province"]'), 'the province');
    province.value = 'ON';
    province.dispatchEvent(new Event('change', { bubbles: true }));
    // The terms are Flexiti's HTML, as the handler sanitised it.
    await waitFor(() => root(el).querySelector('.terms h3'), 'the sanitised terms');
    expect(errors).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('has an entry for application pages that brings the application in the same load', async () => {
    const source = await (await fetch('/cdn/flexiti-apply.js')).text();
    // Static imports: the application's chunk, fetched and run with the element; nothing of the checkout's entry.
    expect(source).to.match(/import"\.\/chunks\/application-flow-[\w-]+\.js"/);
    expect(source).not.to.contain('flexiti-checkout.js');
    const hash = (await (await fetch('/cdn/flexiti-apply.js.sri')).text()).trim();
    await addScript('/cdn/flexiti-apply.js', hash);
    const el = await fixture<HTMLElement>(html`<flexiti-apply token-url="/api/flexiti/session" lang="fr-CA"></flexiti-apply>`);
    await formReady(el);
    expect(root(el).querySelector('#f-salutation')?.closest('[lang]')?.getAttribute('lang')).to.equal('fr-CA');
    expect(errors).to.deep.equal([]);
  });
});
