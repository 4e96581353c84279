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
