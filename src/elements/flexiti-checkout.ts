import { FlexitiCheckout } from './checkout/flexiti-checkout.component.js';

export { FlexitiCheckout };

FlexitiCheckout.define();

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-checkout': FlexitiCheckout;
  }
}
