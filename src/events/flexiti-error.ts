export interface FlexitiErrorDetail {
  code: string;
  retryable: boolean;
}

/**
 * A technical failure: `code` is stable, `retryable` says whether the shopper can try again (the element offers it).
 */
export class FlexitiErrorEvent extends Event {
  static readonly eventName = 'flexiti-error';
  readonly detail: FlexitiErrorDetail;

  constructor(detail: FlexitiErrorDetail) {
    super(FlexitiErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-error': FlexitiErrorEvent;
  }
}
