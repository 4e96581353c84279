import { CatalogErrorCode, CatalogException, CatalogVersionsService, Party } from '@app/catalog';
import { OrganizationKind, OrganizationsService, Principal, Role } from '@app/parties';
import { RequestsErrorCode, RequestsException } from '../requests.exception';
import { ProposeCatalogChangeService } from './propose-catalog-change.service';
import { SubmitRequestService } from './submit-request.service';

const PROVIDER = { id: 'org-p', kind: OrganizationKind.Provider };
const principal = (kind: OrganizationKind, roles: Role[]): Principal => ({
  userId: 'u-1',
  email: 'someone@example.com',
  organizationId: kind === OrganizationKind.Provider ? 'org-p' : 'org-c',
  kind,
  party: kind === OrganizationKind.Provider ? Party.Provider : Party.Customer,
  roles,
});
const INPUT = { product: 'object-storage', yaml: 'product: object-storage', reason: 'Why' };

function setUp(submit: jest.Mock, validate: jest.Mock = jest.fn()) {
  const versions = {
    active: jest
      .fn()
      .mockResolvedValue({ version: 2, files: { generic: 'g', 'object-storage': 'o' } }),
    validate,
    propose: jest.fn().mockResolvedValue({ version: 3 }),
    forget: jest.fn(),
  };
  const service = new ProposeCatalogChangeService(
    versions as unknown as CatalogVersionsService,
    { submitIn: submit } as unknown as SubmitRequestService,
    { findById: () => Promise.resolve(PROVIDER) } as unknown as OrganizationsService,
  );
  return { service, versions };
}

describe('ProposeCatalogChangeService', () => {
  it("stores one product's new file with the others as active, and submits it in the provider's organization", async () => {
    const submit = jest.fn().mockResolvedValue({ id: 'r-1' });
    const { service, versions } = setUp(submit);
    const who = principal(OrganizationKind.Provider, [Role.Requester]);
    expect(await service.propose(who, INPUT)).toEqual({ id: 'r-1' });
    const files = { generic: 'g', 'object-storage': 'product: object-storage' };
    expect(versions.validate).toHaveBeenCalledWith(files);
    expect(versions.propose).toHaveBeenCalledWith(files, {
      effectiveAt: null,
      reason: 'Why',
      createdBy: 'u-1',
    });
    expect(submit).toHaveBeenCalledWith(who, PROVIDER, {
      action: 'catalog.change-matrix',
      params: { ...INPUT, version: 3, baseVersion: 2 },
      comment: 'Why',
    });
  });

  it('stores nothing for an invalid file', async () => {
    const invalid = jest.fn(() => {
      throw new CatalogException(CatalogErrorCode.ChangeInvalid, { count: 1, problems: [] });
    });
    const { service, versions } = setUp(jest.fn(), invalid);
    await expect(
      service.propose(principal(OrganizationKind.Provider, [Role.Requester]), INPUT),
    ).rejects.toMatchObject({ code: CatalogErrorCode.ChangeInvalid });
    expect(versions.propose).not.toHaveBeenCalled();
  });

  it('refuses a customer, and forgets the draft of a submission refused', async () => {
    const refused = jest
      .fn()
      .mockRejectedValue(new RequestsException(RequestsErrorCode.RoleRequired));
    const { service, versions } = setUp(refused);
    await expect(
      service.propose(principal(OrganizationKind.Customer, [Role.Requester]), INPUT),
    ).rejects.toMatchObject({ code: CatalogErrorCode.ChangeProviderOnly });
    expect(versions.propose).not.toHaveBeenCalled();
    await expect(
      service.propose(principal(OrganizationKind.Provider, [Role.Operator]), INPUT),
    ).rejects.toMatchObject({ code: RequestsErrorCode.RoleRequired });
    expect(versions.forget).toHaveBeenCalledWith(3);
  });
});
