import * as z from 'zod/mini';
import { ApplicationSchema, FIELD_ERROR_CODES } from './application.js';
import { PROVINCES } from './canada.js';
import { LOOKUP_INELIGIBLE_CODES } from './codes.js';

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

const receipt = z.string().check(z.minLength(10), z.maxLength(2000));

// ---------------------------------------------------------------- requests

export const SessionRequestSchema = z.strictObject({
  flow: z.optional(z.enum(FLOWS)),
});

export const ApplyRequestSchema = z.strictObject({
  application: ApplicationSchema,
  /** The `version` of the terms (`GET terms`) the shopper read and accepted. */
  termsVersion: z.string({ error: 'required' }).check(z.minLength(1, { error: 'required' }), z.maxLength(64)),
});

export const CancelApplicationRequestSchema = z.strictObject({ receipt });

export const LookupRequestSchema = z
  .strictObject({
    cardNumber: z.optional(z.string().check(z.regex(/^\d{16}$/, { error: 'invalid' }))),
    accountNumber: z.optional(z.string().check(z.regex(/^\d{1,14}$/, { error: 'invalid' }))),
  })
  .check(
    z.refine((body) => (body.cardNumber === undefined) !== (body.accountNumber === undefined), {
      error: 'required',
      path: ['cardNumber'],
    }),
  );

export const VerifyRequestSchema = z.strictObject({ receipt, method: z.enum(VERIFY_METHODS) });

export const PlansRequestSchema = z.strictObject({ receipt });

/** Flexiti's plan ids and terms: whole numbers from 1 to 999. */
const isPlanNumber = (n: number) => Number.isInteger(n) && n > 0 && n <= 999;

export const PlanChoiceSchema = z.union([
  z.strictObject({ type: z.literal('regular') }),
  z.strictObject({
    type: z.literal('promotional'),
    planId: z.number().check(z.refine(isPlanNumber)),
    term: z.number().check(z.refine(isPlanNumber)),
  }),
]);
export type PlanChoice = z.infer<typeof PlanChoiceSchema>;

export const PurchaseRequestSchema = z.strictObject({
  receipt,
  plan: PlanChoiceSchema,
  /** The verification code an existing cardholder received; not used after a new approval. */
  code: z.optional(z.string().check(z.regex(/^\d{4,8}$/, { error: 'invalid' }))),
});

// ---------------------------------------------------------------- responses

const money = z.number();
const option = z.object({ value: z.string(), label: z.string() });

