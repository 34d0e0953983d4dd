/**
 * React components for `<flexiti-apply>`, `<flexiti-checkout>` and `<flexiti-message>`
 * (`flexiti-checkout/react`), made with `@lit/react`. Importing this module registers the three
 * tags.
 *
 * Every attribute is a prop under its property name (`tokenUrl`, `session`, `endpoint`, `lang`,
 * `amount`, `theme`; `province` on `FlexitiApply`; `applyUrl` on `FlexitiMessage`), set on the
 * element as a property. Each `flexiti-*` event is an `onFlexiti…` prop whose handler receives
 * the typed event; `ref` gives the element (for example to read `step`).
 *
 * ```tsx
 * import { FlexitiCheckout, type FlexitiApprovedEvent } from 'flexiti-checkout/react';
 *
 * export function PayWithFlexiti({ onPaid, onOtherMethod }: { onPaid(reference: string): void; onOtherMethod(): void }) {
 *   return (
 *     <FlexitiCheckout
 *       tokenUrl="/api/flexiti/session"
 *       amount={1249.99}
 *       lang="fr-CA"
 *       onFlexitiApproved={(event: FlexitiApprovedEvent) => {
 *         // For the UI only: fulfil the order from the handler's onPurchase hook.
 *         if (event.detail.kind === 'purchase') onPaid(event.detail.reference);
 *       }}
 *       onFlexitiCancel={() => onOtherMethod()}
 *     />
 *   );
 * }
 *
 * // Under a price: follows `amount` as it changes.
 * <FlexitiMessage amount={price * quantity} applyUrl="/apply" onFlexitiReady={(event) => console.log(event.detail)} />
 * ```
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { FlexitiApply as FlexitiApplyElement } from './elements/apply/flexiti-apply.component.js';
import { FlexitiCheckout as FlexitiCheckoutElement } from './elements/checkout/flexiti-checkout.component.js';
import { FlexitiMessage as FlexitiMessageElement } from './elements/message/flexiti-message.component.js';
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
// The tag modules register the tags the components render.
import './elements/flexiti-apply.js';
import './elements/flexiti-checkout.js';
import './elements/flexiti-message.js';

export type { CheckoutStep } from './elements/checkout/flexiti-checkout.component.js';
export * from './events/index.js';
export type { Lang, PlanChoice, Province } from './schemas/index.js';
/** The element classes, for refs: `useRef<FlexitiCheckoutElement>(null)`. */
export type { FlexitiApplyElement, FlexitiCheckoutElement, FlexitiMessageElement };

/**
 * The event props, the same for `FlexitiApply` and `FlexitiCheckout`: each fires all seven events (`<flexiti-apply>`'s
 * `flexiti-cancel` only when the shopper closes a Quebec account just opened).
 */
const events = {
  onFlexitiReady: 'flexiti-ready' as EventName<FlexitiReadyEvent>,
  onFlexitiSubmit: 'flexiti-submit' as EventName<FlexitiSubmitEvent>,
  onFlexitiApproved: 'flexiti-approved' as EventName<FlexitiApprovedEvent>,
  onFlexitiDeclined: 'flexiti-declined' as EventName<FlexitiDeclinedEvent>,
  onFlexitiPending: 'flexiti-pending' as EventName<FlexitiPendingEvent>,
  onFlexitiCancel: 'flexiti-cancel' as EventName<FlexitiCancelEvent>,
  onFlexitiError: 'flexiti-error' as EventName<FlexitiErrorEvent>,
};

/** `<flexiti-apply>`: Flexiti's credit application. */
export const FlexitiApply = createComponent({
  react: React,
  tagName: 'flexiti-apply',
  elementClass: FlexitiApplyElement,
  events,
  displayName: 'FlexitiApply',
});

/** `<flexiti-checkout>`: pay an order with Flexiti. */
export const FlexitiCheckout = createComponent({
  react: React,
  tagName: 'flexiti-checkout',
  elementClass: FlexitiCheckoutElement,
  events,
  displayName: 'FlexitiCheckout',
});

/**
 * `<flexiti-message>`: what Flexiti financing makes of a price, with a "Learn more" dialog.
 * `onFlexitiReady` hears `{ flow: 'message', status }` when the plans are loaded and each time
 * the status changes; `onFlexitiLearnMore` can `preventDefault()` to keep the dialog closed.
 */
export const FlexitiMessage = createComponent({
  react: React,
  tagName: 'flexiti-message',
  elementClass: FlexitiMessageElement,
  events: {
    onFlexitiReady: 'flexiti-ready' as EventName<FlexitiReadyEvent>,
    onFlexitiLearnMore: 'flexiti-learn-more' as EventName<FlexitiLearnMoreEvent>,
  },
  displayName: 'FlexitiMessage',
});

export type FlexitiApplyProps = React.ComponentProps<typeof FlexitiApply>;
export type FlexitiCheckoutProps = React.ComponentProps<typeof FlexitiCheckout>;
export type FlexitiMessageProps = React.ComponentProps<typeof FlexitiMessage>;
