/**
 * The journey as it stood at `now`: every record dated after `now` is left out, statuses
 * resolved after `now` are rolled back (a commitment kept tomorrow is open today), and the
 * arrays the metrics walk are sorted once. Every metric reads this view, which is why adding
 * future data never changes the plan for an earlier `now`.
 */
import { type MethodSettings, resolveSettings } from './defaults.js';
import type {
  Apology,
  Assessment,
  CheckIn,
  Commitment,
  ConfidenceRating,
  ContactBreak,
  ContactEvent,
  ExRequest,
  HabitLog,
  JourneySnapshot,
  Letter,
  NecessaryContact,
  NoContactPeriod,
  Outcome,
  SafetyScreening,
  Setback,
} from './schema.js';
import { SAFETY_FLOOR } from './schema.js';
import { epochDay, instantMs, localDateOf, zoneAt } from './time.js';

/** A no-contact period in epoch days; `end` null while running. */
export interface PeriodView {
  id: string;
  start: number;
  end: number | null;
  goalDays: number;
  endReason: NoContactPeriod['endReason'];
  /** True for the clock the engine restarts itself after a break (P2: a relapse restarts it). */
  implicit: boolean;
  /** Who broke it, when it ended early: the person unless a break record says the ex did. */
  brokenBy: 'user' | 'ex' | null;
}

export interface EventView {
  event: ContactEvent;
  t: number;
  /** As known at `now`: an answer recorded after `now` has not happened yet. */
  answered: boolean;
  answeredT: number | null;
}

export interface CommitmentView {
  commitment: Commitment;
  status: Commitment['status'];
  resolvedT: number | null;
}

export interface JourneyView {
  snapshot: JourneySnapshot;
  settings: MethodSettings;
  nowMs: number;
  nowIso: string;
  userZone: string;
  today: string;
  todayDay: number;
  screenings: SafetyScreening[];
  exRequests: ExRequest[];
  periods: PeriodView[];
  breaks: ContactBreak[];
  necessary: NecessaryContact[];
  checkIns: CheckIn[];
  habitLogs: HabitLog[];
  confidence: ConfidenceRating[];
  assessments: Assessment[];
  events: EventView[];
  commitments: CommitmentView[];
  apologies: Apology[];
  letters: Letter[];
  setbacks: Setback[];
  outcome: Outcome | null;
}

function byInstant<T>(items: readonly T[], at: (x: T) => string, nowMs: number): T[] {
  const out: { x: T; t: number }[] = [];
  for (const x of items) {
    const t = Date.parse(at(x));
    if (t <= nowMs) out.push({ x, t });
  }
  out.sort((a, b) => a.t - b.t);
  return out.map((o) => o.x);
}

function byDate<T>(items: readonly T[], on: (x: T) => string, today: string): T[] {
  const out = items.filter((x) => on(x) <= today);
  out.sort((a, b) => (on(a) < on(b) ? -1 : on(a) > on(b) ? 1 : 0));
  return out;
}

/** A contact that breaks a running period (P2): the local day it happened, and who started it. */
export interface BreakingContact {
  day: number;
  by: 'user' | 'ex';
}

/**
 * Every contact that breaks no contact when it falls inside a running period, by day: each
 * message or exchange the person started (the contact log, "I sent it") and each break the
 * person logged. Strictly necessary contact is recorded apart and never breaks the clock.
 */
function breakingContacts(
  snapshot: JourneySnapshot,
  events: readonly EventView[],
  breaks: readonly ContactBreak[],
  zone: string,
): BreakingContact[] {
  const out: BreakingContact[] = [];
  // Only contact while some period could be running matters: skip the rest without the
  // (costly) local-date conversion. Two days of margin cover every time zone.
  const starts = snapshot.noContactPeriods.map((p) => epochDay(p.startedOn));
  if (starts.length === 0) return out;
  const fromMs = (Math.min(...starts) - 2) * 86_400_000;
  // After a last period that ended without a relapse, no clock runs any more.
  const last = snapshot.noContactPeriods[snapshot.noContactPeriods.length - 1]!;
  const lastEnd = last.endedOn === null ? null : epochDay(last.endedOn);
  const restarts =
    lastEnd === null ||
    last.endReason === 'break' ||
    (last.endReason === 'reconnect' &&
      lastEnd - epochDay(last.startedOn) < Math.max(last.goalDays, SAFETY_FLOOR.noContactMinDays));
  const toMs = restarts ? Number.POSITIVE_INFINITY : (lastEnd + 2) * 86_400_000;
  const days = dayCache(snapshot.contactEvents, zone);
  for (const e of events) {
    if (e.event.initiatedBy !== 'user' || e.t < fromMs || e.t > toMs) continue;
    let day = days.get(e.event);
    if (day === undefined) {
      day = epochDay(localDateOf(e.t, zone));
      days.set(e.event, day);
    }
    out.push({ day, by: 'user' });
  }
  for (const b of breaks) out.push({ day: epochDay(localDateOf(b.at, zone)), by: b.initiatedBy });
  return out.sort((a, b) => a.day - b.day);
}

