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
import {
  FlexitiApprovedEvent,
  FlexitiCancelEvent,
  FlexitiReadyEvent,
  type FlexitiSubmitEvent,
} from '../../src/events/index.js';
import type { FlexitiApplyProps, FlexitiCheckoutProps } from '../../src/vue.js';
import { ALEX, at, newReference, payWithCard, press, sessionUrl, started } from './helpers/checkout.js';
import { applicant, fill, formReady, root, submitButton, termsReady, text, waitFor } from './helpers/form.js';
import { flexitiServer } from './helpers/server.js';

// What templates see through `GlobalComponents` (checked by vue-tsc / Volar): the same props.
type CheckoutInTemplates = InstanceType<GlobalComponents['flexiti-checkout']>['$props'];
const typedInTemplates: CheckoutInTemplates = { tokenUrl: '/api/flexiti/session', amount: 10, onFlexitiApproved: (event) => void event.detail.kind };
// @ts-expect-error `amount` is a number: `:amount="1249.99"` in a template, not `amount="1249.99"`.
const wrongAmount: FlexitiCheckoutProps = { amount: '1249.99' };
// @ts-expect-error a cancel listener receives the cancel event.
const wrongEvent: FlexitiCheckoutProps = { onFlexitiCancel: (event: FlexitiApprovedEvent) => event };
void [typedInTemplates, wrongAmount, wrongEvent];

/** A listener that keeps every event it receives. */
function recorder<E extends Event>() {
  const seen: E[] = [];
  return Object.assign((event: E) => void seen.push(event), { seen });
}

describe('Vue 3', function () {
  this.timeout(40_000);
  let container: HTMLDivElement;
  let app: App | undefined;

  /** Mounts an app rendering one element with the props `props.value`; changing it re-renders. */
  function mount<P extends object>(tag: 'flexiti-checkout' | 'flexiti-apply', initial: P) {
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
    const el = container.querySelector('flexiti-checkout')!;
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
  });

  it('re-renders in French when the lang prop changes, keeping the step', async () => {
    const base: FlexitiCheckoutProps = { tokenUrl: sessionUrl(900, newReference()), amount: 900 };
    const props = mount<FlexitiCheckoutProps>('flexiti-checkout', { ...base, lang: 'en-CA' });
    const el = container.querySelector('flexiti-checkout')!;
    await started(el);
    await press(el, /I have a Flexiti account/);
    await at(el, 'identify');
    expect(text(el)).to.contain('Find your Flexiti account');

    props.value = { ...base, lang: 'fr-CA' };
    await nextTick();
    expect(el.lang).to.equal('fr-CA');
    await el.updateComplete;
    expect(el.step).to.equal('identify');
    expect(text(el)).to.contain('Trouvez votre compte Flexiti');
    expect(text(el)).to.contain('900,00 $');
    await expect(el).to.be.accessible();
  });

  it('pays an order with an existing card: the current onFlexitiApproved gets the purchase', async () => {
    const reference = newReference();
    const base: FlexitiCheckoutProps = { tokenUrl: sessionUrl(250, reference), amount: 250, lang: 'en-CA' };
    const first = recorder<FlexitiApprovedEvent>();
    const props = mount<FlexitiCheckoutProps>('flexiti-checkout', { ...base, onFlexitiApproved: first });
    const el = container.querySelector('flexiti-checkout')!;
    await started(el);
    const current = recorder<FlexitiApprovedEvent>();
    props.value = { ...base, onFlexitiApproved: current };
    await nextTick();

    await payWithCard(el, ALEX);
    const approved = await waitFor(() => current.seen[0], 'onFlexitiApproved');
    expect(approved).to.be.instanceOf(FlexitiApprovedEvent);
    expect(approved.detail).to.include({ kind: 'purchase', amount: 250, currency: 'CAD', reference });
    expect(first.seen).to.have.length(0);
    await at(el, 'approved');
    await expect(el).to.be.accessible();
    expect(await flexitiServer.authorizations(reference)).to.have.length(1);
  });

  it('renders <flexiti-apply>: onFlexitiSubmit can stop an application, onFlexitiApproved hears the decision', async () => {
    const onFlexitiReady = recorder<FlexitiReadyEvent>();
    const onFlexitiApproved = recorder<FlexitiApprovedEvent>();
    const stop = recorder<FlexitiSubmitEvent>();
    const base: FlexitiApplyProps = { tokenUrl: '/api/flexiti/session', amount: 2500, lang: 'en-CA', onFlexitiReady, onFlexitiApproved };
    const props = mount<FlexitiApplyProps>('flexiti-apply', { ...base, onFlexitiSubmit: (event) => (stop(event), event.preventDefault()) });
    const el = container.querySelector('flexiti-apply')!;
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
    props.value = { ...base, onFlexitiSubmit: sent };
    await nextTick();
    submitButton(el).click();
    const approved = await waitFor(() => onFlexitiApproved.seen[0], 'onFlexitiApproved');
    expect(sent.seen).to.have.length(1);
    expect(approved.detail).to.deep.include({ kind: 'application', creditLimit: 2500, province: 'ON' });
    await waitFor(() => root(el).querySelector('.decision h2'), 'the decision');
    await expect(el).to.be.accessible();
    expect((await flexitiServer.outcomes()).applications.map((o) => o.status)).to.deep.equal(['approved']);
  });
});
