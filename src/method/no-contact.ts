/**
 * The no-contact clock (P2). A relapse ends a period and the clock restarts, but history is
 * kept: the longest streak and the total stay, and the wording never shames.
 */
import { dateOfEpochDay } from './time.js';
import type { NoContactMetrics } from './types.js';
import { endedEarly, type JourneyView } from './view.js';

/** Streaks worth marking on the way (P2): kind words, never pressure. */
export const MILESTONES = [7, 14, 30, 60, 90, 180, 365] as const;

/** The milestone reached exactly on day `streak`, or null. */
export function milestoneOf(streak: number): number | null {
  return (MILESTONES as readonly number[]).includes(streak) ? streak : null;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** Days a period lasted, or has lasted so far. */
export function periodDays(p: { start: number; end: number | null }, todayDay: number): number {
  return Math.max(0, (p.end ?? todayDay) - p.start);
}

/**
 * The no-contact metrics at the view's `now`.
 *
 * @example
 * noContactMetrics(view).currentStreak // 12
 */
export function noContactMetrics(view: JourneyView): NoContactMetrics {
  const { periods, todayDay, settings } = view;
  let longest = 0;
  let total = 0;
  let breaks = 0;
  for (const p of periods) {
    const days = periodDays(p, todayDay);
    longest = Math.max(longest, days);
    total += days;
    if (endedEarly(p)) breaks++;
  }
  const running = periods.find((p) => p.end === null) ?? null;
  const last = periods[periods.length - 1] ?? null;
  const currentStreak = running ? periodDays(running, todayDay) : 0;
  const goalDays = running?.goalDays ?? last?.goalDays ?? settings.noContactGoalDays;
  // The goal also counts as reached when the user reconnected after a full period.
  const reconnectedAfterGoal =
    !running && last !== null && last.endReason === 'reconnect' && !endedEarly(last);
  const goalReached = running ? currentStreak >= goalDays : reconnectedAfterGoal;
  let breaksByUser = 0;
  for (const p of periods) if (endedEarly(p) && p.brokenBy !== 'ex') breaksByUser++;
  const breaksByEx = breaks - breaksByUser;
  const milestone = running ? milestoneOf(currentStreak) : null;

  let explanation: string;
  if (running) {
    explanation = goalReached
      ? `Goal reached: ${days(currentStreak)} without contact (your goal was ${goalDays}). The space has done its work; what comes next is your choice (P2 P5).`
      : currentStreak === 0
        ? `No contact: your clock starts today, with ${goalDays} days to go. Space lets both of you feel clearly again (P2).`
        : `No contact: day ${currentStreak} of ${goalDays}. Space lets both of you feel clearly again (P2).`;
    if (milestone !== null && !goalReached) {
      explanation += ` ${days(milestone)} without contact: that took real strength.`;
    }
    // Never "your longest stretch is 0 days": only a stretch worth naming is named.
    if (breaks > 0 && longest > currentStreak) {
      explanation += ` Your longest stretch so far is ${days(longest)}; a restart is part of the road, not a failure.`;
    } else if (breaks > 0) {
      explanation += ' A restart is part of the road, not a failure.';
    }
  } else if (reconnectedAfterGoal) {
    explanation = `You kept no contact for ${days(last ? periodDays(last, todayDay) : 0)} before reconnecting (P2).`;
  } else {
    explanation = 'No no-contact period is running. Starting one gives you both room to heal (P2).';
  }

  return {
    running: running !== null,
    milestone,
    currentStreak,
    goalDays,
    goalReached,
    goalOn: running ? dateOfEpochDay(running.start + running.goalDays) : null,
    longestStreak: longest,
    totalDays: total,
    periods: periods.length,
    breaks,
    breaksByUser,
    breaksByEx,
    necessaryContacts: view.necessary.length,
    explanation,
    principles: ['P2'],
  };
}
