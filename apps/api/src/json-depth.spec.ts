import { assertJsonDepth, JsonTooDeepError, MAX_JSON_DEPTH } from './json-depth';

const nested = (depth: number) => Buffer.from('['.repeat(depth) + ']'.repeat(depth));

describe('assertJsonDepth', () => {
  it('accepts JSON up to the maximum depth', () => {
    expect(() => assertJsonDepth(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => assertJsonDepth(Buffer.from('{"a":{"b":[1,{"c":null}]}}'))).not.toThrow();
  });

  it('refuses JSON one level deeper, as a 400', () => {
    expect(() => assertJsonDepth(nested(MAX_JSON_DEPTH + 1))).toThrow(JsonTooDeepError);
    expect(new JsonTooDeepError()).toMatchObject({ status: 400, type: 'entity.too.deep' });
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ note: '['.repeat(500) + '\\"[[[' });
    expect(() => assertJsonDepth(Buffer.from(text))).not.toThrow();
  });
});
