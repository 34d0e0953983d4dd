import type { PlanChoice, Province } from '../schemas/index.js';

export type FlexitiApprovedDetail =
  | { kind: 'application'; creditLimit: number; availableCredit: number; province: Province; cancellable: boolean }
  | { kind: 'purchase'; authorizationId: string; amount: number; currency: 'CAD'; reference: string; plan: PlanChoice };

/**
 * Flexiti approved the application (`kind: 'application'`) or the purchase (`kind: 'purchase'`). For the UI only: fulfil orders from the handler's `onPurchase` hook.
 */
export class FlexitiApprovedEvent extends Event {
  static readonly eventName = 'flexiti-approved';
  readonly detail: FlexitiApprovedDetail;

  constructor(detail: FlexitiApprovedDetail) {
    super(FlexitiApprovedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-approved': FlexitiApprovedEvent;
  }
}
