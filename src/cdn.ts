/** The script-tag bundle: registers every element and exposes the classes and events. */
import './elements/flexiti-apply.js';

export * from './index.js';
