/**
 * The operationId of each route, as a generated client names its functions (`submitRequest`,
 * `approveRequest`), keyed by controller and handler. A route missing here still gets a unique id,
 * `<controller><Handler>` (`webhooksCreate`): the spec of the document asserts none is missing.
 */
const OPERATION_IDS: Record<string, Record<string, string>> = {
  HomeController: { get: 'getHome' },
  HealthController: { check: 'getHealth' },
  SsoController: { login: 'signIn', callback: 'signInCallback', logout: 'signOut' },
  CatalogController: { list: 'listCatalogActions', get: 'getCatalogAction', matrix: 'getMatrix' },
  CatalogVersionsController: {
    list: 'listCatalogVersions',
    one: 'getCatalogVersion',
    diff: 'diffCatalogVersions',
  },
  CatalogChangesController: { propose: 'proposeCatalogChange', check: 'checkCatalogChange' },
  OrganizationsController: {
    create: 'createOrganization',
    list: 'listOrganizations',
    get: 'getOrganization',
    update: 'updateOrganization',
    quota: 'getOrganizationQuota',
    setQuotaPackages: 'setQuotaPackages',
  },
  UsersController: {
    create: 'createUser',
    list: 'listUsers',
    update: 'updateUser',
    issueToken: 'issueToken',
  },
  TokensController: { list: 'listTokens', revoke: 'revokeToken' },
  DelegationsController: {
    create: 'createDelegation',
    list: 'listDelegations',
    end: 'endDelegation',
    people: 'listDelegationCandidates',
  },
  MeController: { me: 'getMe', listSessions: 'listMySessions', endSession: 'endMySession' },
  EmailLinkController: {
    request: 'requestEmailLink',
    show: 'showEmailLink',
    signIn: 'signInWithEmailLink',
  },
  AccountChoiceController: { show: 'showAccountChoice', choose: 'chooseAccount' },
  NotificationPreferencesController: {
    get: 'getNotificationPreferences',
    put: 'setNotificationPreferences',
  },
  RequestsController: {
    submit: 'submitRequest',
    list: 'listRequests',
    export: 'exportRequests',
    preview: 'previewRequest',
    get: 'getRequest',
    actions: 'listMyRequestActions',
    history: 'getRequestHistory',
    comments: 'listComments',
  },
  RequestTransitionsController: {
    opinion: 'giveOpinion',
    waive: 'waiveConsultation',
    approve: 'approveRequest',
    reject: 'rejectRequest',
    start: 'startRequest',
    complete: 'completeRequest',
    fail: 'failRequest',
    cancel: 'cancelRequest',
    comment: 'addComment',
  },
  InboxController: { inbox: 'getInbox' },
  InboxEventsController: { stream: 'streamInboxEvents' },
  AuditController: { verify: 'verifyRequestHistories' },
  AdminEventsController: { list: 'listAdminEvents', verify: 'verifyAdminEvents' },
  NotificationsController: { list: 'listNotifications', retry: 'retryNotification' },
  EmailActionsController: { confirm: 'showEmailAction', act: 'actOnEmailAction' },
  UnsubscribeController: { confirm: 'showUnsubscribe', unsubscribe: 'unsubscribe' },
  WebhooksController: {
    create: 'createWebhook',
    list: 'listWebhooks',
    remove: 'deleteWebhook',
    deliveries: 'listWebhookDeliveries',
  },
};

/** The operationId of a controller's handler; see OPERATION_IDS. */
export function operationId(controller: string, handler: string): string {
  const known = OPERATION_IDS[controller]?.[handler];
  if (known) return known;
  const base = controller.replace(/Controller$/, '');
  return `${base[0].toLowerCase()}${base.slice(1)}${handler[0].toUpperCase()}${handler.slice(1)}`;
}
