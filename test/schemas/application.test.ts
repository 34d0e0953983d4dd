import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ApplicationSchema,
  ageOfMajority,
  isPhone,
  isPostalCode,
  isSin,
  postalCodeMatchesProvince,
  todayIso,
  validateApplication,
  type ApplicationInput,
} from '../../src/schemas/index.js';
import { application, quebecApplication } from './fixtures.js';

function errorsOf(input: Partial<ApplicationInput> | Record<string, unknown>) {
  const result = validateApplication(input);
  return result.success ? [] : result.errors;
}

function yearsAgo(years: number, dayOffset = 0): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() + dayOffset);
  return todayIso(d);
}

describe('Canada rules', () => {
  it('checks the SIN check digit', () => {
    expect(isSin('130 692 544')).toBe(true);
    expect(isSin('130692545')).toBe(false);
    expect(isSin('046 454 286')).toBe(false); // the Luhn-valid sample, but no SIN starts with 0
    expect(isSin('12345678')).toBe(false);
    expect(isSin('000000000')).toBe(false); // passes Luhn, but no SIN starts with 0
  });

  it('accepts common phone formatting and rejects impossible numbers', () => {
    for (const ok of ['4165550199', '(416) 555-0199', '416.555.0199', '+1 416 555 0199']) expect(isPhone(ok)).toBe(true);
    for (const bad of ['555-0199', '0165550199', '41655501999', 'four one six']) expect(isPhone(bad)).toBe(false);
  });

  it('knows postal codes and the province each belongs to', () => {
    expect(isPostalCode('h2x 1y4')).toBe(true);
    expect(isPostalCode('D2X1Y4')).toBe(false);
    expect(isPostalCode('H2X1Y')).toBe(false);
    expect(postalCodeMatchesProvince('H2X1Y4', 'QC')).toBe(true);
    expect(postalCodeMatchesProvince('H2X1Y4', 'ON')).toBe(false);
    expect(postalCodeMatchesProvince('X0A0H0', 'NU')).toBe(true);
    expect(postalCodeMatchesProvince('X1A2P1', 'NT')).toBe(true);
  });

  it('uses 18 or 19 as the age of majority by province', () => {
    expect(['AB', 'MB', 'ON', 'PE', 'QC', 'SK'].map((p) => ageOfMajority(p as 'ON'))).toEqual([18, 18, 18, 18, 18, 18]);
    expect(['BC', 'NB', 'NL', 'NS', 'NT', 'NU', 'YT'].map((p) => ageOfMajority(p as 'ON'))).toEqual([19, 19, 19, 19, 19, 19, 19]);
  });
});

