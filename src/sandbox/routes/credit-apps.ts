/** Credit applications: `terms-and-conditions` and `apply`. */
import { isGovidIssuer, isGovidType, isSalutation, isSecurityQid } from '../form-values.js';
import {
  ApiError,
  BOTH_SCOPES,
  lang,
  readJson,
  wrongInputs,
  type RouteSpec,
  type SandboxContext,
} from '../http.js';
import type { ErrorCode } from '../messages.js';
import { fromCents } from '../money.js';
import { PROVINCE_CODES, type ProvinceCode, type RiskRating, type Salutation } from '../personas.js';
import { plansFor } from '../plans.js';
import { isoDate, preferredLanguageFor } from '../state.js';
import { termsHtml } from '../terms.js';
import {
  FieldErrors,
  REQUIRED,
  WRONG_FORMAT,
  digits,
  isBlank,
  isEmail,
  isIsoDate,
  isPostalCode,
} from '../validate.js';

export function isProvince(value: unknown): value is ProvinceCode {
  return typeof value === 'string' && (PROVINCE_CODES as readonly string[]).includes(value);
}

/**
 * Adjudication by the middle name, Flexiti's training convention. `D-CREDITAPP_NOT_FOUND`
 * is this sandbox's own key: Flexiti documents the error but no way to trigger it.
 */
const OUTCOMES: Readonly<Record<string, { approve: RiskRating } | { error: ErrorCode }>> = {
  'A-RR_L': { approve: 'L' },
  'A-RR_M': { approve: 'M' },
  'A-RR_H': { approve: 'H' },
  'A-RR_X': { approve: 'X' },
  'D-NO_HIT': { error: 'application_declined_3' },
  'D-FRAUD': { error: 'application_declined' },
  'D-DUPLICATE': { error: 'application_declined_2' },
  'P-REVIEW_MISC': { error: 'application_marked_pending' },
  'P-FRAUD': { error: 'application_marked_pending_2' },
  'D-EMAIL_DBL_TIMEOUT': { error: 'application_create_error' },
  'D-CREDITAPP_NOT_FOUND': { error: 'creditapp_id_not_found' },
};

/** Debt ratio shown to Quebec applicants: yearly housing cost as a percentage of household income. */
export function debtRatio(monthlyHousingCents: number, householdIncomeCents: number): number {
  if (householdIncomeCents === 0) return 0;
  return Math.round(((monthlyHousingCents * 12) / householdIncomeCents) * 100 * 100) / 100;
}

function tenDigits(value: unknown): boolean {
  const d = digits(value);
  return d !== undefined && d.length === 10;
}

interface Application {
  amountCents: number;
  phoneNumber: string;
  email: string;
  language: 'en-CA' | 'fr-CA' | undefined;
  salutation: Salutation;
  firstName: string;
  middleName: string | undefined;
  lastName: string;
  dob: string;
  address1: string;
  address2: string | undefined;
  city: string;
  province: ProvinceCode;
  postalCode: string;
  householdIncomeCents: number;
  monthlyHousingCents: number | undefined;
  securityQid: number;
  securityAnswer: string;
}

