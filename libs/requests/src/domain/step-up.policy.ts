import { isStepUp, Principal } from '@app/parties';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestVerb } from './request-state';
import { WHO_ACTS } from './who-acts.table';

/**
 * RFC 9470 step-up: when `stepUpAcr` is configured, a verb the table marks as a decision needs a
 * credential with one of those `acr` values or `mfa` in its `amr`. Engine tokens and emailed
 * sign-in links never qualify. Throws 401 STEP_UP_REQUIRED with the challenge otherwise.
 */
export function requireStepUp(
  verb: RequestVerb,
  principal: Principal,
  stepUpAcr: readonly string[] | undefined,
  signInUrl: string,
): void {
  if (!stepUpAcr?.length || !WHO_ACTS[verb].stepUp) return;
  if (isStepUp(principal.credential, stepUpAcr)) return;
  throw new RequestsException(Code.StepUpRequired, {
    acrValues: [...stepUpAcr],
    signInUrl: `${signInUrl}?acr=${encodeURIComponent(stepUpAcr[0])}`,
  });
}
