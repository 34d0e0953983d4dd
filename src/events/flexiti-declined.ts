export interface FlexitiDeclinedDetail {
  kind: 'application' | 'purchase';
  code: string;
}

/**
 * Flexiti declined the application or the purchase; `code` is Flexiti's reason (`customer_already_exists` when the shopper already has an account).
 */
export class FlexitiDeclinedEvent extends Event {
  static readonly eventName = 'flexiti-declined';
  readonly detail: FlexitiDeclinedDetail;

  constructor(detail: FlexitiDeclinedDetail) {
    super(FlexitiDeclinedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-declined': FlexitiDeclinedEvent;
  }
}
