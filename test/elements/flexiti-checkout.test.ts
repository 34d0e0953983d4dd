/**
 * <flexiti-checkout> in a real browser against the real handler and sandbox.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/flexiti-checkout.js';
import type { FlexitiCheckout } from '../../src/elements/checkout/flexiti-checkout.component.js';
import { applicant, container, fill, formReady, nextEvent, recordEvents, root, termsReady, text, waitFor } from './helpers/form.js';
import { ALEX, CODE, at, button, choosePlan, confirm, identify, newReference, press, sessionUrl, started, type } from './helpers/checkout.js';
import { flexitiServer } from './helpers/server.js';

const CAMILLE_ACCOUNT = '20000002';
const SAM = '6374980000000003';
const JORDAN = '6374980000000004';
const TAYLOR = '6374980000000005';

async function mount(options: { amount?: number; reference?: string; lang?: string } = {}) {
  const reference = options.reference ?? newReference();
  const amount = options.amount ?? 250;
  const el = await fixture<FlexitiCheckout>(html`<flexiti-checkout
    token-url=${sessionUrl(amount, reference)}
    lang=${options.lang ?? 'en-CA'}
    amount=${amount}
  ></flexiti-checkout>`);
  await started(el);
  return Object.assign(el, { reference });
}

describe('<flexiti-checkout>', function () {
  this.timeout(40_000);
  beforeEach(() => flexitiServer.reset());

  it('never writes lang on itself, and gives its content the language it resolved', async () => {
    const page = document.documentElement;
    const pageLang = page.getAttribute('lang');
    page.removeAttribute('lang');
    try {
      const el = await fixture<FlexitiCheckout>(html`<flexiti-checkout token-url=${sessionUrl(250, newReference())}></flexiti-checkout>`);
      await started(el);
      const content = () => el.shadowRoot!.querySelector('.content')!;
      expect(el.hasAttribute('lang')).to.equal(false);
      expect(content().getAttribute('lang')).to.equal('en-CA');
      page.setAttribute('lang', 'fr-CA');
      await waitFor(() => content().getAttribute('lang') === 'fr-CA', 'French content');
      expect(el.hasAttribute('lang')).to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      if (pageLang === null) page.removeAttribute('lang');
      else page.setAttribute('lang', pageLang);
    }
  });

  it('pays an order with an existing card, accessible at every step', async () => {
    const el = await mount({ amount: 1249.99 });
    const events = recordEvents(el);
    expect(text(el)).to.contain('$1,249.99');
    await expect(el).to.be.accessible();
    await press(el, /I have a Flexiti account/);
    await at(el, 'identify');
    await expect(el).to.be.accessible();
    await type(el, 'f-number', ALEX);
    expect(root(el).querySelector<HTMLInputElement>('#f-number')!.value).to.equal('6374 9800 0000 0001');
    await press(el, /Find my account/);
    await at(el, 'method');
    expect(text(el)).to.match(/Text message to \*/);
    await expect(el).to.be.accessible();
    await press(el, /Send the code/);
    await at(el, 'plans');
    await waitFor(() => root(el).querySelector('input[name="plan"]'), 'plans');
    expect(root(el).querySelectorAll('[part="disclosure"]').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    await choosePlan(el, '4:3');
    expect(text(el)).to.contain('FlexitiCard ending in 0001');
    // The code is asked for here, next to where Flexiti's answer to it shows, saying where it went.
    expect(text(el)).to.match(/We sent a one-time code by text message to \*/);
    expect(root(el).querySelector('#f-code')).to.not.equal(null);
    await expect(el).to.be.accessible();
    const approved = nextEvent<CustomEvent>(el, 'flexiti-approved');
    await confirm(el);
    const { detail } = await approved;
    expect(detail).to.include({ kind: 'purchase', amount: 1249.99, currency: 'CAD', reference: el.reference });
    expect(detail.plan).to.deep.equal({ type: 'promotional', planId: 4, term: 3 });
    await at(el, 'approved');
    expect(text(el)).to.contain(detail.authorizationId);
    await expect(el).to.be.accessible();
    expect(await flexitiServer.authorizations(el.reference)).to.have.length(1);
    const { purchases } = await flexitiServer.outcomes();
    expect(purchases.map((p) => p.status)).to.deep.equal(['approved']);
    const all = JSON.stringify(events);
    for (const secret of [ALEX, '6374 9800', '2222']) expect(all).to.not.contain(secret);
  });

  it('shows two plans first and the rest one step away, within two phone screens', async () => {
    const narrow = container();
    narrow.style.width = '375px';
    const el = await fixture<FlexitiCheckout>(html`<flexiti-checkout token-url=${sessionUrl(1249.99, newReference())} lang="en-CA"></flexiti-checkout>`, { parentNode: narrow });
    await started(el);
    await identify(el, ALEX);
    const details = await waitFor(() => root(el).querySelector('details'), 'the other plans');
    const first = [...root(el).querySelectorAll<HTMLInputElement>('input[name="plan"]')].filter((r) => !details.contains(r));
    // No interest at the lowest monthly payment, and the lowest monthly payment of all.
    expect(first.map((r) => r.value)).to.deep.equal(['5:40', '2:60']);
    expect(first[0]!.closest('label')!.textContent).to.contain('$1,249.99 repaid in all: no interest, no fees');
    expect(details.open).to.equal(false);
    const others = root(el).querySelectorAll('details input[name="plan"]').length;
    expect(details.querySelector('summary')!.textContent).to.equal(`${others} more ways to pay`);
    const height = Math.round(el.getBoundingClientRect().height);
    console.log(`plan step at 375 px: ${height} px, ${first.length} plans shown, ${others} more one step away`);
    expect(height).to.be.lessThanOrEqual(1600);
    await expect(el).to.be.accessible();
    details.querySelector('summary')!.click();
    await waitFor(() => details.open, 'the other plans open');
    await expect(el).to.be.accessible();
    await choosePlan(el, '4:3');
    await at(el, 'review');
  });

  it('says what each plan costs in all, or what is left when its promotion ends, and repeats it on the review', async () => {
    const el = await mount({ amount: 1249.99 });
    await identify(el, ALEX);
    const option = async (key: string) =>
      (await waitFor(() => root(el).querySelector(`input[value="${key}"]`), key)).closest('label')!.textContent!.replace(/\s+/g, ' ');
    // No interest: the payments repay the price exactly.
    expect(await option('5:3')).to.contain('$416.66 a month for 3 months · 0% annual interest · $1,249.99 repaid in all: no interest, no fees');
    // Minimum payments: what they cover, and what is still owed when the promotion ends.
    expect(await option('9:3')).to.contain('$37.50 a month minimum for 3 months · $1,137.49 still to pay when the promotion ends');
    // Deferred interest: no rate in the headline, the fee in the total to pay, Flexiti's words below.
    const deferred = await option('6:3');
    expect(deferred).to.contain('No payments for 3 months · Pay $1,299.98 within 3 months and you pay no interest');
    expect(deferred.split('Interest accrues')[0]).not.to.contain('annual interest');
    expect(deferred).to.contain('administrative fee of $49.99');
    await expect(el).to.be.accessible();
    await choosePlan(el, '4:3');
    expect(text(el)).to.match(/repaid in all, \$[\d,.]+ of it interest and fees/);
    await expect(el).to.be.accessible();
  });

  it('finds a Quebec account by account number and speaks French', async () => {
    const el = await mount({ lang: 'fr-CA', amount: 900 });
    expect(text(el)).to.contain('900,00 $');
    // French typography: a no-break space before the colon.
    expect(root(el).querySelector('header')!.textContent).to.contain('Total de la commande\u00a0: ');
    await press(el, /J’ai un compte Flexiti|compte Flexiti/);
    await at(el, 'identify');
    const radios = root(el).querySelectorAll<HTMLInputElement>('input[name="by"]');
    radios[1]!.click();
    await el.updateComplete;
    await type(el, 'f-number', CAMILLE_ACCOUNT);
    await press(el, /Trouver mon compte/);
    await at(el, 'method');
    await expect(el).to.be.accessible();
    await press(el, /Envoyer le code/);
    await at(el, 'plans');
    const keys = (await waitFor(() => {
      const list = [...root(el).querySelectorAll<HTMLInputElement>('input[name="plan"]')];
      return list.length ? list : undefined;
    }, 'plans')).map((r) => r.value);
    // A Quebec customer is never offered the plan Quebec does not allow.
    expect(keys.some((k) => k.startsWith('6:'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('tells a frozen account it cannot buy, with a way back', async () => {
    const el = await mount();
    const declined = nextEvent<CustomEvent>(el, 'flexiti-declined');
    await press(el, /I have a Flexiti account/);
    await type(el, 'f-number', SAM);
    await press(el, /Find my account/);
    await at(el, 'ineligible');
    expect((await declined).detail).to.deep.equal({ kind: 'purchase', code: 'user_not_able_to_purchase' });
    expect(text(el)).to.contain('cannot make purchases');
    await expect(el).to.be.accessible();
    const cancel = nextEvent<CustomEvent>(el, 'flexiti-cancel');
    await press(el, /Choose another payment method/);
    expect((await cancel).detail).to.deep.equal({ reason: 'shopper', step: 'ineligible' });
  });

  it('tells an account that cannot buy so, whichever step hears it (here the plans)', async () => {
    const el = await mount();
    const events = recordEvents(el);
    await flexitiServer.faults({ answerNext: { status: 409, error: 'user_not_able_to_purchase' }, match: 'calculate-interest' });
    await identify(el, ALEX).catch(() => undefined);
    await at(el, 'ineligible');
    expect(text(el)).to.contain('cannot make purchases');
    expect(events.filter((e) => e.type === 'flexiti-declined').map((e) => e.detail)).to.deep.equal([{ kind: 'purchase', code: 'user_not_able_to_purchase' }]);
    expect(events.filter((e) => e.type === 'flexiti-error')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('tells an inactive card to activate first', async () => {
    const el = await mount();
    await press(el, /I have a Flexiti account/);
    await type(el, 'f-number', TAYLOR);
    await press(el, /Find my account/);
    await at(el, 'ineligible');
    expect(text(el)).to.contain('not activated');
  });

  it('puts an unknown or mistyped card number on the field and keeps it', async () => {
    const el = await mount();
    await press(el, /I have a Flexiti account/);
    await type(el, 'f-number', '1234');
    await press(el, /Find my account/);
    await waitFor(() => root(el).querySelector('#f-number-error'), 'the error');
    expect(root(el).querySelector('#f-number-error')!.textContent).to.contain('16 digits');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'f-number', 'focus on the field');
    await type(el, 'f-number', '6374989999999999');
    await press(el, /Find my account/);
    await waitFor(() => /could not find/.test(root(el).querySelector('#f-number-error')?.textContent ?? ''), 'not found');
    expect(root(el).querySelector<HTMLInputElement>('#f-number')!.value).to.equal('6374 9899 9999 9999');
    await expect(el).to.be.accessible();
  });

  it('stacks its buttons at one width when it is phone-narrow', async () => {
    const narrow = container();
    narrow.style.width = '375px';
    const el = await fixture<FlexitiCheckout>(html`<flexiti-checkout token-url=${sessionUrl(250, newReference())} lang="en-CA"></flexiti-checkout>`, { parentNode: narrow });
    await started(el);
    await press(el, /I have a Flexiti account/);
    await at(el, 'identify');
    const widths = [...root(el).querySelectorAll<HTMLButtonElement>('.actions button')].map((b) => Math.round(b.getBoundingClientRect().width));
    expect(widths.length).to.be.greaterThan(2);
    expect(new Set(widths).size, widths.join(', ')).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('says at once when the available credit does not cover the order, and sends no code', async () => {
    const el = await mount({ amount: 200 });
    await press(el, /I have a Flexiti account/);
    await type(el, 'f-number', JORDAN);
    await press(el, /Find my account/);
    await at(el, 'short');
    expect(text(el)).to.contain('does not cover this order');
    await expect(el).to.be.accessible();
    expect((await flexitiServer.stats()).byRoute['POST account/{account_number}/verify'] ?? 0).to.equal(0);
    const cancel = nextEvent<CustomEvent>(el, 'flexiti-cancel');
    await press(el, /Choose another payment method/);
    expect((await cancel).detail).to.deep.equal({ reason: 'shopper', step: 'short' });
    expect(await flexitiServer.authorizations(el.reference)).to.have.length(0);
  });

  it('says when a plan is no longer available and offers the others', async () => {
    const el = await mount({ amount: 300 });
    await press(el, /I have a Flexiti account/);
    const radios = await waitFor(() => root(el).querySelectorAll<HTMLInputElement>('input[name="by"]')[1], 'account radio');
    radios.click();
    await type(el, 'f-number', CAMILLE_ACCOUNT);
    await press(el, /Find my account/);
    await at(el, 'method');
    await press(el, /Send the code/);
    await at(el, 'plans');
    await choosePlan(el, 'regular');
    // A choice that went stale while the shopper reviewed: a plan Quebec cannot use.
    const host = el as unknown as { machine: Record<string, unknown> };
    host.machine = { ...host.machine, plan: '6:3' };
    await el.updateComplete;
    const declined = nextEvent<CustomEvent>(el, 'flexiti-declined');
    await confirm(el);
    expect((await declined).detail).to.deep.equal({ kind: 'purchase', code: 'plan_term_not_available' });
    await at(el, 'plans');
    expect(text(el)).to.contain('not available for your account');
  });

  it('shows a wrong code on the review step, keeps the plan, and sends a new code on request', async () => {
    const el = await mount();
    await identify(el, ALEX);
    await choosePlan(el, '4:3');
    await confirm(el, '1111');
    await waitFor(() => root(el).querySelector('#f-code-error'), 'the code error');
    expect(el.step).to.equal('review');
    expect(root(el).querySelector('#f-code-error')!.textContent).to.contain('not right');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'f-code', 'focus on the code');
    // The plan chosen is still the one on the review.
    expect(text(el)).to.contain('Equal Payments, Regular Interest');
    await expect(el).to.be.accessible();
    const sent = (await flexitiServer.stats()).byRoute['POST account/{account_number}/verify'] ?? 0;
    await press(el, /Send a new code/);
    await waitFor(() => /A new code is on its way/.test(text(el)), 'the new code');
    expect((await flexitiServer.stats()).byRoute['POST account/{account_number}/verify']).to.equal(sent + 1);
    await confirm(el, '2222');
    await at(el, 'approved');
    expect((await flexitiServer.authorizations(el.reference))[0]!.financing_option).to.deep.equal({ transaction_type: 'promotional_purchase', plan_id: 4, term: 3 });
  });

  it('asks for the code before confirming, on its field', async () => {
    const el = await mount();
    await identify(el, ALEX);
    await choosePlan(el, 'regular');
    await press(el, /Confirm and pay/);
    await waitFor(() => root(el).querySelector('#f-code-error'), 'the code error');
    expect(root(el).querySelector('#f-code-error')!.textContent).to.contain('Enter the code');
    expect(await flexitiServer.authorizations(el.reference)).to.have.length(0);
  });

  it('lets a new shopper apply inline, with the order total as the amount, then buy', async () => {
    const el = await mount({ amount: 640 });
    await press(el, /Apply now/);
    await at(el, 'apply');
    await formReady(el);
    expect(root(el).querySelector<HTMLInputElement>('#f-amountRequested')!.value).to.equal('640');
    await expect(el).to.be.accessible();
    const values = applicant({ amountRequested: '640' });
    await fill(el, values);
    await termsReady(el);
    const approvedApplication = nextEvent<CustomEvent>(el, 'flexiti-approved');
    (root(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    expect((await approvedApplication).detail.kind).to.equal('application');
    await press(el, /Continue to payment plans/);
    await at(el, 'plans');
    await choosePlan(el, 'regular');
    // The card of the account just opened.
    expect(text(el)).to.match(/FlexitiCard ending in \d{4}/);
    const approved = nextEvent<CustomEvent>(el, 'flexiti-approved');
    await confirm(el);
    expect((await approved).detail).to.include({ kind: 'purchase', amount: 640 });
    await at(el, 'approved');
  });

  it('ends a declined application with its event and a way to other payment methods', async () => {
    const el = await mount();
    await press(el, /Apply now/);
    await formReady(el);
    await fill(el, applicant({ middleName: 'D-FRAUD' }));
    await termsReady(el);
    const declined = nextEvent<CustomEvent>(el, 'flexiti-declined');
    (root(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    expect((await declined).detail).to.deep.equal({ kind: 'application', code: 'application_declined' });
    await waitFor(() => /another way to pay/.test(text(el)), 'the way back');
    await expect(el).to.be.accessible();
    const cancel = nextEvent<CustomEvent>(el, 'flexiti-cancel');
    await press(el, /Choose another payment method/);
    expect((await cancel).detail).to.deep.equal({ reason: 'shopper', step: 'apply' });
  });

  for (const step of ['choose', 'identify', 'method', 'plans', 'review', 'apply'] as const) {
    it(`lets the shopper leave at the ${step} step without an error`, async () => {
      const el = await mount();
      const events = recordEvents(el);
      if (step === 'apply') await press(el, /Apply now/);
      else if (step !== 'choose') {
        await press(el, /I have a Flexiti account/);
        if (step !== 'identify') {
          await type(el, 'f-number', ALEX);
          await press(el, /Find my account/);
          await at(el, 'method');
          if (step !== 'method') {
            await press(el, /Send the code/);
            await at(el, 'plans');
            if (step === 'review') await choosePlan(el, 'regular');
          }
        }
      }
      await at(el, step);
      await press(el, /Choose another payment method/);
      await at(el, 'ended');
      expect(events.filter((e) => e.type === 'flexiti-cancel').map((e) => e.detail)).to.deep.equal([{ reason: 'shopper', step }]);
      expect(events.filter((e) => e.type === 'flexiti-error')).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('keeps the step and what was typed when the language changes, with Flexiti’s plan texts in the new language', async () => {
    const el = await mount();
    await identify(el, ALEX);
    await choosePlan(el, '4:3');
    await type(el, 'f-code', '22');
    expect(text(el)).to.contain('Equal Payments, Regular Interest');
    el.lang = 'fr-CA';
    await waitFor(() => /Code de vérification/.test(text(el)), 'French');
    // The plans are asked for again in French: Flexiti's own plan name follows.
    await waitFor(() => /Versements égaux, intérêt régulier/.test(text(el)), 'the plan in French');
    expect(el.step).to.equal('review');
    expect(root(el).querySelector<HTMLInputElement>('#f-code')!.value).to.equal('22');
    await expect(el).to.be.accessible();
  });
});

describe('<flexiti-checkout>: one authorization per order', function () {
  this.timeout(40_000);
  beforeEach(() => flexitiServer.reset());

  it('authorizes once for a double click', async () => {
    const el = await mount();
    await identify(el, ALEX);
    await choosePlan(el, 'regular');
    await flexitiServer.faults({ latencyMs: 300, match: '/authorization$' });
    await type(el, 'f-code', CODE);
    const confirmButton = button(el, /Confirm and pay/);
    confirmButton.click();
    confirmButton.click();
    await el.updateComplete;
    expect(button(el, /Authorizing/).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await at(el, 'approved');
    expect(await flexitiServer.authorizations(el.reference)).to.have.length(1);
    expect((await flexitiServer.outcomes()).purchases).to.have.length(1);
  });

  it('authorizes once when the answer is lost on the way back', async () => {
    const el = await mount();
    await identify(el, ALEX);
    await choosePlan(el, 'regular');
    await flexitiServer.faults({ dropResponseNext: 1, match: '/authorization$' });
    await confirm(el);
    await at(el, 'approved');
    expect(await flexitiServer.authorizations(el.reference)).to.have.length(1);
  });

  it('authorizes once when the browser loses the connection and the shopper retries', async () => {
    const el = await mount();
    await identify(el, ALEX);
    await choosePlan(el, 'regular');
    // The handler answers 503 three times in a row: the purchase is not made and can be retried.
    await flexitiServer.faults({ failNext: 3, match: '/authorization$' });
    await confirm(el);
    await waitFor(() => root(el).querySelector('[part="alert"]'), 'the failure');
    expect(text(el)).to.contain('answers are kept');
    await press(el, /Try again/);
    await at(el, 'approved');
    expect(await flexitiServer.authorizations(el.reference)).to.have.length(1);
  });

  it('authorizes once across a second tab and a reload mid-confirm', async () => {
    const reference = newReference();
    const first = await mount({ reference });
    const second = await mount({ reference });
    await identify(first, ALEX);
    await identify(second, ALEX);
    await choosePlan(first, 'regular');
    await choosePlan(second, 'regular');
    await flexitiServer.faults({ latencyMs: 400, match: '/authorization$' });
    await confirm(first);
    // The first tab reloads while its purchase is under way: a new element for the same order.
    first.remove();
    await confirm(second);
    await at(second, 'approved');
    const reloaded = await mount({ reference });
    await identify(reloaded, ALEX);
    await choosePlan(reloaded, 'regular');
    await confirm(reloaded);
    await at(reloaded, 'approved');
    expect(text(reloaded)).to.contain(text(second).match(/\d{16}/)![0]);
    await aTimeout(500);
    expect(await flexitiServer.authorizations(reference)).to.have.length(1);
    expect((await flexitiServer.outcomes()).purchases.filter((p) => p.status === 'approved')).to.have.length(1);
  });
});
