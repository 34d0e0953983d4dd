/**
 * The elements in a Vue 3 app in a real browser: render functions (`h()`), as the runtime-only
 * build needs, with the props and `onFlexiti…` listeners typed by `flexiti-checkout/vue`, against
 * the real handler and sandbox.
 *
 * No `compilerOptions.isCustomElement` here: it tells the template compiler which tags are not
 * Vue components, and `h('flexiti-checkout')` never goes through component resolution (the
 * runtime-only build warns that the option is ignored).
 */
import { expect } from '@open-wc/testing';
import { createApp, h, nextTick, shallowRef, type App, type GlobalComponents } from 'vue';
import '../../src/elements/flexiti-apply.js';
import '../../src/elements/flexiti-checkout.js';
import '../../src/elements/flexiti-message.js';
import type { FlexitiApprovedEvent, FlexitiCancelEvent, FlexitiLearnMoreEvent, FlexitiReadyEvent, FlexitiSubmitEvent } from '../../src/events/index.js';
import type { FlexitiApplyProps, FlexitiCheckoutProps, FlexitiMessageProps } from '../../src/vue.js';
import { newReference, sessionUrl } from './helpers/checkout.js';
import { currentHandlerHearsThePurchase, frenchKeepsTheStep, messageFollowsItsAmount, readyThenCancel, recorder, submitCanBeStopped } from './helpers/frameworks.js';
import { flexitiServer } from './helpers/server.js';

// What templates see through `GlobalComponents` (checked by vue-tsc / Volar): the same props.
type CheckoutInTemplates = InstanceType<GlobalComponents['flexiti-checkout']>['$props'];
const typedInTemplates: CheckoutInTemplates = { tokenUrl: '/api/flexiti/session', amount: 10, onFlexitiApproved: (event) => void event.detail.kind };
// @ts-expect-error `amount` is a number: `:amount="1249.99"` in a template, not `amount="1249.99"`.
const wrongAmount: FlexitiCheckoutProps = { amount: '1249.99' };
// @ts-expect-error a cancel listener receives the cancel event.
const wrongEvent: FlexitiCheckoutProps = { onFlexitiCancel: (event: FlexitiApprovedEvent) => event };
// @ts-expect-error `<flexiti-message>` fires no flexiti-approved.
const wrongMessageEvent: FlexitiMessageProps = { onFlexitiApproved: () => undefined };
void [typedInTemplates, wrongAmount, wrongEvent, wrongMessageEvent];

describe('Vue 3', function () {
  this.timeout(40_000);
  let container: HTMLDivElement;
  let app: App | undefined;

  /** Mounts an app rendering one element with the props `props.value`; changing it re-renders. */
  function mount<P extends object>(tag: 'flexiti-checkout' | 'flexiti-apply' | 'flexiti-message', initial: P) {
    const props = shallowRef(initial);
    app = createApp({ setup: () => () => h(tag, props.value) });
    app.mount(container);
    return props;
  }

  beforeEach(async () => {
    await flexitiServer.reset();
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    app?.unmount();
    app = undefined;
    container.remove();
  });

  it('renders <flexiti-checkout> with its props and hands onFlexitiReady and onFlexitiCancel the element’s events', async () => {
    const onFlexitiReady = recorder<FlexitiReadyEvent>();
    const onFlexitiCancel = recorder<FlexitiCancelEvent>();
    mount<FlexitiCheckoutProps>('flexiti-checkout', {
      tokenUrl: sessionUrl(1249.99, newReference()),
      amount: 1249.99,
      lang: 'en-CA',
      onFlexitiReady,
      onFlexitiCancel,
    });
    await readyThenCancel(container.querySelector('flexiti-checkout')!, onFlexitiReady, onFlexitiCancel);
  });

  it('re-renders in French when the lang prop changes, keeping the step', async () => {
    const base: FlexitiCheckoutProps = { tokenUrl: sessionUrl(900, newReference()), amount: 900 };
    const props = mount<FlexitiCheckoutProps>('flexiti-checkout', { ...base, lang: 'en-CA' });
    await frenchKeepsTheStep(container.querySelector('flexiti-checkout')!, () => {
      props.value = { ...base, lang: 'fr-CA' };
      return nextTick();
    });
  });

  it('pays an order with an existing card: the current onFlexitiApproved gets the purchase', async () => {
    const reference = newReference();
    const base: FlexitiCheckoutProps = { tokenUrl: sessionUrl(250, reference), amount: 250, lang: 'en-CA' };
    const first = recorder<FlexitiApprovedEvent>();
    const props = mount<FlexitiCheckoutProps>('flexiti-checkout', { ...base, onFlexitiApproved: first });
    await currentHandlerHearsThePurchase(container.querySelector('flexiti-checkout')!, reference, first, (current) => {
      props.value = { ...base, onFlexitiApproved: current };
      return nextTick();
    });
  });

  it('renders <flexiti-apply>: onFlexitiSubmit can stop an application, onFlexitiApproved hears the decision', async () => {
    const onFlexitiReady = recorder<FlexitiReadyEvent>();
    const onFlexitiApproved = recorder<FlexitiApprovedEvent>();
    const stop = recorder<FlexitiSubmitEvent>();
    const base: FlexitiApplyProps = { tokenUrl: '/api/flexiti/session', amount: 2500, lang: 'en-CA', onFlexitiReady, onFlexitiApproved };
    const props = mount<FlexitiApplyProps>('flexiti-apply', { ...base, onFlexitiSubmit: (event) => (stop(event), event.preventDefault()) });
    await submitCanBeStopped(container.querySelector('flexiti-apply')!, { onFlexitiReady, onFlexitiApproved, stop }, (sent) => {
      props.value = { ...base, onFlexitiSubmit: sent };
      return nextTick();
    });
  });

  it('renders <flexiti-message> with an amount: a line, onFlexitiReady and onFlexitiLearnMore get the element’s events, a new amount a new line', async () => {
    const onFlexitiReady = recorder<FlexitiReadyEvent>();
    const onFlexitiLearnMore = recorder<FlexitiLearnMoreEvent>();
    const base: FlexitiMessageProps = {
      applyUrl: '/apply',
      lang: 'en-CA',
      onFlexitiReady,
      onFlexitiLearnMore: (event) => (onFlexitiLearnMore(event), event.preventDefault()),
    };
    const props = mount<FlexitiMessageProps>('flexiti-message', { ...base, amount: 1249.99 });
    const el = container.querySelector('flexiti-message')!;
    expect(el.applyUrl).to.equal('/apply');
    await messageFollowsItsAmount(el, { onFlexitiReady, onFlexitiLearnMore }, (amount) => {
      props.value = { ...base, amount };
      return nextTick();
    });
  });
});
