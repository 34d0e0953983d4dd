/** Flexiti's codes for an account that cannot buy at all (not this plan, not this code): lookup, plans and purchase answer them alike. */
export const LOOKUP_INELIGIBLE_CODES = ['user_not_able_to_purchase', 'user_not_active'] as const;
