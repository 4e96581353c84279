/** Where a request is in its life. */
export enum RequestState {
  PendingConsultation = 'pending_consultation',
  PendingApproval = 'pending_approval',
  Approved = 'approved',
  InProgress = 'in_progress',
  Completed = 'completed',
  Failed = 'failed',
  Rejected = 'rejected',
  Cancelled = 'cancelled',
  /** The approval deadline passed and the catalog says such requests expire. */
  Expired = 'expired',
}
export const REQUEST_STATES: readonly RequestState[] = Object.values(RequestState);

/** States in which a request waits for a decision (an opinion or an approval). */
export const AWAITING_DECISION: readonly RequestState[] = [
  RequestState.PendingConsultation,
  RequestState.PendingApproval,
];
