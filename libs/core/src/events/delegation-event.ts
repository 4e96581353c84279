/** Events of delegations, raised in process after the change commits. */
export enum DelegationEventType {
  Set = 'delegation.set',
  Ended = 'delegation.ended',
}

/** A delegation set (its window) or ended early; its two people are told when it starts and ends. */
export interface DelegationEvent {
  type: DelegationEventType;
  delegationId: string;
  startsAt: string;
  endsAt: string;
}
