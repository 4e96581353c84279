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

/** What a party may do to a request; each verb is one transition of the state machine. */
export enum RequestVerb {
  Submit = 'submit',
  Opinion = 'opinion',
  WaiveConsultation = 'waive-consultation',
  Approve = 'approve',
  Reject = 'reject',
  Start = 'start',
  Complete = 'complete',
  Fail = 'fail',
  Cancel = 'cancel',
  Comment = 'comment',
  /** Done by the engine itself when an approval deadline passes. */
  Expire = 'expire',
}
