import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from './unique-violation';

const failure = (code: string) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('refused'), { code }));

describe('isUniqueViolation', () => {
  it.each(['23505', 'SQLITE_CONSTRAINT_UNIQUE'])('recognises %s', (code) => {
    expect(isUniqueViolation(failure(code))).toBe(true);
  });

  it('ignores other database errors and non-database errors', () => {
    expect(isUniqueViolation(failure('23503'))).toBe(false);
    expect(isUniqueViolation(failure('SQLITE_CONSTRAINT_FOREIGNKEY'))).toBe(false);
    expect(isUniqueViolation(new Error('23505'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
