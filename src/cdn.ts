/**
 * The script-tag bundle: registers the elements and exposes their classes and events.
 * `<flexiti-checkout>` joins it once both elements fit the bundle's size budget together.
 */
import './elements/flexiti-apply.js';

export { FlexitiApply } from './elements/apply/flexiti-apply.component.js';
export * from './events/index.js';
