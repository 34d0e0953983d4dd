import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ApplicationSchema, PROVINCES, asksHousingExpenses, canCancelNewAccount } from '../../src/schemas/index.js';
import { application, quebecApplication } from './fixtures.js';

describe('the Quebec rules, in one place', () => {
  it('apply to Quebec and to no other province', () => {
    expect(PROVINCES.filter(asksHousingExpenses)).toEqual(['QC']);
    expect(PROVINCES.filter(canCancelNewAccount)).toEqual(['QC']);
  });

  it('the schema requires housing expenses in Quebec only', () => {
    const { monthlyHousingExpenses: _, ...withoutHousing } = quebecApplication();
    expect(v.safeParse(ApplicationSchema, withoutHousing).issues?.map((i) => [v.getDotPath(i), i.message])).toEqual([
      ['monthlyHousingExpenses', 'required'],
    ]);
    expect(v.safeParse(ApplicationSchema, application()).success).toBe(true);
  });
});
