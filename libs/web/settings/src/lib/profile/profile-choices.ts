/** The choices of the profile form's selects. */

export interface LocaleChoice {
  readonly tag: string;
  /** In the language itself, so a person can find theirs whatever the page's language. */
  readonly label: string;
}

export const LOCALE_CHOICES: readonly LocaleChoice[] = [
  { tag: 'en', label: 'English' },
  { tag: 'en-GB', label: 'English (United Kingdom)' },
  { tag: 'fr', label: 'Français' },
  { tag: 'de', label: 'Deutsch' },
  { tag: 'es', label: 'Español' },
  { tag: 'it', label: 'Italiano' },
  { tag: 'nl', label: 'Nederlands' },
  { tag: 'pt-BR', label: 'Português (Brasil)' },
  { tag: 'ja', label: '日本語' },
];

/** The short list, plus the saved locale when it is not on it (set through the API, say). */
export function localeChoices(current: string): readonly LocaleChoice[] {
  return LOCALE_CHOICES.some((choice) => choice.tag === current) ? LOCALE_CHOICES : [{ tag: current, label: current }, ...LOCALE_CHOICES];
}

/**
 * The IANA zones this browser knows, plus the saved one when it is not among them: `UTC`, every
 * account's default, is not in the list of Chromium or Node.
 */
export function timeZoneChoices(current: string): readonly string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** `America/Port_of_Spain` reads as `America/Port of Spain`. */
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ');
}
