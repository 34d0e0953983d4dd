import * as v from 'valibot';
import type { FieldErrorCode } from './field-codes.js';
import type { FieldError } from './contract.js';
import {
  PROVINCES,
  isProvince,
  ageOfMajority,
  ageOn,
  isPhone,
  isPostalCode,
  isSin,
  normalizePhone,
  normalizePostalCode,
  normalizeSin,
  parseIsoDate,
  postalCodeMatchesProvince,
  todayIso,
} from './canada.js';
import { toFieldErrors } from './issues.js';
import { isWholeCents } from './money.js';
import { asksHousingExpenses } from './quebec.js';
import { finiteNumber, stop, strict } from './strict.js';

/**
 * The credit application as the elements send it and the handler validates it. Field names are
 * ours (camelCase); the handler maps them to Flexiti's `POST apply` names. Each failed rule
 * yields a stable error code (`FieldErrorCode`) that the elements turn into a message in the
 * shopper's language.
 */

export const SALUTATIONS = ['mr', 'ms', 'mrs', 'mss'] as const;
/** Flexiti documents `Rent` only; these are the values the elements offer. */
export const HOUSING_TYPES = ['Own', 'Rent', 'Parents', 'Other'] as const;
/** Flexiti documents `FE` only; these are the occupation codes the elements offer. */
export const OCCUPATIONS = ['FE', 'PE', 'SE', 'RE', 'ST', 'HM', 'UE', 'OT'] as const;

export { FIELD_ERROR_CODES, type FieldErrorCode } from './field-codes.js';

const MAX_MONEY = 9_999_999;

/**
 * Every rule is a check with its error code: one mechanism instead of one per kind of check keeps
 * the browser bundle small. A `stop` rule ends the field's checks at its failure, and the rules on
 * the whole application wait for the field (see `strict.ts`).
 */
const rule = <T>(test: (value: T) => boolean, code: FieldErrorCode) => v.check<T, FieldErrorCode>(test, code);
const filled = stop<string>((s) => s.length > 0, 'required');
const atMost = (max: number) => rule<string>((s) => s.length <= max, 'too_long');

/** Control characters (NUL, ANSI escapes), zero-width and bidirectional overrides (U+202E): never in free text. */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const visible = rule<string>((s) => !HIDDEN.test(s), 'invalid_characters');

const text = (max: number) => v.pipe(v.string('required'), v.trim(), filled, atMost(max), visible);

const optionalText = (max: number) => v.optional(v.pipe(v.string('invalid'), v.trim(), atMost(max), visible));

/** `required` for nothing (an empty choice), `invalid` for anything else. */
const requiredOrInvalid = (issue: v.BaseIssue<unknown>) => (issue.input === undefined || issue.input === '' ? 'required' : 'invalid');

const choice = <const T extends readonly [string, ...string[]]>(values: T) => v.picklist(values, requiredOrInvalid);

const money = (kind: 'non_negative' | 'positive') =>
  v.pipe(
    finiteNumber(requiredOrInvalid),
    kind === 'positive' ? rule<number>((n) => n > 0, 'not_positive') : rule<number>((n) => n >= 0, 'negative'),
    rule<number>((n) => n <= MAX_MONEY && isWholeCents(n), 'invalid'),
  );

const isoDate = v.pipe(v.string('required'), filled, rule((s: string) => parseIsoDate(s) !== undefined, 'invalid_date'));

// Normalising is a transformation after the checks: the value stays a string, now in Flexiti's form.
const phone = v.pipe(v.string('required'), filled, rule(isPhone, 'invalid_phone'), v.transform(normalizePhone));

const optionalPhone = v.optional(
  v.pipe(v.string(), rule((s: string) => s.trim() === '' || isPhone(s), 'invalid_phone'), v.transform(normalizePhone)),
);

