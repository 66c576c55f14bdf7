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

