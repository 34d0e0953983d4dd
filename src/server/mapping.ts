import type {
  Application,
  ApplicationField,
  FieldError,
  FormValuesResponse,
  Lang,
  PlanChoice,
  PlansResponse,
} from '../schemas/index.js';
import { isRecord, type FlexitiLang } from './flexiti-client.js';

/** Translation between our contract and Flexiti's field names and shapes. */

export function flexitiLang(lang: Lang): FlexitiLang {
  return lang === 'fr-CA' ? 'fr' : 'en';
}

/** `lang` query: `fr`, `fr-CA`, `FR-ca` → `fr-CA`; anything else English. */
export function parseLang(value: string | undefined): Lang {
  return value?.toLowerCase().startsWith('fr') ? 'fr-CA' : 'en-CA';
}

const APPLY_FIELDS: Record<ApplicationField, string> = {
  amountRequested: 'amount_requested',
  salutation: 'salutation',
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  dob: 'dob',
  email: 'email',
  phone: 'phone_number',
  address1: 'address_1',
  address2: 'address_2',
  city: 'city',
  province: 'province',
  postalCode: 'postal_code',
  govIdType: 'govid_type',
  govIdIssuedBy: 'govid_issuedby',
  govIdNumber: 'govid_number',
  govIdExpiry: 'govid_expiry',
  sin: 'sin',
  personalIncome: 'personal_income',
  householdIncome: 'household_income',
  monthlyHousingExpenses: 'monthly_housing_expenses',
  housingType: 'housing_type',
  occupationId: 'occupation_id',
  occupationTitle: 'occupation_title',
  employerName: 'employer_name',
  employerPhone: 'employer_phone',
  securityQuestionId: 'security_qid',
  securityAnswer: 'security_answer',
  personalIdWord: 'piw',
  termsAccepted: 'tos_agreement',
};

const FROM_FLEXITI = new Map(Object.entries(APPLY_FIELDS).map(([ours, theirs]) => [theirs.toLowerCase(), ours]));

export function toFlexitiApplication(app: Application, lang: Lang): Record<string, unknown> {
  const body: Record<string, unknown> = { language: lang, input_type: 'manual' };
  for (const [ours, theirs] of Object.entries(APPLY_FIELDS) as [ApplicationField, string][]) {
    const value = app[ours];
    if (value !== undefined && value !== '') body[theirs] = value;
  }
  return body;
}

/** Flexiti's `field_errors` (`{param: "SIN", msg: "wrong format"}`) on our field names. */
export function fromFlexitiFieldErrors(body: unknown): FieldError[] {
  const list = isRecord(body) ? (body.field_errors ?? body.error_fields) : undefined;
  if (!Array.isArray(list)) return [{ field: '_', code: 'invalid' }];
  return list.filter(isRecord).map((entry) => ({
    field: FROM_FLEXITI.get(String(entry.param).toLowerCase()) ?? '_',
    code: entry.msg === 'required' ? 'required' : 'invalid',
  }));
}

const options = (value: unknown) =>
  Object.entries(isRecord(value) && isRecord(value.options) ? value.options : {}).map(([v, label]) => ({
    value: v,
    label: String(label),
  }));

export function toOfferTypes(value: unknown): FormValuesResponse['offerTypes'] {
  return (Array.isArray(value) ? value : []).filter(isRecord).map((offer) => ({
    planId: Number(offer.plan_id),
    name: String(offer.plan_name ?? '').trim(),
    category: String(offer.offer_category ?? ''),
    terms: (Array.isArray(offer.term_options) ? offer.term_options : []).map(Number),
  }));
}

export function toFormValues(login: Record<string, unknown>, lang: Lang): FormValuesResponse {
  const values = isRecord(login.form_values) ? login.form_values : {};
  const issuedBy = isRecord(values.govid_issued_by) && isRecord(values.govid_issued_by.option_depends)
    ? values.govid_issued_by.option_depends
    : {};
  return {
    lang,
    salutations: options(values.salutation),
    provinces: options(values.province),
    securityQuestions: options(values.security_qid),
    governmentIds: options(values.govid_type).map((type) => ({
      ...type,
      issuers: options({ options: issuedBy[type.value] }),
    })),
    offerTypes: toOfferTypes(login.offer_types ?? values.offer_types),
  };
}

const num = (value: unknown) => Number(value ?? 0);

const fees = (value: unknown) =>
  (Array.isArray(value) ? value : []).filter(isRecord).map((fee) => ({
    description: String(fee.description ?? ''),
    amount: num(fee.amount),
    type: String(fee.type ?? ''),
    message: String(fee.message ?? ''),
  }));

export function toPlans(
  body: Record<string, unknown>,
  amount: number,
  categories: ReadonlyMap<number, string>,
): PlansResponse {
  const regular = isRecord(body.regular_purchase) ? body.regular_purchase : {};
  const promotional = Array.isArray(body.promotional_purchase) ? body.promotional_purchase : [];
  return {
    amount,
    currency: 'CAD',
    regular: { payment: num(regular.term_amount), rate: num(regular.air), fees: fees(regular.fees) },
    plans: promotional.filter(isRecord).map((plan) => ({
      planId: num(plan.plan_id),
      name: String(plan.plan_name ?? '').trim(),
      category: String(plan.offer_category ?? categories.get(num(plan.plan_id)) ?? ''),
      terms: (Array.isArray(plan.terms) ? plan.terms : []).filter(isRecord).map((term) => {
        const rates = isRecord(term.annual_rates) ? term.annual_rates : {};
        return {
          term: num(term.term),
          monthlyPayment: num(term.term_amount),
          rate: num(rates.rate),
          rateDescription: String(rates.description ?? ''),
          rateMessage: String(rates.message ?? ''),
          fees: fees(term.fees),
        };
      }),
    })),
  };
}

export function toFinancingOption(plan: PlanChoice): Record<string, unknown> {
  return plan.type === 'regular'
    ? { transaction_type: 'regular_purchase' }
    : { transaction_type: 'promotional_purchase', plan_id: plan.planId, term: plan.term };
}

export function fromFinancingOption(value: unknown): PlanChoice {
  if (isRecord(value) && value.transaction_type === 'promotional_purchase') {
    return { type: 'promotional', planId: num(value.plan_id), term: num(value.term) };
  }
  return { type: 'regular' };
}

/** Rounds dollars to cents, the precision Flexiti uses (18,2). */
export function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function isOneOf<const T extends readonly string[]>(value: string | undefined, list: T): value is T[number] {
  return value !== undefined && (list as readonly string[]).includes(value);
}
