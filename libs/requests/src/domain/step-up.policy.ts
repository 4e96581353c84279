import { AppConfig } from '@app/core';
import { isStepUp, Principal } from '@app/parties';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestVerb } from './request-state';
import { WHO_ACTS } from './who-acts.table';

/** Whether `verb` needs a multi-factor sign-in: OIDC_STEP_UP_ACR is set and the table marks it. */
export function stepUpApplies(verb: RequestVerb, config: AppConfig): boolean {
  return Boolean(config.env.OIDC_STEP_UP_ACR?.length && WHO_ACTS[verb].stepUp);
}

/**
 * RFC 9470 step-up: when OIDC_STEP_UP_ACR is configured, a verb the table marks as a decision needs
 * a credential with one of those `acr` values or `mfa` in its `amr`. Engine tokens and emailed
 * sign-in links never qualify. Throws 401 STEP_UP_REQUIRED with the challenge otherwise.
 */
export function requireStepUp(verb: RequestVerb, principal: Principal, config: AppConfig): void {
  const acrValues = config.env.OIDC_STEP_UP_ACR ?? [];
  if (!stepUpApplies(verb, config) || isStepUp(principal.credential, acrValues)) return;
  throw new RequestsException(Code.StepUpRequired, {
    acrValues: [...acrValues],
    signInUrl: `${config.publicUrl}/auth/login?acr=${encodeURIComponent(acrValues[0])}`,
  });
}
