import type { ErrorResponse, FieldError } from '../schemas/index.js';

/**
 * A request the handler answers with an error: a stable `code`, whether trying again can help,
 * and a short English message for developers (the elements show their own localized text).
 */
export class HandlerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryable = false,
    readonly fieldErrors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toJSON(): ErrorResponse {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
    };
  }
}

export const errors = {
  invalidJson: () => new HandlerError(400, 'invalid_json', 'The request body is not valid JSON.'),
  unsupportedMediaType: () => new HandlerError(415, 'unsupported_media_type', 'Send the body as application/json.'),
  requestAborted: () => new HandlerError(400, 'request_aborted', 'The request body did not arrive whole.'),
  tooLarge: () => new HandlerError(413, 'payload_too_large', 'The request body is too large.'),
  invalidRequest: (fieldErrors: FieldError[]) =>
    new HandlerError(422, 'invalid_request', 'The request body does not match the contract.', false, fieldErrors),
  invalidFields: (fieldErrors: FieldError[]) =>
    new HandlerError(422, 'invalid_fields', 'Some fields need attention.', false, fieldErrors),
  sessionMissing: () => new HandlerError(401, 'session_missing', 'Send the session as `Authorization: Bearer <session>`.'),
  sessionInvalid: () => new HandlerError(401, 'session_invalid', 'The session is not valid.'),
  sessionExpired: () => new HandlerError(401, 'session_expired', 'The session has expired; get a new one.', true),
  wrongFlow: () => new HandlerError(401, 'session_wrong_flow', 'This session cannot be used for this operation.'),
  receiptInvalid: () => new HandlerError(403, 'receipt_invalid', 'The receipt is not valid for this session.'),
  originNotAllowed: () => new HandlerError(403, 'origin_not_allowed', 'This origin may not call the handler.'),
  flowNotAllowed: () => new HandlerError(403, 'flow_not_allowed', 'This flow is not enabled.'),
  orderNotFound: () => new HandlerError(404, 'order_not_found', 'There is no order to pay.'),
  notFound: () => new HandlerError(404, 'not_found', 'No such route.'),
  rateLimited: (retryAfter: number) =>
    new HandlerError(429, 'rate_limited', 'Too many attempts; wait and try again.', true, undefined, {
      'retry-after': String(retryAfter),
    }),
  flexitiUnavailable: () =>
    new HandlerError(503, 'flexiti_unavailable', 'Flexiti could not be reached; try again.', true),
  flexitiError: (code: string) => new HandlerError(502, 'flexiti_error', `Flexiti answered ${code}.`),
  flexitiRejectedRequest: (code: string) =>
    new HandlerError(502, 'flexiti_rejected_request', `Flexiti refused the request as malformed (${code}); see the server log.`),
  stateUnavailable: () =>
    new HandlerError(503, 'state_unavailable', 'The handler cannot reach its shared state; nothing was charged. Try again.', true),
  stateRecovering: (retryAfter: number) =>
    new HandlerError(503, 'state_unavailable', 'The handler\'s shared state is recovering; nothing was charged. Try again shortly.', true, undefined, {
      'retry-after': String(retryAfter),
    }),
  reconciliationIncomplete: () =>
    new HandlerError(503, 'reconciliation_incomplete', 'Could not confirm this order was not already paid; nothing was charged. Try again.', true),
  configuration: () => new HandlerError(500, 'configuration_error', 'The handler is misconfigured.'),
  purchaseInProgress: (retryAfter?: number) =>
    new HandlerError(
      409,
      'purchase_in_progress',
      'This order is being paid; try again in a moment.',
      true,
      undefined,
      retryAfter === undefined ? undefined : { 'retry-after': String(retryAfter) },
    ),
  codeRequired: () =>
    new HandlerError(409, 'code_required', 'Send the cardholder a verification code (`POST verify`) before asking for plans.'),
  termsChanged: () =>
    new HandlerError(
      409,
      'terms_changed',
      'The terms accepted are not the terms this handler serves for this province and language; show `GET terms` again and ask for acceptance.',
      true,
    ),
  notCancellable: () => new HandlerError(409, 'not_cancellable', 'Only a new Quebec account can be cancelled here.'),
  ineligible: (code: string) => new HandlerError(409, code, 'This account cannot make purchases.'),
  internal: () => new HandlerError(500, 'internal_error', 'Something went wrong.', true),
};
