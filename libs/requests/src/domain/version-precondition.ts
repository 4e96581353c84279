import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';

/**
 * The versions a caller said it acted on (`If-Match`), or undefined when it named none. The check is
 * made on the row the transition locks optimistically, so a change that wins the race in between
 * also answers 412 rather than 409.
 */
export type ExpectedVersions = readonly number[] | undefined;

export function assertExpectedVersion(version: number, expected: ExpectedVersions): void {
  if (expected !== undefined && !expected.includes(version)) {
    throw new RequestsException(Code.PreconditionFailed, { version });
  }
}
