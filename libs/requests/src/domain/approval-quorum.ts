import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RequestApproval } from '../entities/request-approval.entity';
import { Request } from '../entities/request.entity';
import { ApprovalView } from '../request.view';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { TransitionContext } from './request-state-machine';

/** Who approves: the person acting, and the delegator they act for, if any. */
export interface Approver {
  userId: string;
  onBehalfOf: string | null;
}

/** The approvals of a request, split into those that count and those that are void, and why. */
export interface ApprovalCount {
  counted: RequestApproval[];
  void: { approval: RequestApproval; reason: string }[];
}

/** A delegator and their delegate count as one person: the delegator. */
export function countedPerson({ userId, onBehalfOf }: Approver): string {
  return onBehalfOf ?? userId;
}

/**
 * Which approvals count: those given on the request's parameters as they are. One given on other
 * parameters is void. A request recorded before parameters were hashed has no hash: all count.
 */
export function countApprovals(
  approvals: readonly RequestApproval[],
  request: Pick<Request, 'paramsHash'>,
): ApprovalCount {
  const count: ApprovalCount = { counted: [], void: [] };
  for (const approval of approvals) {
    if (!request.paramsHash || approval.paramsHash === request.paramsHash) {
      count.counted.push(approval);
    } else {
      count.void.push({ approval, reason: voidReason(approval, request.paramsHash) });
    }
  }
  return count;
}

/** The approvals as the request's view shows them, void ones with the reason. */
export function approvalViews(
  approvals: readonly RequestApproval[],
  request: Pick<Request, 'paramsHash'>,
): ApprovalView[] {
  const voided = new Map(
    countApprovals(approvals, request).void.map((v) => [v.approval, v.reason]),
  );
  return approvals.map((approval) => ({
    by: approval.userId,
    onBehalfOf: approval.onBehalfOf,
    at: new Date(approval.createdAt).toISOString(),
    void: voided.get(approval) ?? null,
  }));
}

export function voidReason(approval: Pick<RequestApproval, 'paramsHash'>, now: string): string {
  return (
    `given on other parameters (hash ${approval.paramsHash.slice(0, 12)}…) than the request's ` +
    `(hash ${now.slice(0, 12)}…): the approval does not count`
  );
}

/**
 * Records an approval in the caller's transaction and tells whether it reaches the quorum. Each
 * person counts once (409 ALREADY_APPROVED the second time); a void approval of theirs is replaced.
 * Two approvals racing both write their row, but only one wins the request's version: the other's
 * transaction, row included, rolls back.
 */
export async function recordApproval(
  manager: EntityManager,
  request: Request,
  approver: Approver,
): Promise<TransitionContext> {
  const person = countedPerson(approver);
  const { counted, void: voided } = countApprovals(
    await manager.findBy(RequestApproval, { requestId: request.id }),
    request,
  );
  if (counted.some((a) => a.countedPerson === person)) throw alreadyApproved();
  const replaced = voided.find(({ approval }) => approval.countedPerson === person);
  if (replaced) await manager.delete(RequestApproval, { id: replaced.approval.id });
  await manager.insert(RequestApproval, {
    id: randomUUID(),
    requestId: request.id,
    userId: approver.userId,
    onBehalfOf: approver.onBehalfOf,
    countedPerson: person,
    paramsHash: request.paramsHash ?? '',
    catalogVersion: request.catalogVersion,
    createdAt: new Date(),
  });
  return { quorumReached: counted.length + 1 >= request.approvalsRequired };
}

export function alreadyApproved(): RequestsException {
  return new RequestsException(Code.AlreadyApproved);
}
