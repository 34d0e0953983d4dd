import type { TemplateResult } from 'lit';
import type { RequestError } from '../../../client/handler-client.js';
import type { LocaleController } from '../../../controllers/locale-controller.js';
import type { CheckoutMessages } from '../../../i18n/checkout-messages.js';
import type { CommonMessages } from '../../../i18n/messages.js';
import type { PlansResponse, VerifyMethod } from '../../../schemas/index.js';
import type { CheckoutEvent, CheckoutState } from '../machine.js';

/**
 * What a step view reads and what it may do: the element builds one per render. Views hold the
 * templates; the element holds the state, the requests and the focus.
 */
export interface CheckoutView {
  state: CheckoutState;
  texts: CheckoutMessages;
  messages: CommonMessages;
  locale: LocaleController;
  /** The order total the session is for. */
  amount: number;
  failure: RequestError | undefined;
  busy: { lookup: boolean; verify: boolean; purchase: boolean };
  /** The plans for the account (kept while they reload in another language), or whether loading them failed. */
  plans: { failed: boolean; value: PlansResponse | undefined };
  send(event: CheckoutEvent): void;
  /** The shopper is about to apply (pointing at or focusing "Apply now"): start loading the application. */
  prefetchApplication(): void;
  find(): void;
  sendCode(method: VerifyMethod): void;
  retryPlans(): void;
  confirm(): void;
  /**
   * The step's main button, then Back (when the step has one) and "Choose another payment method",
   * all disabled while the step's request is on its way (`busy`).
   */
  actions(primary: TemplateResult | undefined, busy?: boolean): TemplateResult;
}
