/**
 * The demo's back office (`demo/public/orders.js`, served at /orders.html) against the real
 * handler's admin routes and the real sandbox: orders paid through the shopper routes, then
 * captured, released, returned and refunded the way a merchant does it, with the shopper's
 * available credit read from the sandbox. Every action is confirmed in a modal dialog and sent
 * once with an Idempotency-Key.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mountOrders } from '../../demo/public/orders.js';
import { ALEX, CODE, newReference } from './helpers/checkout.js';
import { waitFor } from './helpers/form.js';
import { flexitiServer } from './helpers/server.js';

interface Order {
  id: string;
  reference: string;
}

interface Authorization {
  authorizationId: string;
  state: string;
  remainingAmount: number;
  capturedAmount: number;
  releasedAmount: number;
  returnedAmount: number;
  refundedAmount: number;
  captures: Array<{ captureId: string; amount: number; remainingAmount: number }>;
}

const ACCOUNT = '20000001';
/** French typography: the no-break spaces Intl and the texts use. */
const NBSP = /[\u00a0\u202f]/;

let adminKey: string;
let app: { destroy(): void } | undefined;

async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** A shopper pays an order with Alex's card: session → lookup → verify → (plans) → purchase. */
async function pay(amount: number, kind: 'promotional' | 'regular' = 'promotional'): Promise<Order> {
  const reference = newReference();
  const { session } = await post<{ session: string }>(`/api/flexiti/session?amount=${amount}&reference=${reference}`, { flow: 'checkout' });
  const auth = { authorization: `Bearer ${session}` };
  const { receipt } = await post<{ receipt: string }>('/api/flexiti/lookup', { cardNumber: ALEX }, auth);
  await post('/api/flexiti/verify', { receipt, method: 'sms' }, auth);
  let plan: unknown = { type: 'regular' };
  if (kind === 'promotional') {
    const { plans } = await post<{ plans: Array<{ category: string; planId: number; terms: Array<{ term: number }> }> }>('/api/flexiti/plans', { receipt }, auth);
    const choice = plans.find((p) => p.category === 'equal_billing')!;
    plan = { type: 'promotional', planId: choice.planId, term: choice.terms[0]!.term };
  }
  const paid = await post<{ status: string; authorizationId: string }>('/api/flexiti/purchase', { receipt, plan, code: CODE }, auth);
  expect(paid.status).to.equal('approved');
  return { id: paid.authorizationId, reference };
}

/** The merchant's side set up directly through the admin routes (not through the page). */
const admin = {
  post: <T>(path: string, body: unknown = {}) =>
    post<T>(`/api/flexiti/admin/${path}`, body, { authorization: `Bearer ${adminKey}`, 'idempotency-key': crypto.randomUUID() }),
  async get<T>(path: string): Promise<T> {
    const response = await fetch(`/api/flexiti/admin/${path}`, { headers: { authorization: `Bearer ${adminKey}` } });
    return (await response.json()) as T;
  },
  capture: (order: Order, amount?: number) => admin.post<{ captureId: string }>(`authorizations/${order.id}/capture`, amount === undefined ? {} : { amount }),
  authorization: (order: Order) => admin.get<Authorization>(`authorizations/${order.id}`),
};

async function availableCredit(): Promise<number> {
  const response = await fetch(`/demo/accounts/${ACCOUNT}`, { headers: { authorization: `Bearer ${adminKey}` } });
  return ((await response.json()) as { availableCredit: number }).availableCredit;
}

const money = (amount: number, lang = 'en-CA') => new Intl.NumberFormat(lang, { style: 'currency', currency: 'CAD' }).format(amount);
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The back office in a fixture, in that language; with a key, signed in and showing the orders. */
async function open(lang = 'en-CA', key?: string): Promise<HTMLDivElement> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  app = mountOrders(host);
  if (key) await signIn(host, key);
  return host;
}

async function signIn(host: HTMLElement, key: string) {
  type(host, 'admin-key', key);
  host.querySelector<HTMLButtonElement>('form.admin-key button[type="submit"]')!.click();
  // "Loading the orders…" until the key has been tried.
  await waitFor(() => !/…$/.test(statusText(host)), 'the key to be tried');
}

