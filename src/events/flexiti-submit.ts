import type { Province } from '../schemas/index.js';

export interface FlexitiSubmitDetail {
  flow: 'apply' | 'checkout';
  province: Province;
  amountRequested: number;
}

/**
 * The shopper is about to send an application. Cancelable: call `preventDefault()` to stop it (for example while the merchant's page is not ready to take the outcome).
 */
export class FlexitiSubmitEvent extends Event {
  static readonly eventName = 'flexiti-submit';
  readonly detail: FlexitiSubmitDetail;

  constructor(detail: FlexitiSubmitDetail) {
    super(FlexitiSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-submit': FlexitiSubmitEvent;
  }
}
