/**
 * The merchant's view of Flexiti after the sale: authorizations with their captures, releases,
 * returns and refunds, and the answers of the operations that move that money. Amounts are
 * dollars exact to the cent; ids are strings (Flexiti's reach 16 digits).
 */

export type PlanOfAuthorization = { type: 'regular' } | { type: 'promotional'; planId: number; term: number };

/** Where an order stands, from its authorization's amounts. */
export type OrderState = 'authorized' | 'partly_captured' | 'captured' | 'partly_returned' | 'returned' | 'released';

export const ORDER_STATES: readonly OrderState[] = ['authorized', 'partly_captured', 'captured', 'partly_returned', 'returned', 'released'];

export interface FlexitiReturn {
  returnId: string;
  reference: string | null;
  amount: number;
  date: string;
}

export interface FlexitiRefund {
  refundId: string | null;
  reference: string | null;
  amount: number;
  date: string;
}

export interface FlexitiCapture {
  captureId: string;
  authorizationId: string;
  reference: string | null;
  amount: number;
  date: string;
  /** What can still be returned or refunded: the amount less its returns and refunds. */
  remainingAmount: number;
  returns: FlexitiReturn[];
  refunds: FlexitiRefund[];
}

export interface FlexitiRelease {
  releaseId: string | null;
  amount: number;
  date: string;
}

export interface FlexitiAuthorization {
  authorizationId: string;
  accountNumber: string;
  reference: string | null;
  amount: number;
  /** `opened` while an amount is left to capture or release. */
  status: 'opened' | 'closed';
  /** Authorized and neither captured nor released yet. */
  remainingAmount: number;
  capturedAmount: number;
  releasedAmount: number;
  returnedAmount: number;
  refundedAmount: number;
  createdAt: string;
  plan: PlanOfAuthorization;
  autoCapture: boolean;
  captures: FlexitiCapture[];
  releases: FlexitiRelease[];
  state: OrderState;
}

/** One capture in the day's activity (`captures()`), with the account it was charged to. */
export interface FlexitiCaptureActivity extends FlexitiCapture {
  accountNumber: string;
  transactionType: 'promotional_purchase' | 'regular_purchase';
}

/** Every money-moving call names the merchant's operation: the same key never moves money twice. */
export interface OperationKey {
  /**
   * 1 to 100 printable ASCII characters, unique per intended operation (for example
   * `capture-ORDER-1042-shipment-1`). A repeat with the same key, from any instance, gets the
   * first answer; the same key with other arguments is refused with `operation_key_reused`.
   */
  operationKey: string;
}

export interface CaptureInput extends OperationKey {
  /** Default: everything still authorized. */
  amount?: number | undefined;
  /** Stored on the capture (ASCII ≤ 40); default the authorization's reference. */
  reference?: string | undefined;
}

export interface ReleaseInput extends OperationKey {
  /** Default: everything still authorized. */
  amount?: number | undefined;
}

export interface ReturnInput extends OperationKey {
  /** Default: everything the capture still holds (a full return). */
  amount?: number | undefined;
  reference?: string | undefined;
}

export interface RefundInput extends OperationKey {
  /** Default: everything the capture still holds. */
  amount?: number | undefined;
  reference?: string | undefined;
}

export interface CaptureResult {
  operation: 'capture';
  authorizationId: string;
  captureId: string;
  amount: number;
  /** What the authorization still holds after this capture. */
  remainingAmount: number;
}

export interface ReleaseResult {
  operation: 'release';
  authorizationId: string;
  releaseId: string | null;
  amount: number;
  remainingAmount: number;
}

export interface ReturnResult {
  operation: 'return';
  authorizationId: string;
  captureId: string;
  returnId: string;
  amount: number;
  /** What the capture still holds after this return. */
  remainingCaptureAmount: number;
}

export interface RefundResult {
  operation: 'refund';
  authorizationId: string;
  captureId: string;
  amount: number;
  remainingCaptureAmount: number;
}

export type OperationResult = CaptureResult | ReleaseResult | ReturnResult | RefundResult;
export type OperationName = OperationResult['operation'];

export interface AuthorizationQuery {
  /** First creation day, `YYYY-MM-DD` (inclusive). */
  from?: string;
  /** Last creation day, `YYYY-MM-DD` (inclusive). */
  to?: string;
  status?: 'opened' | 'closed';
  accountNumber?: string;
  /** Per Flexiti request; default 100. */
  pageSize?: number;
}

export interface CaptureQuery {
  /** First capture day, `YYYY-MM-DD` (inclusive, UTC). */
  from?: string;
  to?: string;
  accountNumber?: string;
  reference?: string | undefined;
  pageSize?: number;
}
