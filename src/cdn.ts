/**
 * The script-tag bundle: registers both elements and exposes their classes and events.
 */
import './elements/flexiti-apply.js';
import './elements/flexiti-checkout.js';

export { FlexitiApply } from './elements/apply/flexiti-apply.component.js';
export { FlexitiCheckout } from './elements/checkout/flexiti-checkout.component.js';
export * from './cdn-events.js';
