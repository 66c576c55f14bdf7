import ICAL from 'ical.js';

/**
 * Reads .ics text back with Mozilla's ical.js, a parser independent of the generator, so that the
 * specs check what a calendar app would see rather than our own strings.
 */

export interface LocalTime {
  tzid: string | null;
  /** ical.js form: `2026-03-02T09:00:00`, with a trailing Z for UTC. */
  value: string;
}

export interface ReadCalendar {
  calendar: ICAL.Component;
  events: ICAL.Component[];
  tzids: string[];
  text: (name: string) => string | null;
}

export function readIcs(ics: string): ReadCalendar {
  const overlong = ics.split('\r\n').filter((line) => Buffer.byteLength(line) > 75);
  if (overlong.length > 0) throw new Error(`Unfolded lines: ${overlong.join(' | ')}`);
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const timezones = calendar.getAllSubcomponents('vtimezone');
  const tzids = timezones.map((tz) => String(tz.getFirstPropertyValue('tzid')));
  // Every TZID used must be defined by a VTIMEZONE in the same file (RFC 5545 §3.2.19).
  const used = ics.match(/TZID=[^:;]+/g)?.map((param) => param.slice(5)) ?? [];
  const undefinedZones = used.filter((tzid) => !tzids.includes(tzid));
  if (undefinedZones.length > 0) throw new Error(`TZID without VTIMEZONE: ${undefinedZones.join(', ')}`);
  ICAL.TimezoneService.reset();
  timezones.forEach((tz) => ICAL.TimezoneService.register(tz));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent'),
    tzids,
    text: (name) => textOf(calendar, name),
  };
}

export function textOf(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null ? null : String(value);
}

export function localTime(component: ICAL.Component, name: string): LocalTime | null {
  const property = component.getFirstProperty(name);
  if (!property) return null;
  const tzid = property.getParameter('tzid');
  return { tzid: typeof tzid === 'string' ? tzid : null, value: String(property.getFirstValue()) };
}

export function exdates(event: ICAL.Component): LocalTime[] {
  return event.getAllProperties('exdate').flatMap((property) => {
    const tzid = property.getParameter('tzid');
    return property.getValues().map((value) => ({ tzid: typeof tzid === 'string' ? tzid : null, value: String(value) }));
  });
}

export interface ReadAttendee {
  address: string;
  cn: string | null;
  rsvp: string | null;
  partstat: string | null;
}

export function attendees(event: ICAL.Component): ReadAttendee[] {
  return event.getAllProperties('attendee').map((property) => ({
    address: String(property.getFirstValue()).toLowerCase(),
    cn: parameter(property, 'cn'),
    rsvp: parameter(property, 'rsvp'),
    partstat: parameter(property, 'partstat'),
  }));
}

export function parameter(property: ICAL.Property, name: string): string | null {
  const value = property.getParameter(name);
  return typeof value === 'string' ? value : null;
}

/** The first `limit` occurrence starts as ical.js expands them (RRULE, EXDATE, VTIMEZONE). */
export function expandWithIcalJs(event: ICAL.Component, limit: number): string[] {
  const recurring = new ICAL.Event(event);
  const iterator = recurring.iterator();
  const starts: string[] = [];
  for (let next = iterator.next(); next && starts.length < limit; next = iterator.next()) {
    starts.push(recurring.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
  }
  return starts;
}
