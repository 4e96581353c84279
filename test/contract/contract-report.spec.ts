import { groupMismatches } from './contract-report';

describe('groupMismatches', () => {
  it('keeps one entry per operation, status and problem, with every distinct error and file', () => {
    const submit = 'POST /v1/requests (submitRequest)';
    const grouped = groupMismatches([
      {
        operation: submit,
        status: 201,
        problem: 'body does not match the schema',
        errors: ['/dueAt: must be object,null'],
        file: 'a.e2e-spec.ts',
      },
      {
        operation: submit,
        status: 201,
        problem: 'body does not match the schema',
        errors: ['/dueAt: must be object,null', '/comment: must be object,null'],
        file: 'b.e2e-spec.ts',
      },
      {
        operation: submit,
        status: 400,
        problem: 'content type not documented',
        errors: ['got application/json, documented: no body'],
        file: 'a.e2e-spec.ts',
      },
      {
        operation: 'GET /v1/me (getMe)',
        status: 200,
        problem: 'body does not match the schema',
        errors: [],
        file: 'a.e2e-spec.ts',
      },
    ]);
    expect(grouped).toEqual([
      {
        operation: 'GET /v1/me (getMe)',
        status: 200,
        problem: 'body does not match the schema',
        errors: [],
        answers: 1,
        files: ['a.e2e-spec.ts'],
      },
      {
        operation: submit,
        status: 201,
        problem: 'body does not match the schema',
        errors: ['/dueAt: must be object,null', '/comment: must be object,null'],
        answers: 2,
        files: ['a.e2e-spec.ts', 'b.e2e-spec.ts'],
      },
      {
        operation: submit,
        status: 400,
        problem: 'content type not documented',
        errors: ['got application/json, documented: no body'],
        answers: 1,
        files: ['a.e2e-spec.ts'],
      },
    ]);
  });
});
