import type { CheckoutMessages } from './checkout-messages.js';
import type { ApplicationField, FieldErrorCode, HOUSING_TYPES, OCCUPATIONS } from '../schemas/index.js';

/**
 * Every string the elements show, as one typed dictionary per language. Messages with values
 * are functions; amounts and dates arrive already formatted for the language.
 */
export interface FieldText {
  label: string;
  /** Shown under the label, tied to the control by `aria-describedby`. */
  help?: string;
  /** The message when the field is left empty. */
  required?: string;
}

/** What every element shows, whatever it does: loaded with the element itself. */
export interface CommonMessages {
  lang: 'en-CA' | 'fr-CA';
  loading: string;
  sandboxBadge: string;
  retry: string;
  failure: {
    title: string;
    network: string;
    unavailable: string;
    createError: string;
    session: string;
    generic: string;
    keepAnswers: string;
    loadFailed: string;
  };
}

/** The credit application's words: loaded with the application. */
export interface Messages extends CommonMessages {
  optional: string;

  sections: {
    amount: string;
    about: string;
    address: string;
    identity: string;
    identityHelp: string;
    income: string;
    employment: string;
    security: string;
    securityHelp: string;
    terms: string;
  };
  fields: Record<ApplicationField, FieldText>;
  choose: string;
  /** One label per value the schema allows: a value added there must be named here. */
  housingTypes: Record<(typeof HOUSING_TYPES)[number], string>;
  occupations: Record<(typeof OCCUPATIONS)[number], string>;
  termsRegion: string;
  termsNeedProvince: string;

  errors: Record<Exclude<FieldErrorCode, 'underage'>, string> & {
    underage: (age: number) => string;
  };
  summaryTitle: (count: number) => string;
  /** Where the shopper is in the application, e.g. "Step 2 of 4". */
  stepOf: (step: number, steps: number) => string;
  continue: string;
  back: string;
  /** The labels of a date's three controls. */
  dateParts: { day: string; month: string; year: string };
  /** January to December, as the language writes them in a date. */
  months: readonly string[];

  submit: string;
  submitting: string;

  /** Status announced in the polite live region. */
  status: {
    submitting: string;
    loadingTerms: string;
  };

  approved: {
    title: string;
    intro: string;
    creditLimit: string;
    availableCredit: string;
    card: (last4: string) => string;
    next: string;
  };
  quebec: {
    debtRatio: string;
    debtRatioHelp: string;
    offers: string;
    offer: (plan: string, terms: string) => string;
    cancelIntro: string;
    cancel: string;
    confirmTitle: string;
    confirmText: string;
    confirmYes: string;
    confirmNo: string;
    closing: string;
    closedTitle: string;
    closedText: string;
  };
  declined: {
    title: string;
    application_declined: string;
    application_declined_2: string;
    application_declined_3: string;
  };
  pending: {
    title: string;
    application_marked_pending: string;
    application_marked_pending_2: string;
    creditapp_id_not_found: string;
  };
  exists: {
    title: string;
    text: string;
  };
  flexitiSays: string;
}

/**
 * A language's whole dictionary, each part loaded with the code that says it: what every element
 * says (with the element), the credit application's words (with the application) and the
 * checkout's section (with `<flexiti-checkout>`, so that an application page does not load it).
 */
export interface Dictionary extends Messages {
  checkout: CheckoutMessages;
}

/** What `<flexiti-message>` says: its own small dictionary, loaded with its own entry. Amounts arrive formatted. */
export interface MessageWords {
  lang: 'en-CA' | 'fr-CA';
  /** The line next to the price, by what the plans allow for the amount. */
  headline: {
    zero: (months: number) => string;
    monthly: (payment: string) => string;
    noPayments: (months: number) => string;
    generic: string;
    below: (minimum: string) => string;
    above: (maximum: string) => string;
  };
  learnMore: string;
  title: string;
  intro: (amount: string) => string;
  example: string;
  allPlans: string;
  option: {
    equal: (payment: string, months: number, rate: string) => string;
    zero: (payment: string, months: number) => string;
    lastPayment: (count: number, payment: string, last: string) => string;
    total: (total: string) => string;
    costOfBorrowing: (cost: string) => string;
    feesNotStated: string;
    noPayments: (months: number) => string;
    firstPayment: (month: number) => string;
    fee: (fee: string) => string;
    payInFull: (amount: string, months: number) => string;
    minimum: (months: number) => string;
    plan: (months: number) => string;
  };
  legal: string;
  apply: string;
  close: string;
  loadFailed: string;
  retry: string;
}
