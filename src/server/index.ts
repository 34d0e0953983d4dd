export { createFlexitiHandler, type FlexitiHandler, type RequestContext } from './handler.js';
export { formValuesScript } from './form-values-script.js';
export type {
  ApplicationOutcome,
  ConsentRecord,
  FlexitiHandlerConfig,
  MessageConfig,
  MessagePlanConfig,
  PurchaseOutcome,
  ResolvedOrder,
} from './config.js';
export { memoryState, type MemoryStateOptions } from './state/memory.js';
export {
  StateUnavailableError,
  type ClaimState,
  type ClaimStore,
  type CounterStore,
  type HandlerState,
  type ValueStore,
} from './state/types.js';
export { DEFAULT_LIMITS, uniformLimits, type Limits, type LimitsConfig, type RateLimit } from './budgets.js';
export type { LogEntry, Logger } from './logger.js';
export {
  createFlexitiMerchant,
  merchantErrors,
  buildReport,
  reconcile,
  reportCsv,
  describeFinding,
  FINDING_CODES,
  type FindingCode,
  type MerchantOrder,
  type ReconcileOptions,
  type ReconciliationFinding,
  type ReconciliationReport,
  type ReconciliationRow,
  ORDER_STATES,
  type FlexitiMerchant,
  type FlexitiMerchantConfig,
  type FlexitiAuthorization,
  type FlexitiCapture,
  type FlexitiCaptureActivity,
  type FlexitiRelease,
  type FlexitiReturn,
  type FlexitiRefund,
  type OrderState,
  type OperationResult,
  type CaptureResult,
  type ReleaseResult,
  type ReturnResult,
  type RefundResult,
  type CaptureInput,
  type ReleaseInput,
  type ReturnInput,
  type RefundInput,
  type AuthorizationQuery,
  type CaptureQuery,
} from './merchant/index.js';
