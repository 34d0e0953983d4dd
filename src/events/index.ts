export * from './flexiti-ready.js';
export * from './flexiti-submit.js';
export * from './flexiti-approved.js';
export * from './flexiti-declined.js';
export * from './flexiti-pending.js';
export * from './flexiti-cancel.js';
export * from './flexiti-error.js';
export * from './flexiti-learn-more.js';
