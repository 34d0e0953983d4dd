/**
 * Driving `<flexiti-checkout>` the way a shopper does, whatever rendered it (Lit, React, Vue):
 * press its buttons by label, type into its fields, wait for its steps.
 */
import type { FlexitiCheckout } from '../../../src/elements/checkout/flexiti-checkout.component.js';
import { root, waitFor } from './form.js';

/** The sandbox's cardholders and their verification code. */
export const ALEX = '6374980000000001';
export const CODE = '2222';

let orders = 0;
/** A fresh order reference: one purchase per order, so each test pays its own. */
export const newReference = () => `ORDER-${Date.now().toString(36)}-${++orders}-${Math.random().toString(36).slice(2, 6)}`;

/** The handler's session route for that order (the test server reads the order from the query). */
export const sessionUrl = (amount: number, reference: string) => `/api/flexiti/session?amount=${amount}&reference=${reference}`;

/** The button with that label, enabled or not. */
export function button(el: FlexitiCheckout, label: RegExp): HTMLButtonElement {
  const found = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(b.textContent ?? ''));
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

/** Waits for the button with that label to be enabled, then presses it. */
export async function press(el: FlexitiCheckout, label: RegExp) {
  const enabled = () => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(b.textContent ?? '') && !b.disabled);
  const found = await waitFor(enabled, `button ${label}`);
  found.click();
  await el.updateComplete;
}

export async function type(el: FlexitiCheckout, id: string, value: string) {
  const input = await waitFor(() => root(el).querySelector<HTMLInputElement>(`#${id}`), id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

export async function at(el: FlexitiCheckout, step: string) {
  await waitFor(() => el.step === step, `step ${step} (at ${el.step})`);
  await el.updateComplete;
}

/** The first step, with its buttons, once the session is there. */
export async function started(el: FlexitiCheckout) {
  await waitFor(() => el.step === 'choose' && root(el).querySelector('.actions button'), 'the first step');
  await el.updateComplete;
}

/** Card → code sent: the shopper is at the plans (the code is typed on the review step). */
export async function identify(el: FlexitiCheckout, card = ALEX) {
  await press(el, /I have a Flexiti account/);
  await type(el, 'f-number', card);
  await press(el, /Find my account/);
  await at(el, 'method');
  await press(el, /Send the code/);
  await at(el, 'plans');
}

/** Picks the plan with that key (the first one offered by default) and goes on to the review. */
export async function choosePlan(el: FlexitiCheckout, key?: string) {
  const radios = await waitFor(() => {
    const list = [...root(el).querySelectorAll<HTMLInputElement>('input[name="plan"]')];
    return list.length ? list : undefined;
  }, 'plans');
  const radio = key ? radios.find((r) => r.value === key)! : radios[0]!;
  radio.click();
  await el.updateComplete;
  await press(el, /^\s*Continue\s*$/);
  await at(el, 'review');
}

/** On the review step: types the code (for a cardholder) and confirms. */
export async function confirm(el: FlexitiCheckout, code = CODE) {
  if (root(el).querySelector('#f-code')) await type(el, 'f-code', code);
  await press(el, /Confirm and pay/);
}

/** An existing cardholder pays with the first plan offered: card → code sent → plan → review with the code → confirm. */
export async function payWithCard(el: FlexitiCheckout, card = ALEX) {
  await identify(el, card);
  await choosePlan(el);
  await confirm(el);
}
