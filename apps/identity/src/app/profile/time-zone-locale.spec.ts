import { canonicalLocale, canonicalTimeZone } from './time-zone-locale';

describe('time zones and locales', () => {
  it('accepts IANA zones and gives their canonical name', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
  });

  it('refuses what Intl does not know', () => {
    for (const bad of ['Mars/Olympus_Mons', '', 'Europe/', 'x'.repeat(65)]) expect(canonicalTimeZone(bad)).toBeUndefined();
  });

  it('accepts BCP 47 tags in canonical form and refuses others', () => {
    expect(canonicalLocale('en-gb')).toBe('en-GB');
    expect(canonicalLocale('pt-BR')).toBe('pt-BR');
    expect(canonicalLocale('zh-Hant-TW')).toBe('zh-Hant-TW');
    for (const bad of ['', 'english please', 'en_GB', '123', 'a'.repeat(36)]) expect(canonicalLocale(bad)).toBeUndefined();
  });
});
