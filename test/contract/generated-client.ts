import createClient, { Client } from 'openapi-fetch';
import { TestApp } from '../helpers/create-app';
import { enforceContract } from './contract-check';
import type { paths } from '../../apps/console/src/api/raci-api';

/** The generated client of the engine's API, typed by the document it serves. */
export type RaciClient = Client<paths>;

/**
 * The client `openapi-typescript` and `openapi-fetch` make from `/docs/openapi.json`, calling the
 * test app over HTTP at `baseUrl` with `token` (without one, each call brings its own credential).
 * Its answers are checked against the document too, as those of `api()` are.
 */
export function generatedClient(
  t: Pick<TestApp, 'http'>,
  baseUrl: string,
  token?: string,
): RaciClient {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const client = createClient<paths>({ baseUrl, headers });
  client.use({
    onResponse: async ({ request, response }) => {
      await enforceContract(t.http, {
        method: request.method,
        url: request.url,
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        text: await response.clone().text(),
      });
    },
  });
  return client;
}

/** The data of a successful answer; otherwise fails with the status and the error body. */
export function dataOf<T>(
  result: { data?: T; error?: unknown; response: Response },
  what: string,
): T {
  if (result.data === undefined) {
    throw new Error(`${what}: answered ${result.response.status}: ${JSON.stringify(result.error)}`);
  }
  return result.data;
}
