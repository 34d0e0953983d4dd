import { flexitiParts, type PartsConfig } from '../handler.js';
import { MerchantOperations, type MerchantDeps } from './operations.js';

export { MerchantOperations } from './operations.js';
export { merchantErrors } from './errors.js';
export * from './types.js';
export {
  buildReport,
  reconcile,
  reportCsv,
  describeFinding,
  DEFAULT_OPEN_LONGER_THAN_DAYS,
  FINDING_CODES,
  REPORT_CSV_HEADER,
  type FindingCode,
  type MerchantOrder,
  type OrderSource,
  type ReconcileOptions,
  type ReconciliationFinding,
  type ReconciliationReport,
  type ReconciliationRow,
  type ReconciliationTotals,
  type ReportInput,
} from './report.js';

/**
 * The merchant's side after the sale, for back-office code (never reachable with a shopper
 * session): read authorizations and the day's captures, and capture, release, return or refund,
 * each exactly once per operation key.
 */
export type FlexitiMerchant = Pick<
  MerchantOperations,
  'authorization' | 'authorizations' | 'captures' | 'capture' | 'release' | 'return' | 'refund'
>;

/**
 * The same configuration as the handler's Flexiti part (`apiBase`, keys, `state`, `logger`…):
 * give it the handler's `state` (for example the same Redis) so both see the same operation keys
 * and Flexiti token. `handler.merchant` is one already wired to the handler.
 */
export type FlexitiMerchantConfig = PartsConfig;

export function createFlexitiMerchant(config: FlexitiMerchantConfig): FlexitiMerchant {
  const { logger, nowMs, retry, state, flexiti, timeoutMs } = flexitiParts(config);
  return merchantOf({ flexiti, state, now: nowMs, logger, retry, timeoutMs });
}

export function merchantOf(deps: MerchantDeps): FlexitiMerchant {
  return new MerchantOperations(deps);
}
