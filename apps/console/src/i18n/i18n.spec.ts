import { format, pickLanguage } from './language';
import { en } from './messages.en';

describe('pickLanguage', () => {
  it('follows the person’s choice first', () => {
    expect(pickLanguage('fr', ['en-US'])).toBe('fr');
  });

  it('else the first browser language the console speaks', () => {
    expect(pickLanguage(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage('klingon', ['en-GB'])).toBe('en');
  });

  it('else English', () => {
    expect(pickLanguage(null, ['de', 'it'])).toBe('en');
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(en, 'inbox.due', { date: '3 Dec' })).toBe('Due 3 Dec');
    expect(format(en, 'inbox.due')).toBe('Due {date}');
  });
});
