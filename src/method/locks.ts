/**
 * Safety locks (METHOD.md "Safety first"). These rules are fixed: they are not settings, and
 * no edit of settings can lift a lock. Screenings are history: a `yes` once given stays.
 */
import type { LockReason } from '../coach/types.js';
import type { Answer, SafetyScreening, SidedAnswer } from './schema.js';
import type { Lock } from './types.js';
import type { EventView, JourneyView } from './view.js';

type SidedQuestion = 'violence' | 'threats' | 'coerciveControl' | 'stalking';
type PlainQuestion = 'exBlockedUser' | 'courtOrder';

const SIDED: { key: SidedQuestion; reason: LockReason; there: string }[] = [
  { key: 'violence', reason: 'abuse', there: 'there was violence' },
  { key: 'threats', reason: 'threats', there: 'there were threats' },
  {
    key: 'coerciveControl',
    reason: 'coercive_control',
    there: 'there was coercive control',
  },
  { key: 'stalking', reason: 'stalking', there: 'there was following or watching' },
];

const PLAIN: { key: PlainQuestion; reason: LockReason; what: string }[] = [
  { key: 'exBlockedUser', reason: 'blocked', what: 'your ex blocked you' },
  { key: 'courtOrder', reason: 'court_order', what: 'a court or protective order exists' },
];

function partyOf(answer: SidedAnswer, value: Answer): 'ex' | 'user' | 'both' | null {
  const ex = answer.byEx === value;
  const user = answer.byUser === value;
  return ex && user ? 'both' : ex ? 'ex' : user ? 'user' : null;
}

const PERMANENT_WHY =
  'Olive Branch will not help contact your ex when the relationship involved this, whoever it came from. ' +
  'Your safety and theirs come first; the moving-on path and support resources stay open to you.';

function sidedLocks(screenings: readonly SafetyScreening[]): Lock[] {
  const locks: Lock[] = [];
  for (const { key, reason, there } of SIDED) {
    // Permanent: the first screening that said yes, on either side.
    const yes = screenings.find((s) => partyOf(s[key], 'yes') !== null);
    if (yes) {
      const party = partyOf(yes[key], 'yes');
      locks.push({
        reason,
        party,
        duration: 'permanent',
        since: yes.answeredAt,
        explanation: `You told us ${there} in the relationship. ${PERMANENT_WHY}`,
        lift: null,
        principles: ['P16', 'P18'],
      });
      continue;
    }
    // Unsure: locks until a later screening answers no on both sides.
    const index = screenings.findLastIndex((s) => partyOf(s[key], 'unsure') !== null);
    const unsure = screenings[index];
    if (unsure && !screenings.slice(index + 1).some((s) => s[key].byEx === 'no' && s[key].byUser === 'no')) {
      locks.push({
        reason,
        party: partyOf(unsure[key], 'unsure'),
        duration: 'until-clarified',
        since: unsure.answeredAt,
        explanation: `You were not sure whether ${there}. When in doubt, we keep outreach closed; talking it through with a counsellor or a support line can help you see clearly.`,
        lift: `answer the safety questions again once you are sure ${there.replace(/^there (was|were) /, 'there $1 no ')}`,
        principles: ['P15', 'P16'],
      });
    }
  }
  return locks;
}

function plainLocks(screenings: readonly SafetyScreening[]): Lock[] {
  const locks: Lock[] = [];
  for (const { key, reason, what } of PLAIN) {
    const yes = screenings.find((s) => s[key] === 'yes');
    if (yes) {
      locks.push({
        reason,
        party: 'ex',
        duration: 'permanent',
        since: yes.answeredAt,
        explanation: `You told us ${what}. That is a clear boundary, and Olive Branch respects it for good: it will not help you reach them. The moving-on path stays open to you.`,
        lift: null,
        principles: ['P16', 'P18'],
      });
      continue;
    }
    const index = screenings.findLastIndex((s) => s[key] === 'unsure');
    if (index >= 0 && !screenings.slice(index + 1).some((s) => s[key] === 'no')) {
      locks.push({
        reason,
        party: 'ex',
        duration: 'until-clarified',
        since: screenings[index]!.answeredAt,
        explanation: `You were not sure whether ${what}. Until you know, we keep outreach closed.`,
        lift: 'answer the safety questions again once you know',
        principles: ['P16'],
      });
    }
  }
  return locks;
}

/** An exchange the ex started themselves: their own message, opening the exchange. */
function exStarted(e: EventView): boolean {
  return e.event.initiatedBy === 'ex' && e.event.direction === 'ex-to-user';
}

/**
 * Whether a re-opening at `reopenMs` rests on an exchange the ex started after the stop at
 * `stopMs`: the only thing that lifts a "stop contacting me" (P16). A re-opening the person
 * records without one does not count, whoever wrote it.
 *
 * @example
 * reopeningCounts(view.events, Date.parse(stop.at), Date.parse(reopen.at)) // false with no exchange
 */
