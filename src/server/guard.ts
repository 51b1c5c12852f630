/**
 * Locks only the ex can lift (P16), held at every write edge. A write, an import or a delete
 * made by the person is applied to a copy of their journey first; if that copy no longer has
 * a lock that a block, a court order, harm in the relationship or the ex's "stop" put in
 * place, the write is refused and nothing is stored. The one way through is the ex
 * re-opening contact themselves, recorded as a re-opening that rests on their own message.
 */
import { liftedLocks, locksAt } from '../method/locks.js';
import type { JourneySnapshot } from '../method/schema.js';
import type { Lock } from '../method/types.js';
import { viewAt } from '../method/view.js';
import { type Journal, loadSnapshot } from '../store/index.js';
import { provisionalSnapshot } from './method.js';
import { HttpProblem } from './problem.js';

/** The journey as stored, or (before the profile exists) a stand-in that still carries its locks. */
export async function currentJourney(journal: Journal, now: Date): Promise<JourneySnapshot> {
  return (await loadSnapshot(journal)) ?? (await provisionalSnapshot(journal, now));
}

const WHAT: Record<string, string> = {
  abuse: 'harm in the relationship',
  threats: 'threats in the relationship',
  coercive_control: 'control in the relationship',
  stalking: 'following or watching',
  blocked: 'being blocked',
  court_order: 'a court or protective order',
  no_contact_request: 'your ex asking for no contact',
};

/**
 * Throws a 409 when `after` lifts a lock `before` holds that the person may not lift.
 * `reopening` allows exactly one thing: a re-opening that rests on a message the ex started
 * to lift the ex's own "stop" (the engine checks that it does).
 *
 * @example
 * refuseLiftingLocks(before, withImport, now); // throws if the import drops a screening's "yes"
 */
export function refuseLiftingLocks(
  before: JourneySnapshot,
  after: JourneySnapshot,
  now: Date,
  options: { reopening?: boolean } = {},
): void {
  const nowMs = now.getTime();
  const lifted = liftedLocks(locksAt(viewAt(before, nowMs)), locksAt(viewAt(after, nowMs))).filter(
    (l: Lock) => !(options.reopening && l.duration === 'until-ex-reopens'),
  );
  if (lifted.length === 0) return;
  const reasons = [...new Set(lifted.map((l) => WHAT[l.reason] ?? l.reason))].join(', ');
  throw new HttpProblem(
    'conflict',
    `Nothing was saved: this change would lift a safety lock (${reasons}). That lock stays whatever is edited, imported or deleted; only your ex can lift a request for no contact, by getting in touch themselves.`,
  );
}
