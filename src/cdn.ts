/**
 * The script-tag bundle: registers both elements and exposes their classes and events.
 */
import './elements/flexiti-apply.js';
import './elements/flexiti-checkout.js';

export { FlexitiApply } from './elements/apply/flexiti-apply.component.js';
export { FlexitiCheckout } from './elements/checkout/flexiti-checkout.component.js';
// The events these two elements send (`<flexiti-message>`'s own come with its entry).
export * from './events/flexiti-ready.js';
export * from './events/flexiti-submit.js';
export * from './events/flexiti-approved.js';
export * from './events/flexiti-declined.js';
export * from './events/flexiti-pending.js';
export * from './events/flexiti-cancel.js';
export * from './events/flexiti-error.js';
