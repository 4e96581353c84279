import { Injectable } from '@nestjs/common';
import {
  allowsPlan,
  approvalsRequired,
  Catalog,
  CatalogAction,
  CatalogTables,
  Letter,
  Party,
  PARTIES,
} from '@app/catalog';
import { closestNames } from '@app/core';
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
  /** The catalog version the assignment was read from, which the request pins. */
  catalogVersion: number;
  /** How many distinct approvers of the Accountable party the request needs (its quorum). */
  approvalsRequired: number;
}

/** Reads the catalog for a submission: the action must exist, be requestable under the plan, and its params valid. */
@Injectable()
export class RaciResolver {
  constructor(private readonly catalog: Catalog) {}

  resolve(actionKey: string, params: unknown, subscription: Subscription): RaciAssignment {
    // One version throughout, even if another becomes active meanwhile.
    const catalog = this.catalog.current();
    const action = catalog.action(actionKey);
    if (!action) throw this.notFound(actionKey);
    const { title, plans } = action;
    if (!action.requestable) throw new RequestsException(Code.ActionNotRequestable, { title });
    if (!allowsPlan(plans, subscription.plan)) {
      throw new RequestsException(Code.PlanNotAllowed, { title, plan: subscription.plan, plans });
    }
    const fields = catalog.validateParams(action, params);
    if (fields.length > 0) {
      throw new RequestsException(Code.ParamsInvalid, { action: action.key, fields });
    }
    return this.assign(action, subscription, catalog);
  }

  /** An unknown key, with the closest keys the catalog has. */
  private notFound(actionKey: string): RequestsException {
    const keys = this.catalog.actions({ requestable: true }).map((action) => action.key);
    const suggestions = closestNames(actionKey, keys);
    // The hint fills the message; it is left out when there is nothing to suggest.
    const hint = suggestions.length ? { hint: ` Did you mean ${suggestions.join(' or ')}?` } : {};
    return new RequestsException(Code.ActionNotFound, { action: actionKey, suggestions, ...hint });
  }

  /** Who is R, A, C, I and who performs an action under a subscription (no check of plan or params). */
  assign(
    action: CatalogAction,
    subscription: Subscription,
    catalog: CatalogTables = this.catalog.current(),
  ): RaciAssignment {
    const holders = (letter: Letter) =>
      PARTIES.filter((party) => action.raci[party].includes(letter));
    const performer = catalog.performerOf(action, subscription);
    const responsibles = holders('R');
    return {
      action,
      responsible: responsibles.includes(performer) ? performer : responsibles[0],
      accountable: holders('A')[0],
      consulted: holders('C'),
      informed: holders('I'),
      performer,
      via: action.performer.via,
      catalogVersion: catalog.version,
      approvalsRequired: approvalsRequired(action, subscription.plan),
    };
  }
}
