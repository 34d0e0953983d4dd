// Generated from custom-elements.json by scripts/manifest-types.mjs; do not edit.
import type {
  FlexitiApply,
  FlexitiApprovedEvent,
  FlexitiCancelEvent,
  FlexitiCheckout,
  FlexitiDeclinedEvent,
  FlexitiErrorEvent,
  FlexitiLearnMoreEvent,
  FlexitiMessage,
  FlexitiPendingEvent,
  FlexitiReadyEvent,
  FlexitiSubmitEvent,
} from '../dist/index.js';

/** `<flexiti-apply>`: A bilingual, accessible Flexiti credit application. */
export interface FlexitiApplyProps {
  /** Where to get a session: the merchant handler's `POST session` route. */
  tokenUrl?: FlexitiApply['tokenUrl'];
  /** Where to get a session: the merchant handler's `POST session` route. */
  'token-url'?: FlexitiApply['tokenUrl'] | string;
  /** A session rendered by the merchant's server, instead of `token-url`. */
  session?: FlexitiApply['session'];
  /** The handler's base URL for a server-rendered `session`. Default `/api/flexiti`. */
  endpoint?: FlexitiApply['endpoint'];
  /** Preselects the province (two letters, e.g. `QC`). */
  province?: FlexitiApply['province'];
  /** The amount requested, prefilled in the form (dollars). */
  amount?: FlexitiApply['amount'];
  /** `light`, `dark`, or `auto` (follow `prefers-color-scheme`). */
  theme?: FlexitiApply['theme'];
  /** `en-CA` or `fr-CA`; when absent, the nearest `lang` ancestor or `<html lang>`. The element never writes it: its content carries the language it resolved. */
  lang?: string;
  /** The session is ready and the form is loading. */
  'onflexiti-ready'?: (event: FlexitiReadyEvent) => void;
  /** Cancelable; the application is about to be sent. */
  'onflexiti-submit'?: (event: FlexitiSubmitEvent) => void;
  /** Flexiti approved the application. */
  'onflexiti-approved'?: (event: FlexitiApprovedEvent) => void;
  /** Flexiti declined it, or the shopper already has an account. */
  'onflexiti-declined'?: (event: FlexitiDeclinedEvent) => void;
  /** Flexiti is reviewing the application. */
  'onflexiti-pending'?: (event: FlexitiPendingEvent) => void;
  /** The shopper closed the Quebec account just opened. */
  'onflexiti-cancel'?: (event: FlexitiCancelEvent) => void;
  /** A technical failure; `retryable` says whether retrying can help. */
  'onflexiti-error'?: (event: FlexitiErrorEvent) => void;
}

/** `<flexiti-checkout>`: Flexiti financing at checkout. */
export interface FlexitiCheckoutProps {
  /** Where to get a session for the order: the merchant handler's `POST session` route. */
  tokenUrl?: FlexitiCheckout['tokenUrl'];
  /** Where to get a session for the order: the merchant handler's `POST session` route. */
  'token-url'?: FlexitiCheckout['tokenUrl'] | string;
  /** A session rendered by the merchant's server (`handler.createSession`), instead of `token-url`. */
  session?: FlexitiCheckout['session'];
  /** The handler's base URL for a rendered `session`. Default `/api/flexiti`. */
  endpoint?: FlexitiCheckout['endpoint'];
  /** The order total to show until the session arrives; the session's amount is the one charged. */
  amount?: FlexitiCheckout['amount'];
  /** `light`, `dark`, or `auto` (follow `prefers-color-scheme`). */
  theme?: FlexitiCheckout['theme'];
  /** The step the shopper is on. Read-only: the element moves it. Read-only: set by the element. */
  step?: FlexitiCheckout['step'];
  /** `en-CA` or `fr-CA`; when absent, the nearest `lang` ancestor or `<html lang>`. The element never writes it: its content carries the language it resolved. */
  lang?: string;
  /** The session for the order is ready. */
  'onflexiti-ready'?: (event: FlexitiReadyEvent) => void;
  /** Cancelable; a new shopper's application is about to be sent. */
  'onflexiti-submit'?: (event: FlexitiSubmitEvent) => void;
  /** The application (`kind: 'application'`) or the purchase (`kind: 'purchase'`) was approved. */
  'onflexiti-approved'?: (event: FlexitiApprovedEvent) => void;
  /** Flexiti declined the application or the purchase. */
  'onflexiti-declined'?: (event: FlexitiDeclinedEvent) => void;
  /** Flexiti is reviewing the application. */
  'onflexiti-pending'?: (event: FlexitiPendingEvent) => void;
  /** The shopper chose another payment method (`step` says where), or closed a new Quebec account. */
  'onflexiti-cancel'?: (event: FlexitiCancelEvent) => void;
  /** A technical failure; `retryable` says whether retrying can help. */
  'onflexiti-error'?: (event: FlexitiErrorEvent) => void;
}

/** `<flexiti-message>`: A financing message for product and cart pages. */
export interface FlexitiMessageProps {
  /** The price the message is about, in dollars. Change it when the price changes (a variant, a quantity). */
  amount?: FlexitiMessage['amount'];
  /** The merchant handler's base URL; the plans come from its `GET offers`. */
  endpoint?: FlexitiMessage['endpoint'];
  /** The merchant's page to apply for Flexiti financing, linked from the dialog (or put your own link in the `apply` slot). */
  applyUrl?: FlexitiMessage['applyUrl'];
  /** The merchant's page to apply for Flexiti financing, linked from the dialog (or put your own link in the `apply` slot). */
  'apply-url'?: FlexitiMessage['applyUrl'] | string;
  /** `auto` (follows `prefers-color-scheme`), `light` or `dark`. */
  theme?: FlexitiMessage['theme'];
  /** `en-CA` or `fr-CA`; when absent, the nearest `lang` ancestor or `<html lang>`. The element never writes it: its content carries the language it resolved. */
  lang?: string;
  /** The plans are loaded; `detail.status` says what they allow for the amount (`available`, `below`, `above`, `unavailable`), again when it changes. */
  'onflexiti-ready'?: (event: FlexitiReadyEvent) => void;
  /** "Learn more" was pressed; cancelable, to keep the dialog closed. */
  'onflexiti-learn-more'?: (event: FlexitiLearnMoreEvent) => void;
}

/**
 * The tags for JSX `IntrinsicElements`. React 19:
 *
 * ```ts
 * import type { FlexitiElements } from 'flexiti-checkout/types/jsx';
 * declare module 'react' {
 *   namespace JSX {
 *     interface IntrinsicElements extends FlexitiElements {}
 *   }
 * }
 * ```
 */
export interface FlexitiElements {
  'flexiti-apply': FlexitiApplyProps & { children?: unknown; class?: string; className?: string; id?: string; key?: string | number; ref?: unknown };
  'flexiti-checkout': FlexitiCheckoutProps & { children?: unknown; class?: string; className?: string; id?: string; key?: string | number; ref?: unknown };
  'flexiti-message': FlexitiMessageProps & { children?: unknown; class?: string; className?: string; id?: string; key?: string | number; ref?: unknown };
}
