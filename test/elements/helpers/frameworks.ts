/**
 * What the React and Vue tests check the same way once their framework has rendered an element:
 * the events reach the `onFlexiti…` props, a new `lang` keeps the step, the current approval
 * handler hears the purchase, a submit handler can stop an application, and a message follows its
 * amount.
 */
import { expect } from '@open-wc/testing';
import type { FlexitiApply } from '../../../src/elements/apply/flexiti-apply.component.js';
import type { FlexitiCheckout } from '../../../src/elements/checkout/flexiti-checkout.component.js';
import type { FlexitiMessage } from '../../../src/elements/message/flexiti-message.component.js';
import {
  FlexitiApprovedEvent,
  FlexitiCancelEvent,
  FlexitiLearnMoreEvent,
  FlexitiReadyEvent,
  type FlexitiSubmitEvent,
} from '../../../src/events/index.js';
import { ALEX, at, payWithCard, press, started } from './checkout.js';
import { applicant, fill, formReady, root, submitButton, termsReady, text, waitFor } from './form.js';
import { flexitiServer } from './server.js';

export type Recorder<E extends Event> = ((event: E) => void) & { seen: E[] };

/** A listener prop that keeps every event it receives. */
export function recorder<E extends Event>(): Recorder<E> {
  const seen: E[] = [];
  return Object.assign((event: E) => void seen.push(event), { seen });
}

/** A checkout rendered with 1249.99 and those two listeners: ready arrives, then the shopper cancels. */
export async function readyThenCancel(el: FlexitiCheckout, onFlexitiReady: Recorder<FlexitiReadyEvent>, onFlexitiCancel: Recorder<FlexitiCancelEvent>) {
  expect(el.amount).to.equal(1249.99);
  const ready = await waitFor(() => onFlexitiReady.seen[0], 'onFlexitiReady');
  expect(ready).to.be.instanceOf(FlexitiReadyEvent);
  expect(ready.target).to.equal(el);
  expect(ready.detail).to.deep.equal({ flow: 'checkout', mode: 'sandbox' });
  await started(el);
  expect(text(el)).to.contain('$1,249.99');
  await expect(el).to.be.accessible();

  await press(el, /Choose another payment method/);
  const cancel = await waitFor(() => onFlexitiCancel.seen[0], 'onFlexitiCancel');
  expect(cancel).to.be.instanceOf(FlexitiCancelEvent);
  expect(cancel.detail).to.deep.equal({ reason: 'shopper', step: 'choose' });
  await at(el, 'ended');
  await expect(el).to.be.accessible();
}

/** A checkout of 900 in English goes to the identify step, then `switchToFrench` re-renders it. */
export async function frenchKeepsTheStep(el: FlexitiCheckout, switchToFrench: () => Promise<unknown> | void) {
  await started(el);
  await press(el, /I have a Flexiti account/);
  await at(el, 'identify');
  expect(text(el)).to.contain('Find your Flexiti account');

  await switchToFrench();
  expect(el.lang).to.equal('fr-CA');
  await el.updateComplete;
  expect(el.step).to.equal('identify');
  expect(text(el)).to.contain('Trouvez votre compte Flexiti');
  expect(text(el)).to.contain('900,00 $');
  await expect(el).to.be.accessible();
}

/**
 * A checkout of 250 for `reference`, rendered with `first` as its approval listener, is rendered
 * again by `replace` with a new one: the card purchase reaches only the new one, once.
 */
export async function currentHandlerHearsThePurchase(
  el: FlexitiCheckout,
  reference: string,
  first: Recorder<FlexitiApprovedEvent>,
  replace: (current: Recorder<FlexitiApprovedEvent>) => Promise<unknown> | void,
): Promise<FlexitiApprovedEvent> {
  await started(el);
  const current = recorder<FlexitiApprovedEvent>();
  await replace(current);

  await payWithCard(el, ALEX);
  const approved = await waitFor(() => current.seen[0], 'onFlexitiApproved');
  expect(approved).to.be.instanceOf(FlexitiApprovedEvent);
  expect(approved.detail).to.include({ kind: 'purchase', amount: 250, currency: 'CAD', reference });
  expect(first.seen).to.have.length(0);
  await at(el, 'approved');
  await expect(el).to.be.accessible();
  expect(await flexitiServer.authorizations(reference)).to.have.length(1);
  return approved;
}

