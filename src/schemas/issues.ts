import type * as z from 'zod/mini';
import { FIELD_ERROR_CODES, type FieldErrorCode } from './application.js';
import type { FieldError } from './contract.js';

/**
 * Turns a zod error into one `{ field, code }` per field (the first problem of each), the shape
 * the handler answers with and the elements show next to the fields.
 */
export function toFieldErrors(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const issue of error.issues) {
    const path = issue.path.slice(prefix.length);
    if (prefix.some((key, i) => issue.path[i] !== key)) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...path, key].join('.'), 'invalid');
      continue;
    }
    add(path.map(String).join('.') || '_', toCode(issue.message));
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
