import { DomainException, ErrorDetails } from './domain.exception';
import { COMMON_ERRORS, CommonErrorCode } from './error-code';

/** Errors any module may raise that are not about its own domain. */
export class CommonException extends DomainException<CommonErrorCode> {
  constructor(code: CommonErrorCode, details?: ErrorDetails) {
    super(COMMON_ERRORS, code, details);
  }
}