describe('ApplicationSchema', () => {
  it('accepts a complete application and normalises what people type', () => {
    const result = validateApplication(application());
    expect(result.success).toBe(true);
    expect(result.success && result.output).toMatchObject({ phone: '4165550199', postalCode: 'M5H2N2', sin: '130692544', employerPhone: '4165550123' });
  });

  it('names every missing required field', () => {
    const fields = errorsOf({}).filter((e) => e.code === 'required').map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'amountRequested', 'salutation', 'firstName', 'lastName', 'dob', 'email', 'phone', 'address1', 'city',
        'province', 'postalCode', 'personalIncome', 'householdIncome', 'housingType', 'occupationId',
        'occupationTitle', 'securityQuestionId', 'securityAnswer', 'personalIdWord',
      ]),
    );
    expect(errorsOf({ ...application(), termsAccepted: false })).toEqual([{ field: 'termsAccepted', code: 'terms_not_accepted' }]);
  });

  it('gives each bad value its own code on its own field', () => {
    expect(errorsOf(application({ phone: '555-0199' }))).toEqual([{ field: 'phone', code: 'invalid_phone' }]);
    expect(errorsOf(application({ email: 'morgan@' }))).toEqual([{ field: 'email', code: 'invalid_email' }]);
    expect(errorsOf(application({ sin: '130692545' }))).toEqual([{ field: 'sin', code: 'invalid_sin' }]);
    expect(errorsOf(application({ postalCode: 'M5H 2N' }))).toEqual([{ field: 'postalCode', code: 'invalid_postal_code' }]);
    expect(errorsOf(application({ postalCode: 'H2X 1Y4' }))).toEqual([{ field: 'postalCode', code: 'postal_code_province' }]);
    expect(errorsOf(application({ dob: '1990-02-30' }))).toEqual([{ field: 'dob', code: 'invalid_date' }]);
    expect(errorsOf(application({ amountRequested: 0 }))).toEqual([{ field: 'amountRequested', code: 'not_positive' }]);
    expect(errorsOf(application({ personalIncome: -1, householdIncome: 0 }))).toEqual([{ field: 'personalIncome', code: 'negative' }]);
    expect(errorsOf(application({ householdIncome: 1000 }))).toEqual([{ field: 'householdIncome', code: 'household_below_personal' }]);
    expect(errorsOf(application({ firstName: 'x'.repeat(36) }))).toEqual([{ field: 'firstName', code: 'too_long' }]);
  });

  it('applies the age of majority of the applicant’s province', () => {
    const seventeen = yearsAgo(18, 1); // 18 tomorrow
    const eighteen = yearsAgo(18);
    expect(errorsOf(application({ dob: seventeen }))).toEqual([{ field: 'dob', code: 'underage' }]);
    expect(errorsOf(application({ dob: eighteen }))).toEqual([]);
    expect(errorsOf(application({ dob: eighteen, province: 'BC', postalCode: 'V6B 1A1' }))).toEqual([
      { field: 'dob', code: 'underage' },
    ]);
    expect(errorsOf(application({ dob: yearsAgo(19), province: 'BC', postalCode: 'V6B 1A1' }))).toEqual([]);
  });

  it('says what a missing field needs, as for an empty one', () => {
    const { termsAccepted: _, firstName: __, ...missing } = application();
    expect(errorsOf(missing)).toEqual([
      { field: 'firstName', code: 'required' },
      { field: 'termsAccepted', code: 'terms_not_accepted' },
    ]);
  });

  it('checks the rules across fields once every field has a value of its kind', () => {
    const seventeen = yearsAgo(18, 1);
    expect(errorsOf(application({ dob: seventeen, phone: '555-0199' }))).toEqual([
      { field: 'phone', code: 'invalid_phone' },
      { field: 'dob', code: 'underage' },
    ]);
    expect(errorsOf({ ...application({ dob: seventeen }), amount: 1 })).toEqual([
      { field: 'amount', code: 'invalid' },
      { field: 'dob', code: 'underage' },
    ]);
    expect(errorsOf(application({ dob: seventeen, firstName: ' ' }))).toEqual([{ field: 'firstName', code: 'required' }]);
    expect(errorsOf(application({ dob: seventeen, email: `${'x'.repeat(100)}@example.com` }))).toEqual([{ field: 'email', code: 'too_long' }]);
    expect(errorsOf(application({ dob: seventeen, personalIncome: Infinity }))).toEqual([{ field: 'personalIncome', code: 'invalid' }]);
  });

  it('requires monthly housing expenses in Quebec only', () => {
    expect(errorsOf(quebecApplication())).toEqual([]);
    expect(errorsOf(quebecApplication({ monthlyHousingExpenses: undefined }))).toEqual([
      { field: 'monthlyHousingExpenses', code: 'required' },
    ]);
    expect(errorsOf(application({ monthlyHousingExpenses: undefined }))).toEqual([]);
  });

  it('treats a government id as all or nothing, and expired ids as errors', () => {
    expect(errorsOf(application({ govIdType: 'CADL' })).map((e) => e.field)).toEqual(['govIdIssuedBy', 'govIdNumber', 'govIdExpiry']);
    const id = { govIdType: 'CADL', govIdIssuedBy: 'ON', govIdNumber: 'D6101-40701-23456' };
    expect(errorsOf(application({ ...id, govIdExpiry: yearsAgo(-2) }))).toEqual([]);
    expect(errorsOf(application({ ...id, govIdExpiry: yearsAgo(1) }))).toEqual([{ field: 'govIdExpiry', code: 'expired' }]);
  });

  it('rejects unknown fields and wrong types', () => {
    expect(errorsOf({ ...application(), amount: 1 })).toEqual([{ field: 'amount', code: 'invalid' }]);
    expect(errorsOf({ ...application(), amount: 1, total: 2 })).toEqual([
      { field: 'amount', code: 'invalid' },
      { field: 'total', code: 'invalid' },
    ]);
    expect(errorsOf([application()] as unknown as Record<string, unknown>)).toEqual([{ field: '_', code: 'invalid' }]);
    expect(errorsOf(application({ personalIncome: '64000' as unknown as number }))).toEqual([
      { field: 'personalIncome', code: 'invalid' },
    ]);
  });
});

describe('free text without hidden characters', () => {
  it.each([
    ['a NUL', 'Mor\u0000gan'],
    ['an ANSI escape', 'Morgan\u001b[31m'],
    ['a right-to-left override', 'Morgan\u202etxt.exe'],
    ['a zero-width space', 'Mor\u200bgan'],
  ])('refuses %s in a name, an address and a security answer', (_what, value) => {
    for (const field of ['firstName', 'address1', 'securityAnswer'] as const) {
      const result = v.safeParse(ApplicationSchema, application({ [field]: value }));
      expect(result.success).toBe(false);
      expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.message])).toEqual([[field, 'invalid_characters']]);
    }
  });

  it('keeps accents, apostrophes and hyphens', () => {
    expect(v.safeParse(ApplicationSchema, application({ firstName: 'Zoë-Anne', lastName: 'O’Brien-Gagné', city: 'Trois-Rivières' })).success).toBe(true);
  });
});
