import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppConfig, RequestEvent, RequestEventType, RequestState } from '@app/core';
import { LiveInboxPublisher } from './live-inbox.publisher';
import { parseSignal, reaches } from './inbox-signal';

const event: RequestEvent = {
  id: 'e1',
  type: RequestEventType.Submitted,
  requestId: 'r1',
  organizationId: 'customer-1',
  action: 'mariadb.add-read-only-replica',
  fromState: null,
  toState: RequestState.PendingApproval,
  dueAt: null,
  actorId: 'u1',
  actorOrganizationId: 'customer-1',
  letter: null,
  comment: null,
  occurredAt: new Date(0).toISOString(),
};

describe('LiveInboxPublisher', () => {
  it('lets the change go on when Redis is away', async () => {
    const events = new EventEmitter2({ ignoreErrors: false });
    // Nothing listens on port 1.
    const config = { env: { REDIS_URL: 'redis://127.0.0.1:1', QUEUE_PREFIX: 'p' } } as AppConfig;
    const publisher = new LiveInboxPublisher(events, config);
    const warn = jest.spyOn(publisher['logger'], 'warn').mockImplementation(() => undefined);
    publisher.onModuleInit();
    try {
      expect(() => events.emit(event.type, event)).not.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('not published'));
    } finally {
      publisher.onModuleDestroy();
    }
  });
});

describe('inbox signals', () => {
  const signal = { requestId: 'r1', event: RequestEventType.Approved, organizationId: 'c1' };

  it('reach the provider and the request’s own customer only', () => {
    expect(reaches(signal, { organizationId: 'p', provider: true })).toBe(true);
    expect(reaches(signal, { organizationId: 'c1', provider: false })).toBe(true);
    expect(reaches(signal, { organizationId: 'c2', provider: false })).toBe(false);
  });

  it('are read back from the channel, and anything else is dropped', () => {
    expect(parseSignal(JSON.stringify(signal))).toEqual(signal);
    expect(parseSignal('{"requestId":1}')).toBeNull();
    expect(parseSignal('not json')).toBeNull();
  });
});
