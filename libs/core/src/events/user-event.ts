/** Events of the people who act on requests, raised in process after the change commits. */
export enum UserEventType {
  /** A user no longer signs in, decides or gets mail: requests may be left with nobody to decide. */
  Deactivated = 'user.deactivated',
}

/** `user.deactivated`: emitted by whatever deactivates a user, once the change is committed. */
export interface UserDeactivatedEvent {
  type: UserEventType.Deactivated;
  userId: string;
  organizationId: string;
  occurredAt: string;
}

/** The event of a deactivation, as `EventEmitter2.emit(event.type, event)` sends it. */
export function userDeactivated(user: {
  id: string;
  organizationId: string;
}): UserDeactivatedEvent {
  return {
    type: UserEventType.Deactivated,
    userId: user.id,
    organizationId: user.organizationId,
    occurredAt: new Date().toISOString(),
  };
}
