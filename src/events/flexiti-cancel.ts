export interface FlexitiCancelDetail {
  reason: 'shopper' | 'account-closed';
  step: string;
}

/**
 * The shopper backed out (`reason: 'shopper'`, with the step they were on), or closed the Quebec account they had just opened (`reason: 'account-closed'`). Never an error.
 */
export class FlexitiCancelEvent extends Event {
  static readonly eventName = 'flexiti-cancel';
  readonly detail: FlexitiCancelDetail;

  constructor(detail: FlexitiCancelDetail) {
    super(FlexitiCancelEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-cancel': FlexitiCancelEvent;
  }
}