function type(host: HTMLElement, id: string, value: string) {
  const input = host.querySelector<HTMLInputElement>(`#${id}`);
  if (!input) throw new Error(`no field #${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const byId = <T extends HTMLElement = HTMLElement>(host: HTMLElement, id: string) => host.querySelector<T>(`#${id}`);
const row = (host: HTMLElement, order: Order) => byId(host, `order-${order.id}`)!;
const cell = (host: HTMLElement, order: Order, column: string) => squash(row(host, order).querySelector(`[data-column="${column}"]`)?.textContent);
/** The cell's value without the label the narrow layout shows before it. */
const stateOf = (host: HTMLElement, order: Order) => squash(row(host, order).querySelector('.state')?.textContent);
const dialogOf = (host: HTMLElement) => host.querySelector('dialog')!;
const statusText = (host: HTMLElement) => squash(byId(host, 'orders-status')?.textContent);

/** Presses an action button and waits for its confirmation dialog. */
async function ask(host: HTMLElement, buttonId: string) {
  const button = await waitFor(() => byId<HTMLButtonElement>(host, buttonId), `button #${buttonId}`);
  button.click();
  await waitFor(() => dialogOf(host).open, 'the confirmation dialog');
  return squash(byId(host, 'orders-confirm-text')!.textContent);
}

async function confirm(host: HTMLElement) {
  byId<HTMLButtonElement>(host, 'orders-confirm-ok')!.click();
  await waitFor(() => !dialogOf(host).open, 'the dialog to close');
}

async function statusMatches(host: HTMLElement, pattern: RegExp) {
  await waitFor(() => pattern.test(statusText(host)) && !host.querySelector('tr[aria-busy="true"]'), `status ${pattern} (status: ${statusText(host)})`);
}

let stylesheet: HTMLLinkElement | undefined;

describe('the back office (/orders.html)', function () {
  this.timeout(60_000);

  before(async () => {
    // The demo's own styles: the layout at 320 px and the focus outline are theirs.
    stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = '/demo/public/demo.css';
    const loaded = new Promise((resolve) => stylesheet!.addEventListener('load', resolve));
    document.head.append(stylesheet);
    await loaded;
  });
  after(() => stylesheet?.remove());

  beforeEach(async () => {
    sessionStorage.clear();
    ({ adminKey } = await flexitiServer.backOffice());
  });
  afterEach(() => {
    app?.destroy();
    app = undefined;
    sessionStorage.clear();
  });

  it('asks for the admin key, refuses a wrong one, and keeps the right one for this tab only', async () => {
    const order = await pay(80);
    const host = await open();
    const input = byId<HTMLInputElement>(host, 'admin-key')!;
    expect(input.type).to.equal('password');
    expect(squash(host.querySelector(`label[for="admin-key"]`)?.textContent)).to.equal('Admin key');
    await expect(host).to.be.accessible();

    host.querySelector<HTMLButtonElement>('form.admin-key button[type="submit"]')!.click();
    await waitFor(() => byId(host, 'admin-key-error'), 'the empty-key error');
    expect(squash(byId(host, 'admin-key-error')!.textContent)).to.equal('Enter the admin key.');

    await signIn(host, `${adminKey}-wrong`);
    expect(squash(byId(host, 'admin-key-error')!.textContent)).to.equal(
      'This admin key is not valid. Use the key the demo printed when it started.',
    );
    const field = byId<HTMLInputElement>(host, 'admin-key')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain('admin-key-error');
    // What was typed stays, and focus is on it to correct it.
    expect(field.value).to.equal(`${adminKey}-wrong`);
    expect(document.activeElement).to.equal(field);
    expect(sessionStorage.getItem('flexiti-demo-admin-key')).to.equal(null);
    await expect(host).to.be.accessible();

    await signIn(host, adminKey);
    expect(row(host, order)).to.exist;
    expect(sessionStorage.getItem('flexiti-demo-admin-key')).to.equal(adminKey);
    await expect(host).to.be.accessible();

    // Reloaded in the same tab: straight to the orders.
    app!.destroy();
    const again = await open();
    await waitFor(() => again.querySelector(`#order-${order.id}`), 'the orders without the key form');
    expect(byId(again, 'admin-key')).to.equal(null);

    // "Forget the key": back to the form, and the tab no longer has it.
    byId<HTMLButtonElement>(again, 'orders-forget')!.click();
    await waitFor(() => byId(again, 'admin-key'), 'the key form');
    expect(sessionStorage.getItem('flexiti-demo-admin-key')).to.equal(null);
  });

  it('lists the orders with their state, plan, amounts and the available credit', async () => {
    const authorized = await pay(100);
    const partlyCaptured = await pay(200);
    await admin.capture(partlyCaptured, 50);
    const captured = await pay(300);
    await admin.capture(captured);
    const partlyReturned = await pay(150);
    const { captureId } = await admin.capture(partlyReturned);
    await admin.post(`authorizations/${partlyReturned.id}/captures/${captureId}/return`, { amount: 50 });
    const returned = await pay(60);
    const returnedCapture = await admin.capture(returned);
    await admin.post(`authorizations/${returned.id}/captures/${returnedCapture.captureId}/return`, {});
    const released = await pay(80);
    await admin.post(`authorizations/${released.id}/release`, {});
    const regular = await pay(120, 'regular');

    const host = await open('en-CA', adminKey);
    const table = host.querySelector('table')!;
    expect(squash(table.querySelector('caption')?.textContent)).to.equal('Flexiti orders of the last 30 days, newest first');
    expect([...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), squash(th.textContent)])).to.deep.equal(
      ['Order', 'Date', 'Amount', 'Plan', 'State', 'Captured', 'Left to capture', 'Returned or refunded', 'Available credit', 'Actions'].map((name) => ['col', name]),
    );
    expect(table.querySelectorAll('tbody th[scope="row"]')).to.have.length(7);
    // Newest first.
    expect(table.querySelector('tbody tr')!.id).to.equal(`order-${regular.id}`);

    const states: Array<[Order, string]> = [
      [authorized, 'Authorized'],
      [partlyCaptured, 'Partly captured'],
      [captured, 'Captured'],
      [partlyReturned, 'Partly returned'],
      [returned, 'Returned'],
      [released, 'Released'],
      [regular, 'Authorized'],
    ];
    for (const [order, state] of states) {
      expect(stateOf(host, order), order.reference).to.equal(state);
      expect(squash(row(host, order).querySelector('th[scope="row"]')?.textContent)).to.equal(order.reference);
    }
    expect(cell(host, partlyCaptured, 'amount')).to.contain('$200.00');
    expect(cell(host, partlyCaptured, 'captured')).to.contain('$50.00');
    expect(cell(host, partlyCaptured, 'remaining')).to.contain('$150.00');
    expect(cell(host, partlyReturned, 'returned')).to.contain('$50.00');
    expect(cell(host, returned, 'returned')).to.contain('$60.00');
    expect(cell(host, regular, 'plan')).to.contain('Regular purchase');
    expect(cell(host, authorized, 'plan')).to.match(/Promotional plan \d+, \d+ months/);

    const credit = await availableCredit();
    expect(credit).to.be.below(5000);
    for (const [order] of states) expect(cell(host, order, 'credit')).to.contain(money(credit));

    // What can be done follows the state: nothing left to capture once captured or released.
    expect(byId(host, `capture-${authorized.id}`)).to.exist;
    expect(byId(host, `release-${authorized.id}`)).to.exist;
    expect(byId(host, `capture-${captured.id}`)).to.equal(null);
    expect(byId(host, `release-${released.id}`)).to.equal(null);
    expect(byId(host, `return-${partlyReturned.id}-${captureId}`)).to.exist;
    expect(byId(host, `return-${returned.id}-${returnedCapture.captureId}`)).to.equal(null);
    await expect(host).to.be.accessible();
  });

  it('captures part of an order, then the rest', async () => {
    const order = await pay(400);
    const host = await open('en-CA', adminKey);
    expect(stateOf(host, order)).to.equal('Authorized');

    type(host, `capture-${order.id}-amount`, '150');
    const text = await ask(host, `capture-${order.id}`);
    expect(text).to.equal(`Capture $150.00 of order ${order.reference}, which holds $400.00. $250.00 will be left to capture or release.`);
    expect(squash(byId(host, 'orders-confirm-ok')!.textContent)).to.equal('Capture $150.00');
    await expect(host).to.be.accessible();
    await confirm(host);
    await statusMatches(host, new RegExp(`^Captured \\$150\\.00 of order ${order.reference}\\.`));
    expect(stateOf(host, order)).to.equal('Partly captured');
    expect(cell(host, order, 'captured')).to.contain('$150.00');
    expect(cell(host, order, 'remaining')).to.contain('$250.00');
    // The amount typed was used: the field is empty for the next one.
    expect(byId<HTMLInputElement>(host, `capture-${order.id}-amount`)!.value).to.equal('');
    await expect(host).to.be.accessible();

    // Empty: everything that is left.
    expect(await ask(host, `capture-${order.id}`)).to.equal(
      `Capture everything order ${order.reference} still holds: $250.00. Nothing will be left to capture or release.`,
    );
    await confirm(host);
    await statusMatches(host, new RegExp(`^Captured \\$250\\.00 of order ${order.reference}\\.`));
    expect(stateOf(host, order)).to.equal('Captured');
    expect(cell(host, order, 'remaining')).to.contain('$0.00');
    expect(byId(host, `capture-${order.id}`)).to.equal(null);
    expect(byId(host, `release-${order.id}`)).to.equal(null);

    const [flexiti] = await flexitiServer.authorizations(order.reference);
    expect(flexiti!.captures.map((c) => c.amount)).to.deep.equal([150, 250]);
    await expect(host).to.be.accessible();
  });

  it('returns part of a promotional purchase’s capture, and the credit goes up by as much', async () => {
    const order = await pay(300);
    const { captureId } = await admin.capture(order);
    const before = await availableCredit();
    const host = await open('en-CA', adminKey);
    expect(stateOf(host, order)).to.equal('Captured');
    expect(cell(host, order, 'credit')).to.contain(money(before));
    // A promotional purchase is returned, not refunded.
    expect(byId(host, `refund-${order.id}-${captureId}`)).to.equal(null);

    type(host, `return-${order.id}-${captureId}-amount`, '100.50');
    expect(await ask(host, `return-${order.id}-${captureId}`)).to.equal(
      `Return $100.50 of the $300.00 captured on order ${order.reference}. The shopper’s account is credited $100.50.`,
    );
    await confirm(host);
    await statusMatches(host, new RegExp(`^Returned \\$100\\.50 of order ${order.reference}\\. Available credit: ${money(before + 100.5).replace(/[$.]/g, '\\$&')}\\.$`));
    expect(stateOf(host, order)).to.equal('Partly returned');
    expect(cell(host, order, 'returned')).to.contain('$100.50');
    expect(cell(host, order, 'credit')).to.contain(money(before + 100.5));
    expect(squash(row(host, order).querySelector('.captures')?.textContent)).to.contain('$199.50 left to return or refund');
    expect(await availableCredit()).to.equal(before + 100.5);
    await expect(host).to.be.accessible();

    // More than the capture still holds: refused, with what it holds, and the amount kept.
    type(host, `return-${order.id}-${captureId}-amount`, '250');
    await ask(host, `return-${order.id}-${captureId}`);
    await confirm(host);
    const error = await waitFor(() => byId(host, `return-${order.id}-${captureId}-error`), 'the error next to the return');
    expect(squash(error.textContent)).to.equal('That is more than this capture still holds: return at most $199.50.');
    expect(byId<HTMLInputElement>(host, `return-${order.id}-${captureId}-amount`)!.value).to.equal('250');
    expect(await availableCredit()).to.equal(before + 100.5);
    await expect(host).to.be.accessible();
  });

  it('releases the rest of an order, and the available credit moves on the page', async () => {
    const order = await pay(200);
    await admin.capture(order, 75);
    const before = await availableCredit();
    const host = await open('en-CA', adminKey);
    expect(cell(host, order, 'credit')).to.contain(money(before));

    expect(await ask(host, `release-${order.id}`)).to.equal(
      `Release the $125.00 order ${order.reference} still holds. The shopper’s available credit goes up by $125.00, and nothing more can be captured on this order.`,
    );
    await confirm(host);
    await statusMatches(host, /^Released \$125\.00 of order/);
    await waitFor(() => cell(host, order, 'credit').includes(money(before + 125)), 'the new available credit');
    expect(statusText(host)).to.contain(`Available credit: ${money(before + 125)}.`);
    // Nothing more will ship: what was captured is the order.
    expect(stateOf(host, order)).to.equal('Captured');
    expect(cell(host, order, 'remaining')).to.contain('$0.00');
    expect(byId(host, `release-${order.id}`)).to.equal(null);
    expect((await admin.authorization(order)).releasedAmount).to.equal(125);
    await expect(host).to.be.accessible();
  });

  it('refunds a regular purchase, in part and then in full', async () => {
    const order = await pay(120, 'regular');
    const { captureId } = await admin.capture(order);
    const before = await availableCredit();
    const host = await open('en-CA', adminKey);
    // A regular purchase is refunded, never returned.
    expect(byId(host, `return-${order.id}-${captureId}`)).to.equal(null);

    type(host, `refund-${order.id}-${captureId}-amount`, '20');
    expect(await ask(host, `refund-${order.id}-${captureId}`)).to.equal(
      `Refund $20.00 of the $120.00 captured on order ${order.reference}. The shopper’s account is credited $20.00.`,
    );
    await confirm(host);
    await statusMatches(host, /^Refunded \$20\.00 of order/);
    expect(stateOf(host, order)).to.equal('Partly returned');
    expect(cell(host, order, 'returned')).to.contain('$20.00');
    expect(cell(host, order, 'credit')).to.contain(money(before + 20));

    await ask(host, `refund-${order.id}-${captureId}`);
    await confirm(host);
    await statusMatches(host, /^Refunded \$100\.00 of order/);
    expect(stateOf(host, order)).to.equal('Returned');
    expect(cell(host, order, 'credit')).to.contain(money(before + 120));
    const after = await admin.authorization(order);
    expect([after.refundedAmount, after.returnedAmount]).to.deep.equal([120, 0]);
    await expect(host).to.be.accessible();
  });

  it('refuses an over-capture with its own message and keeps the amount typed', async () => {
    const order = await pay(400);
    const host = await open('en-CA', adminKey);
    type(host, `capture-${order.id}-amount`, '1000');
    await ask(host, `capture-${order.id}`);
    await confirm(host);
    const error = await waitFor(() => byId(host, `capture-${order.id}-error`), 'the error next to the capture');
    expect(squash(error.textContent)).to.equal('That is more than this order still holds: capture at most $400.00.');
    const field = byId<HTMLInputElement>(host, `capture-${order.id}-amount`)!;
    expect(field.value).to.equal('1000');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain(`capture-${order.id}-error`);
    expect(document.activeElement).to.equal(field);
    expect(statusText(host)).to.equal('That is more than this order still holds: capture at most $400.00.');
    // Not something to try again: the amount is what needs changing.
    expect(byId(host, `capture-${order.id}-retry`)).to.equal(null);
    expect((await flexitiServer.authorizations(order.reference))[0]!.captures).to.have.length(0);
    await expect(host).to.be.accessible();

    // Something that is not an amount never reaches the server.
    type(host, `capture-${order.id}-amount`, '12.345');
    byId<HTMLButtonElement>(host, `capture-${order.id}`)!.click();
    expect(dialogOf(host).open).to.equal(false);
    expect(squash(byId(host, `capture-${order.id}-error`)!.textContent)).to.match(/^Enter an amount in dollars and cents/);
    expect(byId<HTMLInputElement>(host, `capture-${order.id}-amount`)!.value).to.equal('12.345');
    // In English a comma groups thousands: "12,50" is not taken for $1,250.
    type(host, `capture-${order.id}-amount`, '12,50');
    byId<HTMLButtonElement>(host, `capture-${order.id}`)!.click();
    expect(dialogOf(host).open).to.equal(false);
    expect(byId(host, `capture-${order.id}-error`)).to.exist;
    await expect(host).to.be.accessible();
  });

  it('says so where the action was when the order was closed elsewhere, and shows it as it is now', async () => {
    const order = await pay(100);
    const host = await open('en-CA', adminKey);
    // Another tab (or the store's system) captures everything while this page shows the order open.
    await admin.capture(order);
    await ask(host, `release-${order.id}`);
    await confirm(host);
    const error = await waitFor(() => byId(host, `release-${order.id}-error`), 'the error in the order’s row');
    expect(row(host, order).contains(error)).to.equal(true);
    expect(squash(error.textContent)).to.equal('Nothing is left on this order to capture or release.');
    expect(statusText(host)).to.equal('Nothing is left on this order to capture or release.');
    expect(stateOf(host, order)).to.equal('Captured');
    expect(byId(host, `release-${order.id}`)).to.equal(null);
    expect((await admin.authorization(order)).releasedAmount).to.equal(0);
    await expect(host).to.be.accessible();

    // Refresh: the list as it is now, without old refusals.
    byId<HTMLButtonElement>(host, 'orders-refresh')!.click();
    await statusMatches(host, /^1 order shown\.$/);
    expect(byId(host, `release-${order.id}-error`)).to.equal(null);
  });

  it('sends one Idempotency-Key per confirmed action, and the same one on "Try again"', async () => {
    const order = await pay(90);
    const host = await open('en-CA', adminKey);
    const sent: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const key = new Headers(init?.headers).get('idempotency-key');
      if (key) sent.push(key);
      return realFetch(input, init);
    };
    try {
      await flexitiServer.faults({ failNext: 20, match: '/capture$' });
      type(host, `capture-${order.id}-amount`, '30');
      await ask(host, `capture-${order.id}`);
      await confirm(host);
      const retry = await waitFor(() => byId<HTMLButtonElement>(host, `capture-${order.id}-retry`), 'Try again');
      expect(squash(byId(host, `capture-${order.id}-error`)!.textContent)).to.equal('Flexiti could not be reached. Nothing will happen twice: try again.');
      expect(squash(retry.textContent)).to.equal('Try again');
      expect(byId<HTMLInputElement>(host, `capture-${order.id}-amount`)!.value).to.equal('30');
      await expect(host).to.be.accessible();

      await flexitiServer.faults({});
      retry.click();
      await statusMatches(host, /^Captured \$30\.00 of order/);
      expect(sent).to.have.length(2);
      expect(sent[0]).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(sent[1]).to.equal(sent[0]);

      // The next action is another operation, with its own key.
      await ask(host, `capture-${order.id}`);
      await confirm(host);
      await statusMatches(host, /^Captured \$60\.00 of order/);
      expect(sent).to.have.length(3);
      expect(sent[2]).not.to.equal(sent[0]);
      expect((await flexitiServer.authorizations(order.reference))[0]!.captures.map((c) => c.amount)).to.deep.equal([30, 60]);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('confirms with the keyboard: focus in the dialog, Escape cancels, focus back on the button', async () => {
    const order = await pay(100);
    const host = await open('en-CA', adminKey);
    const captureButton = byId<HTMLButtonElement>(host, `capture-${order.id}`)!;
    captureButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => dialogOf(host).open, 'the dialog');
    expect(dialogOf(host).contains(document.activeElement)).to.equal(true);
    expect(document.activeElement!.id).to.equal('orders-confirm-cancel');
    await expect(host).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialogOf(host).open, 'the dialog to close');
    expect(document.activeElement!.id).to.equal(`capture-${order.id}`);
    // The focus ring shows.
    expect(getComputedStyle(document.activeElement!).outlineStyle).not.to.equal('none');
    expect((await admin.authorization(order)).capturedAmount).to.equal(0);

    // Again, and this time Tab to the confirmation and Enter.
    await sendKeys({ press: 'Enter' });
    await waitFor(() => dialogOf(host).open, 'the dialog');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.id).to.equal('orders-confirm-ok');
    await sendKeys({ press: 'Enter' });
    await statusMatches(host, /^Captured \$100\.00 of order/);
    // The capture button is gone with nothing left to capture: focus is on the order itself.
    expect(document.activeElement!.id).to.equal(`order-${order.id}-ref`);

    // Escape after an earlier confirmation is still a cancel.
    const capture = (await admin.authorization(order)).captures[0]!;
    const returnButton = byId<HTMLButtonElement>(host, `return-${order.id}-${capture.captureId}`)!;
    returnButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => dialogOf(host).open, 'the dialog');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialogOf(host).open, 'the dialog to close');
    expect(document.activeElement!.id).to.equal(`return-${order.id}-${capture.captureId}`);
    expect((await admin.authorization(order)).returnedAmount).to.equal(0);
    await expect(host).to.be.accessible();
  });

  it('speaks French: key form, table, dialog, outcome and errors, with French typography', async () => {
    const order = await pay(400);
    const host = await open('fr-CA');
    expect(squash(host.querySelector('label[for="admin-key"]')?.textContent)).to.equal('Clé d’administration');
    await signIn(host, 'une-mauvaise-cle-0123456789abcdefghijklmnop');
    expect(squash(byId(host, 'admin-key-error')!.textContent)).to.equal(
      'Cette clé d’administration n’est pas valide. Utilisez la clé que la démo a affichée au démarrage.',
    );
    await expect(host).to.be.accessible();

    type(host, 'admin-key', adminKey);
    host.querySelector<HTMLButtonElement>('form.admin-key button[type="submit"]')!.click();
    await waitFor(() => row(host, order), 'the orders');
    const caption = host.querySelector('caption')!.textContent!;
    expect(caption).to.match(/^Commandes Flexiti des 30[\u00a0]derniers jours, les plus récentes d’abord$/);
    expect(stateOf(host, order)).to.equal('Autorisée');
    expect(row(host, order).querySelector('[data-column="amount"]')!.textContent).to.match(/^400,00[\u00a0\u202f]\$$/);
    expect(squash(row(host, order).querySelector('[data-column="plan"]')?.textContent)).to.match(/^Plan promotionnel \d+, \d+\smois$/);
    expect(squash(byId(host, `capture-${order.id}`)!.textContent)).to.match(/^Encaisser/);
    await expect(host).to.be.accessible();

    // Everything: a no-break space before the colon and inside the money.
    byId<HTMLButtonElement>(host, `capture-${order.id}`)!.click();
    await waitFor(() => dialogOf(host).open, 'the dialog');
    const text = byId(host, 'orders-confirm-text')!.textContent!;
    expect(text).to.match(new RegExp(`^Encaisser tout ce que la commande ${order.reference} détient encore\\u00a0: 400,00${NBSP.source}\\$\\. Il ne restera rien à encaisser ni à libérer\\.$`));
    expect(squash(byId(host, 'orders-confirm-cancel')!.textContent)).to.equal('Annuler');
    await expect(host).to.be.accessible();
    byId<HTMLButtonElement>(host, 'orders-confirm-cancel')!.click();
    await waitFor(() => !dialogOf(host).open, 'the dialog to close');

    type(host, `capture-${order.id}-amount`, '1000,00');
    await ask(host, `capture-${order.id}`);
    await confirm(host);
    const error = await waitFor(() => byId(host, `capture-${order.id}-error`), 'the error');
    expect(error.textContent).to.match(/^C’est plus que ce que la commande détient encore\u00a0: encaissez au plus 400,00[\u00a0\u202f]\$\.$/);
    expect(byId<HTMLInputElement>(host, `capture-${order.id}-amount`)!.value).to.equal('1000,00');

    // A French decimal comma is read as such.
    type(host, `capture-${order.id}-amount`, '150,25');
    expect(await ask(host, `capture-${order.id}`)).to.match(/^Encaisser 150,25\s\$ de la commande/);
    await confirm(host);
    await statusMatches(host, /^150,25\s\$ encaissés sur la commande/);
    expect(stateOf(host, order)).to.equal('Partiellement encaissée');
    expect(byId(host, 'orders-status')!.textContent).to.match(/Crédit disponible\u00a0: /);
    await expect(host).to.be.accessible();

    // The page switches language in place; what was typed stays.
    type(host, `capture-${order.id}-amount`, '10');
    host.setAttribute('lang', 'en-CA');
    await waitFor(() => stateOf(host, order) === 'Partly captured', 'English');
    expect(byId<HTMLInputElement>(host, `capture-${order.id}-amount`)!.value).to.equal('10');
  });

  it('reflows at 320 px: one column, nothing wider than the screen', async () => {
    const order = await pay(250);
    await admin.capture(order, 100);
    const host = await open('en-CA', adminKey);
    host.style.width = '320px';
    await waitFor(() => getComputedStyle(row(host, order)).display === 'block', 'the narrow layout');
    const edge = host.getBoundingClientRect().right;
    const tooWide = [...host.querySelectorAll<HTMLElement>('tbody *, caption, .toolbar *')].filter(
      (element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > edge + 1,
    );
    expect(tooWide.map((element) => element.outerHTML.slice(0, 80))).to.deep.equal([]);
    expect(host.scrollWidth).to.be.at.most(host.clientWidth + 1);
    // Each value is still named by its column.
    const remaining = row(host, order).querySelector<HTMLElement>('[data-column="remaining"]')!;
    expect(remaining.dataset.label).to.equal('Left to capture');
    expect(getComputedStyle(remaining, '::before').content).not.to.be.oneOf(['none', 'normal', '']);
    await expect(host).to.be.accessible();
  });
});
