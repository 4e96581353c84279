import { JobPolicy } from '../job-policies';
import { QueueName } from '../queue-names';

/** Where a kind of job goes, how it is retried, and how its id follows from its payload. */
export interface JobDefinition<Data> {
  queue: QueueName;
  policy: JobPolicy;
  /** The same work always gets the same id, so enqueueing it twice runs it once. */
  id(data: Data): string;
}
