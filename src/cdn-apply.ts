/**
 * The script-tag entry for a page that shows `<flexiti-apply>`: the element and the application's
 * code in one load, so that the form renders as the element connects instead of after a chunk it
 * asks for (and without `<flexiti-checkout>`'s code, which such a page does not use).
 */
import './elements/flexiti-apply.js';
import './elements/shared/application-flow.js';

export { FlexitiApply } from './elements/apply/flexiti-apply.component.js';
export * from './cdn-events.js';
