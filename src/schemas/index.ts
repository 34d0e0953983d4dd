export * from './canada.js';
export * from './application.js';
export * from './contract.js';
export * from './issues.js';
export * from './quebec.js';
export { equalPayments, feesOver, termCost, type PlanCategory, type QuotedTerm, type TermCost } from './plan-cost.js';
export { monthlyPayment, planOptions, summarizeOffers, type Headline, type OfferOption, type OfferPlan, type Offers, type OfferSummary } from './offers.js';
