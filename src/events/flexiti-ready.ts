import type { Flow } from '../schemas/contract.js';
import type { OfferSummary } from '../schemas/offers.js';

export type FlexitiReadyDetail =
  | {
      flow: Flow;
      mode: 'sandbox' | 'live';
    }
  | {
      /** `<flexiti-message>`: its plans are loaded and it says what they allow for its amount. */
      flow: 'message';
      status: OfferSummary['status'];
    };

/**
 * The element has its session (or, for `<flexiti-message>`, its plans) and is ready for the shopper.
 */
export class FlexitiReadyEvent extends Event {
  static readonly eventName = 'flexiti-ready';
  readonly detail: FlexitiReadyDetail;

  constructor(detail: FlexitiReadyDetail) {
    super(FlexitiReadyEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-ready': FlexitiReadyEvent;
  }
}
