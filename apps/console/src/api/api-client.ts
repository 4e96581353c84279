import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './raci-api';

export type Schemas = components['schemas'];
export type Me = Schemas['MeResponse'];
export type RequestView = Schemas['RequestResponse'];
export type InboxItem = Schemas['InboxItemResponse'];
export type HistoryEntry = Schemas['HistoryEntryResponse'];
export type Comment = Schemas['CommentResponse'];
export type ViewerAction = Schemas['ViewerActionResponse'];
export type Verb = ViewerAction['verb'];

/** An API error as the engine answers it: a stable code, an English message, the request's id. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/** A call that failed: the engine's error, or `NETWORK` when no answer came. */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }

  get code(): string {
    return this.body.code;
  }
}

/** The methods that change something: the session's CSRF token goes with each. */
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | undefined;

/** The token of `GET /v1/me`, sent as `X-CSRF-Token` on every change made with the session. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && CHANGES.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/**
 * The engine's API, typed from its OpenAPI document (`npm run contract:generate` writes
 * `raci-api.d.ts`): same origin, the session cookie, JSON.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

/** The data of an answer, or an ApiError with the engine's code (`NETWORK` without an answer). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError({ statusCode: 0, code: 'NETWORK', message: 'No answer from the engine' });
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  throw new ApiError(asErrorBody(error, response.status));
}

function asErrorBody(error: unknown, status: number): ApiErrorBody {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error as ApiErrorBody;
  }
  return { statusCode: status, code: `HTTP_${status}`, message: `HTTP ${status}` };
}
