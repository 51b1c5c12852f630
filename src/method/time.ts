/**
 * Small, fast date helpers. Local dates (`YYYY-MM-DD`) become integer "epoch days" with plain
 * arithmetic (no time zone involved: a local date is already a calendar day). Instants become
 * local dates through Temporal, which is correct across DST and zone rules.
 */
import { Temporal } from 'temporal-polyfill';
import type { JourneySnapshot, Party } from './schema.js';

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 for a `YYYY-MM-DD` local date.
 *
 * @example
 * epochDay('1970-01-02') // 1
 */
export function epochDay(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/**
 * The `YYYY-MM-DD` date for an epoch day.
 *
 * @example
 * dateOfEpochDay(1) // '1970-01-02'
 */
export function dateOfEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The local calendar date of an instant in a time zone.
 *
 * @example
 * localDateOf('2026-03-01T23:30:00Z', 'Asia/Tokyo') // '2026-03-02'
 */
export function localDateOf(instant: string | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/**
 * The IANA zone of the user or the ex in force at an instant: the latest recorded move at or
 * before it, else the profile's zone.
 *
 * @example
 * zoneAt(snapshot, 'ex', Date.parse('2026-03-01T12:00:00Z')) // 'America/New_York'
 */
export function zoneAt(snapshot: JourneySnapshot, who: Party, atMs: number): string {
  let zone = who === 'ex' ? snapshot.profile.exTimeZone : snapshot.profile.userTimeZone;
  let latest = Number.NEGATIVE_INFINITY;
  for (const change of snapshot.timeZoneChanges) {
    if (change.who !== who) continue;
    const t = Date.parse(change.at);
    if (t <= atMs && t >= latest) {
      latest = t;
      zone = change.timeZone;
    }
  }
  return zone;
}

/**
 * The first instant (epoch ms) of a local date in a time zone (DST-correct: some days start at 01:00).
 *
 * @example
 * startOfDayMs('2026-03-01', 'UTC') // 1772323200000
 */
export function startOfDayMs(date: string, timeZone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
}
