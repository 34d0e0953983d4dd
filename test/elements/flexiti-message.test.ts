/**
 * `<flexiti-message>` against the test server's handler, whose `GET offers` carries the sandbox
 * merchant's plans (every plan from $100, deferred plans from $300, none above $25,000; the
 * no-interest plan 5 for up to 40 months).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/flexiti-message.js';
import type { FlexitiMessage } from '../../src/elements/message/flexiti-message.component.js';
import { root, waitFor } from './helpers/form.js';
import { flexitiServer } from './helpers/server.js';

const line = (el: FlexitiMessage) => root(el).querySelector('[part="headline"]')?.textContent?.trim() ?? '';
const dialog = (el: FlexitiMessage) => root(el).querySelector('dialog')!;
const learnMore = (el: FlexitiMessage) => root(el).querySelector<HTMLButtonElement>('[part="learn-more"]')!;
const asked = () => performance.getEntriesByType('resource').filter((entry) => /\/offers\?/.test(entry.name)).length;
/** The element that has focus, looking into shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function mount(attributes: { amount?: number; lang?: string; width?: number } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <p>Walnut dining table</p>
    <flexiti-message amount=${attributes.amount ?? 1249.99} lang=${attributes.lang ?? 'en-CA'} apply-url="/apply.html"></flexiti-message>
    <p class="below">Add to cart</p>
  </div>`);
  // Through the CSSOM: the page's policy allows no style attribute.
  wrapper.style.width = `${attributes.width ?? 600}px`;
  const el = wrapper.querySelector('flexiti-message')!;
  return { wrapper, el, below: wrapper.querySelector<HTMLElement>('.below')! };
}

const ready = (el: FlexitiMessage) => waitFor(() => line(el), 'the message');
/** Waits for the line to match, saying what it was instead. */
const lineMatches = (el: FlexitiMessage, pattern: RegExp) => waitFor(() => pattern.test(line(el)), `a line matching ${pattern}`).catch(() => {
  throw new Error(`the line is "${line(el)}", not ${pattern}`);
});

