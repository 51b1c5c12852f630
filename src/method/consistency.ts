/**
 * Consistency (P8 P10): kept commitments over those that fell due, weighted to the recent
 * past, so a broken promise long ago weighs less than one last week. Vague, overdue and too
 * many open commitments are flagged: make only promises you can keep.
 */
import { epochDay } from './time.js';
import type { ConsistencyMetrics } from './types.js';
import type { JourneyView } from './view.js';

/**
 * Sweeping or unmeasurable wording (P8): "always", "never again", "everything", "change",
 * "be better"… A specific commitment names an action and a time.
 */
const VAGUE =
  /\b(always|never|forever|everything|anything|whatever it takes|completely|totally|change|be better|be a better|do better|try harder|be perfect|from now on)\b/i;

/**
 * Whether a commitment's wording is too vague to keep or check.
 *
 * @example
 * isVague('I will always be there') // true
 * isVague('Call on Sunday at 6 to plan the move') // false
 */
export function isVague(text: string): boolean {
  return VAGUE.test(text) || text.trim().split(/\s+/u).length < 3;
}

/**
 * The consistency metrics at the view's `now`.
 *
 * @example
 * consistencyMetrics(view).score // 83
 */
export function consistencyMetrics(view: JourneyView): ConsistencyMetrics {
  const { todayDay, settings } = view;
  const decay = Math.LN2 / settings.consistencyHalfLifeDays;
  let kept = 0;
  let broken = 0;
  let open = 0;
  let released = 0;
  let weightKept = 0;
  let weightDue = 0;
  const overdueIds: string[] = [];
  const vagueIds: string[] = [];
  for (const { commitment: c, status, resolvedT } of view.commitments) {
    if (status === 'released') {
      released++;
      continue;
    }
    if (status === 'open') {
      open++;
      if (isVague(c.text)) vagueIds.push(c.id);
      if (c.dueOn !== null && epochDay(c.dueOn) < todayDay) {
        overdueIds.push(c.id);
        const age = todayDay - epochDay(c.dueOn);
        weightDue += Math.exp(-decay * age);
      }
      continue;
    }
    // Resolved: age from the due day, else from when it was resolved (UTC day is close enough for weighting).
    const day = c.dueOn !== null ? epochDay(c.dueOn) : Math.floor((resolvedT ?? view.nowMs) / 86_400_000);
    const weight = Math.exp(-decay * Math.max(0, todayDay - day));
    weightDue += weight;
    if (status === 'kept') {
      kept++;
      weightKept += weight;
    } else broken++;
  }
  const score = weightDue === 0 ? null : Math.round((weightKept / weightDue) * 100);
  const tooManyOpen = open > settings.maxOpenCommitments;
  const parts: string[] = [];
  if (score !== null)
    parts.push(
      `You kept ${kept} of ${kept + broken + overdueIds.length} commitments that fell due (score ${score}, recent ones count most).`,
    );
  else parts.push('No commitment has fallen due yet. Small, specific promises you keep rebuild trust (P10).');
  if (overdueIds.length > 0)
    parts.push(
      `${overdueIds.length} ${overdueIds.length === 1 ? 'is' : 'are'} overdue: keep it, or say honestly that you cannot.`,
    );
  if (tooManyOpen) parts.push(`${open} open commitments is a lot; promise less and keep all of it (P8 P10).`);
  if (vagueIds.length > 0)
    parts.push(
      `${vagueIds.length} open ${vagueIds.length === 1 ? 'commitment is' : 'commitments are'} vague; a promise you can check names an action and a day (P8).`,
    );
  return {
    kept,
    broken,
    open,
    overdue: overdueIds.length,
    released,
    score,
    overdueIds,
    vagueIds,
    tooManyOpen,
    explanation: parts.join(' '),
    principles: ['P8', 'P10'],
  };
}
