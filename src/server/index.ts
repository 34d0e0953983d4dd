export { createFlexitiHandler, type FlexitiHandler, type RequestContext } from './handler.js';
export type { ApplicationOutcome, ConsentRecord, FlexitiHandlerConfig, PurchaseOutcome, ResolvedOrder } from './config.js';
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
