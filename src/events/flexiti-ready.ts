import type { Flow } from '../schemas/index.js';

export interface FlexitiReadyDetail {
  flow: Flow;
  mode: 'sandbox' | 'live';
}

/**
 * The element has its session and is ready for the shopper.
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
