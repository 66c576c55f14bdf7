// The device recorded on a connection (docs/decisions.md, "Attendance device").

export const UNKNOWN_DEVICE = 'Unknown device';
export const BOT_DEVICE = 'Bot or script';

/** Crawlers and HTTP libraries: checked first, as some crawlers also claim to be Chrome. */
const BOT = /bot\/|crawler|spider|^(?:curl|wget|python|node|undici|axios|go-http-client|okhttp|java|postman)\b/i;

/** First match wins: Edge, Opera and Samsung Internet also say "Chrome", and every iOS browser says "Safari". */
const BROWSERS: ReadonlyArray<readonly [name: string, version: RegExp]> = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d{1,4})\b/],
  ['Opera', /\bOPR\/(\d{1,4})\b/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d{1,4})\b/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d{1,4})\b/],
  ['Chrome', /\b(?:Chrome|CriOS|Chromium|HeadlessChrome)\/(\d{1,4})\b/],
  ['Safari', /\bVersion\/(\d{1,4})\b[^(]*\bSafari\//],
];

/** iPhone and iPad before macOS (their agents say "like Mac OS X"), Android before Linux. */
const SYSTEMS: ReadonlyArray<readonly [name: string, test: RegExp]> = [
  ['Windows', /\bWindows\b/],
  ['iPhone', /\b(?:iPhone|iPod)\b/],
  ['iPad', /\biPad\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['macOS', /\b(?:Macintosh|Mac OS X)\b/],
  ['Linux', /\bLinux\b/],
];

/**
 * A User-Agent as browser family with its major version on system family ("Chrome 131 on Linux",
 * "Safari 18 on iPhone"). Deliberately coarse: no minor versions, builds, device models or language;
 * store this, never the header.
 */
export function deviceLabel(userAgent: string | undefined): string {
  const ua = userAgent?.trim().slice(0, 512) ?? '';
  if (!ua) return UNKNOWN_DEVICE;
  if (BOT.test(ua)) return BOT_DEVICE;
  const system = SYSTEMS.find(([, pattern]) => pattern.test(ua))?.[0];
  let browser: string | undefined;
  for (const [name, pattern] of BROWSERS) {
    const major = pattern.exec(ua)?.[1];
    if (major !== undefined) {
      browser = `${name} ${Number(major)}`;
      break;
    }
  }
  if (!browser && !system) return UNKNOWN_DEVICE;
  return system ? `${browser ?? 'Browser'} on ${system}` : (browser as string);
}
