/** The browser's own IANA time zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The IANA zones this browser lists, plus `current` when it is not among them: `UTC`, every account's
 * default, is not in the list of Chromium or Node.
 */
export function timeZoneChoices(current: string): readonly string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** `America/Port_of_Spain` reads as `America/Port of Spain`. */
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ');
}
