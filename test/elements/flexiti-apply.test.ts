/**
 * <flexiti-apply> in a real browser against the real handler and sandbox.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/flexiti-apply.js';
import type { FlexitiApply } from '../../src/elements/apply/flexiti-apply.component.js';
import type { FlexitiReadyEvent } from '../../src/events/flexiti-ready.js';
import { parseMoney } from '../../src/elements/shared/application-form.js';
import { FlexitiHtml, parseFlexitiHtml } from '../../src/elements/shared/flexiti-html.js';
import {
  dateParts,
  setDate,
  stepShown,
  valueOf,
  PERSONAL,
  applicant,
  container,
  field,
  fill,
  formReady,
  hasField,
  nextEvent,
  quebecApplicant,
  recordEvents,
  root,
  set,
  submitButton,
  termsReady,
  text,
  waitFor,
} from './helpers/form.js';
import { flexitiServer } from './helpers/server.js';

async function mount(attributes: { lang?: string; province?: string; amount?: number; theme?: string; session?: string } = {}) {
  const el = await fixture<FlexitiApply>(html`<flexiti-apply
    token-url="/api/flexiti/session"
    lang=${attributes.lang ?? 'en-CA'}
    province=${attributes.province ?? ''}
    amount=${attributes.amount ?? 1500}
    theme=${attributes.theme ?? 'auto'}
    session=${attributes.session ?? ''}
  ></flexiti-apply>`);
  await formReady(el);
  return el;
}

async function submit(el: FlexitiApply) {
  submitButton(el).click();
  await el.updateComplete;
}

async function decision(el: FlexitiApply) {
  return waitFor(() => root(el).querySelector<HTMLElement>('.decision h2'), 'a decision');
}

async function applyWith(el: FlexitiApply, values: ReturnType<typeof applicant>) {
  await fill(el, values);
  await termsReady(el);
  await submit(el);
  return decision(el);
}

describe('<flexiti-apply>', function () {
  this.timeout(30_000);
  beforeEach(() => flexitiServer.reset());

  it('renders every section accessibly once it has a session', async () => {
    const ready = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('flexiti-ready', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const el = await mount();
    expect((await ready).detail).to.deep.equal({ flow: 'apply', mode: 'sandbox' });
    await expect(el).to.be.accessible();
    // The steps not on screen render once the first is painted.
    await waitFor(() => hasField(el, 'personalIdWord') || undefined, 'every step');
    for (const name of ['amountRequested', 'salutation', 'firstName', 'dob', 'email', 'phone', 'address1', 'city', 'province', 'postalCode', 'personalIncome', 'householdIncome', 'housingType', 'occupationId', 'occupationTitle', 'govIdType', 'sin', 'securityQuestionId', 'securityAnswer', 'personalIdWord', 'termsAccepted']) {
      expect(hasField(el, name), name).to.equal(true);
    }
    expect(field(el, 'amountRequested').value).to.equal('1,500');
    expect(field(el, 'firstName').getAttribute('autocomplete')).to.equal('given-name');
    expect(field(el, 'postalCode').getAttribute('autocomplete')).to.equal('postal-code');
    // The date of birth is three labelled controls in a group, each with its autocomplete token.
    const dob = dateParts(el, 'dob');
    expect([dob.day, dob.month, dob.year].map((c) => c.getAttribute('autocomplete'))).to.deep.equal(['bday-day', 'bday-month', 'bday-year']);
    expect(dob.month.closest('fieldset')!.querySelector('legend')!.textContent).to.equal('Date of birth');
    expect([...(dob.month as HTMLSelectElement).options].map((o) => o.textContent)).to.include('July');
    // Quebec's housing costs and the government id details appear only when they apply.
    expect(hasField(el, 'monthlyHousingExpenses')).to.equal(false);
    expect(hasField(el, 'govIdIssuedBy')).to.equal(false);
    expect(text(el)).to.contain('Test mode');
  });

  it('gets its form values with its session, in its language, without a request of their own', async () => {
    const asked = () => performance.getEntriesByType('resource').filter((entry) => /\/form-values/.test(entry.name)).length;
    const before = asked();
    const el = await mount({ lang: 'fr-CA' });
    expect([...field<HTMLSelectElement>(el, 'salutation').options].map((o) => o.textContent)).to.include('Mlle');
    expect(asked()).to.equal(before);
    // A session the merchant's server rendered has none: the element asks for them.
    const minted = await (await fetch('/api/flexiti/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"flow":"apply"}' })).json();
    expect(minted.formValues).to.equal(undefined);
    await mount({ session: minted.session });
    expect(asked()).to.equal(before + 1);
  });

  it('shows the form complete from a session and form values rendered into the page, asking for nothing', async () => {
    const requests = () => performance.getEntriesByType('resource').filter((entry) => /\/api\/flexiti\/(form-values|session)/.test(entry.name)).length;
    const minted = await (
      await fetch('/api/flexiti/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"flow":"apply","lang":"fr-CA"}' })
    ).json();
    expect(minted.formValues).to.include({ lang: 'fr-CA', mode: 'sandbox' });
    const before = requests();
    // As a server renders it: the session in `session`, the form values as JSON inside the element.
    const data = Object.assign(document.createElement('script'), { type: 'application/json', text: JSON.stringify(minted.formValues) });
    const el = Object.assign(document.createElement('flexiti-apply'), { lang: 'fr-CA' });
    el.setAttribute('session', minted.session);
    el.append(data);
    document.body.append(el);
    try {
      await formReady(el);
      expect([...field<HTMLSelectElement>(el, 'salutation').options].map((o) => o.textContent)).to.include('Mlle');
      // The sandbox badge (the form values and the session's token both say the mode).
      expect(root(el).querySelector('.badge')?.textContent).to.match(/^Mode test/);
      expect(requests()).to.equal(before);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('reads its rendered form values when the page is still adding them as it connects (a script loaded async)', async () => {
    const requests = () => performance.getEntriesByType('resource').filter((entry) => /\/api\/flexiti\/(form-values|session)/.test(entry.name)).length;
    const minted = await (
      await fetch('/api/flexiti/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"flow":"apply","lang":"en-CA"}' })
    ).json();
    const before = requests();
    // As the parser does with an element already defined: it connects the element, then adds its children.
    const el = Object.assign(document.createElement('flexiti-apply'), { lang: 'en-CA' });
    el.setAttribute('session', minted.session);
    document.body.append(el);
    el.append(Object.assign(document.createElement('script'), { type: 'application/json', text: JSON.stringify(minted.formValues) }));
    try {
      await formReady(el);
      expect([...field<HTMLSelectElement>(el, 'salutation').options].map((o) => o.value)).to.include('ms');
      expect(root(el).querySelector('.badge')?.textContent).to.match(/^Test mode/);
      expect(requests()).to.equal(before);
    } finally {
      el.remove();
    }
  });

  it('says it is in test mode with a session rendered into the page and nothing else: the token says so', async () => {
    const minted = await (await fetch('/api/flexiti/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"flow":"apply"}' })).json();
    const el = document.createElement('flexiti-apply');
    el.setAttribute('lang', 'en-CA');
    el.setAttribute('session', minted.session);
    const ready = nextEvent<FlexitiReadyEvent>(el, 'flexiti-ready');
    document.body.append(el);
    try {
      expect((await ready).detail).to.deep.equal({ flow: 'apply', mode: 'sandbox' });
      await waitFor(() => root(el).querySelector('.badge'), 'the sandbox badge');
      expect(root(el).querySelector('.badge')?.textContent).to.match(/^Test mode/);
    } finally {
      el.remove();
    }
  });

  it('asks for its form values when those rendered into the page are in another language or not JSON', async () => {
    const asked = () => performance.getEntriesByType('resource').filter((entry) => /\/form-values/.test(entry.name)).length;
    for (const text of [JSON.stringify({ lang: 'en-CA', provinces: [] }), '{not json']) {
      const minted = await (await fetch('/api/flexiti/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"flow":"apply"}' })).json();
      const before = asked();
      const el = Object.assign(document.createElement('flexiti-apply'), { lang: 'fr-CA' });
      el.setAttribute('session', minted.session);
      el.append(Object.assign(document.createElement('script'), { type: 'application/json', text }));
      document.body.append(el);
      try {
        await formReady(el);
        expect([...field<HTMLSelectElement>(el, 'salutation').options].map((o) => o.textContent)).to.include('Mlle');
        expect(asked()).to.equal(before + 1);
      } finally {
        el.remove();
      }
    }
  });

  it('shows its form to type into while a slow session is still on its way, and its lists when it comes', async () => {
    // Flexiti slow to give the lists, so the session that brings them is slow too.
    await flexitiServer.faults({ latencyMs: 1500, match: 'merchants/login' });
    const el = await fixture<FlexitiApply>(html`<flexiti-apply token-url="/api/flexiti/session" lang="en-CA"></flexiti-apply>`);
    const started = performance.now();
    await waitFor(() => root(el).querySelector('#f-firstName'), 'the form');
    expect(performance.now() - started).to.be.lessThan(1000);
    expect(root(el).querySelector('#f-salutation option[value="ms"]')).to.equal(null);
    field(el, 'firstName').value = 'Alex';
    field(el, 'firstName').dispatchEvent(new Event('input', { bubbles: true }));
    await formReady(el);
    expect(field(el, 'firstName').value).to.equal('Alex');
  });

  it('follows a changed amount until the shopper types one', async () => {
    const el = await mount({ amount: 1500 });
    el.amount = 1800.5;
    await el.updateComplete;
    expect(field(el, 'amountRequested').value).to.equal('1,800.50');
    // The prefilled amount follows the language: French writes it 1 800,50.
    el.lang = 'fr-CA';
    await waitFor(() => field(el, 'amountRequested').value === '1\u00a0800,50', 'the French amount');
    el.lang = 'en-CA';
    await waitFor(() => field(el, 'amountRequested').value === '1,800.50', 'the English amount again');
    await set(el, 'amountRequested', '2100');
    el.amount = 900;
    await el.updateComplete;
    expect(field(el, 'amountRequested').value).to.equal('2100');
  });

  it('shows the terms for the province, sanitised, in a region of the page that does not scroll on its own', async () => {
    const el = await mount();
    expect(root(el).querySelector('.terms')).to.equal(null);
    await set(el, 'province', 'ON');
    await termsReady(el);
    const terms = root(el).querySelector<HTMLElement>('.terms')!;
    expect(terms.getAttribute('role')).to.equal('region');
    // No box scrolling inside the page (a phone's finger gets stuck in one): all of it is in the page's flow.
    expect(getComputedStyle(terms).overflowY).to.equal('visible');
    expect(terms.scrollHeight).to.equal(terms.clientHeight);
    const rest = terms.textContent;
    await set(el, 'province', 'QC');
    await waitFor(() => root(el).querySelector('.terms')?.textContent !== rest, 'Quebec terms');
    expect(root(el).querySelector('.terms')!.textContent).to.match(/Qu[ée]bec/);
    expect(hasField(el, 'monthlyHousingExpenses')).to.equal(true);
    for (const link of root(el).querySelectorAll('.terms a')) expect(link.getAttribute('rel')).to.contain('noopener');
    await expect(el).to.be.accessible();
  });

  it('shows the handler’s sanitised HTML with its headings under its own and links opening apart', () => {
    const node = new FlexitiHtml().get('<h1>Title</h1><h2>Part</h2><p>Text <b>bold</b> <a href="https://flexiti.com/">y</a> <a>z</a></p>', 3);
    expect(node.innerHTML).to.equal(
      '<h3>Title</h3><h4>Part</h4><p>Text <b>bold</b> <a href="https://flexiti.com/" target="_blank" rel="noopener noreferrer">y</a> <a target="_blank" rel="noopener noreferrer">z</a></p>',
    );
    // The same text gives the same node, so a re-render leaves it (and its scroll position) alone.
    const cache = new FlexitiHtml();
    expect(cache.get('<p>a</p>')).to.equal(cache.get('<p>a</p>'));
    expect(parseFlexitiHtml('<h4>Only</h4>', 2).firstElementChild!.tagName).to.equal('H2');
  });

  it('reads amounts as people type them in English and French', () => {
    expect(parseMoney('1500')).to.equal(1500);
    expect(parseMoney('$1,234.56')).to.equal(1234.56);
    expect(parseMoney('1 234,56 $')).to.equal(1234.56);
    expect(parseMoney('1\u202f234,5')).to.equal(1234.5);
    expect(parseMoney('')).to.equal(undefined);
    expect(parseMoney('12.345')).to.equal('12.345');
    expect(parseMoney('abc')).to.equal('abc');
    // A minus sign is read, so that the message says what is wrong with the amount.
    expect(parseMoney('-5')).to.equal(-5);
    expect(parseMoney('\u22121 234,50')).to.equal(-1234.5);
  });

  it('says a negative amount must be more than zero, on the field', async () => {
    const el = await mount();
    await set(el, 'amountRequested', '-50');
    await waitFor(() => root(el).querySelector('#f-amountRequested-error'), 'the amount error');
    expect(root(el).querySelector('#f-amountRequested-error')!.textContent).to.contain('greater than zero');
    expect(field(el, 'amountRequested').value).to.equal('-50');
  });

  it('validates on blur with a message on the field', async () => {
    const el = await mount();
    await set(el, 'phone', '555-0199');
    const phone = field(el, 'phone');
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    const error = root(el).querySelector('#f-phone-error')!;
    expect(error.textContent).to.contain('10-digit');
    expect(phone.getAttribute('aria-describedby')).to.contain('f-phone-error');
    await set(el, 'phone', '(416) 555-0199');
    expect(phone.getAttribute('aria-invalid')).to.equal('false');
    await set(el, 'province', 'ON');
    await set(el, 'postalCode', 'H2X 1Y4');
    expect(root(el).querySelector('#f-postalCode-error')!.textContent).to.contain('not in the province');
    await set(el, 'sin', '130692545');
    expect(root(el).querySelector('#f-sin-error')!.textContent).to.contain('SIN');
  });

  it("lists the step's problems on Continue, links to the fields and focuses the first", async () => {
    const el = await mount();
    await set(el, 'firstName', 'Morgan');
    await submit(el);
    const summary = await waitFor(() => root(el).querySelector('[part="error-summary"]'), 'the summary');
    expect(summary.getAttribute('role')).to.equal('alert');
    const links = [...summary.querySelectorAll('a')];
    // The first step's: title, last name, date of birth, email, phone.
    expect(links.length).to.equal(5);
    expect(stepShown(el)).to.equal(1);
    expect(summary.textContent).to.contain('Select a title');
    expect(summary.textContent).to.contain('Enter your last name');
    expect(summary.textContent).to.not.contain('Enter your first name');
    // Focus goes to the first field in trouble (the amount is prefilled, the title is not).
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'f-salutation', 'focus on the title');
    links[3]!.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal(links[3]!.getAttribute('href')!.slice(1));
    await expect(el).to.be.accessible();
  });

  it('applies the age of majority of the chosen province', async () => {
    const el = await mount();
    const eighteen = new Date();
    eighteen.setFullYear(eighteen.getFullYear() - 18);
    const dob = eighteen.toISOString().slice(0, 10);
    await set(el, 'province', 'ON');
    await set(el, 'dob', dob);
    expect(field(el, 'dob').getAttribute('aria-invalid')).to.equal('false');
    await set(el, 'province', 'BC');
    await set(el, 'dob', dob);
    expect(root(el).querySelector('#f-dob-error')!.textContent).to.contain('at least 19');
  });

  for (const risk of ['L', 'M', 'H', 'X']) {
    it(`shows an approval (A-RR_${risk}) with the credit, the card and what happens next`, async () => {
      const el = await mount();
      const approved = nextEvent<CustomEvent>(el, 'flexiti-approved');
      const heading = await applyWith(el, applicant({ middleName: `A-RR_${risk}`, amountRequested: '3200' }));
      expect(heading.textContent).to.equal('You are approved');
      expect(text(el)).to.contain('$3,200.00');
      expect(text(el)).to.match(/ends in \d{4}/);
      expect((await approved).detail).to.deep.equal({
        kind: 'application',
        creditLimit: 3200,
        availableCredit: 3200,
        province: 'ON',
        cancellable: false,
      });
      await waitFor(() => el.shadowRoot!.activeElement === heading, 'focus on the decision');
      await expect(el).to.be.accessible();
    });
  }

  it('shows a Quebec approval with the debt ratio and closes the account on request', async () => {
    const el = await mount({ lang: 'fr-CA' });
    const events = recordEvents(el);
    await applyWith(el, quebecApplicant({ amountRequested: '1800' }));
    expect(text(el)).to.contain('1 800,00 $');
    expect(text(el)).to.match(/ratio d.endettement/i);
    await expect(el).to.be.accessible();
    const cancel = [...root(el).querySelectorAll('button')].find((b) => /Annuler ce compte/i.test(b.textContent!))!;
    cancel.click();
    await el.updateComplete;
    const dialog = await waitFor(() => root(el).querySelector('[role="alertdialog"]'), 'the confirmation');
    await waitFor(() => dialog.contains(el.shadowRoot!.activeElement), 'focus in the confirmation');
    await expect(el).to.be.accessible();
    const cancelled = nextEvent<CustomEvent>(el, 'flexiti-cancel');
    dialog.querySelector<HTMLButtonElement>('button.primary')!.click();
    expect((await cancelled).detail).to.deep.equal({ reason: 'account-closed', step: 'approved' });
    await waitFor(() => /fermé/.test(text(el)), 'the closed message');
    const { applications } = await flexitiServer.outcomes();
    expect(applications.map((a) => a.status)).to.deep.equal(['approved', 'closed']);
    expect(events.filter((e) => e.type === 'flexiti-error')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  const outcomes: Array<[string, string, string, RegExp]> = [
    ['D-NO_HIT', 'flexiti-declined', 'application_declined_3', /credit history/],
    ['D-FRAUD', 'flexiti-declined', 'application_declined', /could not approve your application/],
    ['D-DUPLICATE', 'flexiti-declined', 'application_declined_2', /similar one/],
    ['P-REVIEW_MISC', 'flexiti-pending', 'application_marked_pending', /more time/],
    ['P-FRAUD', 'flexiti-pending', 'application_marked_pending_2', /confirm a few details/],
    ['D-CREDITAPP_NOT_FOUND', 'flexiti-pending', 'creditapp_id_not_found', /could not find your application/],
  ];
  for (const [middleName, type, code, words] of outcomes) {
    it(`answers ${middleName} with its own text, Flexiti's message and ${type}`, async () => {
      const el = await mount();
      const event = nextEvent<CustomEvent>(el, type);
      await applyWith(el, applicant({ middleName }));
      expect((await event).detail).to.deep.equal({ kind: 'application', code });
      expect(text(el)).to.match(words);
      const message = root(el).querySelector('[part="flexiti-message"]')!;
      expect(message.textContent!.trim()).to.not.equal('');
      expect(message.querySelector('script, [onclick], [style]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('guides a shopper who already has an account', async () => {
    const values = applicant({ middleName: 'A-RR_L' });
    const first = await mount();
    await applyWith(first, values);
    const el = await mount();
    const declined = nextEvent<CustomEvent>(el, 'flexiti-declined');
    await applyWith(el, { ...values, middleName: '' });
    expect((await declined).detail).to.deep.equal({ kind: 'application', code: 'customer_already_exists' });
    expect(text(el)).to.contain('already have a Flexiti account');
    await expect(el).to.be.accessible();
  });

  it('puts Flexiti’s own field errors on the fields', async () => {
    const el = await mount();
    await fill(el, applicant({ govIdType: 'CAPID', govIdNumber: 'X123', govIdExpiry: '2099-01-01' }));
    // Only Ontario issues this id; force another issuer the way an outdated form could.
    const issuer = field<HTMLSelectElement>(el, 'govIdIssuedBy');
    issuer.append(new Option('British Columbia', 'BC'));
    await set(el, 'govIdIssuedBy', 'BC');
    await termsReady(el);
    await submit(el);
    await waitFor(() => field(el, 'govIdIssuedBy').getAttribute('aria-invalid') === 'true', 'the issuer error');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'f-govIdIssuedBy', 'focus on the issuer');
    expect((await flexitiServer.outcomes()).applications).to.deep.equal([]);
  });

  it('shows revised terms and asks again when Flexiti changed them before the shopper applied', async () => {
    const el = await mount();
    const values = applicant();
    await fill(el, values);
    await termsReady(el);
    const read = root(el).querySelector('.terms')!.textContent!;
    await flexitiServer.reviseTerms();
    await submit(el);
    const agreement = field(el, 'termsAccepted');
    await waitFor(() => agreement.getAttribute('aria-invalid') === 'true', 'the agreement refused');
    expect(agreement.checked).to.equal(false);
    expect(field(el, 'termsAccepted').closest('.field')!.textContent).to.contain('The terms and conditions have been updated');
    await waitFor(() => root(el).querySelector('.terms')!.textContent!.includes('Revision 1 of this agreement.'), 'the revised terms');
    expect(read).not.to.contain('Revision 1');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'f-termsAccepted', 'focus on the agreement');
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string' && value !== '') expect(valueOf(el, name), name).to.equal(value);
    }
    await expect(el).to.be.accessible();
    expect((await flexitiServer.outcomes()).applications).to.deep.equal([]);

    await set(el, 'termsAccepted', true);
    await submit(el);
    expect((await decision(el)).textContent).to.equal('You are approved');
    const [outcome] = (await flexitiServer.outcomes()).applications;
    expect(outcome!.consent).to.include({ lang: 'en-CA', province: 'ON' });
    expect(outcome!.consent!.termsVersion).to.match(/^[0-9a-f]{16}$/);
  });

  it('asks again in French, in French', async () => {
    const el = await mount({ lang: 'fr-CA' });
    await fill(el, applicant());
    await termsReady(el);
    await flexitiServer.reviseTerms();
    await submit(el);
    await waitFor(() => field(el, 'termsAccepted').getAttribute('aria-invalid') === 'true', 'the agreement refused');
    expect(field(el, 'termsAccepted').closest('.field')!.textContent).to.contain('Les conditions générales ont été mises à jour');
    await waitFor(() => root(el).querySelector('.terms')!.textContent!.includes('Révision 1 de la présente convention.'), 'the revised terms');
    await expect(el).to.be.accessible();
  });

  it('offers a retry after a creation error, keeping every value', async () => {
    const el = await mount();
    const error = nextEvent<CustomEvent>(el, 'flexiti-error');
    const values = applicant({ middleName: 'D-EMAIL_DBL_TIMEOUT' });
    await fill(el, values);
    await termsReady(el);
    await submit(el);
    expect((await error).detail).to.deep.equal({ code: 'application_create_error', retryable: true });
    await waitFor(() => root(el).querySelector('[part="alert"]'), 'the failure');
    expect(text(el)).to.contain('Your answers are kept');
    expect(submitButton(el).textContent!.trim()).to.equal('Try again');
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string' && value !== '') expect(valueOf(el, name), name).to.equal(value);
    }
    await expect(el).to.be.accessible();
    await set(el, 'middleName', 'A-RR_M');
    await submit(el);
    expect((await decision(el)).textContent).to.equal('You are approved');
  });

  it('offers a retry when Flexiti times out', async () => {
    const el = await mount();
    await fill(el, applicant());
    await termsReady(el);
    await expect(el).to.be.accessible();
    // Longer than the handler's timeout for a Flexiti call.
    await flexitiServer.faults({ latencyMs: 5500, match: '/apply$' });
    await submit(el);
    await waitFor(() => root(el).querySelector('[part="alert"]'), 'the failure', 12_000);
    expect(text(el)).to.contain('Flexiti is not answering');
    expect(field(el, 'lastName').value).to.not.equal('');
    expect(submitButton(el).textContent!.trim()).to.equal('Try again');
    await flexitiServer.faults({});
    // Flexiti may still have finished the first attempt; the retry gets Flexiti's answer either way.
    await submit(el);
    expect((await decision(el)).textContent).to.match(/You are approved|already have a Flexiti account/);
  });

  it('offers a retry when Flexiti cannot be reached', async () => {
    const el = await mount();
    await fill(el, applicant());
    await termsReady(el);
    await flexitiServer.faults({ failNext: 10, match: '/apply$' });
    await submit(el);
    await waitFor(() => root(el).querySelector('[part="alert"]'), 'the failure');
    expect(text(el)).to.contain('Flexiti is not answering');
    await flexitiServer.faults({});
    await submit(el);
    expect((await decision(el)).textContent).to.equal('You are approved');
  });

  it('renews an expired session without losing the form', async () => {
    const { session } = await flexitiServer.session({ flow: 'apply', ttlSeconds: 2 });
    const el = await mount({ session });
    await fill(el, applicant());
    await termsReady(el);
    await aTimeout(2100);
    await submit(el);
    expect((await decision(el)).textContent).to.equal('You are approved');
  });

  it('refuses a session from a handler of another contract version, before any request', async () => {
    const claims = btoa(JSON.stringify({ typ: 'session', v: 0, flow: 'apply', exp: 4_000_000_000 })).replace(/=+$/, '');
    const before = (await flexitiServer.stats()).byRoute;
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const el = await fixture<FlexitiApply>(html`<flexiti-apply lang="en-CA" session=${`${claims}.signature`}></flexiti-apply>`);
      await waitFor(() => root(el).querySelector('[part="alert"]'), 'the failure');
      expect(text(el)).to.contain('The application could not be loaded.');
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
    expect(errors.join(' ')).to.contain('contract 0');
    expect((await flexitiServer.stats()).byRoute).to.deep.equal(before);
  });

  it('sends one application for a double click', async () => {
    const el = await mount();
    await fill(el, applicant());
    await termsReady(el);
    await flexitiServer.faults({ latencyMs: 300, match: '/apply$' });
    const button = submitButton(el);
    button.click();
    button.click();
    await el.updateComplete;
    expect(button.disabled).to.equal(true);
    expect(el.matches(':state(pending)')).to.equal(true);
    await expect(el).to.be.accessible();
    button.click();
    await decision(el);
    const { applications } = await flexitiServer.outcomes();
    expect(applications).to.have.length(1);
    expect((await flexitiServer.stats()).byRoute['POST apply']).to.equal(1);
  });

  it('lets the merchant veto a submission', async () => {
    const el = await mount();
    await fill(el, applicant());
    await termsReady(el);
    const before = (await flexitiServer.stats()).byRoute['POST apply'] ?? 0;
    const vetoed = nextEvent<CustomEvent>(el, 'flexiti-submit');
    el.addEventListener('flexiti-submit', (e) => e.preventDefault(), { once: true });
    await submit(el);
    expect((await vetoed).detail).to.deep.equal({ flow: 'apply', province: 'ON', amountRequested: 2500 });
    await aTimeout(200);
    expect((await flexitiServer.stats()).byRoute['POST apply'] ?? 0).to.equal(before);
    expect(root(el).querySelector('.decision')).to.equal(null);
  });

  it('switches language in place, keeping what was typed', async () => {
    const el = await mount();
    await fill(el, { firstName: 'Morgan', province: 'QC', postalCode: 'H2X 1Y4' });
    await termsReady(el);
    const englishTerms = root(el).querySelector('.terms')!.textContent;
    el.lang = 'fr-CA';
    await waitFor(() => root(el).querySelector('label[for="f-firstName"]')?.textContent?.includes('Prénom'), 'French labels');
    await waitFor(() => root(el).querySelector('.terms')?.textContent !== englishTerms, 'French terms');
    await waitFor(
      () => [...field<HTMLSelectElement>(el, 'province').options].some((o) => o.textContent === 'Québec'),
      'French provinces',
    );
    expect(field(el, 'firstName').value).to.equal('Morgan');
    expect(field<HTMLSelectElement>(el, 'province').value).to.equal('QC');
    expect(field(el, 'postalCode').value).to.equal('H2X 1Y4');
    await expect(el).to.be.accessible();
  });

  it('follows the page language when it has none of its own', async () => {
    const wrapper = container({ lang: 'fr-CA' });
    const el = await fixture<FlexitiApply>(html`<flexiti-apply token-url="/api/flexiti/session"></flexiti-apply>`, {
      parentNode: wrapper,
    });
    await formReady(el);
    expect(root(el).querySelector('label[for="f-lastName"]')!.textContent).to.contain('Nom');
    wrapper.setAttribute('lang', 'en-CA');
    await waitFor(() => root(el).querySelector('label[for="f-lastName"]')!.textContent!.includes('Last name'), 'English');
  });

  it('never writes lang on itself, and gives its content the language it resolved', async () => {
    const page = document.documentElement;
    const pageLang = page.getAttribute('lang');
    page.removeAttribute('lang');
    try {
      const el = await fixture<FlexitiApply>(html`<flexiti-apply token-url="/api/flexiti/session"></flexiti-apply>`);
      await formReady(el);
      const content = () => root(el).querySelector('.content')!;
      // A page that says nothing: the content still says English, and the host stays as the page left it.
      expect(el.hasAttribute('lang')).to.equal(false);
      expect(content().getAttribute('lang')).to.equal('en-CA');
      page.setAttribute('lang', 'fr');
      await waitFor(() => content().getAttribute('lang') === 'fr-CA', 'French content');
      expect(el.hasAttribute('lang')).to.equal(false);
      // The merchant's own choice wins, and is the only lang on the host.
      el.lang = 'en-CA';
      await waitFor(() => content().getAttribute('lang') === 'en-CA', 'English content');
      expect(el.getAttribute('lang')).to.equal('en-CA');
      for (const node of root(el).querySelectorAll('[lang]')) expect(node.getAttribute('lang'), 'no empty lang').not.to.equal('');
      await expect(el).to.be.accessible();
    } finally {
      if (pageLang === null) page.removeAttribute('lang');
      else page.setAttribute('lang', pageLang);
    }
  });

  it('keeps personal data out of every event', async () => {
    const el = await mount();
    const events = recordEvents(el);
    await applyWith(el, applicant({ sin: '130692544', middleName: 'A-RR_L' }));
    const el2 = await mount();
    const events2 = recordEvents(el2);
    await applyWith(el2, applicant({ middleName: 'D-FRAUD' }));
    const all = JSON.stringify([...events, ...events2]);
    expect(events.map((e) => e.type)).to.deep.equal(['flexiti-submit', 'flexiti-approved']);
    for (const value of PERSONAL) expect(all).to.not.contain(value);
    expect(location.href).to.not.contain('130692544');
  });

  it('reflows to a 320 px wide screen without horizontal scrolling', async () => {
    const wrapper = container();
    // Through the CSSOM: a `style` attribute is blocked by the pages' Content-Security-Policy.
    wrapper.style.width = '320px';
    const el = await fixture<FlexitiApply>(html`<flexiti-apply token-url="/api/flexiti/session"></flexiti-apply>`, {
      parentNode: wrapper,
    });
    await formReady(el);
    await fill(el, quebecApplicant({ govIdType: 'CAPID', govIdNumber: 'X123', govIdExpiry: '2099-01-01' }));
    // Every step, the date parts and the Quebec and government-id fields included.
    for (let step = 1; step <= 4; step++) {
      expect(stepShown(el)).to.equal(step);
      expect(el.scrollWidth).to.be.at.most(320);
      for (const control of root(el).querySelectorAll<HTMLElement>('input, select, button')) {
        expect(control.getBoundingClientRect().right, control.id).to.be.at.most(wrapper.getBoundingClientRect().right + 1);
      }
      if (step < 4) await submit(el);
    }
    await termsReady(el);
  });

  it('has a dark scheme and stays accessible in it', async () => {
    const el = await mount({ theme: 'dark' });
    const background = getComputedStyle(el).backgroundColor;
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).to.be.below(150);
    await expect(el).to.be.accessible();
  });

  describe('in steps', () => {
    it('asks for the application in four steps with progress, keeping everything going back and forth', async () => {
      const narrow = container();
      narrow.style.width = '375px';
      const el = await fixture<FlexitiApply>(html`<flexiti-apply token-url="/api/flexiti/session" lang="en-CA" amount="1500"></flexiti-apply>`, {
        parentNode: narrow,
      });
      await formReady(el);
      const values = applicant();
      await fill(el, values);
      const heights: number[] = [];
      for (let step = 1; step <= 4; step++) {
        expect(stepShown(el)).to.equal(step);
        expect(root(el).querySelector('.progress')!.textContent).to.contain(`Step ${step} of 4`);
        expect(root(el).querySelector('progress')!.value).to.equal(step);
        // Only this step's fields are on screen; "Back" from the second step on.
        expect(root(el).querySelectorAll('.step:not([hidden])')).to.have.length(1);
        expect(Boolean(root(el).querySelector('button[part~="back"]'))).to.equal(step > 1);
        if (step === 4) await termsReady(el);
        heights.push(Math.round(el.getBoundingClientRect().height));
        await expect(el).to.be.accessible();
        if (step < 4) {
          await submit(el);
          // Focus goes to where the shopper now is.
          await waitFor(() => el.shadowRoot!.activeElement?.classList.contains('progress'), `focus on step ${step + 1}`);
        }
      }
      console.log(`application steps at 375 px: ${heights.join(', ')} px`);
      // The first three steps each fit on about one phone screen (the last holds Flexiti's terms).
      for (const height of heights.slice(0, 3)) expect(height).to.be.at.most(1400);
      root(el).querySelector<HTMLButtonElement>('button[part~="back"]')!.click();
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('button[part~="back"]')!.click();
      await el.updateComplete;
      expect(stepShown(el)).to.equal(2);
      for (const [name, value] of Object.entries(values)) {
        if (typeof value === 'string' && value !== '') expect(valueOf(el, name), name).to.equal(value);
      }
      await termsReady(el);
      await submit(el);
      expect((await decision(el)).textContent).to.equal('You are approved');
    });

    it('sends the shopper back to the step of a problem found when applying', async () => {
      const el = await mount();
      await fill(el, applicant());
      await termsReady(el);
      // The email changes behind the steps (an extension, a script): the last step finds it.
      const email = field(el, 'email');
      email.value = 'not an email';
      email.dispatchEvent(new Event('input', { bubbles: true }));
      await submit(el);
      await waitFor(() => el.shadowRoot!.activeElement?.id === 'f-email', 'focus on the email');
      expect(stepShown(el)).to.equal(1);
      expect(root(el).querySelector('#f-email-error')!.textContent).to.contain('name@example.com');
      expect((await flexitiServer.outcomes()).applications).to.have.length(0);
    });

    it('takes a date of birth as day, month by name and year, in the order of the language', async () => {
      const el = await mount({ lang: 'fr-CA' });
      const group = dateParts(el, 'dob').day.closest('fieldset')!;
      expect([...group.querySelectorAll('label')].map((l) => l.textContent)).to.deep.equal(['Jour', 'Mois', 'Année']);
      expect([...(dateParts(el, 'dob').month as HTMLSelectElement).options].map((o) => o.textContent)).to.include('juillet');
      // The first control carries the field's id, where the error summary's link goes.
      expect(field(el, 'dob')).to.equal(dateParts(el, 'dob').day);
      // Moving between the parts says nothing; leaving the group with a two-digit year says what is wrong.
      const { day, year } = dateParts(el, 'dob');
      day.value = '24';
      day.dispatchEvent(new Event('input', { bubbles: true }));
      day.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: year }));
      await el.updateComplete;
      expect(root(el).querySelector('#f-dob-error')).to.equal(null);
      await setDate(el, 'dob', '88-07-24');
      expect(root(el).querySelector('#f-dob-error')!.textContent).to.equal('Entrez une date réelle, avec l’année en 4 chiffres');
      for (const control of Object.values(dateParts(el, 'dob'))) {
        expect(control.getAttribute('aria-invalid')).to.equal('true');
        expect(control.getAttribute('aria-describedby')).to.contain('f-dob-error');
      }
      await setDate(el, 'dob', '1988-07-24');
      expect(root(el).querySelector('#f-dob-error')).to.equal(null);
      expect(valueOf(el, 'dob')).to.equal('1988-07-24');
      await expect(el).to.be.accessible();
      el.lang = 'en-CA';
      await waitFor(() => group.querySelector('label')?.textContent === 'Month', 'the English order');
      expect(valueOf(el, 'dob')).to.equal('1988-07-24');
    });
  });
});
