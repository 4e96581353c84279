import { fromLocalInput, localInputValue } from './local-date-time';

describe('datetime-local fields', () => {
  it('round-trips a moment through a datetime-local field to the minute', () => {
    const at = new Date(2026, 5, 10, 9, 5);
    expect(localInputValue(at)).toBe('2026-06-10T09:05');
    expect(fromLocalInput(localInputValue(at))?.getTime()).toBe(at.getTime());
  });

  it('reads an empty or malformed field as nothing', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });
});
