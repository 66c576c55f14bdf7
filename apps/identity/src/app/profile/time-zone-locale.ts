/** The IANA name Intl resolves the zone to (`utc` → `UTC`), or undefined when Intl does not know it. */
export function canonicalTimeZone(value: string): string | undefined {
  if (value.length === 0 || value.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The canonical BCP 47 form of one language tag (`en-gb` → `en-GB`), or undefined when it is not one. */
export function canonicalLocale(value: string): string | undefined {
  if (value.length === 0 || value.length > 35) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical;
  } catch {
    return undefined;
  }
}
