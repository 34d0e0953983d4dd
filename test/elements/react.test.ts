/**
 * `flexiti-checkout/react` in a real browser: the React 19 components render the real elements
 * against the real handler and sandbox, pass props as properties, and hand the elements' own
 * typed events to the `onFlexiti…` props.
 */
import { expect } from '@open-wc/testing';
import { createElement, createRef, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import {
  FlexitiApply,
  FlexitiApprovedEvent,
  FlexitiCancelEvent,
  FlexitiCheckout,
  FlexitiReadyEvent,
  FlexitiSubmitEvent,
  type FlexitiApplyElement,
  type FlexitiCheckoutElement,
} from '../../src/react.js';
import { ALEX, at, newReference, payWithCard, press, sessionUrl, started } from './helpers/checkout.js';
import { applicant, fill, formReady, root, submitButton, termsReady, text, waitFor } from './helpers/form.js';
import { flexitiServer } from './helpers/server.js';

/** A handler prop that keeps every event it receives. */
function recorder<E extends Event>() {
  const seen: E[] = [];
  return Object.assign((event: E) => void seen.push(event), { seen });
}

describe('flexiti-checkout/react', function () {
  this.timeout(40_000);
  let container: HTMLDivElement;
  let reactRoot: Root;

  /** Renders and commits at once: the element exists, with its props, when this returns. */
  const render = (element: ReactElement) => flushSync(() => reactRoot.render(element));

  beforeEach(async () => {
    await flexitiServer.reset();
    container = document.createElement('div');
    document.body.append(container);
    reactRoot = createRoot(container);
  });

  afterEach(() => {
    reactRoot.unmount();
    container.remove();
  });

  it('renders <flexiti-checkout> with its props and hands onFlexitiReady and onFlexitiCancel the element’s events', async () => {
    const ref = createRef<FlexitiCheckoutElement>();
    const onFlexitiReady = recorder<FlexitiReadyEvent>();
    const onFlexitiCancel = recorder<FlexitiCancelEvent>();
    render(
      createElement(FlexitiCheckout, {
        ref,
        tokenUrl: sessionUrl(1249.99, newReference()),
        amount: 1249.99,
        lang: 'en-CA',
        onFlexitiReady,
        onFlexitiCancel,
      }),
    );
    const el = container.querySelector('flexiti-checkout')!;
    expect(ref.current).to.equal(el);
    expect(el.tokenUrl).to.match(/^\/api\/flexiti\/session\?amount=1249\.99/);
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
    expect(onFlexitiReady.seen).to.have.length(1);
  });

  it('re-renders in French when the lang prop changes, keeping the step', async () => {
    const props = { tokenUrl: sessionUrl(900, newReference()), amount: 900 };
    render(createElement(FlexitiCheckout, { ...props, lang: 'en-CA' }));
    const el = container.querySelector('flexiti-checkout')!;
    await started(el);
    await press(el, /I have a Flexiti account/);
    await at(el, 'identify');
    expect(text(el)).to.contain('Find your Flexiti account');

    render(createElement(FlexitiCheckout, { ...props, lang: 'fr-CA' }));
    expect(el.lang).to.equal('fr-CA');
    await el.updateComplete;
    expect(el.step).to.equal('identify');
    expect(text(el)).to.contain('Trouvez votre compte Flexiti');
    expect(text(el)).to.contain('900,00 $');
    await expect(el).to.be.accessible();
  });

  it('pays an order with an existing card: the current onFlexitiApproved gets the purchase', async () => {
    const reference = newReference();
    const props = { tokenUrl: sessionUrl(250, reference), amount: 250, lang: 'en-CA' };
    const first = recorder<FlexitiApprovedEvent>();
    render(createElement(FlexitiCheckout, { ...props, onFlexitiApproved: first }));
    const el = container.querySelector('flexiti-checkout')!;
    await started(el);
    // A re-render with a new handler (a new closure, as React components make on every render)
    // replaces the first one: only the current handler hears the approval.
    const current = recorder<FlexitiApprovedEvent>();
    render(createElement(FlexitiCheckout, { ...props, onFlexitiApproved: current }));

    await payWithCard(el, ALEX);
    const approved = await waitFor(() => current.seen[0], 'onFlexitiApproved');
    expect(approved).to.be.instanceOf(FlexitiApprovedEvent);
    expect(approved.detail).to.include({ kind: 'purchase', amount: 250, currency: 'CAD', reference });
    expect(first.seen).to.have.length(0);
    await at(el, 'approved');
    if (approved.detail.kind === 'purchase') expect(text(el)).to.contain(approved.detail.authorizationId);
    await expect(el).to.be.accessible();
    expect(await flexitiServer.authorizations(reference)).to.have.length(1);
  });

  it('renders <flexiti-apply>: onFlexitiSubmit can stop an application, onFlexitiApproved hears the decision', async () => {
    const ref = createRef<FlexitiApplyElement>();
    const onFlexitiReady = recorder<FlexitiReadyEvent>();
    const onFlexitiApproved = recorder<FlexitiApprovedEvent>();
    const stop = recorder<FlexitiSubmitEvent>();
    const props = { ref, tokenUrl: '/api/flexiti/session', amount: 2500, lang: 'en-CA', onFlexitiReady, onFlexitiApproved };
    render(createElement(FlexitiApply, { ...props, onFlexitiSubmit: (event: FlexitiSubmitEvent) => (stop(event), event.preventDefault()) }));
    const el = container.querySelector('flexiti-apply')!;
    expect(ref.current).to.equal(el);
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
    render(createElement(FlexitiApply, { ...props, onFlexitiSubmit: sent }));
    submitButton(el).click();
    const approved = await waitFor(() => onFlexitiApproved.seen[0], 'onFlexitiApproved');
    expect(sent.seen).to.have.length(1);
    expect(approved.detail).to.deep.include({ kind: 'application', creditLimit: 2500, province: 'ON' });
    await waitFor(() => root(el).querySelector('.decision h2'), 'the decision');
    await expect(el).to.be.accessible();
    expect((await flexitiServer.outcomes()).applications.map((o) => o.status)).to.deep.equal(['approved']);
  });
});
