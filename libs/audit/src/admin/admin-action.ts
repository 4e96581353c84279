/** Every kind of change the admin audit log records. */
export enum AdminAction {
  OrganizationCreated = 'organization.created',
  OrganizationUpdated = 'organization.updated',
  QuotaPackagesChanged = 'organization.quota-packages-changed',
  UserCreated = 'user.created',
  UserUpdated = 'user.updated',
  TokenCreated = 'token.created',
  TokenRevoked = 'token.revoked',
  WebhookCreated = 'webhook.created',
  WebhookDeleted = 'webhook.deleted',
  /** The engine paused an endpoint that kept failing (no actor: the engine did it). */
  WebhookPaused = 'webhook.paused',
  WebhookResumed = 'webhook.resumed',
  /** An admin set a delegation for a user of their organization, or ended one they did not set. */
  DelegationCreated = 'delegation.created',
  DelegationEnded = 'delegation.ended',
}
