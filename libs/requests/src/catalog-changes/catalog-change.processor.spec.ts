import { Job } from 'bullmq';
import { Repository } from 'typeorm';
import {
  CatalogActivationService,
  CatalogVersion,
  CatalogVersionsService,
  CatalogVersionState as State,
} from '@app/catalog';
import { JobName } from '@app/core';
import { Request } from '../entities/request.entity';
import { CatalogChangeProcessor } from './catalog-change.processor';

const CHANGE = {
  id: 'r-1',
  action: 'catalog.change-matrix',
  params: { version: 3 },
} as unknown as Request;

/** A processor over one stored version, whose activation puts it in force as the service does. */
function setUp(request: Request | null, stored: Partial<CatalogVersion>) {
  const row = { version: 3, state: State.Draft, approvedAt: null, ...stored } as CatalogVersion;
  const versions = {
    one: jest.fn(() => Promise.resolve({ ...row })),
    discard: jest.fn(() => {
      const discarded = row.state === State.Draft && row.approvedAt === null;
      if (discarded) row.state = State.Discarded;
      return Promise.resolve(discarded);
    }),
  };
  const activation = {
    activate: jest.fn(() => {
      row.approvedAt = new Date();
      if (!row.effectiveAt || row.effectiveAt <= new Date()) row.state = State.Active;
      return Promise.resolve({ ...row });
    }),
  };
  const processor = new CatalogChangeProcessor(
    { findOneBy: () => Promise.resolve(request) } as unknown as Repository<Request>,
    versions as unknown as CatalogVersionsService,
    activation as unknown as CatalogActivationService,
  );
  const run = (decision: 'approved' | 'rejected' | 'cancelled') =>
    processor.process({
      name: JobName.ApplyCatalogChange,
      data: { requestId: 'r-1', decision },
    } as Job<{ requestId: string; decision: typeof decision }, never, JobName.ApplyCatalogChange>);
  return { run, versions, activation };
}

describe('CatalogChangeProcessor', () => {
  it('activates the draft of an approved change once: a run again does nothing', async () => {
    const { run, activation } = setUp(CHANGE, {});
    expect(await run('approved')).toEqual({ requestId: 'r-1', version: 3, outcome: 'activated' });
    expect(await run('approved')).toEqual({ requestId: 'r-1', version: 3, outcome: 'unchanged' });
    expect(activation.activate).toHaveBeenCalledTimes(1);
  });

  it('schedules a draft whose effective time is still to come', async () => {
    const { run } = setUp(CHANGE, { effectiveAt: new Date(Date.now() + 86_400_000) });
    expect(await run('approved')).toMatchObject({ outcome: 'scheduled' });
    expect(await run('approved')).toMatchObject({ outcome: 'unchanged' });
  });

  it.each(['rejected', 'cancelled'] as const)(
    'discards the draft of a %s change',
    async (decision) => {
      const { run, activation } = setUp(CHANGE, {});
      expect(await run(decision)).toEqual({ requestId: 'r-1', version: 3, outcome: 'discarded' });
      expect(await run(decision)).toMatchObject({ outcome: 'unchanged' });
      expect(activation.activate).not.toHaveBeenCalled();
    },
  );

  it('leaves alone a request that is no change of the matrix', async () => {
    const other = { ...CHANGE, action: 'mariadb.add-read-only-replica' };
    const { run, versions } = setUp(other, {});
    expect(await run('approved')).toEqual({
      requestId: 'r-1',
      version: null,
      outcome: 'not-a-change',
    });
    expect(await setUp(null, {}).run('approved')).toMatchObject({ outcome: 'not-a-change' });
    expect(versions.one).not.toHaveBeenCalled();
  });
});
