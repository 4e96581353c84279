/** The two parties the provider's matrix shares responsibility between. */
export enum Party {
  Provider = 'provider',
  Customer = 'customer',
}
export const PARTIES: readonly Party[] = [Party.Provider, Party.Customer];

/** RACI letters, in the order the engine always lists them. */
export type Letter = 'R' | 'A' | 'C' | 'I';
export const LETTERS: readonly Letter[] = ['R', 'A', 'C', 'I'];

/** A customer's subscription plan. */
export enum Plan {
  SelfService = 'self-service',
  OnRequest = 'on-request',
}
/** A plan cell of the matrix: one plan, or `*` for any. */
export type PlanCell = Plan | '*';

export type RaciLetters = Record<Party, Letter[]>;

/** Who does the work of an action, and through what, as the matrix's comments state it. */
export interface PerformerRule {
  /** The party that performs unless a rule below applies. */
  default: Party;
  /** The party that performs when the customer subscribed to the "On Demand" service. */
  onDemand?: Party;
  /** The party that performs when the request is made under the self-service plan. */
  selfService?: Party;
  /** The channel the matrix names (ITCare, S3 API, …). */
  via?: string;
}

/** A quota the matrix states for an action, counted per subscription period. */
export interface ActionQuota {
  unit: string;
  included: number;
  periodMonths: number;
  packageSize: number;
}

export interface ActionDeadline {
  businessDays?: number;
  /** Escalate to the Accountable organization's admins, or expire the request. */
  onMiss: 'escalate' | 'expire';
}

/** How many distinct approvers of the Accountable party a request needs: its quorum. */
export interface ActionApproval {
  /** The quorum under any plan the row does not name below; 1 when the row sets none. */
  required: number;
  /** A quorum of its own for the requests of a plan. */
  plans?: Partial<Record<Plan, number>>;
}

export interface ActionException {
  subject: string;
  rule: string;
}

/** Where the matrix breaks its own rules: the reading taken, and the letters as published. */
export interface ActionReading {
  note: string;
  seed: RaciLetters;
}

/** The title and comment of an action in one more language than English. */
export interface ActionTranslation {
  title: string;
  comment?: string;
  /** The label of each request parameter, by its name in `paramsSchema`. */
  params?: Record<string, string>;
}

/** One action of the effective catalog: a product's own row, or a generic row it inherits. */
export interface CatalogAction {
  key: string;
  product: string;
  title: string;
  /** Its title and comment in other languages (`fr`); English is `title` and `comment`. */
  i18n?: { fr?: ActionTranslation };
  plans: PlanCell[];
  /** The letters the engine enforces (the reading's where there is one). */
  raci: RaciLetters;
  requestable: boolean;
  /**
   * The Accountable party's submission is its decision: a request submitted by one of its
   * approvers needs no second approval (the history says so).
   */
  approvedBySubmission: boolean;
  /** The quorum of approvers; absent means one approver decides. */
  approval?: ActionApproval;
  /** The approval deadline: working days (default from config) and what happens when it passes. */
  deadline?: ActionDeadline;
  comment?: string;
  performer: PerformerRule;
  paramsSchema?: Record<string, unknown>;
  reading?: ActionReading;
  /** Set on a generic row applied to a product: the generic key it comes from. */
  inheritedFrom?: string;
  /** Set on a product row that replaces a generic one. */
  overrides?: string;
  quota?: ActionQuota;
  checklist?: string[];
  exceptions?: ActionException[];
}

/** One table of the published matrix: the generic one or a product's. */
export interface MatrixTable {
  product: string;
  title: string;
  file: string;
  actions: CatalogAction[];
  /** False where the generic rows do not apply to the product; they do by default. */
  generic?: false;
}
