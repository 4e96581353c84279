import { api, unwrap, type Verb } from '../../api/api-client';

/**
 * What a dialog collects: the text (comment, reason or result), for an opinion the answer, and for
 * a comment of provider staff whether it stays among them.
 */
export interface VerbInput {
  text: string;
  opinion: 'agree' | 'disagree';
  internal: boolean;
}

/** The field a verb's dialog asks for, and whether it must be filled. */
export function fieldOf(verb: Verb): { label: 'comment' | 'reason' | 'result'; required: boolean } {
  switch (verb) {
    case 'reject':
    case 'fail':
    case 'waive-consultation':
      return { label: 'reason', required: true };
    case 'cancel':
      return { label: 'reason', required: false };
    case 'complete':
      return { label: 'result', required: false };
    case 'comment':
      return { label: 'comment', required: true };
    default:
      return { label: 'comment', required: false };
  }
}

/** Sends the verb to the engine, which checks it again against the matrix and the request's state. */
export async function performVerb(id: string, verb: Verb, input: VerbInput): Promise<unknown> {
  const path = { params: { path: { id } } };
  const text = input.text.trim() || undefined;
  switch (verb) {
    case 'approve':
      return unwrap(api.POST('/v1/requests/{id}/approve', { ...path, body: { comment: text } }));
    case 'reject':
      return unwrap(
        api.POST('/v1/requests/{id}/reject', { ...path, body: { reason: text ?? '' } }),
      );
    case 'waive-consultation':
      return unwrap(
        api.POST('/v1/requests/{id}/waive-consultation', { ...path, body: { reason: text ?? '' } }),
      );
    case 'opinion':
      return unwrap(
        api.POST('/v1/requests/{id}/opinions', {
          ...path,
          body: { opinion: input.opinion, comment: text },
        }),
      );
    case 'start':
      return unwrap(api.POST('/v1/requests/{id}/start', path));
    case 'complete':
      return unwrap(api.POST('/v1/requests/{id}/complete', { ...path, body: { result: text } }));
    case 'fail':
      return unwrap(api.POST('/v1/requests/{id}/fail', { ...path, body: { reason: text ?? '' } }));
    case 'cancel':
      return unwrap(api.POST('/v1/requests/{id}/cancel', { ...path, body: { reason: text } }));
    case 'comment':
      return unwrap(
        api.POST('/v1/requests/{id}/comments', {
          ...path,
          body: { body: text ?? '', internal: input.internal },
        }),
      );
  }
}