/** Checks every field of the application and reports all problems at once, in field order. */
function validateApplication(body: Record<string, unknown>, today: string): Application | FieldErrors {
  const e = new FieldErrors();
  const amountCents = e.amount(body, 'amount_requested', { required: true, positive: true });

  const phone = body.phone_number;
  if (isBlank(phone)) e.add('phone_number', REQUIRED);
  else if (!tenDigits(phone)) e.add('phone_number', WRONG_FORMAT);

  const email = body.email;
  if (isBlank(email)) e.add('email', REQUIRED);
  else if (!isEmail(email)) e.add('email', WRONG_FORMAT);

  let language: 'en-CA' | 'fr-CA' | undefined;
  if (!isBlank(body.language)) {
    const l = typeof body.language === 'string' ? body.language.toLowerCase() : '';
    if (l === 'en-ca' || l === 'en') language = 'en-CA';
    else if (l === 'fr-ca' || l === 'fr') language = 'fr-CA';
    else e.add('language', WRONG_FORMAT);
  }

  const salutation = body.salutation;
  if (isBlank(salutation)) e.add('salutation', REQUIRED);
  else if (typeof salutation !== 'string' || !isSalutation(salutation)) e.add('salutation', WRONG_FORMAT);

  const firstName = e.string(body, 'first_name', { required: true, max: 80 });
  const middleName = e.string(body, 'middle_name', { required: false, max: 80 });
  const lastName = e.string(body, 'last_name', { required: true, max: 130 });

  const dob = body.dob;
  if (isBlank(dob)) e.add('dob', REQUIRED);
  else if (!isIsoDate(dob) || dob >= today) e.add('dob', WRONG_FORMAT);

  const address1 = e.string(body, 'address_1', { required: true, max: 250 });
  const address2 = e.string(body, 'address_2', { required: false, max: 100 });
  const city = e.string(body, 'city', { required: true, max: 100 });

  const province = body.province;
  if (isBlank(province)) e.add('province', REQUIRED);
  else if (!isProvince(province)) e.add('province', WRONG_FORMAT);

  const postalCode = body.postal_code;
  if (isBlank(postalCode)) e.add('postal_code', REQUIRED);
  else if (!isPostalCode(postalCode)) e.add('postal_code', WRONG_FORMAT);

  // Identity document: optional, but all four fields go together.
  const govidType = body.govid_type;
  const govidGiven = !isBlank(govidType);
  if (govidGiven && (typeof govidType !== 'string' || !isGovidType(govidType))) e.add('govid_type', WRONG_FORMAT);
  if (!govidGiven && ['govid_issuedby', 'govid_number', 'govid_expiry'].some((k) => !isBlank(body[k]))) {
    e.add('govid_type', REQUIRED);
  }
  const issuedBy = body.govid_issuedby;
  if (isBlank(issuedBy)) {
    if (govidGiven) e.add('govid_issuedby', REQUIRED);
  } else if (
    typeof issuedBy !== 'string' ||
    (typeof govidType === 'string' && isGovidType(govidType) && !isGovidIssuer(govidType, issuedBy))
  ) {
    e.add('govid_issuedby', WRONG_FORMAT);
  }
  e.string(body, 'govid_number', { required: govidGiven, max: 30 });
  const expiry = body.govid_expiry;
  if (isBlank(expiry)) {
    if (govidGiven) e.add('govid_expiry', REQUIRED);
  } else if (!isIsoDate(expiry)) {
    e.add('govid_expiry', WRONG_FORMAT);
  }
  e.string(body, 'input_type', { required: false, max: 20 });

  e.amount(body, 'personal_income', { required: true, positive: false });
  const householdIncomeCents = e.amount(body, 'household_income', { required: true, positive: false });
  // Quebec's consumer-credit rules need housing costs to compute the debt ratio.
  const monthlyHousingCents = e.amount(body, 'monthly_housing_expenses', {
    required: province === 'QC',
    positive: false,
  });
  e.string(body, 'housing_type', { required: true, max: 50 });
  e.string(body, 'occupation_id', { required: true, max: 20 });
  e.string(body, 'occupation_title', { required: true, max: 100 });
  e.string(body, 'employer_name', { required: false, max: 100 });
  if (!isBlank(body.employer_phone) && !tenDigits(body.employer_phone)) e.add('employer_phone', WRONG_FORMAT);

  // Flexiti reports this one as "SIN".
  if (!isBlank(body.sin)) {
    const sin = digits(body.sin);
    if (sin === undefined || sin.length !== 9) e.add('SIN', WRONG_FORMAT);
  }

  const qid = body.security_qid;
  if (isBlank(qid)) e.add('security_qid', REQUIRED);
  else if (!isSecurityQid(digits(qid) ?? '')) e.add('security_qid', WRONG_FORMAT);
  const securityAnswer = e.string(body, 'security_answer', { required: true, max: 50 });
  e.string(body, 'piw', { required: true, max: 50 });

  if (!e.empty) return e;
  // Every value below was checked above; the casts only restate it.
  return {
    amountCents: amountCents as number,
    phoneNumber: digits(phone) as string,
    email: email as string,
    language,
    salutation: salutation as Salutation,
    firstName: firstName as string,
    middleName,
    lastName: lastName as string,
    dob: dob as string,
    address1: address1 as string,
    address2,
    city: city as string,
    province: province as ProvinceCode,
    postalCode: (postalCode as string).trim().toUpperCase(),
    householdIncomeCents: householdIncomeCents as number,
    monthlyHousingCents,
    securityQid: Number(digits(qid)),
    securityAnswer: securityAnswer as string,
  };
}

