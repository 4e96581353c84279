import { enforceShutdownDeadline } from './shutdown-deadline';

describe('enforceShutdownDeadline', () => {
  let remove: () => void;
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    remove?.();
    jest.useRealTimers();
  });
  afterAll(() => stderr.mockRestore());

  it('ends the process when a shutdown outlasts the deadline', () => {
    const exit = jest.fn();
    remove = enforceShutdownDeadline(1_000, exit);
    process.emit('SIGTERM', 'SIGTERM');
    jest.advanceTimersByTime(999);
    expect(exit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('after SIGTERM took over 1000 ms'));
  });

  it('does nothing without a signal', () => {
    const exit = jest.fn();
    remove = enforceShutdownDeadline(1_000, exit);
    jest.advanceTimersByTime(5_000);
    expect(exit).not.toHaveBeenCalled();
  });
});
