import { EventEmitter2 } from '@nestjs/event-emitter';
import { Repository } from 'typeorm';
import { Catalog, Party } from '@app/catalog';
import { RequestEventType, RequestState, TransactionRunner } from '@app/core';
import { OrganizationsService, Role, User, UsersService } from '@app/parties';
import { DeciderDirectory, MissingDecider } from '../domain/decider-directory';
import { RequestVerb } from '../domain/request-state';
import { Request } from '../entities/request.entity';
import { EscalateOrphanedRequestsService } from './escalate-orphaned-requests.service';

const CUSTOMER_ORG = 'org-c';
const waiting = {
  id: 'r-1',
  action: 'mariadb.add-read-only-replica',
  organizationId: CUSTOMER_ORG,
  state: RequestState.PendingApproval,
  accountable: Party.Customer,
  consulted: [],
  responsible: Party.Provider,
  performer: Party.Provider,
  submittedBy: 'u-submitter',
  dueAt: new Date('2026-12-01T00:00:00Z'),
} as unknown as Request;
const orphaned: MissingDecider = {
  verb: RequestVerb.Approve,
  party: Party.Customer,
  organization: { id: CUSTOMER_ORG, name: 'Globex' },
  needed: 1,
  able: 0,
};

function setUp(deactivated: Partial<User>, missing: MissingDecider[]) {
  const insert = { orIgnore: jest.fn().mockReturnThis(), execute: jest.fn() };
  const manager = {
    createQueryBuilder: () => ({ insert: () => ({ into: () => ({ values: () => insert }) }) }),
  };
  const emit = jest.fn();
  const service = new EscalateOrphanedRequestsService(
    { find: jest.fn().mockResolvedValue([waiting]) } as unknown as Repository<Request>,
    {
      at: () => Promise.resolve({ lettersOf: () => ({ customer: ['A'], provider: ['R'] }) }),
    } as unknown as Catalog,
    { missing: jest.fn().mockResolvedValue(missing) } as unknown as DeciderDirectory,
    { providerOrganizationId: () => Promise.resolve('org-p') } as unknown as OrganizationsService,
    { byIds: () => Promise.resolve([{ id: 'u-gone', ...deactivated }]) } as unknown as UsersService,
    { run: (work: (m: unknown) => unknown) => work(manager) } as unknown as TransactionRunner,
    { emit } as unknown as EventEmitter2,
  );
  return { service, emit, insert };
}

describe('EscalateOrphanedRequestsService', () => {
  it('escalates a waiting request the deactivated approver was the last to be able to approve', async () => {
    const { service, emit, insert } = setUp({ roles: [Role.Approver] }, [orphaned]);
    const escalated = await service.escalate({ userId: 'u-gone', organizationId: CUSTOMER_ORG });
    expect(escalated).toEqual(['r-1']);
    expect(insert.orIgnore).toHaveBeenCalled();
    expect(emit).toHaveBeenCalledWith(
      RequestEventType.Escalated,
      expect.objectContaining({
        type: RequestEventType.Escalated,
        requestId: 'r-1',
        comment: null,
        stuck: [
          { verb: 'approve', party: 'customer', roles: ['approver'], organization: 'Globex' },
        ],
      }),
    );
  });

  it('leaves it when somebody else can still approve', async () => {
    const { service, emit } = setUp({ roles: [Role.Approver] }, []);
    expect(await service.escalate({ userId: 'u-gone', organizationId: CUSTOMER_ORG })).toEqual([]);
    expect(emit).not.toHaveBeenCalled();
  });

  it('leaves it when the deactivated user could not decide it anyway', async () => {
    const { service } = setUp({ roles: [Role.Requester] }, [orphaned]);
    expect(await service.escalate({ userId: 'u-gone', organizationId: CUSTOMER_ORG })).toEqual([]);
  });
});
