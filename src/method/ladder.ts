/**
 * The channel ladder (P6 P12): email → text → call → meeting, one rung at a time, only when
 * exchanges are easy and the ex's interest roughly matches the user's.
 */
import type { Rung } from '../coach/types.js';
import type { ContactChannel } from './schema.js';
import { startOfDayMs } from './time.js';
import type { LadderMetrics } from './types.js';
import { type EventView, endedEarly, type JourneyView } from './view.js';

export const RUNGS: readonly Rung[] = ['email', 'text', 'call', 'meeting'];

/** A letter counts as the email rung, a social-media message as the text rung. */
export function rungOf(channel: ContactChannel): Rung | null {
  switch (channel) {
    case 'email':
    case 'letter':
      return 'email';
    case 'text':
    case 'social':
      return 'text';
    case 'call':
      return 'call';
    case 'meeting':
      return 'meeting';
    default:
      return null;
  }
}

/**
 * The local day the user reconnected (the last period ended with `reconnect` after its
 * goal), or null when no reconnection is under way.
 */
export function reconnectedDay(view: JourneyView): number | null {
  const last = view.periods[view.periods.length - 1];
  if (!last || last.end === null || last.endReason !== 'reconnect' || endedEarly(last)) return null;
  return last.end;
}

/** The exchanges since reconnecting (the ladder's era); empty before. */
export function reconnectEvents(view: JourneyView): EventView[] {
  const day = reconnectedDay(view);
  if (day === null) return [];
  const from = startOfDayMs(new Date(day * 86_400_000).toISOString().slice(0, 10), view.userZone);
  let i = 0;
  while (i < view.events.length && view.events[i]!.t < from) i++;
  return view.events.slice(i);
}

const EASY = new Set(['warm', 'easy']);
const HARD = new Set(['tense', 'hostile']);

/**
 * The ladder metrics at the view's `now`, given the user's unanswered messages in a row.
 *
 * @example
 * ladderMetrics(view, 0).advice // 'next-rung'
 */
export function ladderMetrics(view: JourneyView, unanswered: number): LadderMetrics {
  const { settings } = view;
  const preferred = view.snapshot.profile.exPreferredChannel;
  // P6: use the ex's channel if known; when unsure, start with the most impersonal one.
  const startRung: Rung = preferred === 'unknown' ? 'email' : preferred;
  const era = reconnectEvents(view);
  let top = -1;
  let eraUser = 0;
  let eraEx = 0;
  let userStarted = 0;
  let exStarted = 0;
  // P6: one rung at a time. A jump the person makes past a rung is named; a step the ex
  // proposes is theirs to take.
  const skipped: Rung[] = [];
  let reached = RUNGS.indexOf(startRung) - 1;
  for (const e of era) {
    const rung = rungOf(e.event.channel);
    if (rung !== null) {
      const index = RUNGS.indexOf(rung);
      if (index > reached + 1 && e.event.initiatedBy === 'user')
        skipped.push(...RUNGS.slice(reached + 1, index));
      reached = Math.max(reached, index);
      top = Math.max(top, index);
    }
    if (e.event.initiatedBy === 'user' && e.event.direction === 'user-to-ex') userStarted++;
    if (e.event.initiatedBy === 'ex' && e.event.direction === 'ex-to-user') exStarted++;
    // The ex's side: their own messages and their answers to the user's (P6: roughly matching).
    if (e.event.direction === 'user-to-ex') {
      eraUser++;
      if (e.answered) eraEx++;
    } else eraEx++;
  }
  const currentRung = top < 0 ? startRung : RUNGS[top]!;
  let easy = 0;
  let user = 0;
  let ex = 0;
  const recentTones: string[] = [];
  for (const e of era) {
    if (rungOf(e.event.channel) !== currentRung) continue;
    const reciprocated = e.event.direction === 'ex-to-user' || e.answered;
    if (EASY.has(e.event.tone) && reciprocated) easy++;
    if (e.event.direction === 'user-to-ex') {
      user++;
      if (e.answered) ex++;
    } else ex++;
    recentTones.push(e.event.tone);
  }
  const balance = user === 0 ? (ex > 0 ? 1 : null) : Math.min(1, Math.round((ex / user) * 100) / 100);
  const index = RUNGS.indexOf(currentRung);
  const nextRung = index < RUNGS.length - 1 ? RUNGS[index + 1]! : null;
  const needed = settings.ladderEasyExchanges;
  const pushing = eraUser >= 3 && eraEx * 3 < eraUser;
  // P6: starting every exchange is doing all the pushing, even when each one is answered.
  const startsEverything = userStarted >= 3 && exStarted === 0;
  const recentHard = recentTones.slice(-3).some((t) => HARD.has(t));

  let advice: LadderMetrics['advice'];
  let explanation: string;
  if (era.length === 0) {
    advice = 'not-started';
    explanation = `When the time comes, start on ${label(startRung)}: ${preferred === 'unknown' ? 'when unsure, the most impersonal channel leaves them the most room' : 'the channel your ex is most comfortable with'} (P6).`;
  } else if (unanswered >= settings.maxUnansweredInARow || pushing || startsEverything) {
    advice = 'back-off';
    explanation = pushing
      ? 'You are doing most of the reaching out. Step back and let your ex set the pace (P6 P16).'
      : startsEverything
        ? `You have started every exchange since reconnecting (${userStarted} of them), even if your ex answers. Step back and leave them room to reach out first (P6 P16).`
        : `Your last ${unanswered} messages have no reply yet. Give your ex room before writing again (P2 P6 P16).`;
  } else if (skipped.length > 0) {
    advice = 'back-off';
    explanation = `You went to ${label(currentRung)} without ${skipped.map(label).join(' or ')} first, so a rung was skipped. Go back to a lighter channel and let comfort grow one step at a time (P6 P12).`;
  } else if (recentHard) {
    advice = 'stay';
    explanation = `Recent exchanges on ${label(currentRung)} felt tense. Stay here and keep things light before going further (P6 P12).`;
  } else if (nextRung === null) {
    advice = 'top';
    explanation = 'You are meeting in person now. Keep it slow: you are building something new (P12).';
  } else if (easy >= needed && balance !== null && balance >= settings.ladderBalanceMin) {
    advice = 'next-rung';
    explanation = `${easy} easy exchanges on ${label(currentRung)} with replies roughly matching yours. You could suggest ${label(nextRung)}, one step only, and accept a no (P6 P12 P16).`;
  } else {
    advice = 'stay';
    explanation = `${easy} of ${needed} easy exchanges on ${label(currentRung)}${balance !== null && balance < settings.ladderBalanceMin ? ', and your ex writes less than you do' : ''}. Stay on this rung for now (P6 P12).`;
  }

  return {
    currentRung,
    startRung,
    nextRung,
    easyExchanges: easy,
    needed,
    balance,
    advice,
    skippedRungs: [...new Set(skipped)],
    explanation,
    principles: ['P6', 'P12', 'P16'],
  };
}

/** How a rung reads in a sentence. */
export function label(rung: Rung): string {
  return rung === 'email'
    ? 'email'
    : rung === 'text'
      ? 'text messages'
      : rung === 'call'
        ? 'a call'
        : 'a meeting';
}
