import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable, fillMessage } from './domain.exception';

enum SpecCode {
  Missing = 'SPEC_MISSING',
  Invalid = 'SPEC_INVALID',
}

const ERRORS: ErrorTable<SpecCode> = {
  [SpecCode.Missing]: { status: HttpStatus.NOT_FOUND, message: 'No thing "{id}".' },
  [SpecCode.Invalid]: { status: HttpStatus.BAD_REQUEST, message: 'Not valid: {fields}.' },
};

class SpecException extends DomainException<SpecCode> {
  constructor(code: SpecCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}

describe('DomainException', () => {
  it('takes its status and its one message from the table, filled from the details', () => {
    const error = new SpecException(SpecCode.Missing, { id: 'x1' });
    expect(error).toMatchObject({ status: 404, code: 'SPEC_MISSING', message: 'No thing "x1".' });
    expect(error.details).toEqual({ id: 'x1' });
    expect(error.name).toBe('SpecException');
  });

  it('writes field problems as `field: message`, joined', () => {
    const fields = [
      { field: 'params.instance', message: 'must be string' },
      { field: 'comment', message: 'is too long' },
    ];
    expect(new SpecException(SpecCode.Invalid, { fields }).message).toBe(
      'Not valid: params.instance: must be string; comment: is too long.',
    );
  });

  it('fills lists, numbers and missing details', () => {
    expect(fillMessage('{a} / {b} / {c}', { a: ['x', 'y'], b: 3 })).toBe('x; y / 3 / ');
  });
});
