/**
 * Every default of the method in one place. A journey overrides any of them through its
 * `settings` object (see `settingsSchema`); `resolveSettings` merges the two.
 *
 * Safety rules are NOT here on purpose: what locks outreach (abuse or coercion from either
 * side, a block, a court order, a "stop contacting me") is fixed in `locks.ts` and no setting
 * can lift a lock.
 */
import { type ContactWindow, SAFETY_FLOOR, type Settings } from './schema.js';

export interface MethodSettings {
  /** P2: length of a no-contact period, in days. */
  noContactGoalDays: number;
  /** P2 P6 P16: the user's messages in a row without a reply before the coach advises stopping. */
  maxUnansweredInARow: number;
  /** P6: relaxed moments on weekdays, in the ex's local time: after work, before late night. */
  weekdayWindows: ContactWindow[];
  /** P6: relaxed moments on weekend days, in the ex's local time. */
  weekendWindows: ContactWindow[];
  /** ISO weekday numbers that count as weekend (1 = Monday … 7 = Sunday). */
  weekendDays: number[];
  /** P6: easy exchanges on the current rung before the next rung is suggested. */
  ladderEasyExchanges: number;
  /** P6: the ex's share of messages (their messages / the user's) needed to call it "roughly matching". */
  ladderBalanceMin: number;
  /** P5: readiness score (0–100) at or above which the assessment counts as healthy. */
  readinessThreshold: number;
  /** P1: characters of text before a reflection answer counts as written. */
  reflectionMinChars: number;
  /** P15: a 7-day mean mood at or below this suggests professional help. */
  lowMoodThreshold: number;
  /** P15: a 7-day mean urge at or above this suggests professional help. */
  highUrgeThreshold: number;
  /** P8 P10: more open commitments than this is flagged as over-promising. */
  maxOpenCommitments: number;
  /** P10: consistency weighs recent commitments more; a commitment this many days old counts half. */
  consistencyHalfLifeDays: number;
}

/** The defaults, documented in METHOD.md ("Default gates"). */
export const DEFAULTS: Readonly<MethodSettings> = Object.freeze({
  noContactGoalDays: 30,
  maxUnansweredInARow: 2,
  weekdayWindows: [{ from: '18:00', to: '21:30' }],
  weekendWindows: [{ from: '10:00', to: '21:00' }],
  weekendDays: [6, 7],
  ladderEasyExchanges: 3,
  ladderBalanceMin: 0.6,
  readinessThreshold: 60,
  reflectionMinChars: 20,
  lowMoodThreshold: 4,
  highUrgeThreshold: 7,
  maxOpenCommitments: 5,
  consistencyHalfLifeDays: 30,
});

/** Fixed method constants that are not per-journey settings. */
export const METHOD_CONSTANTS = Object.freeze({
  /** Check-ins missing for this many days make "write today's check-in" the first step. */
  checkInGapDays: 1,
  /** Days with a check-in needed before mood/urge trends are reported as trends. */
  minTrendSamples: 3,
  /** P15: mean mood this low over 28 days also suggests help, even if the last week was better. */
  lowMoodMonthThreshold: 3.5,
  /** P17: the ex initiating at least this share of exchanges is an honest (not promising) signal. */
  exInitiatesSignalShare: 0.4,
});

/**
 * Merges a journey's settings over the defaults. Absent fields keep the default.
 *
 * @example
 * resolveSettings({ noContactGoalDays: 45 }).noContactGoalDays // 45
 * resolveSettings({}).maxUnansweredInARow // 2
 * resolveSettings({ maxUnansweredInARow: 5 }).maxUnansweredInARow // 2: settings only tighten
 */
export function resolveSettings(settings: Settings): MethodSettings {
  const out: MethodSettings = { ...DEFAULTS };
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  // Settings only tighten: a value stored before the floor existed cannot loosen the method.
  out.noContactGoalDays = Math.max(out.noContactGoalDays, SAFETY_FLOOR.noContactMinDays);
  out.maxUnansweredInARow = Math.min(out.maxUnansweredInARow, SAFETY_FLOOR.maxUnansweredInARow);
  out.readinessThreshold = Math.max(out.readinessThreshold, SAFETY_FLOOR.readinessThreshold);
  return out;
}
