import { format, translator } from './i18n';
import { en } from '../locales/en';

describe('i18n', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Hello {name}, {n} new', { name: 'Ann', n: 3 })).toBe('Hello Ann, 3 new');
    expect(format('Hello {who}', { name: 'Ann' })).toBe('Hello {who}');
  });

  it('looks messages up by key', () => {
    const t = translator(en);
    expect(t('nav.signedInAs', { name: 'bob' })).toBe('Signed in as bob');
    const german = translator({ ...en, 'nav.login': 'Anmelden' });
    expect(german('nav.login')).toBe('Anmelden');
  });
});