export function creditAppRoutes(ctx: SandboxContext): RouteSpec[] {
  const { options, state } = ctx;
  return [
    {
      method: 'GET',
      version: '2.5',
      path: 'terms-and-conditions',
      scopes: BOTH_SCOPES,
      handler: (c) => {
        const province = c.req.query('province');
        if (isBlank(province)) throw wrongInputs([{ param: 'province', msg: REQUIRED }]);
        const code = province?.toUpperCase();
        if (!isProvince(code)) throw wrongInputs([{ param: 'province', msg: WRONG_FORMAT }]);
        return c.body(termsHtml(code, lang(c), state.termsRevision), 200, { 'content-type': 'text/html; charset=utf-8' });
      },
    },
    {
      method: 'POST',
      version: '2.5',
      path: 'apply',
      scopes: BOTH_SCOPES,
      handler: async (c) => {
        const body = await readJson(c);
        const now = options.now();
        const app = validateApplication(body, isoDate(now));
        if (app instanceof FieldErrors) throw wrongInputs(app.list);
        if (body.tos_agreement !== true) throw new ApiError(409, 'tos_agreement_required');
        if (state.findCustomer(app.firstName, app.lastName, app.dob)) {
          throw new ApiError(409, 'customer_already_exists');
        }

        const key = (app.middleName ?? '').toUpperCase();
        const outcome = OUTCOMES[key] ?? { approve: 'L' };
        if ('error' in outcome) throw new ApiError(409, outcome.error);

        const account = state.openAccount(
          {
            salutation: app.salutation,
            firstName: app.firstName,
            middleName: app.middleName ?? null,
            lastName: app.lastName,
            dob: app.dob,
            address1: app.address1,
            address2: app.address2 ?? null,
            city: app.city,
            province: app.province,
            postalCode: app.postalCode,
            email: app.email,
            phoneNumber: app.phoneNumber,
            preferredLanguage: app.language ?? preferredLanguageFor(lang(c)),
            securityQid: app.securityQid,
            securityAnswer: app.securityAnswer,
            riskRating: outcome.approve,
            creditLimitCents: app.amountCents,
          },
          now,
        );
        const approval = {
          vcc_number: Number(account.vccNumber),
          account_number: account.accountNumber,
          customer_id: account.customerId,
          available_credit: fromCents(account.availableCents),
          credit_limit: fromCents(account.creditLimitCents),
          risk_rating: account.riskRating,
        };
        if (app.province !== 'QC') return c.json(approval);
        return c.json({
          ...approval,
          offer_types: plansFor({ province: 'QC', riskRating: account.riskRating }).map((plan) => ({
            plan_name: plan.name[lang(c)],
            plan_id: String(plan.id),
            offer_category: plan.category,
            term_options: plan.terms.map(String),
          })),
          debt_ratio: debtRatio(app.monthlyHousingCents ?? 0, app.householdIncomeCents),
        });
      },
    },
  ];
}
