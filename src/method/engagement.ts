/**
 * Engagement (P6 P16 P17): how the exchanges with the ex actually go, counted honestly.
 * Signals are observations, never promises: only an honest conversation tells (P17).
 */
import type { EngagementMetrics, Trend } from './types.js';
import type { EventView, JourneyView } from './view.js';

const DAY_MS = 86_400_000;

/** The user's messages since the ex last wrote or answered (P2 P6 P16). */
export function unansweredInARow(events: readonly EventView[]): number {
  let count = 0;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.event.direction === 'ex-to-user' || e.answered) break;
    count++;
  }
  return count;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100) / 100;
}

/**
 * The engagement metrics at the view's `now`.
 *
 * @example
 * engagementMetrics(view).unansweredInARow // 2
 */
export function engagementMetrics(view: JourneyView): EngagementMetrics {
  let userMessages = 0;
  let exMessages = 0;
  let userAnswered = 0;
  let exAnswered = 0;
  let userInitiated = 0;
  let exInitiated = 0;
  let exRecent = 0;
  let exBefore = 0;
  let exLast14 = 0;
  const latencies: number[] = [];
  const now = view.nowMs;
  for (const e of view.events) {
    const fromUser = e.event.direction === 'user-to-ex';
    if (fromUser) {
      userMessages++;
      if (e.answered) exAnswered++;
      if (e.answeredT !== null) latencies.push((e.answeredT - e.t) / 3_600_000);
      if (e.event.initiatedBy === 'user') userInitiated++;
    } else {
      exMessages++;
      if (e.answered) userAnswered++;
      if (e.event.initiatedBy === 'ex') exInitiated++;
      const age = now - e.t;
      if (age < 28 * DAY_MS) exRecent++;
      else if (age < 56 * DAY_MS) exBefore++;
      if (age < 14 * DAY_MS) exLast14++;
    }
  }
  const exReplyRate = ratio(exAnswered, userMessages);
  const exInitiationShare = ratio(exInitiated, exInitiated + userInitiated);
  const trend: Trend =
    exRecent + exBefore < 2
      ? 'unknown'
      : exRecent > exBefore * 1.25
        ? 'up'
        : exRecent < exBefore * 0.75
          ? 'down'
          : 'flat';
  const unanswered = unansweredInARow(view.events);
  const medianHours = median(latencies);

  const signals: string[] = [];
  if (exInitiationShare !== null && exInitiated + userInitiated >= 3 && exInitiationShare >= 0.4) {
    signals.push(
      `Your ex started ${exInitiated} of ${exInitiated + userInitiated} conversations. That can mean they value the contact; only an honest conversation can tell you what it means (P17).`,
    );
  }
  if (exLast14 >= 4) {
    signals.push(
      `Your ex has written ${exLast14} times in the last two weeks. Frequent contact can mean feelings remain, or simply friendliness: ask, do not assume (P17).`,
    );
  }
  if (exReplyRate !== null && userMessages >= 3 && exReplyRate < 0.5) {
    signals.push(
      'Your ex answers fewer than half of your messages. That is an answer too: give them room and let them lead (P6 P16).',
    );
  }

  const explanation =
    userMessages + exMessages === 0
      ? 'No exchanges logged yet. When contact resumes, logging it shows whether interest is mutual (P6 P17).'
      : `You sent ${userMessages} and received ${exMessages} messages. Interest that roughly matches is the signal to watch, not any single message (P6 P17).`;

  return {
    userMessages,
    exMessages,
    exReplyRate,
    userReplyRate: ratio(userAnswered, exMessages),
    exInitiationShare,
    medianExReplyHours: medianHours === null ? null : Math.round(medianHours * 10) / 10,
    trend,
    unansweredInARow: unanswered,
    signals,
    explanation,
    principles: ['P6', 'P16', 'P17'],
  };
}
