import { Party } from '@app/catalog';
import type { RequestResponse } from '../../apps/api/src/requests/request.response';
import { api } from '../helpers/api.client';
import { TestApp } from '../helpers/create-app';
import { expectStatus } from '../helpers/status.assertion';
import { Cast, membershipOf, Staff } from './cast.factory';
import { Actor } from './parties.factory';

/** A request as the API answers it (in JSON, so its dates are strings). */
export type RequestView = RequestResponse;

/** What a submission may carry besides the action and its params. */
export interface SubmitExtra {
  /** The customer organization: required when provider staff submit. */
  organizationId?: string;
  comment?: string;
}

/** A request submitted through the API, with what `walk` needs to move it on. */
export interface SubmittedRequest {
  id: string;
  /** The request as the submission answered it. */
  view: RequestView;
  t: TestApp;
  /** The cast the submitter belongs to, whose members `walk` acts as. */
  cast: Cast;
  submitter: Actor;
}

/** The verbs of `POST /v1/requests/:id/<verb>` that move a request. */
export type Verb =
  | 'approve'
  | 'reject'
  | 'waive-consultation'
  | 'opinions'
  | 'start'
  | 'complete'
  | 'fail'
  | 'cancel';

/**
 * One step of a walk: a verb done by the member the request's RACI parties name, or by the actor a
 * step names; the object form also replaces the verb's default body.
 */
export type Step = Verb | readonly [Verb, Actor] | { verb: Verb; by?: Actor; body?: object };

/** Bodies of the verbs that need one. */
const DEFAULT_BODIES: Partial<Record<Verb, object>> = {
  reject: { reason: 'Rejected in a test walk' },
  'waive-consultation': { reason: 'Waived in a test walk' },
  opinions: { opinion: 'agree' },
  fail: { reason: 'Failed in a test walk' },
};

/**
 * Submits a request as `submitter`, a member of a cast, and fails with the answer's body unless it
 * is 201.
 */
export async function submitRequest(
  submitter: Actor,
  action: string,
  params: Record<string, unknown>,
  extra: SubmitExtra = {},
): Promise<SubmittedRequest> {
  const { t, cast } = membershipOf(submitter);
  const res = await api(t, submitter).post('/v1/requests', { action, params, ...extra });
  expectStatus(res, 201, `submitRequest ${action} by ${submitter.email}`);
  const view = res.body as RequestView;
  return { id: view.id, view, t, cast, submitter };
}

/**
 * Does the steps in order, each by the member of the cast the request's parties name (see
 * `actorsFor`) unless the step names one, and fails unless each answers 200. Returns the request as
 * the last step left it.
 */
export async function walk(request: SubmittedRequest, ...steps: Step[]): Promise<RequestView> {
  let view = request.view;
  for (const step of steps) {
    const { verb, by, body } = typeof step === 'string' ? { verb: step } : stepOf(step);
    for (const actor of by ? [by] : actorsFor(request, view, verb)) {
      const res = await api(request.t, actor).post(
        `/v1/requests/${request.id}/${verb}`,
        body ?? DEFAULT_BODIES[verb],
      );
      expectStatus(res, 200, `${verb} ${request.view.action} by ${actor.email}`);
      view = res.body as RequestView;
    }
  }
  return view;
}

function stepOf(step: Exclude<Step, Verb>): { verb: Verb; by?: Actor; body?: object } {
  if ('verb' in step) return step;
  const [verb, by] = step;
  return { verb, by };
}

/**
 * Who does a verb by default: the Accountable party's approver (its second approver when the first
 * submitted: four eyes), one consultant per Consulted party, the performing party's operator, or
 * the submitter, who cancels.
 */
function actorsFor(request: SubmittedRequest, view: RequestView, verb: Verb): Actor[] {
  switch (verb) {
    case 'approve':
    case 'reject':
    case 'waive-consultation': {
      const { approver, secondApprover } = staffOf(request, view.accountable);
      return [approver.id === request.submitter.id ? secondApprover : approver];
    }
    case 'opinions':
      if (view.consulted.length === 0) throw new Error(`${view.action} consults nobody`);
      return view.consulted.map((party) => staffOf(request, party).consultant);
    case 'start':
    case 'complete':
    case 'fail':
      return [staffOf(request, view.performer).operator];
    case 'cancel':
      return [request.submitter];
  }
}

/** The staff of a party of the request: the provider's, or that of the request's customer. */
function staffOf({ cast, view }: SubmittedRequest, party: Party): Staff {
  if (party === Party.Provider) return cast.provider;
  const customer = [cast.onRequest, cast.selfService].find(
    (staff) => staff.organizationId === view.organizationId,
  );
  if (!customer) throw new Error(`the customer of request ${view.id} is not in the cast`);
  return customer;
}