/** Local days of contact events, per events array and zone: snapshots are reused, not edited. */
const eventDays = new WeakMap<readonly object[], { zone: string; days: Map<object, number> }>();

function dayCache(events: readonly object[], zone: string): Map<object, number> {
  const hit = eventDays.get(events);
  if (hit && hit.zone === zone) return hit.days;
  const days = new Map<object, number>();
  eventDays.set(events, { zone, days });
  return days;
}

/**
 * Splits a clock running from `from` at each breaking contact before `until` (exclusive):
 * before the goal a contact is a break and the clock restarts that day; on or after the goal
 * the first contact the person starts is reaching out again, which ends the period.
 */
function splitAtContacts(
  out: PeriodView[],
  contacts: readonly BreakingContact[],
  cursor: { next: number },
  period: { id: string; from: number; until: number; goalDays: number; implicit: boolean },
): { from: number; restarts: number; reconnected: boolean } {
  let { from } = period;
  let restarts = 0;
  const idOf = () => (restarts === 0 ? period.id : `${period.id}-${restarts}`);
  while (cursor.next < contacts.length && contacts[cursor.next]!.day <= from) cursor.next++;
  while (cursor.next < contacts.length && contacts[cursor.next]!.day < period.until) {
    const c = contacts[cursor.next]!;
    const reconnect = c.day - from >= period.goalDays && c.by === 'user';
    out.push({
      id: idOf(),
      start: from,
      end: c.day,
      goalDays: period.goalDays,
      endReason: reconnect ? 'reconnect' : 'break',
      implicit: period.implicit || restarts > 0,
      brokenBy: reconnect ? null : c.by,
    });
    from = c.day;
    restarts++;
    while (cursor.next < contacts.length && contacts[cursor.next]!.day <= from) cursor.next++;
    if (reconnect) {
      while (cursor.next < contacts.length && contacts[cursor.next]!.day < period.until) cursor.next++;
      return { from, restarts, reconnected: true };
    }
  }
  return { from, restarts, reconnected: false };
}

function periodsAsOf(
  periods: readonly NoContactPeriod[],
  todayDay: number,
  contacts: readonly BreakingContact[],
  breaks: readonly ContactBreak[],
): PeriodView[] {
  const out: PeriodView[] = [];
  const cursor = { next: 0 };
  for (const p of periods) {
    const start = epochDay(p.startedOn);
    if (start > todayDay) continue;
    const ended = p.endedOn !== null && epochDay(p.endedOn) <= todayDay;
    const end = ended ? epochDay(p.endedOn!) : null;
    // Settings only tighten: a shorter period stored earlier still counts the minimum.
    const goalDays = Math.max(p.goalDays, SAFETY_FLOOR.noContactMinDays);
    // P2: every contact the person starts on a later day than the clock's start, before its
    // recorded end, counts (the start day is the last contact itself).
    const split = splitAtContacts(out, contacts, cursor, {
      id: p.id,
      from: start,
      until: end ?? todayDay + 1,
      goalDays,
      implicit: false,
    });
    if (split.reconnected) continue;
    const endReason = ended ? p.endReason : null;
    const view: PeriodView = {
      id: split.restarts === 0 ? p.id : `${p.id}-${split.restarts}`,
      start: split.from,
      end,
      goalDays,
      endReason,
      implicit: split.restarts > 0,
      brokenBy: null,
    };
    if (endedEarly(view)) {
      view.brokenBy =
        endReason === 'break' ? (breaks.find((b) => b.periodId === p.id)?.initiatedBy ?? 'user') : 'user';
    }
    out.push(view);
  }
  const last = out[out.length - 1];
  if (last && last.end !== null && endedEarly(last)) {
    // P2: a relapse restarts the clock; nothing is erased and no new record is needed.
    const id = `${last.id}+restart`;
    const split = splitAtContacts(out, contacts, cursor, {
      id,
      from: last.end,
      until: todayDay + 1,
      goalDays: last.goalDays,
      implicit: true,
    });
    if (!split.reconnected) {
      out.push({
        id: split.restarts === 0 ? id : `${id}-${split.restarts}`,
        start: split.from,
        end: null,
        goalDays: last.goalDays,
        endReason: null,
        implicit: true,
        brokenBy: null,
      });
    }
  }
  return out;
}

/** A break, or reaching out before the goal (which the method counts as a break). */
export function endedEarly(p: PeriodView): boolean {
  if (p.end === null) return false;
  if (p.endReason === 'break') return true;
  return p.endReason === 'reconnect' && p.end - p.start < p.goalDays;
}

