import { AppConfig } from '@app/core';
import { AuthMethod, Credential, CredentialKind, Role } from '@app/parties';
import { CUSTOMER_A, principal } from '@app/parties/testing/principal.fixture';
import { RequestsErrorCode } from '../requests.exception';
import { RequestVerb as V } from './request-state';
import { requireStepUp } from './step-up.policy';

const MFA = ['urn:raci:loa:mfa'];
const SIGN_IN = 'https://raci.example/auth/login';
const STEP_UP = AppConfig.fromEnv({ PUBLIC_URL: 'https://raci.example', OIDC_STEP_UP_ACR: MFA[0] });
const NO_STEP_UP = AppConfig.fromEnv({ PUBLIC_URL: 'https://raci.example' });

function as(credential: Partial<Credential>) {
  return {
    ...principal(CUSTOMER_A, [Role.Approver]),
    credential: {
      kind: CredentialKind.Session,
      id: 's1',
      issuer: '00000000-0000-4000-8000-0000000000ff',
      personal: true,
      method: AuthMethod.Oidc,
      acr: null,
      amr: [],
      authTime: null,
      ...credential,
    },
  };
}

function refusal(run: () => void): unknown {
  try {
    run();
    return 'allowed';
  } catch (error) {
    return error;
  }
}

describe('requireStepUp', () => {
  it('asks nothing when no step-up is configured', () => {
    expect(refusal(() => requireStepUp(V.Approve, as({}), NO_STEP_UP))).toBe('allowed');
    const emptyList = AppConfig.fromEnv({ OIDC_STEP_UP_ACR: ' , ' });
    expect(refusal(() => requireStepUp(V.Approve, as({}), emptyList))).toBe('allowed');
  });

  it.each([V.Approve, V.Reject, V.WaiveConsultation])(
    'challenges %s without MFA, with the acr values in WWW-Authenticate',
    (verb) => {
      const error = refusal(() => requireStepUp(verb, as({ acr: 'urn:raci:loa:pwd' }), STEP_UP));
      expect(error).toMatchObject({
        status: 401,
        code: RequestsErrorCode.StepUpRequired,
        details: { acrValues: MFA, signInUrl: `${SIGN_IN}?acr=urn%3Araci%3Aloa%3Amfa` },
        headers: {
          'WWW-Authenticate': expect.stringMatching(
            /^Bearer error="insufficient_user_authentication", .*acr_values="urn:raci:loa:mfa"$/,
          ),
        },
      });
    },
  );

  it.each([V.Start, V.Complete, V.Cancel, V.Comment, V.Opinion])('leaves %s alone', (verb) => {
    expect(refusal(() => requireStepUp(verb, as({}), STEP_UP))).toBe('allowed');
  });

  it('accepts an acr from the list, or mfa among the amr, of an SSO session or IdP token', () => {
    expect(refusal(() => requireStepUp(V.Approve, as({ acr: MFA[0] }), STEP_UP))).toBe('allowed');
    const idpToken = { kind: CredentialKind.IdpToken, method: AuthMethod.IdpToken, amr: ['mfa'] };
    expect(refusal(() => requireStepUp(V.Reject, as(idpToken), STEP_UP))).toBe('allowed');
  });

  it('never counts an engine token, an emailed sign-in or a decision link, whatever they claim', () => {
    for (const method of [AuthMethod.ApiToken, AuthMethod.EmailLink, AuthMethod.DecisionLink]) {
      const claimed = as({ method, acr: MFA[0], amr: ['mfa'] });
      expect(refusal(() => requireStepUp(V.Approve, claimed, STEP_UP))).toMatchObject({
        code: RequestsErrorCode.StepUpRequired,
      });
    }
    const noCredential = principal(CUSTOMER_A, [Role.Approver]);
    expect(refusal(() => requireStepUp(V.Approve, noCredential, STEP_UP))).toMatchObject({
      code: RequestsErrorCode.StepUpRequired,
    });
  });
});
