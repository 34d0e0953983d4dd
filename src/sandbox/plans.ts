/**
 * The merchant's financing plans and the arithmetic of `calculate-interest`.
 * Plan ids, names and terms are the `offer_types` of Flexiti's `merchants/login` example.
 */
import type { Lang } from './messages.js';
import { roundMoney } from './money.js';
import type { ProvinceCode, RiskRating } from './personas.js';

/** Annual interest rate on the revolving balance of every sandbox customer. */
export const CUSTOMER_AIR = 0.2999;
export const ADMIN_FEE = 49.99;
/** Regular purchases up to this amount may skip verification (`regular_purchase.verify`). */
export const REGULAR_PURCHASE_BYPASS_LIMIT = 200;

export type OfferCategory = 'equal_billing' | 'deferred_payment';
type PlanKind = 'equal' | 'deferred_interest' | 'deferred' | 'minimum';
export type CategoryType = 'preferred' | 'premium' | 'standard';

export interface PlanDefinition {
  readonly id: number;
  readonly name: Readonly<Record<Lang, string>>;
  readonly category: OfferCategory;
  readonly kind: PlanKind;
  readonly terms: readonly number[];
  /** Annual rate the plan charges (or, for deferred interest, accrues). */
  readonly rate: number;
  readonly graceDays: number;
  /** Prime-only plans are refused to standard (non-prime) customers. */
  readonly primeOnly: boolean;
  readonly excludedProvinces: readonly ProvinceCode[];
  readonly adminFee: number;
}

export const PLANS: readonly PlanDefinition[] = [
  {
    id: 1,
    name: { en: '90 Days Grace, Equal Payments Regular Interest', fr: '90 jours de grâce, versements égaux, intérêt régulier' },
    category: 'equal_billing',
    kind: 'equal',
    terms: [18, 36, 48, 72],
    rate: 0.2999,
    graceDays: 90,
    primeOnly: false,
    excludedProvinces: [],
    adminFee: 0,
  },
  {
    id: 2,
    name: { en: 'Equal Payments, Low Interest', fr: 'Versements égaux, faible intérêt' },
    category: 'equal_billing',
    kind: 'equal',
    terms: [3, 6, 40, 60],
    rate: 0.0999,
    graceDays: 0,
    primeOnly: true,
    excludedProvinces: [],
    adminFee: 0,
  },
  {
    id: 4,
    name: { en: 'Equal Payments, Regular Interest', fr: 'Versements égaux, intérêt régulier' },
    category: 'equal_billing',
    kind: 'equal',
    terms: [3, 6, 18, 36, 72],
    rate: 0.2999,
    graceDays: 0,
    primeOnly: false,
    excludedProvinces: [],
    adminFee: 0,
  },
  {
    id: 5,
    name: { en: 'Equal Payments, No Interest', fr: 'Versements égaux, sans intérêt' },
    category: 'equal_billing',
    kind: 'equal',
    terms: [3, 6, 10, 20, 30, 40],
    rate: 0,
    graceDays: 0,
    primeOnly: true,
    excludedProvinces: [],
    adminFee: 0,
  },
  {
    id: 6,
    name: { en: 'No Interest, No Payments (S.A.C.)', fr: 'Sans intérêt ni versement (S.A.C.)' },
    category: 'deferred_payment',
    kind: 'deferred_interest',
    terms: [3, 6, 8],
    rate: 0.2999,
    graceDays: 0,
    primeOnly: false,
    // Interest that accrues and is later waived is not offered to Quebec consumers.
    excludedProvinces: ['QC'],
    adminFee: ADMIN_FEE,
  },
  {
    id: 7,
    // The trailing space is in Flexiti's own plan list; kept so names compare equal.
    name: { en: 'No Interest, No Payments ', fr: 'Sans intérêt ni versement' },
    category: 'deferred_payment',
    kind: 'deferred',
    terms: [3, 12],
    rate: 0,
    graceDays: 0,
    primeOnly: false,
    excludedProvinces: [],
    adminFee: ADMIN_FEE,
  },
  {
    id: 9,
    name: { en: 'No Interest, Minimum monthly payments', fr: 'Sans intérêt, versements mensuels minimums' },
    category: 'deferred_payment',
    kind: 'minimum',
    terms: [3, 6, 9, 12, 18],
    rate: 0,
    graceDays: 0,
    primeOnly: false,
    excludedProvinces: [],
    adminFee: 0,
  },
];

