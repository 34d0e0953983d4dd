/**
 * React components for `<flexiti-apply>` and `<flexiti-checkout>` (`flexiti-checkout/react`),
 * made with `@lit/react`. Importing this module registers both tags.
 *
 * Every attribute is a prop under its property name (`tokenUrl`, `session`, `endpoint`, `lang`,
 * `amount`, `theme`; `province` on `FlexitiApply`), set on the element as a property. Each
 * `flexiti-*` event is an `onFlexiti…` prop whose handler receives the typed event; `ref` gives
 * the element (for example to read `step`).
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
 * ```
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { FlexitiApply as FlexitiApplyElement } from './elements/apply/flexiti-apply.component.js';
import { FlexitiCheckout as FlexitiCheckoutElement } from './elements/checkout/flexiti-checkout.component.js';
import type {
  FlexitiApprovedEvent,
  FlexitiCancelEvent,
  FlexitiDeclinedEvent,
  FlexitiErrorEvent,
  FlexitiPendingEvent,
  FlexitiReadyEvent,
  FlexitiSubmitEvent,
} from './events/index.js';
// The tag modules register `flexiti-apply` and `flexiti-checkout`, which the components render.
import './elements/flexiti-apply.js';
import './elements/flexiti-checkout.js';

export type { CheckoutStep } from './elements/checkout/flexiti-checkout.component.js';
export * from './events/index.js';
export type { Lang, PlanChoice, Province } from './schemas/index.js';
/** The element classes, for refs: `useRef<FlexitiCheckoutElement>(null)`. */
export type { FlexitiApplyElement, FlexitiCheckoutElement };

/**
 * The event props, the same for both elements: each fires all seven events (`<flexiti-apply>`'s
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

export type FlexitiApplyProps = React.ComponentProps<typeof FlexitiApply>;
export type FlexitiCheckoutProps = React.ComponentProps<typeof FlexitiCheckout>;
