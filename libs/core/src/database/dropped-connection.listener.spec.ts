import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { listenForDroppedConnection } from './dropped-connection.listener';

describe('listenForDroppedConnection', () => {
  it('turns the error a dropped connection emits into a warning instead of a crash', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const client = new EventEmitter();
    expect(() => client.emit('error', new Error('boom'))).toThrow('boom');

    listenForDroppedConnection(client);

    expect(() =>
      client.emit('error', new Error('terminating connection due to administrator command')),
    ).not.toThrow();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('terminating connection due to administrator command'),
    );
    warn.mockRestore();
  });
});