/**
 * The sandbox merchant's plans as the handler's `message` option describes them (rates, admin
 * fees, whether a deferred plan asks for payments), derived from `PLANS` so the on-site message
 * and the sandbox's quotes cannot disagree; with the demo's amount limits: every plan from $100,
 * deferred plans from $300, none above $25,000.
 */
export function sandboxMessageConfig(): {
  plans: Record<number, { rate: number; fee: number; payments?: 'none' | 'minimum'; minAmount?: number }>;
  minAmount: number;
  maxAmount: number;
} {
  const plans: ReturnType<typeof sandboxMessageConfig>['plans'] = {};
  for (const plan of PLANS) {
    plans[plan.id] =
      plan.category === 'deferred_payment'
        ? { rate: plan.rate, fee: plan.adminFee, payments: plan.kind === 'minimum' ? 'minimum' : 'none', minAmount: 300 }
        : { rate: plan.rate, fee: plan.adminFee };
  }
  return { plans, minAmount: 100, maxAmount: 25_000 };
}

export function findPlan(id: number): PlanDefinition | undefined {
  return PLANS.find((p) => p.id === id);
}

export function isPrime(risk: RiskRating): boolean {
  return risk === 'L' || risk === 'M' || risk === 'H' || risk === 'X';
}

export function categoryType(risk: RiskRating): CategoryType {
  if (risk === 'L' || risk === 'M') return 'preferred';
  if (risk === 'H' || risk === 'X') return 'premium';
  return 'standard';
}

export interface PlanCustomer {
  readonly province: ProvinceCode;
  readonly riskRating: RiskRating;
}

export function isPlanOffered(plan: PlanDefinition, customer: PlanCustomer): boolean {
  if (plan.primeOnly && !isPrime(customer.riskRating)) return false;
  return !plan.excludedProvinces.includes(customer.province);
}

/** Plans this customer may buy with, in plan-id order. */
export function plansFor(customer: PlanCustomer): PlanDefinition[] {
  return PLANS.filter((p) => isPlanOffered(p, customer));
}

/** Level monthly payment that repays `amount` over `months` at `annualRate`, rounded to cents. */
export function equalPayment(amount: number, annualRate: number, months: number): number {
  const r = annualRate / 12;
  if (r === 0) return roundMoney(amount / months);
  return roundMoney((amount * r) / (1 - (1 + r) ** -months));
}

/** Minimum monthly payment on a deferred plan: 3 % of the purchase, at least $10, never more than the purchase. */
export function minimumPayment(amount: number): number {
  return roundMoney(Math.min(amount, Math.max(10, amount * 0.03)));
}

export function termAmount(plan: PlanDefinition, amount: number, term: number): number {
  switch (plan.kind) {
    case 'equal':
      return equalPayment(amount, plan.rate, term);
    case 'minimum':
      return minimumPayment(amount);
    case 'deferred':
    case 'deferred_interest':
      return 0;
  }
}

export interface Fee {
  description: string;
  amount: number;
  type: 'admin_total' | 'admin_monthly';
  message: string;
}

export interface AnnualRates {
  description: string;
  rate: number;
  type: 'interest' | 'no_interest' | 'deferred_interest';
  message: string;
}

export interface TermQuote {
  term: number;
  term_amount: number;
  fees: Fee[];
  annual_rates: AnnualRates;
}

export interface PlanQuote {
  plan_id: number;
  plan_name: string;
  terms: TermQuote[];
}

const LOCALE: Record<Lang, string> = { en: 'en-CA', fr: 'fr-CA' };

export function formatMoney(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: 'CAD' }).format(amount);
}

export function formatRate(rate: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(rate);
}

