import type { ApplicationInput } from '../../src/schemas/index.js';

/** A valid Ontario application; tests change one thing at a time. */
export function application(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    amountRequested: 2500,
    salutation: 'ms',
    firstName: 'Morgan',
    middleName: 'A-RR_L',
    lastName: `Tester${Math.random().toString(36).slice(2, 8)}`,
    dob: '1988-07-24',
    email: 'morgan@example.com',
    phone: '(416) 555-0199',
    address1: '100 Queen St W',
    address2: 'Unit 4',
    city: 'Toronto',
    province: 'ON',
    postalCode: 'm5h 2n2',
    sin: '130 692 544',
    personalIncome: 64000,
    householdIncome: 91000,
    housingType: 'Rent',
    occupationId: 'FE',
    occupationTitle: 'Baker',
    employerName: 'Tasty Bakery',
    employerPhone: '416-555-0123',
    securityQuestionId: '8',
    securityAnswer: 'Horse',
    personalIdWord: 'Cloud',
    termsAccepted: true,
    ...overrides,
  };
}

/** The same applicant in Quebec. */
export function quebecApplication(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return application({
    province: 'QC',
    city: 'Montréal',
    postalCode: 'H2X 1Y4',
    phone: '514 555 0188',
    employerPhone: undefined,
    monthlyHousingExpenses: 1200,
    ...overrides,
  });
}

/** Values that must never appear in a log line or a handler response. */
export const PII = ['130692544', '130 692 544', '1988-07-24', '64000', '91000', 'Horse', 'Cloud'];
