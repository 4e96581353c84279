import type { RJSFSchema } from '@rjsf/utils';
import { pointerSegments, type ProblemWords, SchemaValidator } from './schema-validator';

const words: ProblemWords = (keyword, limit) => `${keyword}(${limit})`;
const validator = new SchemaValidator(words);

const REPLICA: RJSFSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['instance'],
  properties: {
    instance: { type: 'string', minLength: 1, maxLength: 8, pattern: '^[a-z0-9-]+$' },
    replicas: { type: 'integer', minimum: 1, maximum: 3 },
    mode: { enum: ['sync', 'async'] },
    owner: {
      type: 'object',
      required: ['email'],
      properties: { email: { type: 'string', format: 'email' } },
    },
  },
};

describe('SchemaValidator, rjsf on an interpreting JSON Schema validator', () => {
  it('accepts valid data', () => {
    const valid = { instance: 'db-1', replicas: 2, mode: 'sync', owner: { email: 'a@b.example' } };
    expect(validator.validateFormData(valid, REPLICA)).toEqual({ errors: [], errorSchema: {} });
    expect(validator.isValid(REPLICA, valid, REPLICA)).toBe(true);
  });

  it('names a missing required property as its own field, nested ones too', () => {
    const { errors, errorSchema } = validator.validateFormData({ owner: {} }, REPLICA);
    expect(errors.map(({ property, message }) => ({ property, message }))).toEqual([
      { property: '.instance', message: 'required(instance)' },
      { property: '.owner.email', message: 'required(email)' },
    ]);
    expect(errorSchema).toEqual({
      instance: { __errors: ['required(instance)'] },
      owner: { email: { __errors: ['required(email)'] } },
    });
  });

  it('says each failed keyword under its field, with the limit the schema sets', () => {
    const { errorSchema } = validator.validateFormData(
      { instance: 'Not_Valid_Name', replicas: 9, mode: 'other', owner: { email: 'nope' } },
      REPLICA,
    );
    expect(errorSchema).toEqual({
      instance: { __errors: ['maxLength(8)', 'pattern(^[a-z0-9-]+$)'] },
      replicas: { __errors: ['maximum(3)'] },
      mode: { __errors: ['enum(sync, async)'] },
      owner: { email: { __errors: ['format(email)'] } },
    });
    expect(validator.isValid(REPLICA, { instance: 'x', replicas: 0 }, REPLICA)).toBe(false);
  });

  it('refuses a property the schema does not allow, and a value of the wrong type', () => {
    const { errorSchema } = validator.validateFormData({ instance: 7, extra: true }, REPLICA);
    expect(errorSchema).toEqual({
      instance: { __errors: ['type(string)'] },
      extra: { __errors: ['notAllowed()'] },
    });
  });

  it('sums up anyOf with one failure, not each branch', () => {
    const schema: RJSFSchema = { anyOf: [{ type: 'string' }, { type: 'integer' }] };
    const { errors } = validator.validateFormData(true, schema);
    expect(errors.map((error) => error.message)).toEqual(['other()']);
  });

  it('applies transformErrors and customValidate as rjsf asks', () => {
    const { errors, errorSchema } = validator.validateFormData(
      { instance: 'db-1', replicas: 2 },
      REPLICA,
      (data, handler) => {
        if ((data as { replicas: number }).replicas === 2) handler.replicas?.addError('odd only');
        return handler;
      },
      (list) => list,
    );
    expect(errors.map((error) => error.message)).toEqual(['odd only']);
    expect(errorSchema).toMatchObject({
      replicas: { __errors: ['odd only'] },
      instance: { __errors: [] },
    });
  });

  it('reports a schema it cannot read instead of throwing', () => {
    const { errors } = validator.validateFormData({}, { $ref: '#/nowhere' });
    expect(errors).toHaveLength(1);
    expect(validator.isValid({ $ref: '#/nowhere' }, {}, {})).toBe(false);
  });

  it('decodes JSON pointers', () => {
    expect(pointerSegments('#')).toEqual([]);
    expect(pointerSegments('#/a~1b/c~0d/%C3%A9')).toEqual(['a/b', 'c~d', 'é']);
  });
});
