import * as v from 'valibot';
import { ApplicationSchema } from './application.js';
import { PROVINCES } from './canada.js';
import { LOOKUP_INELIGIBLE_CODES } from './codes.js';
import { FIELD_ERROR_CODES } from './field-codes.js';
import { finiteNumber, strict } from './strict.js';

/**
 * The browser-facing contract of the merchant handler: one schema per request body the elements
 * send (validated by the handler) and per response they read.
 */

/**
 * The contract's version, carried in every session token as the `v` claim. The elements check it
 * once when a session starts and then trust the typed answers of the handler that minted it, so
 * a script tag and a handler from incompatible releases fail at once with `session_incompatible`.
 * The response schemas below describe those answers; the handler's tests hold it to them.
 */
export const CONTRACT_VERSION = 1;

export const FLOWS = ['checkout', 'apply'] as const;
export type Flow = (typeof FLOWS)[number];

export const LANGS = ['en-CA', 'fr-CA'] as const;
export type Lang = (typeof LANGS)[number];

export const VERIFY_METHODS = ['sms', 'email'] as const;
export type VerifyMethod = (typeof VERIFY_METHODS)[number];

const receipt = v.pipe(v.string(), v.minLength(10), v.maxLength(2000));

// ---------------------------------------------------------------- requests

export const SessionRequestSchema = strict({
  flow: v.optional(v.picklist(FLOWS)),
  /** The shopper's language: an application's session then comes with its form values in it. */
  lang: v.optional(v.picklist(LANGS)),
});

export const ApplyRequestSchema = strict({
  application: ApplicationSchema,
  /** The `version` of the terms (`GET terms`) the shopper read and accepted; anything else is `required`. */
  termsVersion: v.pipe(v.string('required'), v.minLength(1, 'required'), v.maxLength(64, 'required')),
});

export const CancelApplicationRequestSchema = strict({ receipt });

export const LookupRequestSchema = v.pipe(
  strict({
    cardNumber: v.optional(v.pipe(v.string(), v.regex(/^\d{16}$/, 'invalid'))),
    accountNumber: v.optional(v.pipe(v.string(), v.regex(/^\d{1,14}$/, 'invalid'))),
  }),
  // Exactly one of the two; the error is on `cardNumber`.
  v.forward(
    v.check((body) => (body.cardNumber === undefined) !== (body.accountNumber === undefined), 'required'),
    ['cardNumber'],
  ),
);

export const VerifyRequestSchema = strict({ receipt, method: v.picklist(VERIFY_METHODS) });

export const PlansRequestSchema = strict({ receipt });

/** Flexiti's plan ids and terms: whole numbers from 1 to 999. */
const isPlanNumber = (n: number) => Number.isInteger(n) && n > 0 && n <= 999;

const planNumber = v.pipe(finiteNumber(), v.check(isPlanNumber));

export const PlanChoiceSchema = v.union([
  strict({ type: v.literal('regular') }),
  strict({ type: v.literal('promotional'), planId: planNumber, term: planNumber }),
]);
export type PlanChoice = v.InferOutput<typeof PlanChoiceSchema>;

export const PurchaseRequestSchema = strict({
  receipt,
  plan: PlanChoiceSchema,
  /** The verification code an existing cardholder received; not used after a new approval. */
  code: v.optional(v.pipe(v.string(), v.regex(/^\d{4,8}$/, 'invalid'))),
});

// ---------------------------------------------------------------- responses

const money = v.number();
const option = v.object({ value: v.string(), label: v.string() });

export const OfferTypeSchema = v.object({
  planId: v.number(),
  name: v.string(),
  category: v.string(),
  terms: v.array(v.number()),
});

export const FormValuesResponseSchema = v.object({
  lang: v.picklist(LANGS),
  salutations: v.array(option),
  provinces: v.array(option),
  securityQuestions: v.array(option),
  governmentIds: v.array(v.object({ value: v.string(), label: v.string(), issuers: v.array(option) })),
  offerTypes: v.array(OfferTypeSchema),
  /** The handler's mode, for the sandbox badge (a session's token says it too). */
  mode: v.optional(v.picklist(['sandbox', 'live'])),
});
export type FormValuesResponse = v.InferOutput<typeof FormValuesResponseSchema>;

export const SessionResponseSchema = v.object({
  session: v.string(),
  expiresAt: v.string(),
  flow: v.picklist(FLOWS),
  amount: v.nullable(money),
  currency: v.literal('CAD'),
  reference: v.nullable(v.string()),
  mode: v.picklist(['sandbox', 'live']),
  endpoint: v.string(),
  /** An application's form values in the language asked for, saving the first request (absent when Flexiti could not give them). */
  formValues: v.optional(FormValuesResponseSchema),
});
export type SessionResponse = v.InferOutput<typeof SessionResponseSchema>;

export const TermsResponseSchema = v.object({
  lang: v.picklist(LANGS),
  province: v.picklist(PROVINCES),
  /** Flexiti's terms, sanitised by the handler (text formatting and links only). */
  sanitizedHtml: v.string(),
  version: v.string(),
});
export type TermsResponse = v.InferOutput<typeof TermsResponseSchema>;

