/**
 * The description of each operation, by operationId: what a caller needs beyond the summary (who
 * may call it, what it changes, what to do next). Kept here rather than in the controllers so the
 * routes stay readable; `npm run openapi:lint` reports an operation without one.
 */
export const OPERATION_DESCRIPTIONS: Record<string, string> = {
  getHome: 'Public. The engine’s name and version, and where its documents and health check are.',
  getHealth:
    'Public. 200 while PostgreSQL (or SQLite) and Redis answer; 503 `SERVICE_UNAVAILABLE` with the same report in `details` otherwise.',
  listCatalogActions:
    'Every action of the effective catalog, filtered by product, plan or whether it can be requested. The `key` of an action is what `submitRequest` takes.',
  getCatalogAction:
    'One action, with the JSON Schema its request `params` must match, its RACI letters, its quota and deadline. An unknown key suggests the closest ones.',
  getMatrix:
    'The matrix as the provider publishes it, table by table: JSON by default, CSV with `Accept: text/csv`.',
  listCatalogVersions:
    'Every stored version of the matrix, newest first: version 1 is the matrix files of the first start, each later one made by `deployment` (the files changed) or proposed by a user. Exactly one is `active`; a request pins the version it was routed under (`catalogVersion`). Any signed-in caller.',
  getCatalogVersion:
    'One version: its tables as `getMatrix` shows them, and each product’s YAML file, as `npm run catalog:export` writes it. An unknown version is `404 CATALOG_VERSION_NOT_FOUND`.',
  diffCatalogVersions:
    'The rows this version adds, removes and changes (letters or plans) against `from` (the version before by default), each with its letters before and after, and the same in words. A `from` that names no stored version is `400 CATALOG_DIFF_BASE_INVALID`.',
  checkCatalogChange:
    'Checks one product’s new file against the version in force as `POST /v1/catalog/changes` would (the validator of `catalog:validate`), and stores nothing: its problems, each with its line, or the rows it adds, removes and changes, in words too. The console’s editor calls it as one types. Provider people only.',
  proposeCatalogChange:
    'A provider person with the requester role proposes a new version of one product’s file (the other files stay as in the active version). It is checked as `npm run catalog:validate` checks the files: an invalid one is `422 CATALOG_CHANGE_INVALID`, each problem with its file and line in `details.problems`, and nothing is stored. A valid one is stored as a draft version and submitted as a request for `catalog.change-matrix` (its params name the draft `version` and the `baseVersion` it was proposed against), decided like any request: two provider approvers, every customer organization Informed with the change in words. Approved, the version becomes active at `effectiveAt` or at once; rejected or cancelled, the draft is `discarded`. A customer caller is `403 CATALOG_CHANGE_PROVIDER_ONLY`.',
  createOrganization:
    'Provider admins create customer organizations, with their subscription (plan, on-demand) and contact emails.',
  listOrganizations: 'Provider users see every organization; a customer user sees its own only.',
  getOrganization:
    'One organization. A customer user asking for another customer’s gets 404, never 403, so ids do not leak.',
  updateOrganization:
    'Admins change name, contact emails and locale; only provider admins change a subscription. At least one field must change.',
  getOrganizationQuota:
    'Each quota of the catalog for this customer: what the current period allows, what is used, and the period’s bounds.',
  setQuotaPackages:
    'Provider admins set how many extra packages of a quota unit the customer bought, which adds to the quota of the current period.',
  createUser:
    'Admins add a user with roles (requester, approver, operator, consultant, admin), a `person` by default or a `service` account (which never signs in for a session and cannot be approver or consultant). The answer carries the user’s first token, shown once: an admin minted it, so it reads, submits, comments and works, but does not decide.',
  listUsers: 'Admins of the organization and provider admins list its users.',
  updateUser:
    'Admins change a user’s name, roles or active flag. An admin cannot raise their own roles, and the last active admin stays.',
  issueToken:
    'A new `raci_…` token for the user, shown once; earlier tokens keep working until revoked. It records who minted it (`issuedBy`). A token the user mints for themselves while signed in (session cookie with `X-CSRF-Token`, or the identity provider’s token) is `personal`: it decides. One an admin mints for them, or one minted with another token, reads, submits, comments and works, but a decision with it is `403 CREDENTIAL_NOT_PERSONAL`.',
  listTokens:
    'The caller’s own tokens by default, newest first, revoked ones included. An admin passes `userId` for a user of their organization (a provider admin: of any organization). Never the token itself: its `prefix` tells it apart. Another customer’s user is `404 USER_NOT_FOUND`; a user of the organization without being its admin is `403 ADMIN_REQUIRED`.',
  revokeToken: 'The token stops working at once. Revoking a revoked token is not an error.',
  getMe:
    'The caller: user, roles and organization, and how this request authenticated. The bootstrap admin (ADMIN_TOKEN) has no user id. Under a session cookie, also the `csrfToken` that state-changing calls with the cookie send as `X-CSRF-Token`.',
  listMySessions:
    'The caller’s sessions that still work (browsers signed in by SSO or emailed link), newest first; `current` marks the one of this request.',
  endMySession:
    'Signs one of the caller’s sessions out: its cookie stops working at once. Anyone else’s session is `404 SESSION_NOT_FOUND`.',
  requestEmailLink:
    'Public. Mails a single-use sign-in link, valid 15 minutes, to the active user with this address (any case), at most `SIGN_IN_LINK_LIMIT` an hour. Always the same 202, so it never tells whether the address is known.',
  showEmailLink:
    'Public (the signed link is the credential). An HTML page with a "Sign in" button; opening it signs nobody in, so mail scanners are harmless.',
  signInWithEmailLink:
    'Public (the signed link is the credential). Uses the link once, starts a session (`raci_session` cookie) and redirects to its `returnTo` (303). A used, expired or forged link answers an HTML page and counts as a failed authentication; a form posted from another site (`Sec-Fetch-Site`) is `403 CROSS_SITE_SIGN_IN`.',
  getNotificationPreferences:
    'How the caller receives mail about the requests they are Informed of.',
  setNotificationPreferences:
    'Immediate mail, a daily digest, or none, for Informed mail; decisions asked of the caller are always mailed.',
  submitRequest:
    'Requesters submit a request for a catalog action with `params` matching the action’s schema. The engine resolves who is R, A, C and I, checks plan and quota and that somebody else can decide, then stores it. An `Idempotency-Key` makes a retry safe.',
  listRequests:
    'Requests of the caller’s tenant, newest first, filtered by state or action. Pass `nextCursor` back as `cursor` for the next page.',
  exportRequests:
    'Every request `listRequests` would page through for the same filters (state, action, product, organization, submitter, creation dates), scoped to the caller’s tenant, newest first, as one CSV file (RFC 4180, a header record, CRLF line ends). A cell a spreadsheet would run as a formula (starting with =, +, - or @) starts with a quote mark. Streamed: the engine reads and writes one keyset page at a time. A filter that is not valid is `400 VALIDATION_FAILED`, before anything is sent.',
  previewRequest:
    'What `submitRequest` would do with this body, without storing anything: the parties, the performer, the first state and any warnings.',
  getRequest: 'One request with its parties, opinions, what it waits on and its version.',
  getRequestHistory:
    'Every event of the request, in order, each chained to the previous by its hash; `verifyRequestHistories` re-checks the chains.',
  listComments: 'The comments of the request, oldest first; customers never see internal ones.',
  addComment:
    'Any party of the request comments; provider users may mark a comment internal so customers do not see it.',
  giveOpinion:
    'A consultant or approver of a Consulted party agrees or disagrees, once per party. The last opinion awaited moves the request to approval.',
  waiveConsultation:
    'An approver of the Accountable party stops waiting for the Consulted parties that have not answered; the reason is recorded.',
  approveRequest:
    'An approver of the Accountable party approves; never the submitter (four eyes). The body is optional. While Consulted parties have not answered this answers 409 `REQUEST_CONSULTATION_PENDING`.',
  rejectRequest:
    'An approver of the Accountable party rejects, with a reason; never the submitter.',
  startRequest: 'An operator of the performing party starts the approved work.',
  completeRequest:
    'An operator of the performing party completes the work; the optional result is text or a JSON object, returned as given.',
  failRequest: 'An operator of the performing party reports that the work failed, with a reason.',
  cancelRequest:
    'The submitter or an approver of the Accountable party cancels, before the work starts. The body and its reason are optional.',
  getInbox:
    'What waits on the caller: approvals as A, opinions as C, work as performer. Cursor pagination as `listRequests`.',
  verifyRequestHistories:
    'Provider admins re-check every request history chain; the first broken entry is named.',
  listAdminEvents:
    'Who changed which organization, user, token or webhook, newest first, for the admins who may read them.',
  verifyAdminEvents: 'Admins re-check the admin audit chains they may read.',
  listNotifications:
    'Provider admins list mail deliveries, newest first; `status=failed` lists the ones to look at.',
  retryNotification:
    'Provider admins send a failed message again, with the same Message-ID; 202 while it is queued.',
  showEmailAction:
    'Public (the signed link is the credential). An HTML page that shows the decision and a button; opening it changes nothing, so mail scanners are harmless.',
  actOnEmailAction:
    'Public (the signed link is the credential). Acts once, as the person the link was made for, and answers an HTML page.',
  showUnsubscribe: 'Public. An HTML page with the button that turns Informed mail off.',
  unsubscribe:
    'Public. Turns the link’s user’s Informed mail off (RFC 8058 one-click); also when it was off already.',
  createWebhook:
    'Admins register an endpoint URL for some event types of their organization. The answer carries the signing secret, shown once.',
  listWebhooks:
    'The organization’s endpoints; provider admins see every endpoint. Secrets are never shown again.',
  deleteWebhook: 'Admins delete an endpoint of their organization; nothing more is sent to it.',
  createDelegation:
    'The caller (the delegator) hands the decision roles they hold (`approver`, `consultant`) to an active person of their organization, from `startsAt` to `endsAt`. During the window the delegate approves, rejects, waives and gives opinions on their behalf, sees those requests in their inbox and gets the mail that asks for them; the delegator keeps the power to act. Four eyes holds through it: nobody decides a request they or their delegator submitted. What a delegate received is never passed on. An admin may set one for a user of their organization with `delegatorId`, recorded in the admin audit log. Refused input stores nothing.',
  listDelegations:
    'The delegations the caller gave or received, newest first; an admin sees every delegation of their organization.',
  listDelegationCandidates:
    'The active people of the caller’s organization, the caller included, by email: whom a delegation may name as delegate (and, for an admin, as delegator). Service accounts never decide, so they are not listed.',
  endDelegation:
    'Ends a delegation now: its delegator or delegate, or an admin of its organization (recorded in the admin audit log). Ending one already over changes nothing. Another organization’s is 404.',
  listWebhookDeliveries:
    'The latest deliveries to the endpoint, newest first, with their last answer.',
};
