import * as v from 'valibot';

/**
 * The building blocks of the request bodies and of the application, and the rules the handler's
 * field errors follow.
 *
 * Two kinds of problems: a value of the wrong type, a missing one or a failed `stop` rule is a
 * schema issue, and the value is not what the schema describes; a value that fails a check (a
 * phone number that is not one) or an unknown key is a check issue, and the value still has the
 * schema's shape. The rules on a whole object (cross-field rules) run only when every problem
 * found so far is of the second kind, and a union answers with the one option whose problems are
 * all of the second kind.
 */

const isRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether an issue leaves the value without the shape its schema describes (see above). */
const stops = (issue: v.BaseIssue<unknown>): boolean =>
  issue.kind === 'schema' && !(issue.type === 'strict_object' && issue.expected === 'never');

/**
 * A rule that ends the field's checks when it fails and counts as a wrong value's type: the later
 * checks of the field and the rules on the whole object do not run.
 */
export const stop = <T>(test: (value: T) => boolean, message: string) => v.custom<T>((value) => test(value as T), message);

/**
 * An object with exactly these keys:
 * - an array, `null` or a string is not one (`invalid`);
 * - a missing key is answered as its own schema answers `undefined`: `required` for a required
 *   text, `terms_not_accepted` for the terms checkbox, not "this key is missing";
 * - every unknown key is refused on its own (`invalid` on that key), not only the first one, and
 *   does not stop the object's rules.
 */
export function strict<const E extends v.ObjectEntries>(entries: E) {
  const has = (key: unknown): key is keyof E & string => typeof key === 'string' && Object.prototype.hasOwnProperty.call(entries, key);
  return v.pipe(
    v.custom<v.InferInput<v.StrictObjectSchema<E, undefined>>>(isRecord, 'invalid'),
    v.strictObject(entries, (issue) => {
      const key = issue.path?.length === 1 ? issue.path[0]!.key : undefined;
      return issue.expected === 'never' || !has(key) ? 'invalid' : (v.safeParse(entries[key]!, undefined).issues?.[0].message ?? 'invalid');
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      // The object schema names the first unknown key; the others are named here.
      const first = dataset.issues?.find((issue) => issue.type === 'strict_object' && issue.expected === 'never' && issue.path?.length === 1);
      if (first) {
        const input = first.path![0]!.input as Record<string, unknown>;
        for (const key in input) {
          if (key === first.input || has(key)) continue;
          addIssue({ input: key, expected: 'never', message: 'invalid', path: [{ type: 'object', origin: 'key', input, key, value: input[key] }] });
        }
      }
      // Whether the object's own rules (and a union around it) take it as an object of this shape.
      if (dataset.issues) (dataset as { typed: boolean }).typed = !dataset.issues.some(stops);
    }),
  );
}

/** A number that JSON can write: `NaN` and the infinities are of the wrong type, not a wrong value. */
export const finiteNumber = <const M extends v.ErrorMessage<v.CustomIssue> | undefined = undefined>(message?: M) =>
  v.custom<number, M>((value) => typeof value === 'number' && Number.isFinite(value), message as M);
