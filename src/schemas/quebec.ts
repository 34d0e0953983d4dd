/**
 * Where Quebec differs, in one place for the schema, the form and the handler (Quebec's Consumer
 * Protection Act and Flexiti's Quebec practice):
 * - the application asks for monthly housing expenses, and requires them (the debt ratio shown
 *   with a Quebec approval is computed from them);
 * - a new Quebec account can be closed at once from the approval (the right to cancel a credit
 *   contract), which `POST apply/cancel` does.
 */
import type { Province } from './canada.js';

export const isQuebec = (province: Province | string | undefined): boolean => province === 'QC';

/** Monthly housing expenses are asked for, and required. */
export const asksHousingExpenses = isQuebec;

/** A just-approved account can be cancelled from the approval. */
export const canCancelNewAccount = isQuebec;
