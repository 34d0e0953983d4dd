import { FlexitiMessage } from './message/flexiti-message.component.js';

export { FlexitiMessage };

FlexitiMessage.define();

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-message': FlexitiMessage;
  }
}
