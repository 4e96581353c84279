import { StatementBatch } from '@app/core';
import { RequestVerb as V, SubmitRequestService, TransitionRequestService } from '@app/requests';
import { MediumApp } from './medium-app';

type Step = 'submit' | 'approve' | 'start' | 'complete';

/**
 * The statements a submission and each step of the lifecycle send to the database, counted by the
 * data source's own logger on the real services (the caller's authentication apart). On SQLite a
 * batch of writes runs one statement after another; PostgreSQL receives it as one, so its round
 * trips are the statements less the batched ones, plus one per batch. A change that adds one fails
 * here, on purpose: raise a ceiling only with a reason.
 */
const CEILINGS: Record<Step, { sqlite: number; postgres: number }> = {
  // organizations, active members, BEGIN, submitter, log place, [entry, log head, outbox, row], COMMIT
  submit: { sqlite: 10, postgres: 7 },
  // BEGIN, row, delegations, approvals, new approval, submitter, approvals, log place, [4], COMMIT
  approve: { sqlite: 13, postgres: 10 },
  // BEGIN, row, delegations, submitter, approvals, log place, [4], COMMIT
  start: { sqlite: 11, postgres: 8 },
  complete: { sqlite: 11, postgres: 8 },
};

describe('statements per change', () => {
  let app: MediumApp;
  let sent = 0;
  let batched = 0;
  let batches = 0;

  beforeAll(async () => {
    app = await MediumApp.start();
    const logger = app.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      sent += 1;
      logQuery(query, parameters, runner);
    };
    const { add, run } = StatementBatch.prototype;
    jest.spyOn(StatementBatch.prototype, 'add').mockImplementation(function (
      this: StatementBatch,
      statement,
    ) {
      batched += 1;
      return add.call(this, statement);
    });
    jest.spyOn(StatementBatch.prototype, 'run').mockImplementation(function (this: StatementBatch) {
      batches += 1;
      return run.call(this);
    });
  });
  afterAll(() => app.close());

  /** What `work` sends: statements on SQLite, round trips on PostgreSQL. */
  const counted = async <T>(work: () => Promise<T>) => {
    [sent, batched, batches] = [0, 0, 0];
    const result = await work();
    return { result, sqlite: sent, postgres: sent - batched + batches };
  };

  it('submits and walks a request within the ceilings', async () => {
    const { requester } = app.cast.client;
    const { approver, operator } = app.cast.provider;
    const transitions = app.get(TransitionRequestService);
    const submit = () =>
      app.get(SubmitRequestService).submit(requester.principal, {
        action: 'mariadb.add-read-only-replica',
        params: { instance: 'db-1' },
      });
    // A first submission fills what is read once per process (the catalog's versions).
    await submit();

    const submitted = await counted(submit);
    const id = submitted.result.id;
    const approved = await counted(() => transitions.act(approver.principal, id, V.Approve, {}));
    const started = await counted(() => transitions.act(operator.principal, id, V.Start, {}));
    const completed = await counted(() => transitions.act(operator.principal, id, V.Complete, {}));

    expect(completed.result).toMatchObject({ state: 'completed', version: 4 });
    const counts = { submit: submitted, approve: approved, start: started, complete: completed };
    for (const step of Object.keys(CEILINGS) as Step[]) {
      const { sqlite, postgres } = counts[step];
      // Within the ceiling, and not by skipping the writes: at least the batch and the commit.
      expect({ step, sqlite, postgres }).toEqual({
        step,
        sqlite: Math.min(sqlite, CEILINGS[step].sqlite),
        postgres: Math.min(postgres, CEILINGS[step].postgres),
      });
      expect(counts[step].postgres).toBeGreaterThanOrEqual(4);
    }
  });
});
