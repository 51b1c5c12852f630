/**
 * `timing(snapshot, at)` (P6): is this a relaxed moment for the ex — not working hours on a
 * weekday, not late at night — in the ex's own time zone, and when is the next one? Windows
 * are local wall-clock times, so they follow DST and the ex's moves (timeZoneChanges).
 */
import { Temporal } from 'temporal-polyfill';
import { resolveSettings } from './defaults.js';
import { locksAt } from './locks.js';
import { type Instant, toEpochMs } from './plan.js';
import type { ContactWindow, JourneySnapshot } from './schema.js';
import type { Timing } from './types.js';
import { viewAt } from './view.js';

/** How far ahead the next good moment is searched. */
export const TIMING_HORIZON_DAYS = 8;

const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Segment {
  from: number;
  to: number;
  zone: string;
}

/** The ex's zones over [fromMs, toMs): the zone in force, then each recorded move. */
function zoneSegments(snapshot: JourneySnapshot, fromMs: number, toMs: number): Segment[] {
  const changes = snapshot.timeZoneChanges
    .filter((c) => c.who === 'ex')
    .map((c) => ({ t: Date.parse(c.at), zone: c.timeZone }))
    .sort((a, b) => a.t - b.t);
  let zone = snapshot.profile.exTimeZone;
  for (const c of changes) if (c.t <= fromMs) zone = c.zone;
  const segments: Segment[] = [];
  let start = fromMs;
  for (const c of changes) {
    if (c.t <= fromMs || c.t >= toMs) continue;
    segments.push({ from: start, to: c.t, zone });
    start = c.t;
    zone = c.zone;
  }
  segments.push({ from: start, to: toMs, zone });
  return segments;
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** The instant of a wall-clock time on a local date; in a DST gap, the moment just after it. */
function wallClockMs(date: Temporal.PlainDate, minutes: number, zone: string): number {
  const base = date.toZonedDateTime({ timeZone: zone });
  if (minutes >= 24 * 60) return base.add({ days: 1 }).epochMilliseconds;
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const z = date.toZonedDateTime({ timeZone: zone, plainTime: new Temporal.PlainTime(hour, minute) });
  // Temporal moves a skipped wall-clock time forward by the gap; a window opens at the gap's end.
  if (z.hour !== hour || z.minute !== minute) {
    const gapEnd = z.getTimeZoneTransition('previous');
    if (gapEnd) return gapEnd.epochMilliseconds;
  }
  return z.epochMilliseconds;
}

function windowsFor(
  dayOfWeek: number,
  settings: { weekdayWindows: ContactWindow[]; weekendWindows: ContactWindow[]; weekendDays: number[] },
) {
  return settings.weekendDays.includes(dayOfWeek) ? settings.weekendWindows : settings.weekdayWindows;
}

function describeMoment(z: Temporal.ZonedDateTime, weekend: boolean): string {
  const minutes = z.hour * 60 + z.minute;
  const clock = `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
  const day = DAY_NAMES[z.dayOfWeek];
  if (minutes >= 22 * 60 || minutes < 7 * 60)
    return `It is ${clock} on ${day} night for your ex: too late to write.`;
  if (!weekend && minutes >= 9 * 60 && minutes < 17 * 60) {
    return `It is ${clock} on ${day} for your ex: working hours, when a personal message lands badly.`;
  }
  return `It is ${clock} on ${day} for your ex: outside the relaxed moments set for this journey.`;
}

function localString(ms: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString()
    .slice(0, 16);
}

/**
 * Whether `at` is a good moment to contact the ex, and the next good one (P6). Never "good"
 * while outreach is locked.
 *
 * @example
 * const t = timing(snapshot, '2026-03-03T14:00:00Z');
 * t.good // false: a Tuesday 09:00 in New York is working hours
 * t.nextGoodAt // '2026-03-03T23:00:00.000Z' (18:00 in New York)
 */
export function timing(snapshot: JourneySnapshot, at: Instant): Timing {
  const atMs = toEpochMs(at);
  const settings = resolveSettings(snapshot.settings);
  const locked = locksAt(viewAt(snapshot, atMs)).length > 0;
  const horizon = atMs + TIMING_HORIZON_DAYS * 86_400_000;
  const segments = zoneSegments(snapshot, atMs, horizon);
  const zoneNow = segments[0]!.zone;
  const here = Temporal.Instant.fromEpochMilliseconds(atMs).toZonedDateTimeISO(zoneNow);

  let next: { ms: number; zone: string } | null = null;
  for (const seg of segments) {
    let date = Temporal.Instant.fromEpochMilliseconds(seg.from).toZonedDateTimeISO(seg.zone).toPlainDate();
    // One day back too: a window may still be open from the previous local day.
    date = date.subtract({ days: 1 });
    for (let i = 0; i <= TIMING_HORIZON_DAYS + 1 && next === null; i++, date = date.add({ days: 1 })) {
      for (const w of windowsFor(date.dayOfWeek, settings)) {
        const start = wallClockMs(date, toMinutes(w.from), seg.zone);
        const end = wallClockMs(date, toMinutes(w.to), seg.zone);
        const from = Math.max(start, seg.from);
        const to = Math.min(end, seg.to);
        if (from < to && to > atMs && (next === null || from < next.ms))
          next = { ms: Math.max(from, atMs), zone: seg.zone };
      }
      if (wallClockMs(date, 0, seg.zone) > seg.to) break;
    }
    if (next) break;
  }

  const good = !locked && next !== null && next.ms === atMs;
  const weekend = settings.weekendDays.includes(here.dayOfWeek);
  let reason: string;
  if (locked) reason = 'Outreach is locked, so there is no good moment to contact your ex (P16).';
  else if (good)
    reason = `It is a relaxed moment for your ex (${localString(atMs, zoneNow).slice(11)} their time) (P6).`;
  else if (next === null) reason = 'No relaxed moments are set for this journey in the next days (P6).';
  else reason = `${describeMoment(here, weekend)} (P6)`;

  return {
    good,
    locked,
    exTimeZone: zoneNow,
    exLocalTime: localString(atMs, zoneNow),
    reason,
    nextGoodAt: locked || next === null ? null : new Date(next.ms).toISOString(),
    nextGoodLocal: locked || next === null ? null : localString(next.ms, next.zone),
    principles: locked ? ['P16'] : ['P6'],
  };
}