export function reopeningCounts(events: readonly EventView[], stopMs: number, reopenMs: number): boolean {
  return events.some((e) => exStarted(e) && e.t > stopMs && e.t <= reopenMs);
}

/** When the latest "stop contacting me" still in force was made, or null when none is. */
export function stopRequestSince(view: JourneyView): { since: string; lastStopMs: number } | null {
  const moments: { t: number; at: string; kind: 'stop' | 'reopen' }[] = [];
  for (const r of view.exRequests) {
    moments.push({ t: Date.parse(r.at), at: r.at, kind: r.kind === 'stop-contact' ? 'stop' : 'reopen' });
  }
  for (const s of view.screenings) {
    if (s.exAskedNoContact === 'yes')
      moments.push({ t: Date.parse(s.answeredAt), at: s.answeredAt, kind: 'stop' });
  }
  // A stop and a re-opening at the same instant: the stop wins (safety first).
  moments.sort((a, b) => a.t - b.t || (a.kind === 'stop' ? 1 : -1));
  let lockedSince: string | null = null;
  let lastStopMs = 0;
  for (const m of moments) {
    if (m.kind === 'stop') {
      lockedSince ??= m.at;
      lastStopMs = m.t;
    } else if (lockedSince !== null && reopeningCounts(view.events, lastStopMs, m.t)) {
      lockedSince = null;
    }
  }
  return lockedSince === null ? null : { since: lockedSince, lastStopMs };
}

/** P16: a "stop contacting me" holds until the ex re-opens contact themselves. */
function noContactRequestLock(view: JourneyView): Lock | null {
  const stop = stopRequestSince(view);
  if (stop === null) return null;
  const sinceMs = Date.parse(stop.since);
  const sent = view.events.filter((e) => e.event.direction === 'user-to-ex' && e.t > sinceMs).length;
  // Named for what they are, without shaming: every message after a stop goes against it.
  const after =
    sent === 0
      ? ''
      : ` Since they asked, you have sent them ${sent === 1 ? 'one message' : `${sent} messages`}. However gently meant, ${sent === 1 ? 'it goes' : 'each one goes'} against what they asked for; you can stop here, today.`;
  return {
    reason: 'no_contact_request',
    party: 'ex',
    duration: 'until-ex-reopens',
    since: stop.since,
    explanation: `Your ex asked you not to contact them. Respecting that is the kindest and only right answer, even when it hurts. Olive Branch will not help you reach out.${after}`,
    lift: 'only your ex, by getting in touch with you of their own accord; if they do, log their message first, then confirm that they re-opened contact',
    principles: ['P2', 'P16'],
  };
}

/** "Not sure" whether the ex asked for no contact: treated as a request for space until answered. */
function unsureRequestLock(screenings: readonly SafetyScreening[]): Lock | null {
  const index = screenings.findLastIndex((s) => s.exAskedNoContact === 'unsure');
  if (index < 0 || screenings.slice(index + 1).some((s) => s.exAskedNoContact !== 'unsure')) return null;
  return {
    reason: 'no_contact_request',
    party: 'ex',
    duration: 'until-clarified',
    since: screenings[index]!.answeredAt,
    explanation:
      'You were not sure whether your ex asked you not to contact them. Until you know, we treat it as a request for space and keep outreach closed.',
    lift: 'answer the safety questions again once you know',
    principles: ['P2', 'P16'],
  };
}

/**
 * Every lock in force at the view's `now`, permanent ones first.
 *
 * @example
 * locksAt(viewAt(snapshot, now)).map((l) => l.reason) // ['abuse']
 */
export function locksAt(view: JourneyView): Lock[] {
  const locks = [...sidedLocks(view.screenings), ...plainLocks(view.screenings)];
  const request = noContactRequestLock(view);
  if (request) locks.push(request);
  else {
    const unsure = unsureRequestLock(view.screenings);
    if (unsure) locks.push(unsure);
  }
  const rank: Record<Lock['duration'], number> = {
    permanent: 0,
    'until-ex-reopens': 1,
    'until-clarified': 2,
  };
  return locks.sort((a, b) => rank[a.duration] - rank[b.duration]);
}

/** The locks only the ex (or nothing at all) can lift: the person may never lift these. */
export function heldByEx(lock: Lock): boolean {
  return lock.duration === 'permanent' || lock.duration === 'until-ex-reopens';
}

/**
 * The locks in `before` that `after` no longer holds, among those the person may never lift
 * (a block, a court order, abuse, threats, control, stalking, the ex's "stop"). Used at every
 * write edge: a write, import or delete that would lift one is refused.
 *
 * @example
 * liftedLocks(locksAt(viewBefore), locksAt(viewAfter)) // [] when the write changes nothing
 */
export function liftedLocks(before: readonly Lock[], after: readonly Lock[]): Lock[] {
  const held = new Set(after.filter(heldByEx).map((l) => `${l.reason}:${l.duration}`));
  return before.filter((l) => heldByEx(l) && !held.has(`${l.reason}:${l.duration}`));
}
