import { FlexitiApply } from './apply/flexiti-apply.component.js';

export { FlexitiApply };

FlexitiApply.define();

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-apply': FlexitiApply;
  }
}