/**
 * Builds the view of a journey at `nowMs`.
 *
 * @example
 * const view = viewAt(snapshot, Date.parse('2026-02-01T20:00:00Z'));
 * view.today // '2026-02-01' (in the user's zone)
 */
/**
 * Parsing and sorting the big collections (years of check-ins, thousands of contacts) is
 * done once per array and reused for every \`now\`: snapshots are values, never edited in
 * place once planned (the server freezes them). The length is checked as a cheap guard.
 */
const sortedCache = new WeakMap<readonly object[], { length: number; items: unknown[] }>();

function sortedOnce<T extends object, P extends { k: number | string }>(
  items: readonly T[],
  parse: (x: T) => P,
): P[] {
  const hit = sortedCache.get(items);
  if (hit && hit.length === items.length) return hit.items as P[];
  const parsed = items.map(parse);
  // Exported and stored journeys are usually in order already: check before sorting.
  let ordered = true;
  for (let i = 1; i < parsed.length && ordered; i++) ordered = parsed[i - 1]!.k <= parsed[i]!.k;
  if (!ordered) parsed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  sortedCache.set(items, { length: items.length, items: parsed });
  return parsed;
}

function parseEvent(event: ContactEvent) {
  const t = instantMs(event.at);
  return { k: t, event, t, answeredT: event.answeredAt === null ? null : instantMs(event.answeredAt) };
}

function parseDated<T extends { on: string }>(x: T) {
  return { k: x.on, x };
}

/** The records dated on or before `today`, from a list sorted by date. */
function upTo<T>(sorted: readonly { k: number | string; x: T }[], today: string): T[] {
  const out: T[] = [];
  for (const item of sorted) {
    if ((item.k as string) > today) break;
    out.push(item.x);
  }
  return out;
}

export function viewAt(snapshot: JourneySnapshot, nowMs: number): JourneyView {
  const userZone = zoneAt(snapshot, 'user', nowMs);
  const today = localDateOf(nowMs, userZone);
  const todayDay = epochDay(today);

  const events: EventView[] = [];
  for (const { event, t, answeredT } of sortedOnce(snapshot.contactEvents, parseEvent)) {
    if (t > nowMs) break;
    const answeredYet = answeredT === null || answeredT <= nowMs;
    events.push({
      event,
      t,
      answered: event.answered && answeredYet,
      answeredT: answeredYet ? answeredT : null,
    });
  }

  const commitments: CommitmentView[] = [];
  for (const commitment of snapshot.commitments) {
    if (Date.parse(commitment.createdAt) > nowMs) continue;
    const resolvedT = commitment.resolvedAt === null ? null : Date.parse(commitment.resolvedAt);
    const resolvedYet = resolvedT !== null && resolvedT <= nowMs;
    commitments.push({
      commitment,
      status: resolvedYet ? commitment.status : 'open',
      resolvedT: resolvedYet ? resolvedT : null,
    });
  }

  const breaks = byInstant(snapshot.contactBreaks, (b) => b.at, nowMs);

  const outcome =
    snapshot.outcome && Date.parse(snapshot.outcome.decidedAt) <= nowMs ? snapshot.outcome : null;

  const apologies = byInstant(snapshot.apologies, (a) => a.createdAt, nowMs).map((a) =>
    a.sentAt !== null && Date.parse(a.sentAt) > nowMs ? { ...a, status: 'draft' as const, sentAt: null } : a,
  );

  return {
    snapshot,
    settings: resolveSettings(snapshot.settings),
    nowMs,
    nowIso: new Date(nowMs).toISOString(),
    userZone,
    today,
    todayDay,
    screenings: byInstant(snapshot.safetyScreenings, (s) => s.answeredAt, nowMs),
    exRequests: byInstant(snapshot.exRequests, (r) => r.at, nowMs),
    periods: periodsAsOf(
      snapshot.noContactPeriods,
      todayDay,
      breakingContacts(snapshot, events, breaks, userZone),
      breaks,
    ),
    breaks,
    necessary: snapshot.necessaryContacts.filter((n) => Date.parse(n.at) <= nowMs),
    checkIns: upTo(sortedOnce(snapshot.checkIns, parseDated), today),
    habitLogs: snapshot.habitLogs.filter((h) => h.on <= today),
    confidence: byDate(snapshot.confidenceRatings, (c) => c.on, today),
    assessments: byInstant(snapshot.assessments, (a) => a.at, nowMs),
    events,
    commitments,
    apologies,
    letters: byInstant(snapshot.letters, (l) => l.createdAt, nowMs),
    setbacks: byDate(snapshot.setbacks, (s) => s.on, today),
    outcome,
  };
}
