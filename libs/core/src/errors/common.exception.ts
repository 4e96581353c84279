import { HttpStatus } from '@nestjs/common';
import { DomainException } from './domain.exception';
import { CommonErrorCode } from './error-code';

/** Errors any module may raise that are not about its own domain. */
export class CommonException extends DomainException<CommonErrorCode> {
  static of(code: CommonErrorCode, status: number, message: string): CommonException {
    return new CommonException(code, status, message);
  }

  static validation(message: string, details?: Record<string, unknown>): CommonException {
    return new CommonException(
      CommonErrorCode.ValidationFailed,
      HttpStatus.BAD_REQUEST,
      message,
      details,
    );
  }

  static notAcceptable(message: string): CommonException {
    return new CommonException(CommonErrorCode.NotAcceptable, HttpStatus.NOT_ACCEPTABLE, message);
  }

  static unavailable(message: string): CommonException {
    return new CommonException(
      CommonErrorCode.ServiceUnavailable,
      HttpStatus.SERVICE_UNAVAILABLE,
      message,
    );
  }
}
