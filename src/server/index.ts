export { createFlexitiHandler, type FlexitiHandler, type RequestContext } from './handler.js';
export type { ApplicationOutcome, FlexitiHandlerConfig, PurchaseOutcome, ResolvedOrder } from './config.js';
export { MemoryClaimStore, type ClaimState, type ClaimStore } from './store.js';
export type { LogEntry, Logger } from './logger.js';
export type { RateLimit } from './rate-limit.js';
