import request from 'supertest';
import { TestApp } from './create-app';

/** supertest calls that carry `Authorization: Bearer <token>`. */
export function client(t: TestApp, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    get: (path: string) => request(t.http).get(path).set(auth),
    post: (path: string, body?: object) => request(t.http).post(path).set(auth).send(body),
    delete: (path: string) => request(t.http).delete(path).set(auth),
  };
}
