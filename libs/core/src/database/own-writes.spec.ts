import { OwnWrites } from './own-writes';

describe('OwnWrites', () => {
  let now = 0;
  const writes = () => new OwnWrites(1_000, () => now);

  beforeEach(() => (now = 10_000));

  it('holds a write for the window, then forgets it', () => {
    const own = writes();
    own.note('ada', '0/3000060');
    now += 999;
    expect(own.pending('ada')).toEqual({ lsn: '0/3000060', at: 10_000 });
    now += 1;
    expect(own.pending('ada')).toBeUndefined();
    expect(own.pending('bob')).toBeUndefined();
  });

  it('forgets a replayed write, but not a newer one noted meanwhile', () => {
    const own = writes();
    own.note('ada', '0/1');
    const first = own.pending('ada')!;
    own.replayed('ada', first);
    expect(own.pending('ada')).toBeUndefined();

    own.note('ada', '0/2');
    const second = own.pending('ada')!;
    own.note('ada', '0/3');
    own.replayed('ada', second);
    expect(own.pending('ada')?.lsn).toBe('0/3');
  });

  it('drops expired writes of callers who never read again', () => {
    const own = writes();
    own.note('ada', '0/1');
    own.note('bob', '0/2');
    now += 600;
    own.note('eve', '0/3');
    now += 500;
    own.note('joe', '0/4');
    expect(own.size).toBe(2);
    expect(own.pending('eve')?.lsn).toBe('0/3');
  });
});
