import { join } from 'node:path';
import { Catalog, Letter, loadCatalog, Party, Plan } from '@app/catalog';
import { Role } from '@app/parties';
import { RequestVerb as V } from '../domain/request-state';
import { RaciResolver } from '../domain/raci-resolver';

export type OracleVerb = Exclude<V, V.Submit | V.Expire>;

/** What a request's parties are, as the resolver assigns them for one action and subscription. */
export interface Shape {
  key: string;
  responsible: Party;
  accountable: Party;
  consulted: Party[];
  informed: Party[];
  performer: Party;
  letters: Record<Party, Letter[]>;
}

/**
 * What the matrix allows, written from the letters of the catalog alone (not from the table of who
 * acts), so specs hold the policy, the inbox and the mail to the matrix.
 */
export function allowedByMatrix(verb: OracleVerb, party: Party, role: Role, shape: Shape): boolean {
  const holds = (letter: Letter) => shape.letters[party].includes(letter);
  switch (verb) {
    case V.Approve:
    case V.Reject:
    case V.WaiveConsultation:
      return holds('A') && role === Role.Approver;
    case V.Opinion:
      return holds('C') && (role === Role.Consultant || role === Role.Approver);
    case V.Start:
    case V.Complete:
    case V.Fail:
      return party === shape.performer && role === Role.Operator;
    case V.Cancel:
      return holds('A') && role === Role.Approver;
    case V.Comment:
      return shape.letters[party].length > 0 || party === shape.performer;
  }
}

export const ORACLE_VERBS: readonly OracleVerb[] = Object.values(V).filter(
  (verb): verb is OracleVerb => verb !== V.Submit && verb !== V.Expire,
);

export const SUBSCRIPTIONS = [Plan.SelfService, Plan.OnRequest].flatMap((plan) =>
  [false, true].map((onDemand) => ({ plan, onDemand })),
);

/** The seed catalog of config/raci. */
export function seedCatalog(): Catalog {
  return loadCatalog(join(__dirname, '../../../../config/raci'));
}

/** Every requestable action under every subscription whose plan allows it, as its RACI shape. */
export function shapesOf(
  catalog: Catalog,
): { subscription: (typeof SUBSCRIPTIONS)[number]; shape: Shape }[] {
  const resolver = new RaciResolver(catalog);
  return catalog.actions({ requestable: true }).flatMap((action) =>
    SUBSCRIPTIONS.filter(
      ({ plan }) => action.plans.includes('*') || action.plans.includes(plan),
    ).map((subscription) => {
      const raci = resolver.assign(action, subscription);
      return {
        subscription,
        shape: {
          key: action.key,
          responsible: raci.responsible,
          accountable: raci.accountable,
          consulted: raci.consulted,
          informed: raci.informed,
          performer: raci.performer,
          letters: action.raci,
        },
      };
    }),
  );
}

/** Shapes that differ in who is R, A, C, I or performs: one of each. */
export function distinctShapes(catalog: Catalog): Shape[] {
  const seen = new Map<string, Shape>();
  for (const { shape } of shapesOf(catalog)) {
    const id = JSON.stringify({ ...shape, key: undefined });
    if (!seen.has(id)) seen.set(id, shape);
  }
  return [...seen.values()];
}