export const SessionResponseSchema = z.object({
  session: z.string(),
  expiresAt: z.string(),
  flow: z.enum(FLOWS),
  amount: z.nullable(money),
  currency: z.literal('CAD'),
  reference: z.nullable(z.string()),
  mode: z.enum(['sandbox', 'live']),
  endpoint: z.string(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const OfferTypeSchema = z.object({
  planId: z.number(),
  name: z.string(),
  category: z.string(),
  terms: z.array(z.number()),
});

export const FormValuesResponseSchema = z.object({
  lang: z.enum(LANGS),
  salutations: z.array(option),
  provinces: z.array(option),
  securityQuestions: z.array(option),
  governmentIds: z.array(z.object({ value: z.string(), label: z.string(), issuers: z.array(option) })),
  offerTypes: z.array(OfferTypeSchema),
});
export type FormValuesResponse = z.infer<typeof FormValuesResponseSchema>;

export const TermsResponseSchema = z.object({
  lang: z.enum(LANGS),
  province: z.enum(PROVINCES),
  html: z.string(),
  version: z.string(),
});
export type TermsResponse = z.infer<typeof TermsResponseSchema>;

export const FieldErrorSchema = z.object({ field: z.string(), code: z.enum(FIELD_ERROR_CODES) });
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ErrorResponseSchema = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  fieldErrors: z.optional(z.array(FieldErrorSchema)),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const APPLY_DECLINE_CODES = ['application_declined', 'application_declined_2', 'application_declined_3'] as const;
export const APPLY_PENDING_CODES = ['application_marked_pending', 'application_marked_pending_2', 'creditapp_id_not_found'] as const;

export const ApplyResponseSchema = z.union([
  z.object({
    status: z.literal('approved'),
    creditLimit: money,
    availableCredit: money,
    cardLast4: z.string(),
    province: z.enum(PROVINCES),
    /** Quebec only: shown with the available credit, with the offer to cancel. */
    debtRatio: z.optional(z.number()),
    offers: z.optional(z.array(OfferTypeSchema)),
    cancellable: z.boolean(),
    receipt: z.string(),
  }),
  z.object({ status: z.literal('declined'), code: z.enum(APPLY_DECLINE_CODES), message: z.string() }),
  z.object({ status: z.literal('pending'), code: z.enum(APPLY_PENDING_CODES), message: z.string() }),
  z.object({ status: z.literal('exists'), code: z.literal('customer_already_exists'), message: z.string() }),
]);
export type ApplyResponse = z.infer<typeof ApplyResponseSchema>;

export const CancelApplicationResponseSchema = z.object({ status: z.literal('closed') });

export { LOOKUP_INELIGIBLE_CODES } from './codes.js';

export const LookupResponseSchema = z.union([
  z.object({
    status: z.literal('eligible'),
    receipt: z.string(),
    cardLast4: z.string(),
    /** Where a code can be sent, masked; a method is absent when Flexiti has no contact for it. */
    contacts: z.object({ sms: z.optional(z.string()), email: z.optional(z.string()) }),
    /** Whether the available credit covers the order; the amount itself is not disclosed. */
    enoughCredit: z.boolean(),
    preferredLang: z.optional(z.enum(LANGS)),
  }),
  z.object({ status: z.literal('ineligible'), code: z.enum(LOOKUP_INELIGIBLE_CODES) }),
  z.object({ status: z.literal('not_found') }),
]);
export type LookupResponse = z.infer<typeof LookupResponseSchema>;

export const VerifyResponseSchema = z.union([
  z.object({ status: z.literal('sent'), method: z.enum(VERIFY_METHODS) }),
  z.object({
    status: z.literal('failed'),
    code: z.enum(['contact_unavailable', 'tries_exceeded', 'user_not_able_to_purchase']),
  }),
]);
export type VerifyResponse = z.infer<typeof VerifyResponseSchema>;

export const FeeSchema = z.object({
  description: z.string(),
  amount: money,
  type: z.string(),
  message: z.string(),
});

export const PlansResponseSchema = z.object({
  amount: money,
  currency: z.literal('CAD'),
  regular: z.object({ payment: money, rate: z.number(), fees: z.array(FeeSchema) }),
  plans: z.array(
    z.object({
      planId: z.number(),
      name: z.string(),
      category: z.string(),
      terms: z.array(
        z.object({
          term: z.number(),
          monthlyPayment: money,
          rate: z.number(),
          rateDescription: z.string(),
          rateMessage: z.string(),
          fees: z.array(FeeSchema),
        }),
      ),
    }),
  ),
});
export type PlansResponse = z.infer<typeof PlansResponseSchema>;

export const PURCHASE_DECLINE_CODES = [
  'credit_exceeded',
  'plan_term_not_available',
  'user_not_able_to_purchase',
  'wrong_verification_code',
  'tries_exceeded',
  'not_verified',
] as const;

export const PurchaseResponseSchema = z.union([
  z.object({
    status: z.literal('approved'),
    authorizationId: z.string(),
    amount: money,
    currency: z.literal('CAD'),
    reference: z.string(),
    plan: PlanChoiceSchema,
  }),
  z.object({ status: z.literal('declined'), code: z.enum(PURCHASE_DECLINE_CODES) }),
]);
export type PurchaseResponse = z.infer<typeof PurchaseResponseSchema>;
