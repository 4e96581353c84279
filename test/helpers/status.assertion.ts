import { Response } from 'supertest';

/** Fails with the response body, which a bare status mismatch would hide. */
export function expectStatus(res: Response, status: number, what: string): void {
  if (res.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
}
