/**
 * Well-being (P3 P4 P15): mood and urge trends from daily check-ins, sleep, habits and
 * confidence, and when to suggest professional help. One pass over each array.
 */
import { METHOD_CONSTANTS } from './defaults.js';
import type { HabitKind } from './schema.js';
import { epochDay, localDateOf } from './time.js';
import type { Trend, WellBeingMetrics } from './types.js';
import type { JourneyView } from './view.js';

/** Returns true when a text expresses self-harm or suicide (the coach's crisis rules). */
export type CrisisDetector = (text: string) => boolean;

/** How far back notes are read for crisis language: what matters is how the user is now. */
export const CRISIS_LOOKBACK_DAYS = 28;

class Mean {
  sum = 0;
  n = 0;
  add(x: number): void {
    this.sum += x;
    this.n++;
  }
  get value(): number | null {
    return this.n === 0 ? null : round1(this.sum / this.n);
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function trendOf(recent: Mean, before: Mean, minSamples: number, threshold = 0.5): Trend {
  if (recent.n < minSamples || before.n < minSamples) return 'unknown';
  const delta = recent.sum / recent.n - before.sum / before.n;
  return delta > threshold ? 'up' : delta < -threshold ? 'down' : 'flat';
}

interface NoteSource {
  /** A local date, or for instant-stamped records the UTC date (only used to order). */
  on: string;
  /** The record's instant, converted to a local date only if crisis language is found. */
  at: string | null;
  text: string | undefined;
  where: string;
}

function recentNotes(view: JourneyView): NoteSource[] {
  const from = view.todayDay - CRISIS_LOOKBACK_DAYS;
  const notes: NoteSource[] = [];
  const push = (on: string, text: string | undefined, where: string, at: string | null = null) => {
    if (text) notes.push({ on, at, text, where });
  };
  // Sorted arrays: walk back only over the recent tail.
  for (let i = view.checkIns.length - 1; i >= 0; i--) {
    const c = view.checkIns[i]!;
    if (epochDay(c.on) <= from) break;
    push(c.on, c.note, 'a check-in note');
  }
  for (let i = view.confidence.length - 1; i >= 0; i--) {
    const c = view.confidence[i]!;
    if (epochDay(c.on) <= from) break;
    push(c.on, c.note, 'a confidence note');
  }
  for (let i = view.setbacks.length - 1; i >= 0; i--) {
    const s = view.setbacks[i]!;
    if (epochDay(s.on) <= from) break;
    push(s.on, s.what, 'a setback note');
  }
  const fromMs = view.nowMs - CRISIS_LOOKBACK_DAYS * 86_400_000;
  for (let i = view.letters.length - 1; i >= 0; i--) {
    const l = view.letters[i]!;
    if (Date.parse(l.createdAt) <= fromMs) break;
    push(l.createdAt.slice(0, 10), `${l.title}\n${l.text}`, 'a letter', l.createdAt);
  }
  for (let i = view.events.length - 1; i >= 0; i--) {
    const e = view.events[i]!;
    if (e.t <= fromMs) break;
    push(e.event.at.slice(0, 10), e.event.note, 'a contact-log note', e.event.at);
  }
  // Issue 11: every free-text field a person writes is read, not only the journal's.
  const recentAt = (at: string | null | undefined): at is string => !!at && Date.parse(at) > fromMs;
  const reflection = view.snapshot.reflection;
  if (recentAt(reflection.updatedAt)) {
    const { reasonsNote, ownRole, patterns, strengths, weaknesses, whatDrewUsTogether } = reflection;
    const answers = [reasonsNote, ownRole, patterns, strengths, weaknesses, whatDrewUsTogether];
    push(
      reflection.updatedAt.slice(0, 10),
      answers.filter(Boolean).join('\n'),
      'your reflection',
      reflection.updatedAt,
    );
  }
  for (const a of view.assessments) {
    if (recentAt(a.at)) push(a.at.slice(0, 10), a.note, 'an assessment note', a.at);
  }
  for (const s of view.screenings) {
    if (recentAt(s.answeredAt))
      push(s.answeredAt.slice(0, 10), s.note, 'a safety-screening note', s.answeredAt);
  }
  for (const c of view.necessary) {
    if (recentAt(c.at)) push(c.at.slice(0, 10), c.note, 'a necessary-contact note', c.at);
  }
  for (const b of view.breaks) {
    if (recentAt(b.at)) push(b.at.slice(0, 10), b.note, 'a no-contact break note', b.at);
  }
  const outcome = view.outcome;
  if (outcome && recentAt(outcome.decidedAt)) {
    push(outcome.decidedAt.slice(0, 10), outcome.note, 'your outcome note', outcome.decidedAt);
  }
  return notes.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
}

/**
 * The well-being metrics at the view's `now`.
 *
 * @example
 * wellBeingMetrics(view, (t) => /hurt myself/.test(t)).professionalHelp.suggested // false
 */
export function wellBeingMetrics(view: JourneyView, detectCrisis: CrisisDetector): WellBeingMetrics {
  const { todayDay, settings } = view;
  const mood7 = new Mean();
  const moodPrev7 = new Mean();
  const mood28 = new Mean();
  const urge7 = new Mean();
  const urgePrev7 = new Mean();
  const urge28 = new Mean();
  const sleep7 = new Mean();
  for (let i = view.checkIns.length - 1; i >= 0; i--) {
    const c = view.checkIns[i]!;
    const age = todayDay - epochDay(c.on);
    if (age >= 28) break;
    mood28.add(c.mood);
    urge28.add(c.urge);
    if (age < 7) {
      mood7.add(c.mood);
      urge7.add(c.urge);
      if (c.sleepHours !== null) sleep7.add(c.sleepHours);
    } else if (age < 14) {
      moodPrev7.add(c.mood);
      urgePrev7.add(c.urge);
    }
  }

  const habitDays = new Set<number>();
  const habitsToday = new Set<HabitKind>();
  for (const h of view.habitLogs) {
    const age = todayDay - epochDay(h.on);
    if (age < 7) habitDays.add(age);
    if (age === 0) habitsToday.add(h.habit);
  }

  const conf28 = new Mean();
  const confPrev28 = new Mean();
  for (let i = view.confidence.length - 1; i >= 0; i--) {
    const c = view.confidence[i]!;
    const age = todayDay - epochDay(c.on);
    if (age >= 56) break;
    (age < 28 ? conf28 : confPrev28).add(c.score);
  }

  let crisis: WellBeingMetrics['crisis'] = { expressed: false, on: null, where: null };
  for (const note of recentNotes(view)) {
    if (note.text && detectCrisis(note.text)) {
      const on = note.at === null ? note.on : localDateOf(note.at, view.userZone);
      crisis = { expressed: true, on, where: note.where };
      break;
    }
  }

  const min = METHOD_CONSTANTS.minTrendSamples;
  const reasons: string[] = [];
  if (crisis.expressed) {
    reasons.push(
      `On ${crisis.on} you wrote something in ${crisis.where} that sounds like you may be thinking of harming yourself. You deserve support right now.`,
    );
  }
  if (mood7.n >= min && mood7.value! <= settings.lowMoodThreshold) {
    reasons.push(`Your mood has averaged ${mood7.value} out of 10 this week.`);
  } else if (mood28.n >= min * 2 && mood28.value! <= METHOD_CONSTANTS.lowMoodMonthThreshold) {
    reasons.push(`Your mood has averaged ${mood28.value} out of 10 over four weeks.`);
  }
  if (urge7.n >= min && urge7.value! >= settings.highUrgeThreshold) {
    reasons.push(`Your urge to contact your ex has averaged ${urge7.value} out of 10 this week.`);
  }
  const suggested = reasons.length > 0;

  const last = view.checkIns[view.checkIns.length - 1] ?? null;
  const explanation = suggested
    ? 'A therapist or counsellor can help carry what you are going through; asking is a sign of strength (P15).'
    : mood7.n === 0
      ? 'Daily check-ins show how you are really doing over time (P3).'
      : `This week: mood ${mood7.value}/10, urge to contact ${urge7.value}/10. Feelings come and go; noticing them is part of healing (P3 P4).`;

  return {
    checkIns: view.checkIns.length,
    lastCheckInOn: last?.on ?? null,
    checkedInToday: last?.on === view.today,
    mood7: mood7.value,
    mood28: mood28.value,
    moodTrend: trendOf(mood7, moodPrev7, min),
    urge7: urge7.value,
    urge28: urge28.value,
    urgeTrend: trendOf(urge7, urgePrev7, min),
    sleep7: sleep7.value,
    habitCompletion7: round1((habitDays.size / 7) * 100) / 100,
    habitsToday: [...habitsToday].sort(),
    confidenceLatest: view.confidence[view.confidence.length - 1]?.score ?? null,
    confidenceTrend: trendOf(conf28, confPrev28, 2),
    professionalHelp: { suggested, reasons, principles: ['P15', 'P18'] },
    crisis,
    explanation,
    principles: suggested ? ['P3', 'P15'] : ['P3', 'P4'],
  };
}
