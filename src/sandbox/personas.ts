/**
 * The fixed test personas the sandbox is seeded with. Tests, the demo and the README rely on
 * these exact values, so change them only together with those.
 */

export const PROVINCE_CODES = [
  'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT',
] as const;
export type ProvinceCode = (typeof PROVINCE_CODES)[number];

/** Flexiti account status: only `N` (normal) may purchase. */
export type AccountStatus = 'N' | 'A' | 'F' | 'Z' | 'C';
/** `L`/`M` preferred, `H`/`X` premium (both prime), `Y`/`Z` standard, `N` no rating. */
export type RiskRating = 'L' | 'M' | 'H' | 'X' | 'Y' | 'Z' | 'N';
export type PreferredLanguage = 'en-CA' | 'fr-CA';
export type Salutation = 'mr' | 'ms' | 'mrs' | 'mss';

export interface Persona {
  /** FlexitiCard number. The persona cards are fixed values, not Luhn-valid. */
  readonly vccNumber: string;
  readonly accountNumber: number;
  readonly customerId: number;
  readonly salutation: Salutation;
  readonly firstName: string;
  readonly lastName: string;
  readonly dob: string;
  readonly address1: string;
  readonly address2: string | null;
  readonly city: string;
  readonly province: ProvinceCode;
  readonly postalCode: string;
  readonly preferredLanguage: PreferredLanguage;
  readonly email: string;
  /** `null`: no mobile number on file, so SMS verification is impossible. */
  readonly phoneNumber: string | null;
  readonly securityQid: number;
  readonly securityAnswer: string;
  readonly accountStatus: AccountStatus;
  readonly accountStatusReasonCode: string;
  /** `false`: the card was never activated (`user_not_active`). */
  readonly activated: boolean;
  readonly creditLimit: number;
  readonly availableCredit: number;
  readonly riskRating: RiskRating;
  readonly creationDate: string;
  /** What the persona is for, in one line. */
  readonly purpose: string;
}

const SEEDED: Persona[] = [
  {
    vccNumber: '6374980000000001',
    accountNumber: 20000001,
    customerId: 10001,
    salutation: 'mr',
    firstName: 'Alex',
    lastName: 'Martin',
    dob: '1985-04-12',
    address1: '120 Queen Street West',
    address2: 'Suite 400',
    city: 'Toronto',
    province: 'ON',
    postalCode: 'M5H 2N2',
    preferredLanguage: 'en-CA',
    email: 'alex.martin@example.com',
    phoneNumber: '4165550101',
    securityQid: 7,
    securityAnswer: 'Maple',
    accountStatus: 'N',
    accountStatusReasonCode: 'NNOR',
    activated: true,
    creditLimit: 5000,
    availableCredit: 5000,
    riskRating: 'L',
    creationDate: '2021-03-15',
    purpose: 'Ontario cardholder in good standing (every plan)',
  },
  {
    vccNumber: '6374980000000002',
    accountNumber: 20000002,
    customerId: 10002,
    salutation: 'ms',
    firstName: 'Camille',
    lastName: 'Gagnon',
    dob: '1990-09-23',
    address1: '455 rue Saint-Jean',
    address2: null,
    city: 'Québec',
    province: 'QC',
    postalCode: 'G1R 1P2',
    preferredLanguage: 'fr-CA',
    email: 'camille.gagnon@example.com',
    phoneNumber: '4185550102',
    securityQid: 5,
    securityAnswer: 'Portugal',
    accountStatus: 'N',
    accountStatusReasonCode: 'NNOR',
    activated: true,
    creditLimit: 3000,
    availableCredit: 3000,
    riskRating: 'M',
    creationDate: '2022-08-02',
    purpose: 'Quebec cardholder, French (no S.A.C. plan in Quebec)',
  },
  {
    vccNumber: '6374980000000003',
    accountNumber: 20000003,
    customerId: 10003,
    salutation: 'mr',
    firstName: 'Sam',
    lastName: 'Lee',
    dob: '1978-11-02',
    address1: '800 Robson Street',
    address2: null,
    city: 'Vancouver',
    province: 'BC',
    postalCode: 'V6Z 3B7',
    preferredLanguage: 'en-CA',
    email: 'sam.lee@example.com',
    phoneNumber: '6045550103',
    securityQid: 4,
    securityAnswer: 'Jamie',
    accountStatus: 'F',
    accountStatusReasonCode: 'FLCK',
    activated: true,
    creditLimit: 2000,
    availableCredit: 2000,
    riskRating: 'H',
    creationDate: '2020-01-20',
    purpose: 'Frozen account: cannot purchase (user_not_able_to_purchase)',
  },
  {
    vccNumber: '6374980000000004',
    accountNumber: 20000004,
    customerId: 10004,
    salutation: 'mr',
    firstName: 'Jordan',
    lastName: 'Smith',
    dob: '1995-01-30',
    address1: '10150 Jasper Avenue',
    address2: null,
    city: 'Edmonton',
    province: 'AB',
    postalCode: 'T5J 1W4',
    preferredLanguage: 'en-CA',
    email: 'jordan.smith@example.com',
    phoneNumber: '7805550104',
    securityQid: 8,
    securityAnswer: 'Chen',
    accountStatus: 'N',
    accountStatusReasonCode: 'NNOR',
    activated: true,
    creditLimit: 1000,
    availableCredit: 150,
    riskRating: 'Y',
    creationDate: '2023-05-11',
    purpose: 'Non-prime, 150.00 available: credit_exceeded and prime-only plans refused',
  },
  {
    vccNumber: '6374980000000005',
    accountNumber: 20000005,
    customerId: 10005,
    salutation: 'mrs',
    firstName: 'Taylor',
    lastName: 'Brown',
    dob: '1988-06-18',
    address1: '1800 Argyle Street',
    address2: null,
    city: 'Halifax',
    province: 'NS',
    postalCode: 'B3J 3N8',
    preferredLanguage: 'en-CA',
    email: 'taylor.brown@example.com',
    phoneNumber: null,
    securityQid: 6,
    securityAnswer: 'Arkells',
    accountStatus: 'N',
    accountStatusReasonCode: 'NNOR',
    activated: false,
    creditLimit: 2500,
    availableCredit: 2500,
    riskRating: 'M',
    creationDate: '2024-02-27',
    purpose: 'Card not activated (user_not_active); no phone on file (sms_not_valid_phone)',
  },
];

export const PERSONAS: readonly Persona[] = Object.freeze(SEEDED.map((p) => Object.freeze(p)));