function rateMessage(plan: PlanDefinition, term: number, payment: number, lang: Lang): string {
  const rate = formatRate(plan.rate, lang);
  const pay = formatMoney(payment, lang);
  const air = formatRate(CUSTOMER_AIR, lang);
  if (lang === 'fr') {
    switch (plan.kind) {
      case 'equal':
        return plan.rate === 0
          ? `Aucun intérêt (0,00 %). ${term} versements mensuels égaux de ${pay}.`
          : `Un taux d’intérêt annuel de ${rate} s’applique. ` +
              (plan.graceDays > 0 ? `Aucun versement pendant les ${plan.graceDays} premiers jours, puis ` : '') +
              `${term} versements mensuels égaux de ${pay}.`;
      case 'deferred_interest':
        return `Aucun intérêt ni versement pendant ${term} mois. Les intérêts courent au taux annuel de ${rate} à compter de la date d’achat et sont annulés si l’achat est payé en entier avant la fin de la période promotionnelle.`;
      case 'deferred':
        return `Aucun intérêt ni versement pendant ${term} mois. Tout solde restant à la fin de la période promotionnelle porte ensuite intérêt au taux annuel de ${air}.`;
      case 'minimum':
        return `Aucun intérêt pendant ${term} mois. Un versement mensuel minimum de ${pay} est exigé. Tout solde restant à la fin de la période promotionnelle porte ensuite intérêt au taux annuel de ${air}.`;
    }
  }
  switch (plan.kind) {
    case 'equal':
      return plan.rate === 0
        ? `No interest (0.00%) applies. ${term} equal monthly payments of ${pay}.`
        : `Annual interest rate of ${rate} applies. ` +
            (plan.graceDays > 0 ? `No payments for the first ${plan.graceDays} days, then ` : '') +
            `${term} equal monthly payments of ${pay}.`;
    case 'deferred_interest':
      return `No interest and no payments for ${term} months. Interest accrues at an annual rate of ${rate} from the purchase date and is waived if the purchase is paid in full by the end of the promotional period.`;
    case 'deferred':
      return `No interest and no payments for ${term} months. Any balance remaining at the end of the promotional period is charged interest at an annual rate of ${air} from then on.`;
    case 'minimum':
      return `No interest for ${term} months. A minimum monthly payment of ${pay} is required. Any balance remaining at the end of the promotional period is charged interest at an annual rate of ${air} from then on.`;
  }
}

function annualRates(plan: PlanDefinition, term: number, payment: number, lang: Lang): AnnualRates {
  const deferred = plan.kind === 'deferred_interest';
  return {
    description: deferred
      ? lang === 'fr' ? 'Taux d’intérêt annuel différé' : 'Deferred annual interest rate'
      : lang === 'fr' ? 'Taux d’intérêt annuel' : 'Annual interest rate',
    rate: plan.rate,
    type: deferred ? 'deferred_interest' : plan.rate === 0 ? 'no_interest' : 'interest',
    message: rateMessage(plan, term, payment, lang),
  };
}

export function planFees(plan: PlanDefinition, lang: Lang): Fee[] {
  if (plan.adminFee === 0) return [];
  const fee = formatMoney(plan.adminFee, lang);
  return [
    {
      description: lang === 'fr' ? 'Frais d’administration :' : 'Administrative fees:',
      amount: plan.adminFee,
      type: 'admin_total',
      message:
        lang === 'fr'
          ? `Des frais d’administration uniques de ${fee} sont portés au solde du compte au moment de l’achat.`
          : `A one-time administrative fee of ${fee} is added to the account balance when the purchase is made.`,
    },
  ];
}

export function quotePlan(plan: PlanDefinition, amount: number, lang: Lang): PlanQuote {
  return {
    plan_id: plan.id,
    plan_name: plan.name[lang],
    terms: [...plan.terms]
      .sort((a, b) => a - b)
      .map((term) => {
        const payment = termAmount(plan, amount, term);
        return {
          term,
          term_amount: payment,
          fees: planFees(plan, lang),
          annual_rates: annualRates(plan, term, payment, lang),
        };
      }),
  };
}

export function totalFees(plan: PlanDefinition | undefined): number {
  return plan?.adminFee ?? 0;
}
