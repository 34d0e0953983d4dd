/**
 * The script-tag entry for product and cart pages: `<flexiti-message>` alone, small enough for
 * every page. Lit comes in the chunk it shares with the checkout's entry, loaded once on a page
 * with both.
 */
import './elements/flexiti-message.js';

export { FlexitiMessage } from './elements/message/flexiti-message.component.js';
export { FlexitiReadyEvent } from './events/flexiti-ready.js';
export { FlexitiLearnMoreEvent } from './events/flexiti-learn-more.js';
