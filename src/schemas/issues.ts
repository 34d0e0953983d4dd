import type * as v from 'valibot';
import { FIELD_ERROR_CODES, type FieldErrorCode } from './field-codes.js';
import type { FieldError } from './contract.js';

/**
 * Turns the issues of a failed `v.safeParse` into one `{ field, code }` per field (the first
 * problem of each), the shape the handler answers with and the elements show next to the fields.
 * A field is its path, dotted (`application.phone`, `orders.0.amount`); with a `prefix`, only the
 * issues under it count, named from there. An issue of the whole value is on `_`.
 */
export function toFieldErrors(issues: readonly v.BaseIssue<unknown>[], prefix: readonly PropertyKey[] = []): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const issue of issues) {
    const path = (issue.path ?? []).map((item) => item.key);
    if (prefix.some((key, i) => path[i] !== key)) continue;
    const field = path.slice(prefix.length).map(String).join('.') || '_';
    // An unknown key is `invalid`, whatever the schema's message for it.
    add(field, issue.type === 'strict_object' && issue.expected === 'never' ? 'invalid' : toCode(issue.message));
  }
  return result;

  function add(field: string, code: FieldErrorCode) {
    if (seen.has(field)) return;
    seen.add(field);
    result.push({ field, code });
  }
}

function toCode(message: string): FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly string[]).includes(message) ? (message as FieldErrorCode) : 'invalid';
}
