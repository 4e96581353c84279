import { Injectable } from '@nestjs/common';
import { Principal, UserKind, UsersService } from '@app/parties';

/** A person a delegation may name, as the people picker shows them. */
export interface DelegationCandidate {
  id: string;
  name: string;
  email: string;
}

/**
 * The people a delegation of the caller's organization may name, as delegator or delegate: its
 * active people (never a service account), the caller included, by email.
 */
@Injectable()
export class DelegationCandidatesService {
  constructor(private readonly users: UsersService) {}

  async list(principal: Pick<Principal, 'organizationId'>): Promise<DelegationCandidate[]> {
    const members = await this.users.membersOf([principal.organizationId]);
    return members
      .filter((user) => user.kind === UserKind.Person)
      .map(({ id, name, email }) => ({ id, name, email }));
  }
}
