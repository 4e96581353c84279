import type { NextFunction, Request, Response } from 'express';
import { CommonErrorCode, CommonException } from '@app/core';
import { jsonBodiesOnly } from './body-parsing';

describe('bodyParsing: JSON routes read JSON only', () => {
  const jsonOnly = jsonBodiesOnly;

  /** What the middleware passes on for a request with these headers, on this path. */
  function passed(path: string, headers: Record<string, string>): unknown {
    const type = headers['content-type'] ?? '';
    const req = {
      originalUrl: path,
      headers,
      is: (wanted: string) => (type.split(';')[0].trim() === wanted ? wanted : false),
    } as unknown as Request;
    let given: unknown = 'not called';
    jsonOnly(req, {} as Response, ((error?: unknown) => (given = error)) as NextFunction);
    return given;
  }

  it('refuses a body of another type with 415, saying to send JSON', () => {
    const refused = passed('/v1/requests', { 'content-type': 'text/plain', 'content-length': '2' });
    expect(refused).toBeInstanceOf(CommonException);
    expect(refused).toMatchObject({
      code: CommonErrorCode.UnsupportedMediaType,
      status: 415,
      message: expect.stringContaining('send Content-Type: application/json'),
    });
    const untyped = passed('/v1/requests', { 'transfer-encoding': 'chunked' });
    expect(untyped).toMatchObject({ message: expect.stringContaining('it has no Content-Type') });
  });

  it('lets JSON, bodyless calls and the forms of email links through', () => {
    const json = { 'content-type': 'application/json; charset=utf-8', 'content-length': '2' };
    expect(passed('/v1/requests', json)).toBeUndefined();
    expect(passed('/v1/requests/1/approve', { 'content-type': 'text/plain' })).toBeUndefined();
    expect(passed('/v1/requests/1/approve', { 'content-length': '0' })).toBeUndefined();
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '9' };
    expect(passed('/v1/unsubscribe/abc.def', form)).toBeUndefined();
    expect(passed('/v1/email-actions/abc', form)).toBeUndefined();
  });
});
