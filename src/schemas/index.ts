export * from './canada.js';
export * from './application.js';
export * from './contract.js';
export * from './issues.js';
export * from './quebec.js';
