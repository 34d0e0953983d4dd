import * as z from 'zod/mini';
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
import { asksHousingExpenses } from './quebec.js';

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

const MAX_MONEY = 9_999_999;

/**
 * Every rule is a refinement with its error code: one zod mechanism instead of one per kind of
 * check keeps the browser bundle small. `stop` ends the field's checks at the first failure.
 */
const rule = <T>(test: (value: T) => boolean, error: FieldErrorCode, stop = false) =>
  z.refine<T>(test, { error, abort: stop });
const filled = rule<string>((s) => s.length > 0, 'required', true);
const atMost = (max: number, stop = false) => rule<string>((s) => s.length <= max, 'too_long', stop);

/** Control characters (NUL, ANSI escapes), zero-width and bidirectional overrides (U+202E): never in free text. */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const visible = rule<string>((s) => !HIDDEN.test(s), 'invalid_characters');

const text = (max: number) => z.string({ error: 'required' }).check(z.trim(), filled, atMost(max), visible);

const optionalText = (max: number) => z.optional(z.string({ error: 'invalid' }).check(z.trim(), atMost(max), visible));

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === '' ? 'required' : 'invalid') });

const money = (kind: 'non_negative' | 'positive') =>
  z.number({ error: (issue) => (issue.input === undefined || issue.input === '' ? 'required' : 'invalid') }).check(
    kind === 'positive' ? rule<number>((n) => n > 0, 'not_positive') : rule<number>((n) => n >= 0, 'negative'),
    rule<number>((n) => n <= MAX_MONEY && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'invalid'),
  );

const isoDate = z.string({ error: 'required' }).check(filled, rule((s: string) => parseIsoDate(s) !== undefined, 'invalid_date'));

// Normalising is an overwrite after the checks: the value stays a string, now in Flexiti's form.
const phone = z.string({ error: 'required' }).check(filled, rule(isPhone, 'invalid_phone'), z.overwrite(normalizePhone));

const optionalPhone = z.optional(
  z.string().check(rule((s: string) => s.trim() === '' || isPhone(s), 'invalid_phone'), z.overwrite(normalizePhone)),
);

export const ApplicationSchema = z
  .strictObject({
    amountRequested: money('positive'),
    salutation: choice(SALUTATIONS),
    firstName: text(35),
    middleName: optionalText(35),
    lastName: text(50),
    dob: isoDate,
    email: z.string({ error: 'required' }).check(
      z.trim(),
      filled,
      atMost(100, true),
      // The shape browsers accept for type=email; Flexiti checks deliverability.
      rule((s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'invalid_email'),
    ),
    phone,
    address1: text(250),
    address2: optionalText(100),
    city: text(100),
    province: choice(PROVINCES),
    postalCode: z
      .string({ error: 'required' })
      .check(filled, rule(isPostalCode, 'invalid_postal_code'), z.overwrite(normalizePostalCode)),
    govIdType: optionalText(10),
    govIdIssuedBy: optionalText(10),
    govIdNumber: optionalText(50),
    govIdExpiry: z.optional(z.string()),
    sin: z.optional(
      z.string().check(rule((s: string) => s.trim() === '' || isSin(s), 'invalid_sin'), z.overwrite(normalizeSin)),
    ),
    personalIncome: money('non_negative'),
    householdIncome: money('non_negative'),
    monthlyHousingExpenses: z.optional(money('non_negative')),
    housingType: choice(HOUSING_TYPES),
    occupationId: choice(OCCUPATIONS),
    occupationTitle: text(100),
    employerName: optionalText(100),
    employerPhone: optionalPhone,
    securityQuestionId: z.string({ error: 'required' }).check(filled, rule((s: string) => /^\d{1,5}$/.test(s), 'invalid')),
    securityAnswer: text(50),
    personalIdWord: text(50),
    termsAccepted: z.literal(true, { error: 'terms_not_accepted' }),
  })
  .check(
    z.superRefine((app, ctx) => {
      for (const { field, code } of crossFieldErrors(app)) {
        ctx.issues.push({ code: 'custom', message: code, path: [field], input: app[field] });
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

export type ApplicationInput = z.input<typeof ApplicationSchema>;
export type Application = z.output<typeof ApplicationSchema>;
export type ApplicationField = keyof ApplicationInput;

