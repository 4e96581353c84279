import { EngineProcess } from '../helpers/engine-process';
import { FaultBed } from './fault-bed';
import { killWorkerMidFlight } from './worker-kill.scenario';

describe('fault: the worker is killed (kill -9) with hundreds of messages in flight', () => {
  let bed: FaultBed;
  let api: EngineProcess;

  beforeAll(async () => {
    bed = await FaultBed.start();
    api = await bed.engine('api');
  });
  afterAll(() => bed?.close());

  it('delivers every owed message exactly once after the worker restarts', () =>
    killWorkerMidFlight(bed, api, { redis: bed.redis.url, prefix: 'raci-faults' }));
});
