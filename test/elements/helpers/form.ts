/**
 * Driving the application form the way a page would: find fields in the element's shadow root,
 * type into them (input events), choose options (change events), submit, and wait.
 */
import { aTimeout } from '@open-wc/testing';

export type Values = Record<string, string | boolean>;

let people = 0;

/** A complete Ontario application; unique names so no two tests look like the same person. */
export function applicant(overrides: Values = {}): Values {
  people++;
  return {
    amountRequested: '2500',
    salutation: 'ms',
    firstName: 'Morgan',
    middleName: '',
    lastName: `Tester${Date.now().toString(36)}${people}${Math.random().toString(36).slice(2, 6)}`,
    dob: '1988-07-24',
    email: 'morgan@example.com',
    phone: '416 555 0199',
    address1: '100 Queen St W',
    city: 'Toronto',
    province: 'ON',
    postalCode: 'M5H 2N2',
    personalIncome: '64000',
    householdIncome: '91000',
    housingType: 'Rent',
    occupationId: 'FE',
    occupationTitle: 'Baker',
    securityQuestionId: '8',
    securityAnswer: 'Horse',
    personalIdWord: 'Cloud',
    termsAccepted: true,
    ...overrides,
  };
}

export function quebecApplicant(overrides: Values = {}): Values {
  return applicant({
    city: 'Montréal',
    province: 'QC',
    postalCode: 'H2X 1Y4',
    phone: '514 555 0188',
    monthlyHousingExpenses: '1200',
    ...overrides,
  });
}

/** Values no event detail may ever contain. */
export const PERSONAL = ['1988-07-24', '64000', '91000', 'Horse', 'Cloud', '130692544', '4165550199', 'morgan@example.com'];

export const root = (el: HTMLElement) => el.shadowRoot!;

export function field<T extends HTMLElement = HTMLInputElement>(el: HTMLElement, name: string): T {
  const control = root(el).querySelector<T>(`#f-${name}`);
  if (!control) throw new Error(`no field ${name}`);
  return control;
}

export const hasField = (el: HTMLElement, name: string) => root(el).querySelector(`#f-${name}`) !== null;

export async function waitFor<T>(check: () => T | undefined | null | false, what = 'condition', timeout = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(20);
  }
}

type Updating = HTMLElement & { updateComplete: Promise<boolean> };

/** The controls of a date field (day, month, year), by part. */
export function dateParts(el: HTMLElement, name: string) {
  const group = field(el, name).closest('fieldset')!;
  const [day, month, year] = ['day', 'month', 'year'].map((part) => group.querySelector<HTMLInputElement | HTMLSelectElement>(`.${part} input, .${part} select`)!);
  return { day: day!, month: month!, year: year! };
}

/** Types a `YYYY-MM-DD` date into a date field's parts as a shopper would, then leaves the group. */
export async function setDate(el: Updating, name: string, iso: string) {
  const [year = '', month = '', day = ''] = iso.split('-');
  const parts = dateParts(el, name);
  for (const [part, value] of [['day', day], ['month', month], ['year', year]] as const) {
    const control = parts[part];
    control.value = value;
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  }
  parts.year.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** A field's value as `set` takes it: a date's parts joined as `YYYY-MM-DD`. */
export function valueOf(el: HTMLElement, name: string): string {
  if (name !== 'dob' && name !== 'govIdExpiry') return field(el, name).value;
  const { day, month, year } = dateParts(el, name);
  return `${year.value}-${month.value}-${day.value}`;
}

/** Sets one field as typing or choosing would, then leaves it. */
export async function set(el: Updating, name: string, value: string | boolean) {
  if (name === 'dob' || name === 'govIdExpiry') {
    await waitFor(() => root(el).querySelector(`#f-${name}`), `field ${name}`);
    return setDate(el, name, String(value));
  }
  const control = await waitFor(() => root(el).querySelector<HTMLInputElement | HTMLSelectElement>(`#f-${name}`), `field ${name}`);
  if (control instanceof HTMLSelectElement) {
    await waitFor(() => [...control.options].some((o) => o.value === value), `option ${String(value)} of ${name}`);
    control.value = String(value);
    control.dispatchEvent(new Event('change', { bubbles: true }));
  } else if (control.type === 'checkbox') {
    control.checked = Boolean(value);
    control.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    control.value = String(value);
    control.dispatchEvent(new Event('input', { bubbles: true }));
  }
  control.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

export async function fill(el: HTMLElement & { updateComplete: Promise<boolean> }, values: Values) {
  // The province first: it decides which fields exist and which terms load.
  if ('province' in values) await set(el, 'province', values.province!);
  for (const [name, value] of Object.entries(values)) {
    if (name === 'province' || value === '') continue;
    await set(el, name, value);
  }
}

export function submitButton(el: HTMLElement): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
}

export const text = (el: HTMLElement) => root(el).textContent?.replace(/\s+/g, ' ') ?? '';

/** Resolves with the first event of that name the element fires. */
export function nextEvent<E extends Event>(el: HTMLElement, name: string): Promise<E> {
  return new Promise((resolve) => el.addEventListener(name, (e) => resolve(e as E), { once: true }));
}

/** Every `flexiti-*` event the element fires, in order. */
export function recordEvents(el: HTMLElement): Array<{ type: string; detail: unknown }> {
  const seen: Array<{ type: string; detail: unknown }> = [];
  for (const type of ['flexiti-ready', 'flexiti-submit', 'flexiti-approved', 'flexiti-declined', 'flexiti-pending', 'flexiti-cancel', 'flexiti-error']) {
    el.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
  }
  return seen;
}

/** The form on screen with Flexiti's choices in its lists (the form values). */
export async function formReady(el: HTMLElement) {
  await waitFor(() => root(el).querySelector('#f-salutation option[value="ms"]'), 'the form with its choices');
}

/** The step of the application on screen, from its progress line ("Step 2 of 4" → 2). */
export const stepShown = (el: HTMLElement) => Number(/\d+/.exec(root(el).querySelector('.progress')?.textContent ?? '')?.[0] ?? 0);

/**
 * Presses "Continue" until the application's last step (where the terms and the button that
 * sends it are); stops on a step whose fields have a problem.
 */
export async function toLastStep(el: Updating) {
  for (;;) {
    const next = root(el).querySelector<HTMLButtonElement>('button[part~="continue"]');
    if (!next) return;
    const before = stepShown(el);
    next.click();
    await el.updateComplete;
    if (stepShown(el) === before) return;
  }
}

/** On the last step, the terms for the chosen province are on screen. */
export async function termsReady(el: Updating) {
  await toLastStep(el);
  await waitFor(() => root(el).querySelector('.terms'), 'the terms');
}

/**
 * A container to pass as `fixture(..., { parentNode })`: the fixture puts it in the page and
 * removes it after the test.
 */
export function container(attributes: Record<string, string> = {}): HTMLDivElement {
  const div = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) div.setAttribute(name, value);
  return div;
}
