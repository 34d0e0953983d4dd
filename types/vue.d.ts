// Generated from custom-elements.json by scripts/manifest-types.mjs; do not edit.
import type { DefineComponent } from 'vue';
import type {
  FlexitiApply,
  FlexitiApprovedEvent,
  FlexitiCancelEvent,
  FlexitiCheckout,
  FlexitiDeclinedEvent,
  FlexitiErrorEvent,
  FlexitiPendingEvent,
  FlexitiReadyEvent,
  FlexitiSubmitEvent,
} from '../dist/index.js';

/** `<flexiti-apply>` in Vue: A bilingual, accessible Flexiti credit application. */
export interface FlexitiApplyVueProps {
  /** Where to get a session: the merchant handler's `POST session` route. */
  tokenUrl?: FlexitiApply['tokenUrl'];
  /** Where to get a session: the merchant handler's `POST session` route. */
  'token-url'?: FlexitiApply['tokenUrl'] | string;
  /** A session rendered by the merchant's server, instead of `token-url`. */
  session?: FlexitiApply['session'];
  /** The handler's base URL for a server-rendered `session`. Default `/api/flexiti`. */
  endpoint?: FlexitiApply['endpoint'];
  /** `en-CA` or `fr-CA`; when empty, the nearest `lang` ancestor or `<html lang>`. */
  lang?: FlexitiApply['lang'];
  /** Preselects the province (two letters, e.g. `QC`). */
  province?: FlexitiApply['province'];
  /** The amount requested, prefilled in the form (dollars). */
  amount?: FlexitiApply['amount'];
  /** `light`, `dark`, or `auto` (follow `prefers-color-scheme`). */
  theme?: FlexitiApply['theme'];
  /** The session is ready and the form is loading. (`@flexiti-ready`) */
  onFlexitiReady?: (event: FlexitiReadyEvent) => void;
  /** Cancelable; the application is about to be sent. (`@flexiti-submit`) */
  onFlexitiSubmit?: (event: FlexitiSubmitEvent) => void;
  /** Flexiti approved the application. (`@flexiti-approved`) */
  onFlexitiApproved?: (event: FlexitiApprovedEvent) => void;
  /** Flexiti declined it, or the shopper already has an account. (`@flexiti-declined`) */
  onFlexitiDeclined?: (event: FlexitiDeclinedEvent) => void;
  /** Flexiti is reviewing the application. (`@flexiti-pending`) */
  onFlexitiPending?: (event: FlexitiPendingEvent) => void;
  /** The shopper closed the Quebec account just opened. (`@flexiti-cancel`) */
  onFlexitiCancel?: (event: FlexitiCancelEvent) => void;
  /** A technical failure; `retryable` says whether retrying can help. (`@flexiti-error`) */
  onFlexitiError?: (event: FlexitiErrorEvent) => void;
}

/** `<flexiti-checkout>` in Vue: Flexiti financing at checkout. */
export interface FlexitiCheckoutVueProps {
  /** Where to get a session for the order: the merchant handler's `POST session` route. */
  tokenUrl?: FlexitiCheckout['tokenUrl'];
  /** Where to get a session for the order: the merchant handler's `POST session` route. */
  'token-url'?: FlexitiCheckout['tokenUrl'] | string;
  /** A session rendered by the merchant's server (`handler.createSession`), instead of `token-url`. */
  session?: FlexitiCheckout['session'];
  /** The handler's base URL for a rendered `session`. Default `/api/flexiti`. */
  endpoint?: FlexitiCheckout['endpoint'];
  /** `en-CA` or `fr-CA`; when empty, the nearest `lang` ancestor or `<html lang>`. */
  lang?: FlexitiCheckout['lang'];
  /** The order total to show until the session arrives; the session's amount is the one charged. */
  amount?: FlexitiCheckout['amount'];
  /** `light`, `dark`, or `auto` (follow `prefers-color-scheme`). */
  theme?: FlexitiCheckout['theme'];
  /** The step the shopper is on (read it; the element moves it). */
  step?: FlexitiCheckout['step'];
  /** The session for the order is ready. (`@flexiti-ready`) */
  onFlexitiReady?: (event: FlexitiReadyEvent) => void;
  /** Cancelable; a new shopper's application is about to be sent. (`@flexiti-submit`) */
  onFlexitiSubmit?: (event: FlexitiSubmitEvent) => void;
  /** The application (`kind: 'application'`) or the purchase (`kind: 'purchase'`) was approved. (`@flexiti-approved`) */
  onFlexitiApproved?: (event: FlexitiApprovedEvent) => void;
  /** Flexiti declined the application or the purchase. (`@flexiti-declined`) */
  onFlexitiDeclined?: (event: FlexitiDeclinedEvent) => void;
  /** Flexiti is reviewing the application. (`@flexiti-pending`) */
  onFlexitiPending?: (event: FlexitiPendingEvent) => void;
  /** The shopper chose another payment method (`step` says where), or closed a new Quebec account. (`@flexiti-cancel`) */
  onFlexitiCancel?: (event: FlexitiCancelEvent) => void;
  /** A technical failure; `retryable` says whether retrying can help. (`@flexiti-error`) */
  onFlexitiError?: (event: FlexitiErrorEvent) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'flexiti-apply': DefineComponent<FlexitiApplyVueProps>;
    'flexiti-checkout': DefineComponent<FlexitiCheckoutVueProps>;
  }
}
