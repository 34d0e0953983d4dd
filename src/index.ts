/**
 * The side-effect-free entry: classes, events and types. Importing it registers nothing; import
 * `flexiti-checkout/flexiti-apply.js` (or call `FlexitiApply.define()`) to register the tag.
 */
export { FlexitiApply } from './elements/apply/flexiti-apply.component.js';
export { FlexitiCheckout, type CheckoutStep } from './elements/checkout/flexiti-checkout.component.js';
export { FlexitiMessage } from './elements/message/flexiti-message.component.js';
export * from './events/index.js';
export type { Lang, Flow, PlanChoice, Province } from './schemas/index.js';