/**
 * An application for 2500, rendered with a submit listener `stop` that prevents it: nothing is
 * sent. `replace` renders it again with a new submit listener, and the second submit is approved.
 */
export async function submitCanBeStopped(
  el: FlexitiApply,
  listeners: { onFlexitiReady: Recorder<FlexitiReadyEvent>; onFlexitiApproved: Recorder<FlexitiApprovedEvent>; stop: Recorder<FlexitiSubmitEvent> },
  replace: (sent: Recorder<FlexitiSubmitEvent>) => Promise<unknown> | void,
) {
  const { onFlexitiReady, onFlexitiApproved, stop } = listeners;
  const ready = await waitFor(() => onFlexitiReady.seen[0], 'onFlexitiReady');
  expect(ready.detail).to.deep.equal({ flow: 'apply', mode: 'sandbox' });
  await formReady(el);
  await expect(el).to.be.accessible();

  await fill(el, applicant({ amountRequested: '2500' }));
  await termsReady(el);
  submitButton(el).click();
  await el.updateComplete;
  expect(stop.seen).to.have.length(1);
  expect(stop.seen[0]!.detail).to.deep.equal({ flow: 'apply', province: 'ON', amountRequested: 2500 });
  expect(stop.seen[0]!.defaultPrevented).to.equal(true);
  expect((await flexitiServer.outcomes()).applications).to.have.length(0);

  const sent = recorder<FlexitiSubmitEvent>();
  await replace(sent);
  submitButton(el).click();
  const approved = await waitFor(() => onFlexitiApproved.seen[0], 'onFlexitiApproved');
  expect(sent.seen).to.have.length(1);
  expect(approved.detail).to.deep.include({ kind: 'application', creditLimit: 2500, province: 'ON' });
  await waitFor(() => root(el).querySelector('.decision h2'), 'the decision');
  await expect(el).to.be.accessible();
  expect((await flexitiServer.outcomes()).applications.map((o) => o.status)).to.deep.equal(['approved']);
}

/**
 * A message rendered with 1249.99 and those two listeners (`onFlexitiLearnMore` prevents the
 * dialog): ready says the plans finance the amount and the line says how; "Learn more" reaches the
 * listener and the dialog stays closed; `setAmount` renders it again for $50, below every plan, and
 * ready and the line say so.
 */
export async function messageFollowsItsAmount(
  el: FlexitiMessage,
  listeners: { onFlexitiReady: Recorder<FlexitiReadyEvent>; onFlexitiLearnMore: Recorder<FlexitiLearnMoreEvent> },
  setAmount: (amount: number) => Promise<unknown> | void,
) {
  const { onFlexitiReady, onFlexitiLearnMore } = listeners;
  const line = () => root(el).querySelector('[part="message"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  expect(el.amount).to.equal(1249.99);
  const ready = await waitFor(() => onFlexitiReady.seen[0], 'onFlexitiReady');
  expect(ready).to.be.instanceOf(FlexitiReadyEvent);
  expect(ready.target).to.equal(el);
  expect(ready.detail).to.deep.equal({ flow: 'message', status: 'available' });
  expect(line()).to.match(/^0% interest for \d+ months with Flexiti Learn more$/);
  await expect(el).to.be.accessible();

  root(el).querySelector<HTMLButtonElement>('[part="learn-more"]')!.click();
  expect(onFlexitiLearnMore.seen).to.have.length(1);
  expect(onFlexitiLearnMore.seen[0]).to.be.instanceOf(FlexitiLearnMoreEvent);
  expect(onFlexitiLearnMore.seen[0]!.detail).to.deep.equal({ amount: 1249.99 });
  expect(root(el).querySelector('dialog')!.open).to.equal(false);

  await setAmount(50);
  expect(el.amount).to.equal(50);
  const below = await waitFor(() => onFlexitiReady.seen[1], 'onFlexitiReady for $50');
  expect(below.detail).to.deep.equal({ flow: 'message', status: 'below' });
  expect(line()).to.equal('Flexiti financing on purchases of $100.00 or more Learn more');
  expect(onFlexitiReady.seen).to.have.length(2);
  await expect(el).to.be.accessible();
}
