/**
 * What can be wrong with one field of a form or a request body: the `code` of a field error, which
 * the elements turn into a message in the shopper's language.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid',
  'too_long',
  'invalid_email',
  'invalid_phone',
  'invalid_postal_code',
  'postal_code_province',
  'invalid_date',
  'underage',
  'invalid_sin',
  'negative',
  'not_positive',
  'household_below_personal',
  'expired',
  'terms_not_accepted',
  'terms_changed',
  'invalid_characters',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
