import {
  changeLines,
  FIRST_PAGE,
  nextPage,
  parseEmails,
  previousPage,
  sameItems,
  shownValue,
} from './admin-forms';

describe('parseEmails', () => {
  it('takes addresses one per line, or separated by commas or spaces, each once', () => {
    expect(parseEmails(' a@x.example\nb@x.example, c@x.example;a@x.example \n\n')).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
    ]);
  });

  it('gives nothing for blank text', () => {
    expect(parseEmails(' \n ')).toEqual([]);
  });
});

describe('sameItems', () => {
  it('ignores the order, not the count', () => {
    expect(sameItems(['admin', 'approver'], ['approver', 'admin'])).toBe(true);
    expect(sameItems(['admin'], ['admin', 'approver'])).toBe(false);
    expect(sameItems(['admin', 'operator'], ['admin', 'approver'])).toBe(false);
  });
});

describe('changeLines', () => {
  it('says each change as field: from → to, fields in order', () => {
    expect(
      changeLines({
        roles: { from: ['requester'], to: ['requester', 'approver'] },
        active: { from: true, to: false },
      }),
    ).toEqual(['active: true → false', 'roles: requester → requester, approver']);
  });

  it('says a value set for the first time without "from", and nothing as a dash', () => {
    expect(changeLines({ name: { to: 'Ada' }, oidcSubject: { from: null, to: 'sub-1' } })).toEqual([
      'name: Ada',
      'oidcSubject: — → sub-1',
    ]);
  });

  it('shows objects as JSON and empty lists as a dash', () => {
    expect(shownValue({ plan: 'self-service' })).toBe('{"plan":"self-service"}');
    expect(shownValue([])).toBe('—');
  });
});

describe('cursor pages', () => {
  it('goes forward and back to the first page', () => {
    const second = nextPage(FIRST_PAGE, 'c1');
    const third = nextPage(second, 'c2');
    expect(third).toEqual({ before: [undefined, 'c1'], current: 'c2' });
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(previousPage(third))).toEqual(FIRST_PAGE);
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
  });
});
