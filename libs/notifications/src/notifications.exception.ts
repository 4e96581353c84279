import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/core';

export enum NotificationsErrorCode {
  DeliveryNotFound = 'NOTIFICATION_NOT_FOUND',
  NotFailed = 'NOTIFICATION_NOT_FAILED',
}

export class NotificationsException extends DomainException<NotificationsErrorCode> {
  static notFound(id: string): NotificationsException {
    return new NotificationsException(
      NotificationsErrorCode.DeliveryNotFound,
      HttpStatus.NOT_FOUND,
      `No notification ${id}.`,
    );
  }

  static notFailed(id: string, status: string): NotificationsException {
    return new NotificationsException(
      NotificationsErrorCode.NotFailed,
      HttpStatus.CONFLICT,
      `Notification ${id} is ${status}; only a failed one is sent again.`,
    );
  }
}
