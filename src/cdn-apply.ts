/**
 * The script-tag entry for a page that shows `<flexiti-apply>`: the checkout's entry (both elements,
 * the same classes and events) with the application's code in the same load, so the form renders
 * as the element connects instead of after a chunk it asks for.
 */
import './elements/shared/application-flow.js';

export * from './cdn.js';
