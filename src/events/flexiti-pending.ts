export interface FlexitiPendingDetail {
  kind: 'application';
  code: string;
}

/**
 * Flexiti needs more time: the application is under review and Flexiti will contact the shopper.
 */
export class FlexitiPendingEvent extends Event {
  static readonly eventName = 'flexiti-pending';
  readonly detail: FlexitiPendingDetail;

  constructor(detail: FlexitiPendingDetail) {
    super(FlexitiPendingEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-pending': FlexitiPendingEvent;
  }
}
