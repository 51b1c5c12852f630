/**
 * Dates that cannot be true. A record is about something that has happened: an instant
 * later than the real clock when it is written, or a local day that has not begun anywhere
 * on Earth, is refused at every edge (API, import, CLI) with a clear message, rather than
 * silently ignored (a safety record dated 2036 would otherwise never lock anything). So is
 * a journey that contradicts itself, like a no-contact clock that starts before the breakup.
 * The engine itself still simply ignores what comes after the `now` it is asked about.
 */
import type { JourneySnapshot, SnapshotIssue } from './schema.js';

/** How far ahead of this machine's clock another device's clock may run. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Local dates that are allowed to lie ahead: a due day, a letter sealed until a day. */
const FUTURE_DATES_ALLOWED = new Set(['dueOn', 'sealedUntilOn']);

/** What a record is, for messages ("a check-in cannot be …"). */
const NOUNS: Record<string, string> = {
  safetyScreenings: 'a safety screening',
  exRequests: 'a request from your ex',
  timeZoneChanges: 'a move to another time zone',
  noContactPeriods: 'a no-contact period',
  contactBreaks: 'a break of no contact',
  necessaryContacts: 'a necessary contact',
  checkIns: 'a check-in',
  habitLogs: 'a habit',
  confidenceRatings: 'a confidence rating',
  assessments: 'an assessment',
  contactEvents: 'a logged contact',
  commitments: 'a commitment',
  apologies: 'an apology',
  letters: 'a letter',
  setbacks: 'a setback',
  profile: 'the breakup',
  outcome: 'an outcome',
  reflection: 'the reflection',
};

/**
 * The latest calendar date anywhere on Earth at `nowMs` (UTC+14): a day later than this has
 * not begun for anyone, whatever zone the person is in today.
 *
 * @example
 * latestDateOnEarth(Date.parse('2026-03-01T12:00:00Z')) // '2026-03-02'
 */
export function latestDateOnEarth(nowMs: number): string {
  return new Date(nowMs + 14 * 3_600_000).toISOString().slice(0, 10);
}

function isInstantKey(key: string): boolean {
  return key === 'at' || key.endsWith('At');
}

function isDateKey(key: string): boolean {
  return (key === 'on' || key.endsWith('On')) && !FUTURE_DATES_ALLOWED.has(key);
}

/**
 * The date problems of one record of `name` (a snapshot field) written at `nowMs`. `breakupOn`
 * (the profile's) lets a no-contact period be checked against the breakup. Paths start with
 * `prefix` (the API uses `data.`).
 *
 * @example
 * recordDateIssues('checkIns', { on: '2099-01-01' }, Date.now())
 * // [{ path: 'on', message: '2099-01-01 has not happened yet: a check-in can only be for a day that has begun' }]
 */
export function recordDateIssues(
  name: string,
  record: Record<string, unknown>,
  nowMs: number,
  context: { breakupOn?: string | undefined; prefix?: string } = {},
): SnapshotIssue[] {
  const prefix = context.prefix ?? '';
  const noun = NOUNS[name] ?? 'a record';
  const latest = latestDateOnEarth(nowMs);
  const issues: SnapshotIssue[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'string') continue;
    if (isInstantKey(key)) {
      const t = Date.parse(value);
      if (Number.isFinite(t) && t > nowMs + CLOCK_SKEW_MS) {
        issues.push({
          path: `${prefix}${key}`,
          message: `${value} is in the future: ${noun} can only be recorded once it has happened`,
        });
      }
    } else if (isDateKey(key) && value > latest) {
      issues.push({
        path: `${prefix}${key}`,
        message:
          name === 'profile'
            ? `${value} is in the future: the breakup day has to be today or earlier`
            : `${value} has not happened yet: ${noun} can only be for a day that has begun`,
      });
    }
  }
  if (name === 'noContactPeriods' && context.breakupOn && typeof record.startedOn === 'string') {
    if (record.startedOn < context.breakupOn) {
      issues.push({
        path: `${prefix}startedOn`,
        message: `a no-contact period cannot start before the breakup (${context.breakupOn}); start it on the breakup day or later`,
      });
    }
  }
  return issues;
}

/**
 * Every date problem in a whole journey as of `nowMs` (import, the CLI): records from the
 * future and a journey that contradicts itself. Empty when all is coherent.
 *
 * @example
 * snapshotDateIssues(snapshot, Date.now())[0]?.path // 'checkIns[3].on'
 */
export function snapshotDateIssues(snapshot: JourneySnapshot, nowMs: number): SnapshotIssue[] {
  const issues: SnapshotIssue[] = [];
  const breakupOn = snapshot.profile.breakupOn;
  const at = (path: string, found: SnapshotIssue[]) =>
    found.map((i) => ({ path: `${path}.${i.path}`, message: i.message }));
  issues.push(...at('profile', recordDateIssues('profile', snapshot.profile, nowMs)));
  if (snapshot.outcome) issues.push(...at('outcome', recordDateIssues('outcome', snapshot.outcome, nowMs)));
  issues.push(...at('reflection', recordDateIssues('reflection', snapshot.reflection, nowMs)));
  for (const [name, value] of Object.entries(snapshot)) {
    if (!Array.isArray(value)) continue;
    value.forEach((record: Record<string, unknown>, i) => {
      issues.push(...at(`${name}[${i}]`, recordDateIssues(name, record, nowMs, { breakupOn })));
    });
  }
  return issues;
}
