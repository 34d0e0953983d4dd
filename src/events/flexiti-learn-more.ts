export interface FlexitiLearnMoreDetail {
  /** The amount the message was showing, in dollars. */
  amount: number;
}

/**
 * The shopper pressed "Learn more" on `<flexiti-message>`: the dialog explaining the plans is
 * about to open. Cancelable: `preventDefault()` keeps it closed, for a page that explains them itself.
 */
export class FlexitiLearnMoreEvent extends Event {
  static readonly eventName = 'flexiti-learn-more';
  readonly detail: FlexitiLearnMoreDetail;

  constructor(detail: FlexitiLearnMoreDetail) {
    super(FlexitiLearnMoreEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-learn-more': FlexitiLearnMoreEvent;
  }
}