/** `GET offers`: the merchant's plans for the on-site message (the `Offers` of `offers.ts`). */
export const OfferPlanSchema = v.object({
  planId: v.number(),
  name: v.string(),
  category: v.string(),
  terms: v.array(v.number()),
  rate: v.nullable(v.number()),
  payments: v.nullable(v.picklist(['none', 'minimum'])),
  fee: v.nullable(money),
  minAmount: money,
  maxAmount: money,
});

export const OffersSchema = v.object({
  lang: v.picklist(LANGS),
  currency: v.literal('CAD'),
  plans: v.array(OfferPlanSchema),
});

export const FieldErrorSchema = v.object({ field: v.string(), code: v.picklist(FIELD_ERROR_CODES) });
export type FieldError = v.InferOutput<typeof FieldErrorSchema>;

export const ErrorResponseSchema = v.object({
  code: v.string(),
  message: v.string(),
  retryable: v.boolean(),
  fieldErrors: v.optional(v.array(FieldErrorSchema)),
});
export type ErrorResponse = v.InferOutput<typeof ErrorResponseSchema>;

export const APPLY_DECLINE_CODES = ['application_declined', 'application_declined_2', 'application_declined_3'] as const;
export const APPLY_PENDING_CODES = ['application_marked_pending', 'application_marked_pending_2', 'creditapp_id_not_found'] as const;

export const ApplyResponseSchema = v.union([
  v.object({
    status: v.literal('approved'),
    creditLimit: money,
    availableCredit: money,
    cardLast4: v.string(),
    province: v.picklist(PROVINCES),
    /** Quebec only: shown with the available credit, with the offer to cancel. */
    debtRatio: v.optional(v.number()),
    offers: v.optional(v.array(OfferTypeSchema)),
    cancellable: v.boolean(),
    receipt: v.string(),
  }),
  v.object({ status: v.literal('declined'), code: v.picklist(APPLY_DECLINE_CODES), sanitizedMessage: v.string() }),
  v.object({ status: v.literal('pending'), code: v.picklist(APPLY_PENDING_CODES), sanitizedMessage: v.string() }),
  v.object({ status: v.literal('exists'), code: v.literal('customer_already_exists'), sanitizedMessage: v.string() }),
]);
export type ApplyResponse = v.InferOutput<typeof ApplyResponseSchema>;

export const CancelApplicationResponseSchema = v.object({ status: v.literal('closed') });

export { LOOKUP_INELIGIBLE_CODES } from './codes.js';

export const LookupResponseSchema = v.union([
  v.object({
    status: v.literal('eligible'),
    receipt: v.string(),
    cardLast4: v.string(),
    /** Where a code can be sent, masked; a method is absent when Flexiti has no contact for it. */
    contacts: v.object({ sms: v.optional(v.string()), email: v.optional(v.string()) }),
    /** Whether the available credit covers the order; the amount itself is not disclosed. */
    enoughCredit: v.boolean(),
    preferredLang: v.optional(v.picklist(LANGS)),
  }),
  v.object({ status: v.literal('ineligible'), code: v.picklist(LOOKUP_INELIGIBLE_CODES) }),
  v.object({ status: v.literal('not_found') }),
]);
export type LookupResponse = v.InferOutput<typeof LookupResponseSchema>;

export const VerifyResponseSchema = v.union([
  v.object({ status: v.literal('sent'), method: v.picklist(VERIFY_METHODS) }),
  v.object({
    status: v.literal('failed'),
    code: v.picklist(['contact_unavailable', 'tries_exceeded', 'user_not_able_to_purchase']),
  }),
]);
export type VerifyResponse = v.InferOutput<typeof VerifyResponseSchema>;

export const FeeSchema = v.object({
  description: v.string(),
  amount: money,
  type: v.string(),
  message: v.string(),
});

export const PlansResponseSchema = v.object({
  amount: money,
  currency: v.literal('CAD'),
  regular: v.object({ payment: money, rate: v.number(), fees: v.array(FeeSchema) }),
  plans: v.array(
    v.object({
      planId: v.number(),
      name: v.string(),
      category: v.string(),
      terms: v.array(
        v.object({
          term: v.number(),
          monthlyPayment: money,
          rate: v.number(),
          rateDescription: v.string(),
          rateMessage: v.string(),
          fees: v.array(FeeSchema),
        }),
      ),
    }),
  ),
});
export type PlansResponse = v.InferOutput<typeof PlansResponseSchema>;

export const PURCHASE_DECLINE_CODES = [
  'credit_exceeded',
  'plan_term_not_available',
  'user_not_able_to_purchase',
  'wrong_verification_code',
  'tries_exceeded',
  'not_verified',
] as const;

export const PurchaseResponseSchema = v.union([
  v.object({
    status: v.literal('approved'),
    authorizationId: v.string(),
    amount: money,
    currency: v.literal('CAD'),
    reference: v.string(),
    plan: PlanChoiceSchema,
  }),
  v.object({ status: v.literal('declined'), code: v.picklist(PURCHASE_DECLINE_CODES) }),
]);
export type PurchaseResponse = v.InferOutput<typeof PurchaseResponseSchema>;
