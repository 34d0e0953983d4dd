import { HandlerError } from '../errors.js';

/**
 * What the merchant API refuses, with a stable `code` (the admin routes answer the same codes).
 * Refusals that need no Flexiti call come first: an over-capture or over-return never reaches it.
 */
export const merchantErrors = {
  invalidOperationKey: () =>
    new HandlerError(400, 'invalid_operation_key', '`operationKey` must be 1 to 100 printable ASCII characters.'),
  invalidReference: () => new HandlerError(400, 'invalid_reference', '`reference` must be 1 to 40 printable ASCII characters.'),
  invalidId: (field: string) => new HandlerError(400, 'invalid_id', `\`${field}\` must be a Flexiti id (digits).`),
  invalidDate: (field: string) => new HandlerError(400, 'invalid_date', `\`${field}\` must be a day as YYYY-MM-DD.`),
  authorizationNotFound: () => new HandlerError(404, 'authorization_not_found', 'Flexiti has no such authorization for this merchant.'),
  captureNotFound: () => new HandlerError(404, 'capture_not_found', 'This authorization has no such capture.'),
  authorizationClosed: () =>
    new HandlerError(409, 'authorization_closed', 'Nothing is left on this authorization to capture or release.'),
  exceedsRemaining: (remaining: number) =>
    new HandlerError(409, 'amount_exceeds_remaining', `The authorization holds only $${remaining.toFixed(2)}.`),
  exceedsCaptured: (remaining: number) =>
    new HandlerError(409, 'amount_exceeds_captured', `The capture holds only $${remaining.toFixed(2)} to return or refund.`),
  exceedsBalance: () =>
    new HandlerError(409, 'refund_exceeds_balance', 'Flexiti refused a refund larger than what the account owes.'),
  wrongTransactionType: () =>
    new HandlerError(409, 'wrong_transaction_type', 'Only promotional purchases are returned; refund a regular purchase instead.'),
  returnWindowPassed: () => new HandlerError(409, 'return_window_passed', 'Captures can be returned for 100 days; refund it instead.'),
  keyReused: () =>
    new HandlerError(409, 'operation_key_reused', 'This operation key was used for another operation; use a new key for a new operation.'),
  inProgress: () =>
    new HandlerError(409, 'operation_in_progress', 'Another operation on this authorization is under way; try again in a moment.', true, undefined, {
      'retry-after': '2',
    }),
  inDoubt: (retryAfter: number) =>
    new HandlerError(
      409,
      'operation_in_doubt',
      'An earlier operation on this authorization got no answer from Flexiti; try again once it is settled.',
      true,
      undefined,
      { 'retry-after': String(retryAfter) },
    ),
  notPermitted: (code: string) => new HandlerError(403, 'not_permitted', `Flexiti does not allow these credentials to do this (${code}).`),
  refused: (code: string) => new HandlerError(409, code, `Flexiti refused the operation (${code}).`),
};
