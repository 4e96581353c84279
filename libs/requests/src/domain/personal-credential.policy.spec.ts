import { AuthMethod, Credential, CredentialKind, DECIDING_ROLES, Role } from '@app/parties';
import { CUSTOMER_A, principal } from '@app/parties/testing/principal.fixture';
import { RequestsErrorCode } from '../requests.exception';
import { RequestVerb as V } from './request-state';
import { needsPersonalCredential, requirePersonalCredential } from './personal-credential.policy';
import { WHO_ACTS } from './who-acts.table';

const DECISIONS = [V.Approve, V.Reject, V.WaiveConsultation, V.Opinion];

function as(credential: Partial<Credential> | null) {
  const base = principal(CUSTOMER_A, [Role.Approver, Role.Consultant]);
  if (!credential) return base;
  return {
    ...base,
    credential: {
      kind: CredentialKind.ApiToken,
      id: 't1',
      issuer: '7d1e8a2b-4c3f-4e5d-8a9b-0c1d2e3f4a5b',
      personal: false,
      method: AuthMethod.ApiToken,
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

describe('requirePersonalCredential', () => {
  it.each(DECISIONS)('refuses %s with a token someone else minted', (verb) => {
    expect(refusal(() => requirePersonalCredential(verb, as({})))).toMatchObject({
      status: 403,
      code: RequestsErrorCode.CredentialNotPersonal,
    });
  });

  it('refuses a decision with ADMIN_TOKEN, or with no credential at all', () => {
    const admin = as({ kind: CredentialKind.AdminToken, id: null, issuer: null });
    expect(refusal(() => requirePersonalCredential(V.Approve, admin))).toMatchObject({
      code: RequestsErrorCode.CredentialNotPersonal,
    });
    expect(refusal(() => requirePersonalCredential(V.Reject, as(null)))).toMatchObject({
      code: RequestsErrorCode.CredentialNotPersonal,
    });
  });

  it.each(DECISIONS)('lets %s through with a credential of the person’s own', (verb) => {
    expect(refusal(() => requirePersonalCredential(verb, as({ personal: true })))).toBe('allowed');
  });

  it.each([V.Submit, V.Comment, V.Start, V.Complete, V.Fail, V.Cancel])(
    'leaves %s to any credential',
    (verb) => {
      expect(refusal(() => requirePersonalCredential(verb, as({})))).toBe('allowed');
    },
  );

  it('reads the decisions from the table of who acts', () => {
    const marked = Object.values(V).filter((verb) => needsPersonalCredential(verb));
    expect(marked.sort()).toEqual([...DECISIONS].sort());
  });

  it('knows the roles that decide as the parties do, so service accounts never hold one', () => {
    const deciding = new Set(
      Object.values(WHO_ACTS)
        .filter((rule) => rule.personal)
        .flatMap((rule) => rule.actors.flatMap((actor) => actor.roles ?? [])),
    );
    expect([...deciding].sort()).toEqual([...DECIDING_ROLES].sort());
  });
});
