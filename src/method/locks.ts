/**
 * Safety locks (METHOD.md "Safety first"). These rules are fixed: they are not settings, and
 * no edit of settings can lift a lock. Screenings are history: a `yes` once given stays.
 */
import type { LockReason } from '../coach/types.js';
import type { Answer, SafetyScreening, SidedAnswer } from './schema.js';
import type { Lock } from './types.js';
import type { JourneyView } from './view.js';

type SidedQuestion = 'violence' | 'threats' | 'coerciveControl' | 'stalking';
type PlainQuestion = 'exBlockedUser' | 'courtOrder';

const SIDED: { key: SidedQuestion; reason: LockReason; what: string }[] = [
  { key: 'violence', reason: 'abuse', what: 'violence' },
  { key: 'threats', reason: 'threats', what: 'threats' },
  { key: 'coerciveControl', reason: 'coercive_control', what: 'coercive control' },
  { key: 'stalking', reason: 'stalking', what: 'stalking' },
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
  for (const { key, reason, what } of SIDED) {
    // Permanent: the first screening that said yes, on either side.
    const yes = screenings.find((s) => partyOf(s[key], 'yes') !== null);
    if (yes) {
      const party = partyOf(yes[key], 'yes');
      locks.push({
        reason,
        party,
        duration: 'permanent',
        since: yes.answeredAt,
        explanation: `You told us there was ${what} in the relationship. ${PERMANENT_WHY}`,
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
        explanation: `You were unsure whether there was ${what}. When in doubt, we keep outreach closed; talking it through with a counsellor or a support line can help you see clearly.`,
        lift: `answer the safety questions again once you are sure there was no ${what}`,
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
        explanation: `You were unsure whether ${what}. Until you know, we keep outreach closed.`,
        lift: 'answer the safety questions again once you know',
        principles: ['P16'],
      });
    }
  }
  return locks;
}

/** P16: a "stop contacting me" holds until the ex re-opens contact themselves. */
function noContactRequestLock(view: JourneyView): Lock | null {
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
  for (const m of moments) {
    if (m.kind === 'stop') lockedSince ??= m.at;
    else lockedSince = null;
  }
  if (lockedSince === null) return null;
  return {
    reason: 'no_contact_request',
    party: 'ex',
    duration: 'until-ex-reopens',
    since: lockedSince,
    explanation:
      'Your ex asked you not to contact them. Respecting that is the kindest and only right answer, even when it hurts. Olive Branch will not help you reach out.',
    lift: 'only your ex re-opening contact themselves (record it when it happens); nothing you do or set can lift it',
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
  const rank: Record<Lock['duration'], number> = {
    permanent: 0,
    'until-ex-reopens': 1,
    'until-clarified': 2,
  };
  return locks.sort((a, b) => rank[a.duration] - rank[b.duration]);
}
