import { EntityManager } from 'typeorm';
import { RequestApproval } from '../entities/request-approval.entity';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode } from '../requests.exception';
import { approvalViews, countApprovals, countedPerson, recordApproval } from './approval-quorum';
import { paramsHash } from './params-hash';

const HASH = paramsHash({ instance: 'db-1' });
const OTHER = paramsHash({ instance: 'db-2' });

const approval = (countedPersonId: string, hash: string, extra: Partial<RequestApproval> = {}) =>
  Object.assign(new RequestApproval(), {
    id: `a-${countedPersonId}-${hash.slice(0, 4)}`,
    requestId: 'r1',
    userId: countedPersonId,
    onBehalfOf: null,
    countedPerson: countedPersonId,
    paramsHash: hash,
    catalogVersion: null,
    createdAt: new Date('2026-11-30T10:00:00Z'),
    ...extra,
  });

/** The approvals table of one request, in memory: what recordApproval reads and writes. */
function tableOf(rows: RequestApproval[]) {
  const manager = {
    findBy: () => Promise.resolve([...rows]),
    delete: (_: unknown, { id }: { id: string }) =>
      Promise.resolve(
        void rows.splice(
          rows.findIndex((r) => r.id === id),
          1,
        ),
      ),
    insert: (_: unknown, row: RequestApproval) => Promise.resolve(void rows.push(row)),
  } as unknown as EntityManager;
  return { rows, manager };
}

const request = (approvalsRequired: number, hash: string | null = HASH) =>
  Object.assign(new Request(), { id: 'r1', approvalsRequired, paramsHash: hash });

describe('the quorum of approvals', () => {
  it('counts a delegator and their delegate as one person', () => {
    expect(countedPerson({ userId: 'delegate', onBehalfOf: 'delegator' })).toBe('delegator');
    expect(countedPerson({ userId: 'ada', onBehalfOf: null })).toBe('ada');
  });

  it('voids an approval given on other parameters, and says why in the view', () => {
    const approvals = [approval('ada', HASH), approval('bob', OTHER)];
    const { counted, void: voided } = countApprovals(approvals, { paramsHash: HASH });
    expect(counted.map((a) => a.countedPerson)).toEqual(['ada']);
    expect(voided.map((v) => v.approval.countedPerson)).toEqual(['bob']);
    expect(voided[0].reason).toMatch(/given on other parameters .* does not count/);
    expect(approvalViews(approvals, { paramsHash: HASH })).toEqual([
      { by: 'ada', onBehalfOf: null, at: '2026-11-30T10:00:00.000Z', void: null },
      { by: 'bob', onBehalfOf: null, at: '2026-11-30T10:00:00.000Z', void: voided[0].reason },
    ]);
  });

  it('counts every approval of a request recorded before parameters were hashed', () => {
    const approvals = [approval('ada', ''), approval('bob', OTHER)];
    expect(countApprovals(approvals, { paramsHash: null }).counted).toHaveLength(2);
  });

  it('reaches the quorum with the Nth distinct person, not before', async () => {
    const { rows, manager } = tableOf([]);
    const quorumOfTwo = request(2);
    await expect(
      recordApproval(manager, quorumOfTwo, { userId: 'ada', onBehalfOf: null }),
    ).resolves.toEqual({ quorumReached: false });
    await expect(
      recordApproval(manager, quorumOfTwo, { userId: 'bob', onBehalfOf: null }),
    ).resolves.toEqual({ quorumReached: true });
    expect(rows.map((r) => [r.countedPerson, r.paramsHash])).toEqual([
      ['ada', HASH],
      ['bob', HASH],
    ]);
  });

  it('refuses a second approval of the same person, through a delegate too', async () => {
    const { manager } = tableOf([approval('ada', HASH)]);
    for (const approver of [
      { userId: 'ada', onBehalfOf: null },
      { userId: 'ada-delegate', onBehalfOf: 'ada' },
    ]) {
      await expect(recordApproval(manager, request(2), approver)).rejects.toMatchObject({
        code: RequestsErrorCode.AlreadyApproved,
        status: 409,
      });
    }
  });

  it('does not count a void approval towards the quorum, and lets its person approve again', async () => {
    const { rows, manager } = tableOf([approval('ada', OTHER), approval('bob', OTHER)]);
    await expect(
      recordApproval(manager, request(2), { userId: 'ada', onBehalfOf: null }),
    ).resolves.toEqual({ quorumReached: false });
    expect(rows.map((r) => [r.countedPerson, r.paramsHash])).toEqual([
      ['bob', OTHER],
      ['ada', HASH],
    ]);
  });
});
