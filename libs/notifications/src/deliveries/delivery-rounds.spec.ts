import { DeliveryRounds, ROUND_SQL } from './delivery-rounds';
import { DeliveryStatus } from './notification-delivery.entity';

const message = { messageId: '<m@raci-engine>', to: ['ada@example.com'], text: 'hi' };

describe('DeliveryRounds', () => {
  it('settles and claims what several jobs ask for at once in one statement', async () => {
    const run = jest.fn((_sql: string, params: unknown[]) =>
      Promise.resolve(
        (params[2] as string[])
          .filter((id) => id !== 'gone')
          .map((id) => ({ id, status: DeliveryStatus.Queued, message })),
      ),
    );
    const rounds = new DeliveryRounds(run);
    const [a, b, gone, settled] = await Promise.all([
      rounds.claim('a'),
      rounds.claim('b'),
      rounds.claim('gone'),
      rounds.settleSent('s', 2),
    ]);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith(ROUND_SQL, [['s'], [2], ['a', 'b', 'gone']]);
    expect([a?.id, b?.id, gone, settled]).toEqual(['a', 'b', null, undefined]);
  });

  it('sends what was asked during a round in the next one', async () => {
    let finish: (rows: unknown[]) => void = () => undefined;
    const run = jest
      .fn()
      .mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)))
      .mockResolvedValue([]);
    const rounds = new DeliveryRounds(run);
    const first = rounds.settleSent('a', 1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = rounds.settleSent('b', 1);
    const third = rounds.claim('c');
    await new Promise((resolve) => setImmediate(resolve));
    expect(run).toHaveBeenCalledTimes(1);
    finish([]);
    await Promise.all([first, second, third]);
    expect(run).toHaveBeenCalledTimes(2);
    expect(run).toHaveBeenLastCalledWith(ROUND_SQL, [['b'], [1], ['c']]);
  });

  it('fails every job of a round that could not be written, so each is retried', async () => {
    const rounds = new DeliveryRounds(() => Promise.reject(new Error('connection lost')));
    const results = await Promise.allSettled([rounds.settleSent('a', 1), rounds.claim('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
