/**
 * The browser-test environment itself: the page reaches the real handler, the handler reaches
 * the sandbox (faults included), the server command works both ways, Lit decorators survive the
 * build, the page has keyboard focus, and accessibility checks run.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as litHtml } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { API_BASE, flexitiServer } from './helpers/server.js';

/** Standard decorators (`accessor` fields), as a merchant's own Lit code uses them: they must survive the browser build. */
@customElement('flexiti-test-decorated')
class DecoratedElement extends LitElement {
  @property({ type: Number, reflect: true }) accessor amount = 250;
  @state() private accessor clicks = 0;

  override render() {
    return litHtml`<button @click=${() => this.clicks++}>${this.amount.toFixed(2)} · ${this.clicks}</button>`;
  }
}

interface Option {
  value: string;
  label: string;
}

describe('browser test environment', () => {
  beforeEach(() => flexitiServer.reset());

  it('reaches the handler, which reaches the sandbox (French form values)', async () => {
    const created = await fetch(`${API_BASE}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flow: 'apply' }),
    });
    expect(created.status).to.equal(201);
    const { session, flow, amount } = (await created.json()) as { session: string; flow: string; amount: number | null };
    expect(flow).to.equal('apply');
    expect(amount).to.equal(null);

    // `cache: 'no-store'`: form values are cacheable (`private, max-age=300`) and another test
    // page in this browser may already have them; this test is about the way to the sandbox.
    const response = await fetch(`${API_BASE}/form-values?lang=fr-CA`, {
      headers: { authorization: `Bearer ${session}` },
      cache: 'no-store',
    });
    expect(response.status).to.equal(200);
    const values = (await response.json()) as { lang: string; provinces: Option[] };
    expect(values.lang).to.equal('fr-CA');
    expect(values.provinces).to.have.length(13);
    expect(values.provinces.find((p) => p.value === 'QC')?.label).to.equal('Québec');

    const stats = await flexitiServer.stats();
    expect(stats.tokenRequests).to.be.greaterThan(0);
  });

  it('takes the order of a checkout session from the query string', async () => {
    const response = await fetch(`${API_BASE}/session?amount=123.45&reference=ORDER-QUERY-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flow: 'checkout' }),
    });
    expect(response.status).to.equal(201);
    const body = (await response.json()) as { amount: number; reference: string; currency: string };
    expect(body).to.include({ amount: 123.45, reference: 'ORDER-QUERY-1', currency: 'CAD' });
  });

  it('mints sessions and reads authorizations through the server command', async () => {
    const reference = `ORDER-CMD-${Date.now()}`;
    const minted = await flexitiServer.session({ flow: 'checkout', amount: 99.5, reference });
    expect(minted).to.include({ flow: 'checkout', amount: 99.5, reference, currency: 'CAD', mode: 'sandbox' });
    expect(minted.session).to.be.a('string').and.not.be.empty;

    // The minted session is accepted by the handler.
    const terms = await fetch(`${API_BASE}/form-values`, { headers: { authorization: `Bearer ${minted.session}` } });
    expect(terms.status).to.equal(200);

    expect(await flexitiServer.authorizations(reference)).to.deep.equal([]);
    expect(await flexitiServer.authorizations()).to.deep.equal([]);
    expect(await flexitiServer.outcomes()).to.deep.equal({ applications: [], purchases: [] });
  });

  it('injects sandbox faults the handler then retries through', async () => {
    await flexitiServer.faults({ failNext: 1, match: '/oauth/token' });
    const created = await fetch(`${API_BASE}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flow: 'apply' }),
    });
    const { session } = (await created.json()) as { session: string };
    const response = await fetch(`${API_BASE}/form-values`, {
      headers: { authorization: `Bearer ${session}` },
      cache: 'no-store',
    });
    expect(response.status).to.equal(200);
    const stats = await flexitiServer.stats();
    expect(stats.tokenRequests).to.equal(2);
  });

  it('loses connections to the sandbox for real', async () => {
    await flexitiServer.faults({ dropNext: 1, match: '/oauth/token' });
    const { session } = await flexitiServer.session({ flow: 'apply' });
    const response = await fetch(`${API_BASE}/terms?province=ON&lang=en-CA`, {
      headers: { authorization: `Bearer ${session}` },
      cache: 'no-store',
    });
    expect(response.status).to.equal(200);
    const events = (await flexitiServer.logs()).map((entry) => entry.event);
    expect(events).to.include('token_transport_error');
    expect((await flexitiServer.stats()).tokenRequests).to.equal(2);
  });

  it('builds Lit decorators (reactive properties, attributes, state)', async () => {
    const element = await fixture<DecoratedElement>(html`<flexiti-test-decorated amount="12.5"></flexiti-test-decorated>`);
    expect(element).to.be.instanceOf(DecoratedElement);
    const button = () => element.shadowRoot!.querySelector('button')!;
    expect(button().textContent).to.equal('12.50 · 0');
    element.amount = 99;
    button().click();
    await element.updateComplete;
    expect(element.getAttribute('amount')).to.equal('99');
    expect(button().textContent).to.equal('99.00 · 1');
  });

  it('gives this page keyboard focus, even beside other test pages', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <input id="first" aria-label="first" /><input id="second" aria-label="second" type="checkbox" />
    </div>`);
    const second = page.querySelector<HTMLInputElement>('#second')!;
    let focused = 0;
    second.addEventListener('focus', () => focused++);
    page.querySelector<HTMLInputElement>('#first')!.focus();
    await sendKeys({ type: 'ok' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(second);
    expect(focused).to.equal(1);
    expect(document.hasFocus()).to.equal(true);
    expect(second.matches(':focus-visible')).to.equal(true);
    // ' ' rather than 'Space': Firefox's key names have no 'Space'.
    await sendKeys({ press: ' ' });
    expect(second.checked).to.equal(true);
    expect(page.querySelector<HTMLInputElement>('#first')!.value).to.equal('ok');
  });

  it('runs axe accessibility checks', async () => {
    const element = await fixture(html`<label>Name <input name="n" /></label>`);
    await expect(element).to.be.accessible();
  });
});
