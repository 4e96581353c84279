import { PageCursor } from './page-cursor';

const ID = '0b9e1f4e-7d8a-4c1e-9f3b-2a6d5c4e3f21';
const AT = new Date('2026-03-04T05:06:07.089Z');
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('PageCursor', () => {
  it('reads back the time and id cursors it writes', () => {
    expect(PageCursor.toTimeId(PageCursor.fromTimeId(AT, ID))).toEqual({ createdAt: AT, id: ID });
  });

  it('reads back the sequence cursors it writes', () => {
    expect(PageCursor.toSeq(PageCursor.fromSeq(42))).toBe(42);
  });

  it.each([
    ['a non-uuid id', raw([AT.toISOString(), 'not-a-uuid'])],
    ['an id of another type', raw([AT.toISOString(), 42])],
    ['a time before year 1', raw(['-200000-01-01T00:00:00.000Z', ID])],
    ['a time after year 9999', raw(['+010000-01-01T00:00:00.000Z', ID])],
    ['a time as a number', raw([AT.getTime(), ID])],
    ['a time written otherwise', raw(['2026-03-04', ID])],
    ['an invalid time', raw(['yesterday', ID])],
    ['extra elements', raw([AT.toISOString(), ID, 1])],
    ['an object', raw({ createdAt: AT.toISOString(), id: ID })],
    ['no JSON', Buffer.from('not json').toString('base64url')],
    ['an empty string', ''],
  ])('refuses a time and id cursor holding %s', (_, cursor) => {
    expect(PageCursor.toTimeId(cursor)).toBeNull();
  });

  it.each([
    ['a negative sequence', raw([-1])],
    ['a sequence past the integer range', raw([2 ** 31])],
    ['a fraction', raw([1.5])],
    ['a string', raw(['1'])],
    ['a time and id', raw([AT.toISOString(), ID])],
    ['no JSON', Buffer.from('{').toString('base64url')],
  ])('refuses a sequence cursor holding %s', (_, cursor) => {
    expect(PageCursor.toSeq(cursor)).toBeNull();
  });
});
