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
  FlexitiCheckout,
  FlexitiMessage,
  type FlexitiApplyElement,
  type FlexitiApprovedEvent,
  type FlexitiCancelEvent,
  type FlexitiCheckoutElement,
  type FlexitiLearnMoreEvent,
  type FlexitiMessageElement,
  type FlexitiReadyEvent,
  type FlexitiSubmitEvent,
} from '../../src/react.js';
import { newReference, sessionUrl } from './helpers/checkout.js';
import { text } from './helpers/form.js';
import { currentHandlerHearsThePurchase, frenchKeepsTheStep, messageFollowsItsAmount, readyThenCancel, recorder, submitCanBeStopped } from './helpers/frameworks.js';
import { flexitiServer } from './helpers/server.js';

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
    await readyThenCancel(el, onFlexitiReady, onFlexitiCancel);
    expect(onFlexitiReady.seen).to.have.length(1);
  });

  it('re-renders in French when the lang prop changes, keeping the step', async () => {
    const props = { tokenUrl: sessionUrl(900, newReference()), amount: 900 };
    render(createElement(FlexitiCheckout, { ...props, lang: 'en-CA' }));
    const el = container.querySelector('flexiti-checkout')!;
    await frenchKeepsTheStep(el, () => render(createElement(FlexitiCheckout, { ...props, lang: 'fr-CA' })));
  });

  it('pays an order with an existing card: the current onFlexitiApproved gets the purchase', async () => {
    const reference = newReference();
    const props = { tokenUrl: sessionUrl(250, reference), amount: 250, lang: 'en-CA' };
    const first = recorder<FlexitiApprovedEvent>();
    render(createElement(FlexitiCheckout, { ...props, onFlexitiApproved: first }));
    const el = container.querySelector('flexiti-checkout')!;
    // A re-render with a new handler (a new closure, as React components make on every render)
    // replaces the first one: only the current handler hears the approval.
    const approved = await currentHandlerHearsThePurchase(el, reference, first, (current) =>
      render(createElement(FlexitiCheckout, { ...props, onFlexitiApproved: current })),
    );
    if (approved.detail.kind === 'purchase') expect(text(el)).to.contain(approved.detail.authorizationId);
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
    await submitCanBeStopped(el, { onFlexitiReady, onFlexitiApproved, stop }, (sent) =>
      render(createElement(FlexitiApply, { ...props, onFlexitiSubmit: sent })),
    );
  });

  it('renders <flexiti-message> with an amount: a line, onFlexitiReady and onFlexitiLearnMore get the element’s events, a new amount a new line', async () => {
    const ref = createRef<FlexitiMessageElement>();
    const onFlexitiReady = recorder<FlexitiReadyEvent>();
    const onFlexitiLearnMore = recorder<FlexitiLearnMoreEvent>();
    const props = {
      ref,
      applyUrl: '/apply',
      lang: 'en-CA',
      onFlexitiReady,
      onFlexitiLearnMore: (event: FlexitiLearnMoreEvent) => (onFlexitiLearnMore(event), event.preventDefault()),
    };
    render(createElement(FlexitiMessage, { ...props, amount: 1249.99 }));
    const el = container.querySelector('flexiti-message')!;
    expect(ref.current).to.equal(el);
    expect(el.applyUrl).to.equal('/apply');
    await messageFollowsItsAmount(el, { onFlexitiReady, onFlexitiLearnMore }, (amount) => render(createElement(FlexitiMessage, { ...props, amount })));
  });
});
