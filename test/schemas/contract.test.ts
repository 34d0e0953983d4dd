import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ApplyRequestSchema,
  LookupRequestSchema,
  PurchaseRequestSchema,
  SessionRequestSchema,
  toFieldErrors,
} from '../../src/schemas/index.js';
import { application } from './fixtures.js';

function errorsOf(schema: v.GenericSchema, input: unknown) {
  const result = v.safeParse(schema, input);
  return result.success ? [] : toFieldErrors(result.issues);
}

const receipt = 'r'.repeat(20);

describe('the request bodies', () => {
  it('are objects: an array or null is refused as a whole', () => {
    expect(errorsOf(SessionRequestSchema, {})).toEqual([]);
    expect(errorsOf(SessionRequestSchema, [])).toEqual([{ field: '_', code: 'invalid' }]);
    expect(errorsOf(SessionRequestSchema, null)).toEqual([{ field: '_', code: 'invalid' }]);
  });

  it('name the application’s fields under `application`, and only send a terms version', () => {
    expect(errorsOf(ApplyRequestSchema, { application: application(), termsVersion: 'v1' })).toEqual([]);
    expect(errorsOf(ApplyRequestSchema, { application: application({ phone: '555' }), termsVersion: 'x'.repeat(65) })).toEqual([
      { field: 'application.phone', code: 'invalid_phone' },
      { field: 'termsVersion', code: 'required' },
    ]);
    expect(errorsOf(ApplyRequestSchema, { termsVersion: 'v1' })).toEqual([{ field: 'application', code: 'invalid' }]);
  });

  it('look an account up by one number, a card number or an account number', () => {
    expect(errorsOf(LookupRequestSchema, { cardNumber: '1234567812345678' })).toEqual([]);
    expect(errorsOf(LookupRequestSchema, {})).toEqual([{ field: 'cardNumber', code: 'required' }]);
    expect(errorsOf(LookupRequestSchema, { cardNumber: '1234567812345678', accountNumber: '1', x: 1 })).toEqual([
      { field: 'x', code: 'invalid' },
      { field: 'cardNumber', code: 'required' },
    ]);
    expect(errorsOf(LookupRequestSchema, { cardNumber: 1234567812345678 })).toEqual([{ field: 'cardNumber', code: 'invalid' }]);
  });

  it('choose a plan: the regular plan, or a promotional plan and term', () => {
    expect(errorsOf(PurchaseRequestSchema, { receipt, plan: { type: 'promotional', planId: 3, term: 12 } })).toEqual([]);
    expect(errorsOf(PurchaseRequestSchema, { receipt, plan: { type: 'promotional', planId: 3.5, term: 12 } })).toEqual([
      { field: 'plan.planId', code: 'invalid' },
    ]);
    expect(errorsOf(PurchaseRequestSchema, { receipt, plan: { type: 'regular', planId: 3, term: 12 } })).toEqual([
      { field: 'plan.planId', code: 'invalid' },
      { field: 'plan.term', code: 'invalid' },
    ]);
    expect(errorsOf(PurchaseRequestSchema, { receipt, plan: { type: 'promotional', planId: 3 } })).toEqual([{ field: 'plan', code: 'invalid' }]);
  });
});
