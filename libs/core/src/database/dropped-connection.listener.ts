import { Logger } from '@nestjs/common';

/** The part of a `pg` client this listener needs. */
interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

const logger = new Logger('Database');

/**
 * Given to the `pg` pool as `onConnect`, so every client it opens has an `error` listener for
 * as long as it lives. PostgreSQL drops connections when it restarts (`57P01 terminating
 * connection due to administrator command`), and `pg` reports that as an `error` event on the
 * client. The pool listens only while a client is idle; a client checked out between two queries
 * of a transaction has no listener of its own, and an `error` event nobody hears ends the process.
 * The query in flight rejects by itself and the pool discards a broken client on release, so
 * hearing the event is all that is needed: it is logged, never fatal.
 */
export function listenForDroppedConnection(client: ErrorEmitter): void {
  client.on('error', (error) => {
    logger.warn(`a PostgreSQL connection dropped (${error.message}); the pool opens a new one`);
  });
}
