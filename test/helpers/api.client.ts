import request from 'supertest';
import { checkedByContract } from '../contract/contract-check';
import type { Actor } from '../factories/parties.factory';
import { TestApp } from './create-app';

/** Who calls the API: a user of the test app, or a bare bearer token (the admin's, a revoked one…). */
export type ApiCaller = Actor | string;

/**
 * supertest calls carrying `Authorization: Bearer <token>`. A body, when one is given, is sent as
 * JSON; each call is a supertest `Test`, so `.expect(…)`, `.set(…)`, `.query(…)` and `.send(…)` go on.
 */
export interface ApiClient {
  get(path: string): request.Test;
  delete(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
}

type Method = 'get' | 'delete' | 'post' | 'put' | 'patch';

/**
 * The API of a test app (or of a remote API process seen as one), called as `caller`. Every answer
 * is checked against the OpenAPI document the API publishes (see test/contract/contract-check.ts):
 * one it does not describe fails the call. Deliberately malformed calls go through
 * test/security/raw-http.client.ts instead.
 */
export function api(t: Pick<TestApp, 'http'>, caller: ApiCaller): ApiClient {
  const token = typeof caller === 'string' ? caller : caller.token;
  const call = (method: Method, path: string, body?: object): request.Test => {
    const test = request(t.http)[method](path).set('Authorization', `Bearer ${token}`);
    return checkedByContract(t.http, body === undefined ? test : test.send(body));
  };
  return {
    get: (path) => call('get', path),
    delete: (path) => call('delete', path),
    post: (path, body) => call('post', path, body),
    put: (path, body) => call('put', path, body),
    patch: (path, body) => call('patch', path, body),
  };
}
