import type { IncomingMessage, ServerResponse } from 'node:http';
import { markStarted, requestLogLevel, SLOW_REQUEST_MS } from './request-log-policy';

const answered = (statusCode: number) => ({ statusCode }) as ServerResponse;
const request = () => ({}) as IncomingMessage;

describe('requestLogLevel', () => {
  it('logs every request under all', () => {
    const level = requestLogLevel('all');
    expect([200, 201, 404, 500].map((s) => level(request(), answered(s)))).toEqual([
      'info',
      'info',
      'warn',
      'error',
    ]);
  });

  it('keeps failures and drops fast successes under errors', () => {
    const level = requestLogLevel('errors');
    expect(level(request(), answered(201))).toBe('silent');
    expect(level(request(), answered(409))).toBe('warn');
    expect(level(request(), answered(200), new Error('boom'))).toBe('error');
  });

  it('keeps a slow success under errors', () => {
    const level = requestLogLevel('errors');
    const slow = request();
    markStarted(slow);
    const now = performance.now();
    jest.spyOn(performance, 'now').mockReturnValue(now + SLOW_REQUEST_MS);
    expect(level(slow, answered(200))).toBe('info');
    jest.restoreAllMocks();
  });

  it('logs one success in n under sample:n, and every failure', () => {
    const level = requestLogLevel('sample:3');
    const levels = Array.from({ length: 6 }, () => level(request(), answered(200)));
    expect(levels.filter((l) => l === 'info')).toHaveLength(2);
    expect(level(request(), answered(503))).toBe('error');
  });
});
