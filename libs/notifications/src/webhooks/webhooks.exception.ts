import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/core';

export enum WebhooksErrorCode {
  WebhookNotFound = 'WEBHOOK_NOT_FOUND',
  UrlNotAllowed = 'WEBHOOK_URL_NOT_ALLOWED',
  EventTypesInvalid = 'WEBHOOK_EVENT_TYPES_INVALID',
  LimitReached = 'WEBHOOK_LIMIT_REACHED',
}

/** Errors of webhook endpoints. Another tenant's endpoint is not found, never forbidden. */
export class WebhooksException extends DomainException<WebhooksErrorCode> {
  static notFound(id: string): WebhooksException {
    return new WebhooksException(
      WebhooksErrorCode.WebhookNotFound,
      HttpStatus.NOT_FOUND,
      `No webhook has the id "${id}".`,
      { id },
    );
  }

  static urlNotAllowed(problem: string): WebhooksException {
    return new WebhooksException(
      WebhooksErrorCode.UrlNotAllowed,
      HttpStatus.BAD_REQUEST,
      `The webhook URL ${problem}.`,
    );
  }

  static eventTypesInvalid(message: string, details?: Record<string, unknown>): WebhooksException {
    return new WebhooksException(
      WebhooksErrorCode.EventTypesInvalid,
      HttpStatus.BAD_REQUEST,
      message,
      details,
    );
  }

  static limitReached(limit: number): WebhooksException {
    return new WebhooksException(
      WebhooksErrorCode.LimitReached,
      HttpStatus.CONFLICT,
      `An organization may have at most ${limit} webhooks; delete one first.`,
      { limit },
    );
  }
}
