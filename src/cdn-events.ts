/**
 * The events `<flexiti-apply>` and `<flexiti-checkout>` send, exported by their script-tag entries
 * (`<flexiti-message>`'s own come with its entry).
 */
export * from './events/flexiti-ready.js';
export * from './events/flexiti-submit.js';
export * from './events/flexiti-approved.js';
export * from './events/flexiti-declined.js';
export * from './events/flexiti-pending.js';
export * from './events/flexiti-cancel.js';
export * from './events/flexiti-error.js';
