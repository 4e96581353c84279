import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Catalog } from '@app/catalog';
import { AppConfig } from '@app/core';
import { isStepUp, Principal } from '@app/parties';
import { HeldDelegations } from '../delegations/held-delegations';
import { openVerbs } from '../domain/open-verbs';
import { PersonVerb } from '../domain/raci-policy';
import { findVisibleRequest } from '../domain/request-scope';
import { stepUpApplies } from '../domain/step-up.policy';
import { RequestOpinion } from '../entities/request-opinion.entity';

/** A verb the caller may do to a request now. */
export interface ViewerAction {
  verb: PersonVerb;
  /** Their present sign-in is not enough: the verb needs a multi-factor one first (step-up). */
  stepUp: boolean;
}

/**
 * What the caller may do to a request now, from the same table the API's checks read, so that a
 * client offers exactly the verbs the API would accept (the API still checks every call).
 */
@Injectable()
export class ViewerActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: Catalog,
    private readonly config: AppConfig,
    private readonly delegations: HeldDelegations,
  ) {}

  async of(principal: Principal, id: string): Promise<ViewerAction[]> {
    const manager = this.dataSource.manager;
    const request = await findVisibleRequest(manager, principal, id);
    const opinions = await manager.findBy(RequestOpinion, { requestId: request.id });
    const held = principal.userId ? await this.delegations.of([principal.userId]) : [];
    const verbs = openVerbs(
      principal,
      {
        ...request,
        letters: this.catalog.lettersOf(request.action),
        answered: opinions.map((opinion) => opinion.party),
      },
      held,
    );
    const acrValues = this.config.env.OIDC_STEP_UP_ACR ?? [];
    const steppedUp = isStepUp(principal.credential, acrValues);
    return verbs.map((verb) => ({
      verb,
      stepUp: stepUpApplies(verb, this.config) && !steppedUp,
    }));
  }
}
