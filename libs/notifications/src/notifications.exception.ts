import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum NotificationsErrorCode {
  DeliveryNotFound = 'NOTIFICATION_NOT_FOUND',
  NotFailed = 'NOTIFICATION_NOT_FAILED',
  WebhookNotFound = 'WEBHOOK_NOT_FOUND',
  WebhookUrlNotAllowed = 'WEBHOOK_URL_NOT_ALLOWED',
  WebhookAddressNotPublic = 'WEBHOOK_ADDRESS_NOT_PUBLIC',
  WebhookEventTypesInvalid = 'WEBHOOK_EVENT_TYPES_INVALID',
  WebhookLimitReached = 'WEBHOOK_LIMIT_REACHED',
  PreferencesNeedAUser = 'PREFERENCES_NEED_A_USER',
  UnsubscribeLinkInvalid = 'UNSUBSCRIBE_LINK_INVALID',
}

/**
 * Errors of mail deliveries, mail preferences and webhooks. Another tenant's webhook is not found,
 * never forbidden.
 */
const ERRORS: ErrorTable<NotificationsErrorCode> = {
  [NotificationsErrorCode.DeliveryNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No notification {id}.',
  },
  [NotificationsErrorCode.NotFailed]: {
    status: HttpStatus.CONFLICT,
    message: 'Notification {id} is {status}; only a failed one is sent again.',
  },
  [NotificationsErrorCode.WebhookNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No webhook has the id "{id}".',
  },
  [NotificationsErrorCode.WebhookUrlNotAllowed]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The webhook URL {problem}.',
  },
  [NotificationsErrorCode.WebhookAddressNotPublic]: {
    status: HttpStatus.BAD_REQUEST,
    message:
      'The webhook URL names {address}, a {kind} address: webhooks go to public addresses only.',
  },
  [NotificationsErrorCode.WebhookEventTypesInvalid]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'eventTypes must name known event types, or be left out for every event.',
  },
  [NotificationsErrorCode.WebhookLimitReached]: {
    status: HttpStatus.CONFLICT,
    message: 'An organization may have at most {limit} webhooks; delete one first.',
  },
  [NotificationsErrorCode.PreferencesNeedAUser]: {
    status: HttpStatus.FORBIDDEN,
    message:
      'Mail preferences belong to a user; the bootstrap admin (ADMIN_TOKEN) is none and gets no mail.',
  },
  [NotificationsErrorCode.UnsubscribeLinkInvalid]: {
    status: HttpStatus.NOT_FOUND,
    message: 'This unsubscribe link is not valid.',
  },
};

export class NotificationsException extends DomainException<NotificationsErrorCode> {
  constructor(code: NotificationsErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