export const ApplicationSchema = v.pipe(
  strict({
    amountRequested: money('positive'),
    salutation: choice(SALUTATIONS),
    firstName: text(35),
    middleName: optionalText(35),
    lastName: text(50),
    dob: isoDate,
    email: v.pipe(
      v.string('required'),
      v.trim(),
      filled,
      stop<string>((s) => s.length <= 100, 'too_long'),
      // The shape browsers accept for type=email; Flexiti checks deliverability.
      rule((s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'invalid_email'),
    ),
    phone,
    address1: text(250),
    address2: optionalText(100),
    city: text(100),
    province: choice(PROVINCES),
    postalCode: v.pipe(v.string('required'), filled, rule(isPostalCode, 'invalid_postal_code'), v.transform(normalizePostalCode)),
    govIdType: optionalText(10),
    govIdIssuedBy: optionalText(10),
    govIdNumber: optionalText(50),
    govIdExpiry: v.optional(v.string()),
    sin: v.optional(v.pipe(v.string(), rule((s: string) => s.trim() === '' || isSin(s), 'invalid_sin'), v.transform(normalizeSin))),
    personalIncome: money('non_negative'),
    householdIncome: money('non_negative'),
    monthlyHousingExpenses: v.optional(money('non_negative')),
    housingType: choice(HOUSING_TYPES),
    occupationId: choice(OCCUPATIONS),
    occupationTitle: text(100),
    employerName: optionalText(100),
    employerPhone: optionalPhone,
    securityQuestionId: v.pipe(v.string('required'), filled, rule((s: string) => /^\d{1,5}$/.test(s), 'invalid')),
    securityAnswer: text(50),
    personalIdWord: text(50),
    termsAccepted: v.literal(true, 'terms_not_accepted'),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    // Only an application whose every field has a value of the right type (see `strict.ts`).
    if (!dataset.typed) return;
    const app = dataset.value;
    for (const { field, code } of crossFieldErrors(app)) {
      addIssue({ message: code, input: app[field], path: [{ type: 'object', origin: 'value', input: app, key: field, value: app[field] }] });
    }
  }),
);

/**
 * The rules that involve more than one field (or today's date). Also usable on an incomplete
 * form, where the schema stops before its refinements: values of the wrong type are skipped.
 */
export function crossFieldErrors(
  app: Partial<Record<ApplicationField, unknown>>,
  today: string = todayIso(),
): Array<{ field: ApplicationField; code: FieldErrorCode }> {
  const errors: Array<{ field: ApplicationField; code: FieldErrorCode }> = [];
  const add = (field: ApplicationField, code: FieldErrorCode) => errors.push({ field, code });
  const province = isProvince(app.province) ? app.province : undefined;
  const str = (value: unknown) => (typeof value === 'string' ? value : '');

  const dob = str(app.dob);
  if (parseIsoDate(dob) !== undefined) {
    if (dob >= today) add('dob', 'invalid_date');
    else if (province && ageOn(dob, today) < ageOfMajority(province)) add('dob', 'underage');
    else if (ageOn(dob, today) > 120) add('dob', 'invalid_date');
  }
  const postalCode = str(app.postalCode);
  if (province && isPostalCode(postalCode) && !postalCodeMatchesProvince(postalCode, province)) {
    add('postalCode', 'postal_code_province');
  }
  if (typeof app.personalIncome === 'number' && typeof app.householdIncome === 'number' && app.householdIncome < app.personalIncome) {
    add('householdIncome', 'household_below_personal');
  }
  if (asksHousingExpenses(province) && app.monthlyHousingExpenses === undefined) add('monthlyHousingExpenses', 'required');

  // A government id is optional, but once its type is chosen the rest of it is needed.
  if (app.govIdType) {
    if (!app.govIdIssuedBy) add('govIdIssuedBy', 'required');
    if (!app.govIdNumber) add('govIdNumber', 'required');
    if (!app.govIdExpiry) add('govIdExpiry', 'required');
  }
  const expiry = str(app.govIdExpiry);
  if (expiry) {
    if (parseIsoDate(expiry) === undefined) add('govIdExpiry', 'invalid_date');
    else if (expiry <= today) add('govIdExpiry', 'expired');
  }
  return errors;
}

export type ApplicationInput = v.InferInput<typeof ApplicationSchema>;
export type Application = v.InferOutput<typeof ApplicationSchema>;
export type ApplicationField = keyof ApplicationInput;

/**
 * Validates an application with `ApplicationSchema`: the application with its values normalised,
 * or one error per field (the first problem of each).
 */
export function validateApplication(input: unknown): { success: true; output: Application } | { success: false; errors: FieldError[] } {
  const result = v.safeParse(ApplicationSchema, input);
  return result.success ? { success: true, output: result.output } : { success: false, errors: toFieldErrors(result.issues) };
}
