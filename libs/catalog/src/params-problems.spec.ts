import Ajv from 'ajv';
import { paramsProblems } from './params-problems';

describe('paramsProblems', () => {
  const schema = {
    type: 'object',
    additionalProperties: false,
    required: ['supportId'],
    properties: {
      supportId: { type: 'string' },
      window: {
        type: 'object',
        additionalProperties: false,
        properties: { start: { type: 'string' }, end: { type: 'string' } },
      },
    },
  };
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const problems = (params: unknown) => {
    validate(params);
    return paramsProblems(validate.errors ?? [], schema);
  };

  it('names an unknown property and suggests the closest known one', () => {
    expect(problems({ supportId: 'x', suportId: 'x' })).toEqual([
      { field: 'params.suportId', message: 'is not a known property; did you mean `supportId`?' },
    ]);
  });

  it('lists the known properties when none is close, at any depth', () => {
    expect(problems({ supportId: 'x', window: { begin: '1' } })).toEqual([
      {
        field: 'params.window.begin',
        message: 'is not a known property; the known properties are `start`, `end`',
      },
    ]);
  });

  it('names a missing property and a wrong value', () => {
    expect(problems({ window: 3 })).toEqual([
      { field: 'params.supportId', message: 'is required' },
      { field: 'params.window', message: 'must be object' },
    ]);
  });
});
