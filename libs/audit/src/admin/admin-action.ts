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
}
