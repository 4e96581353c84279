import { EntityManager } from 'typeorm';
import { isUuid, OrganizationKind, Principal } from '@app/parties';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';

/** The caller's tenant filter: the provider sees every customer's requests, a customer only its own. */
export function tenantScope(principal: Principal): { organizationId?: string } {
  return principal.kind === OrganizationKind.Provider
    ? {}
    : { organizationId: principal.organizationId };
}

/** A request the caller may see; another tenant's request is 404, exactly like a missing one. */
export async function findVisibleRequest(
  manager: EntityManager,
  principal: Principal,
  id: string,
): Promise<Request> {
  const request = isUuid(id)
    ? await manager.findOneBy(Request, { id, ...tenantScope(principal) })
    : null;
  if (!request) throw new RequestsException(Code.RequestNotFound, { id });
  return request;
}
