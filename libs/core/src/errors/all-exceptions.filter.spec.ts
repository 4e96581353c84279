import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { CommonErrorCode } from './error-code';
import { CommonException } from './common.exception';

/** A request and response as Express gives them, recording what the filter answers. */
function exchange(request: { id?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = {};
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    headersSent: false,
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const req = { headers: {}, method: 'GET', path: '/nowhere', ...request };
  const host = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, headers, sent };
}

describe('AllExceptionsFilter', () => {
  const filter = new AllExceptionsFilter();

  it('answers a coded error with its status, code, message, details and the request id', () => {
    const { host, sent } = exchange({ id: 'req-1' });
    filter.catch(
      new CommonException(CommonErrorCode.ValidationFailed, {
        fields: [{ field: 'action', message: 'action must be a string' }],
      }),
      host,
    );
    expect(sent).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid: action: action must be a string.',
        details: { fields: [{ field: 'action', message: 'action must be a string' }] },
        requestId: 'req-1',
      },
    });
  });

  it('hides an unexpected error behind INTERNAL_ERROR with the request id only', () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, sent } = exchange({ id: 'req-2' });
    filter.catch(new Error('secret stack'), host);
    expect(sent.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred; quote the request id when reporting it.',
      requestId: 'req-2',
    });
  });

  it('gives a request refused before logging began an id, echoed in X-Request-Id', () => {
    const { host, headers, sent } = exchange({ headers: { 'x-request-id': 'caller-7' } });
    filter.catch(new NotFoundException(), host);
    expect(sent.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', requestId: 'caller-7' });
    expect(headers['x-request-id']).toBe('caller-7');
  });
});
