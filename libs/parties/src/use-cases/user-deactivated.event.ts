/** Emitted in the process once a user's deactivation has committed. */
export const USER_DEACTIVATED = 'user.deactivated';

/**
 * The fact that a user was deactivated: what the engine will do about the requests that wait on
 * them (e.g. escalate them) starts from here.
 */
export interface UserDeactivatedEvent {
  userId: string;
  organizationId: string;
  /** Who deactivated them; null for the bootstrap admin. */
  byUserId: string | null;
  at: Date;
}