describe('<flexiti-message>', function () {
  this.timeout(30_000);

  // First, while the page has asked for no plans yet: a failure is retryable and says so.
  it('says when the plans could not be loaded and loads them on "Try again"', async () => {
    await flexitiServer.reset();
    await flexitiServer.faults({ failNext: 20, match: 'merchants/login' });
    const { el } = await mount();
    await waitFor(() => line(el) === 'Pay over time with Flexiti', 'the line without figures');
    learnMore(el).click();
    await waitFor(() => dialog(el).open, 'the dialog');
    expect(root(el).querySelector('dialog [role="alert"]')?.textContent).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
    await flexitiServer.faults({});
    root(el).querySelector<HTMLButtonElement>('.retry')!.click();
    await waitFor(() => line(el) === '0% interest for 40 months with Flexiti', 'the plans after a retry');
  });

  it('says what the plans make of the price in one line, and is ready', async () => {
    await flexitiServer.reset();
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const readyEvent = new Promise<CustomEvent>((resolve) => wrapper.addEventListener('flexiti-ready', (e) => resolve(e as CustomEvent), { once: true }));
    wrapper.innerHTML = '<flexiti-message amount="1249.99" lang="en-CA"></flexiti-message>';
    const el = wrapper.firstElementChild as FlexitiMessage;
    expect((await readyEvent).detail).to.deep.equal({ flow: 'message', status: 'available' });
    // The longest no-interest term comes first: plan 5, 40 months.
    expect(line(el)).to.equal('0% interest for 40 months with Flexiti');
    expect(learnMore(el).textContent?.trim()).to.equal('Learn more');
    expect(learnMore(el).getAttribute('aria-haspopup')).to.equal('dialog');
    await expect(el).to.be.accessible();
  });

  it('explains the plans with a worked example in a dialog used with the keyboard', async () => {
    const { el } = await mount();
    await ready(el);
    const opened: CustomEvent[] = [];
    el.addEventListener('flexiti-learn-more', (e) => opened.push(e as CustomEvent));
    learnMore(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => dialog(el).open, 'the dialog');
    expect(opened.map((e) => e.detail)).to.deep.equal([{ amount: 1249.99 }]);
    const text = dialog(el).textContent!.replace(/[ \n\t]+/g, ' ');
    // $1,249.99 over 40 months: 39 payments of $31.25 and a last one of $31.24.
    expect(text).to.contain('$31.25/month for 40 months, 0% interest');
    expect(text).to.contain('39 payments of $31.25 and a last payment of $31.24');
    expect(text).to.contain('Total repaid: $1,249.99');
    // A deferred plan says when payments start and what its fee is.
    expect(text).to.contain('No payments for 12 months');
    expect(text).to.contain('Payments start in month 13.');
    expect(text).to.contain('A one-time fee of $49.99 applies.');
    expect(text).to.contain('Subject to credit approval.');
    expect(root(el).querySelector<HTMLAnchorElement>('[part="apply"]')!.getAttribute('href')).to.equal('/apply.html');
    await expect(el).to.be.accessible();
    // Focus stays in the dialog, whatever the number of Tabs.
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog(el).contains(focused()), `Tab ${i + 1}`).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog(el).open, 'the dialog closed by Escape');
    expect(focused()).to.equal(learnMore(el));
    // The close button too.
    learnMore(el).click();
    await waitFor(() => dialog(el).open, 'the dialog again');
    root(el).querySelector<HTMLButtonElement>('[part="close"]')!.click();
    await waitFor(() => !dialog(el).open, 'the dialog closed');
    expect(focused()).to.equal(learnMore(el));
  });

  it('lets the page keep the dialog closed', async () => {
    const { el } = await mount();
    await ready(el);
    el.addEventListener('flexiti-learn-more', (e) => e.preventDefault(), { once: true });
    learnMore(el).click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
  });

  it('follows the amount in place, and says why below and above the amounts financed', async () => {
    const { el } = await mount();
    await ready(el);
    const before = asked();
    const statuses: string[] = [];
    el.addEventListener('flexiti-ready', (e) => statuses.push((e as CustomEvent).detail.status));
    el.amount = 50;
    await waitFor(() => line(el) === 'Flexiti financing on purchases of $100.00 or more', 'below the minimum');
    el.setAttribute('amount', '30000');
    await waitFor(() => line(el) === 'Flexiti financing on purchases up to $25,000.00', 'above the maximum');
    el.amount = 200;
    // $200 is below the deferred plans' $300: only equal payments; still no interest for 40 months.
    await waitFor(() => line(el) === '0% interest for 40 months with Flexiti', 'back in range');
    expect(statuses).to.deep.equal(['below', 'above', 'available']);
    // The plans were loaded once; the amounts are worked out in the page.
    expect(asked()).to.equal(before);
  });

  it('follows its language and the page’s, with Flexiti’s plan names in it', async () => {
    const { el } = await mount();
    await ready(el);
    el.lang = 'fr-CA';
    await waitFor(() => line(el) === '0\u00a0% d’intérêt pendant 40\u00a0mois avec Flexiti', 'the French line');
    expect(root(el).querySelector('.content')!.getAttribute('lang')).to.equal('fr-CA');
    learnMore(el).click();
    await waitFor(() => dialog(el).open, 'the dialog');
    // Flexiti's plan names follow, once the French plans are in.
    await waitFor(() => dialog(el).textContent!.includes('Versements égaux, sans intérêt'), 'the French plan names');
    const text = dialog(el).textContent!.replace(/[ \n\t]+/g, ' ');
    expect(text).to.contain('31,25\u00a0$/mois pendant 40\u00a0mois');
    expect(text).to.contain('Versements égaux, sans intérêt');
    expect(text).to.contain('Sous réserve de l’approbation du crédit.');
    await expect(el).to.be.accessible();
    dialog(el).close();
    // No lang of its own: the page's, and never lang="" on itself.
    el.removeAttribute('lang');
    document.documentElement.lang = 'fr-CA';
    try {
      await waitFor(() => line(el).startsWith('0\u00a0%'), 'the page language');
      expect(el.hasAttribute('lang')).to.equal(false);
      document.documentElement.lang = 'en-CA';
      await waitFor(() => line(el) === '0% interest for 40 months with Flexiti', 'English again');
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  for (const width of [1280, 375, 320]) {
    it(`moves nothing on the page while it loads and changes (${width} px)`, async () => {
      await flexitiServer.reset();
      // Fresh plans for this test: the element is given a delay to reveal any shift.
      await flexitiServer.faults({ latencyMs: 300 });
      const shifts: number[] = [];
      const observer = 'PerformanceObserver' in window && PerformanceObserver.supportedEntryTypes?.includes('layout-shift')
        ? new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as unknown as { value: number }).value)))
        : undefined;
      observer?.observe({ type: 'layout-shift' });
      const { el, below } = await mount({ width, lang: width === 320 ? 'fr-CA' : 'en-CA', amount: 1249.99 + width / 100 });
      const top = below.getBoundingClientRect().top;
      await ready(el);
      expect(below.getBoundingClientRect().top, 'when the plans arrive').to.equal(top);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // Loading moves nothing at all (Chromium measures it; the others by position).
      observer?.disconnect();
      expect(shifts.reduce((a, b) => a + b, 0), 'layout shift while loading').to.equal(0);
      // A new amount (a variant, a quantity) changes the line, not the page below it.
      el.amount = 50;
      await lineMatches(el, /100/);
      expect(below.getBoundingClientRect().top, 'below the minimum').to.equal(top);
      el.amount = 30000;
      await lineMatches(el, /25/);
      expect(below.getBoundingClientRect().top, 'above the maximum').to.equal(top);
      el.lang = width === 320 ? 'en-CA' : 'fr-CA';
      el.amount = 1249.99;
      await waitFor(() => /Flexiti$/.test(line(el)) && line(el) !== 'Pay over time with Flexiti', 'the other language');
      expect(below.getBoundingClientRect().top, 'in the other language').to.equal(top);
      await flexitiServer.faults({});
    });
  }

  it('has parts to style and a dark scheme that stays accessible', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><flexiti-message amount="1249.99" lang="en-CA" theme="dark"></flexiti-message></div>`);
    const el = wrapper.firstElementChild as FlexitiMessage;
    await ready(el);
    for (const part of ['message', 'headline', 'learn-more', 'dialog', 'legal', 'close']) {
      expect(root(el).querySelector(`[part~="${part}"]`), part).to.not.equal(null);
    }
    expect(getComputedStyle(learnMore(el)).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });
});
