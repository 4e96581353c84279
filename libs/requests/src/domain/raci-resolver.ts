import { Injectable } from '@nestjs/common';
import { allowsPlan, Catalog, CatalogAction, Letter, Party, PARTIES } from '@app/catalog';
import { Subscription } from '@app/parties';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';

/** Who is R, A, C, I and who performs, for one action under one customer's subscription. */
export interface RaciAssignment {
  action: CatalogAction;
  responsible: Party;
  accountable: Party;
  consulted: Party[];
  informed: Party[];
  performer: Party;
  via?: string;
}

/** Reads the catalog for a submission: the action must exist, be requestable under the plan, and its params valid. */
@Injectable()
export class RaciResolver {
  constructor(private readonly catalog: Catalog) {}

  resolve(actionKey: string, params: unknown, subscription: Subscription): RaciAssignment {
    const action = this.catalog.action(actionKey);
    if (!action)
      throw RequestsException.invalid(
        Code.ActionNotFound,
        `No catalog action has the key "${actionKey}".`,
      );
    if (!action.requestable) {
      throw RequestsException.invalid(
        Code.ActionNotRequestable,
        `"${action.title}" is a standing responsibility, not something to request.`,
      );
    }
    if (!allowsPlan(action.plans, subscription.plan)) {
      throw RequestsException.invalid(
        Code.PlanNotAllowed,
        `"${action.title}" cannot be requested under the ${subscription.plan} plan.`,
        {
          plans: action.plans,
        },
      );
    }
    const problems = this.catalog.validateParams(action, params);
    if (problems.length > 0) {
      throw RequestsException.invalid(
        Code.ParamsInvalid,
        `params do not match the schema of ${action.key}.`,
        { problems },
      );
    }
    return this.assign(action, subscription);
  }

  private assign(action: CatalogAction, subscription: Subscription): RaciAssignment {
    const holders = (letter: Letter) =>
      PARTIES.filter((party) => action.raci[party].includes(letter));
    const performer = this.catalog.performerOf(action, subscription);
    const responsibles = holders('R');
    return {
      action,
      responsible: responsibles.includes(performer) ? performer : responsibles[0],
      accountable: holders('A')[0],
      consulted: holders('C'),
      informed: holders('I'),
      performer,
      via: action.performer.via,
    };
  }
}
