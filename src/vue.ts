/**
 * Vue 3 types for `<flexiti-apply>`, `<flexiti-checkout>` and `<flexiti-message>`
 * (`flexiti-checkout/vue`): the elements as global components for template type checking (Volar /
 * vue-tsc), with their properties and typed `flexiti-*` listeners. Types only; nothing runs.
 * Register the tags by importing `flexiti-checkout/flexiti-apply.js`,
 * `flexiti-checkout/flexiti-checkout.js` and `flexiti-checkout/flexiti-message.js` (the ones the
 * page uses), and tell Vue's template compiler they are custom elements:
 *
 * ```ts
 * // vite.config.ts
 * vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('flexiti-') } } });
 * // or, with the full build that compiles templates in the browser:
 * app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('flexiti-');
 * ```
 *
 * ```vue
 * <flexiti-checkout token-url="/api/flexiti/session" :amount="1249.99" lang="fr-CA"
 *   @flexiti-approved="(event) => event.detail.kind === 'purchase' && showPaid(event.detail.reference)" />
 * <flexiti-message :amount="price * quantity" apply-url="/apply" />
 * ```
 *
 * In render functions the listeners are `onFlexiti…` props:
 * `h('flexiti-checkout', { tokenUrl, amount, onFlexitiApproved } satisfies FlexitiCheckoutProps)`.
 *
 * @module
 */
import type { DefineComponent } from 'vue';
import type { FlexitiApply } from './elements/apply/flexiti-apply.component.js';
import type { FlexitiCheckout } from './elements/checkout/flexiti-checkout.component.js';
import type { FlexitiMessage } from './elements/message/flexiti-message.component.js';
import type {
  FlexitiApprovedEvent,
  FlexitiCancelEvent,
  FlexitiDeclinedEvent,
  FlexitiErrorEvent,
  FlexitiLearnMoreEvent,
  FlexitiPendingEvent,
  FlexitiReadyEvent,
  FlexitiSubmitEvent,
} from './events/index.js';

export type * from './events/index.js';
export type { CheckoutStep } from './elements/checkout/flexiti-checkout.component.js';
export type { Lang, PlanChoice, Province } from './schemas/index.js';

/**
 * The listeners, the same for `<flexiti-apply>` and `<flexiti-checkout>` (`@flexiti-ready` in a template is `onFlexitiReady`).
 * `<flexiti-apply>` fires `flexiti-cancel` only when the shopper closes a Quebec account just
 * opened.
 */
export interface FlexitiEventProps {
  /** The session is ready. */
  onFlexitiReady?: (event: FlexitiReadyEvent) => void;
  /** An application is about to be sent; `event.preventDefault()` stops it. */
  onFlexitiSubmit?: (event: FlexitiSubmitEvent) => void;
  /** The application or the purchase was approved (`event.detail.kind`). */
  onFlexitiApproved?: (event: FlexitiApprovedEvent) => void;
  /** Flexiti declined the application or the purchase. */
  onFlexitiDeclined?: (event: FlexitiDeclinedEvent) => void;
  /** Flexiti is reviewing the application. */
  onFlexitiPending?: (event: FlexitiPendingEvent) => void;
  /** The shopper chose another payment method, or closed a new Quebec account. */
  onFlexitiCancel?: (event: FlexitiCancelEvent) => void;
  /** A technical failure; `event.detail.retryable` says whether retrying can help. */
  onFlexitiError?: (event: FlexitiErrorEvent) => void;
}

/** `<flexiti-apply>`'s attributes and properties (`token-url` in a template is `tokenUrl`). */
export type FlexitiApplyProps = Partial<Pick<FlexitiApply, 'tokenUrl' | 'session' | 'endpoint' | 'lang' | 'province' | 'amount' | 'theme'>> &
  FlexitiEventProps;

/** `<flexiti-checkout>`'s attributes and properties (`token-url` in a template is `tokenUrl`). */
export type FlexitiCheckoutProps = Partial<Pick<FlexitiCheckout, 'tokenUrl' | 'session' | 'endpoint' | 'lang' | 'amount' | 'theme'>> &
  FlexitiEventProps;

/** `<flexiti-message>`'s attributes, properties and listeners (`apply-url` in a template is `applyUrl`). */
export type FlexitiMessageProps = Partial<Pick<FlexitiMessage, 'amount' | 'endpoint' | 'applyUrl' | 'lang' | 'theme'>> & {
  /** The plans are loaded (`event.detail` is `{ flow: 'message', status }`), and again when the status changes. */
  onFlexitiReady?: (event: FlexitiReadyEvent) => void;
  /** "Learn more" was pressed; `event.preventDefault()` keeps the dialog closed. */
  onFlexitiLearnMore?: (event: FlexitiLearnMoreEvent) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    /** Flexiti's credit application. */
    'flexiti-apply': DefineComponent<FlexitiApplyProps>;
    /** Pay an order with Flexiti. */
    'flexiti-checkout': DefineComponent<FlexitiCheckoutProps>;
    /** What Flexiti financing makes of a price, with a "Learn more" dialog. */
    'flexiti-message': DefineComponent<FlexitiMessageProps>;
  }
}
