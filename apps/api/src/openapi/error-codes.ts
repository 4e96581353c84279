import { AuditErrorCode, AuditException } from '@app/audit';
import { CatalogErrorCode, CatalogException } from '@app/catalog';
import { CommonErrorCode, CommonException, DomainException, ErrorDetails } from '@app/core';
import { NotificationsErrorCode, NotificationsException } from '@app/notifications';
import { PartiesErrorCode, PartiesException } from '@app/parties';
import { RequestsErrorCode, RequestsException } from '@app/requests';
import { AuthErrorCode, AuthException } from '../auth/auth.exception';

/** Any error code of the API: each module's enum. */
export type ErrorCode =
  | CommonErrorCode
  | AuditErrorCode
  | AuthErrorCode
  | CatalogErrorCode
  | NotificationsErrorCode
  | PartiesErrorCode
  | RequestsErrorCode;

/** A code as the document tells it: its status and its message, `{placeholders}` left in. */
export interface ErrorCodeInfo {
  status: number;
  message: string;
}

/** Details that leave each `{name}` of a message as it is, to show a message's template. */
const TEMPLATE_DETAILS = new Proxy<ErrorDetails>(
  {},
  { get: (_target, name) => (typeof name === 'string' ? `{${name}}` : undefined) },
);

type Raise = (code: string, details: ErrorDetails) => DomainException;

/** Each module's codes and how it raises them: the module's own table gives status and message. */
const MODULES: Array<[Record<string, string>, Raise]> = [
  [CommonErrorCode, (c, d) => new CommonException(c as CommonErrorCode, d)],
  [AuditErrorCode, (c, d) => new AuditException(c as AuditErrorCode, d)],
  [AuthErrorCode, (c, d) => new AuthException(c as AuthErrorCode, d)],
  [CatalogErrorCode, (c, d) => new CatalogException(c as CatalogErrorCode, d)],
  [NotificationsErrorCode, (c, d) => new NotificationsException(c as NotificationsErrorCode, d)],
  [PartiesErrorCode, (c, d) => new PartiesException(c as PartiesErrorCode, d)],
  [RequestsErrorCode, (c, d) => new RequestsException(c as RequestsErrorCode, d)],
];

/**
 * Every code of the API with its status and message, read from the modules' tables (so the
 * document cannot drift from what the filter answers). A code two modules share (`UNAUTHENTICATED`,
 * `INVALID_CURSOR`) has the same status and message in both.
 */
export const ERROR_CODES: ReadonlyMap<string, ErrorCodeInfo> = new Map(
  MODULES.flatMap(([codes, raise]) =>
    Object.values(codes).map((code): [string, ErrorCodeInfo] => {
      const { status, message } = raise(code, TEMPLATE_DETAILS);
      return [code, { status, message }];
    }),
  ),
);
