/**
 * Invariants of the journey engine over random journeys (issue 3, "Property tests"): no
 * NaN or Infinity anywhere in a plan, streak arithmetic consistent with the periods, the
 * same plan for the same snapshot and moment, data dated after `now` never changes the
 * plan for `now`, and a lock that settings cannot lift.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from './plan.js';
import { journeySnapshotSchema } from './schema.js';
import { evening, instant, story } from './test-helpers.js';
import { timing } from './timing.js';

type Builder = ReturnType<typeof story>;

/** Events as plain data, so a failing case prints readably. */
const event = fc.oneof(
  fc.record({
    kind: fc.constant('checkIn' as const),
    mood: fc.integer({ min: 1, max: 10 }),
    urge: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('habit' as const),
    habit: fc.constantFrom('exercise', 'sleep', 'meditation', 'social', 'therapy', 'hobby', 'food' as const),
  }),
  fc.record({ kind: fc.constant('confidence' as const), score: fc.integer({ min: 1, max: 10 }) }),
  fc.record({
    kind: fc.constant('contact' as const),
    channel: fc.constantFrom('email', 'text', 'call', 'meeting' as const),
    from: fc.constantFrom('user', 'ex' as const),
    answeredAfterHours: fc.option(fc.integer({ min: 1, max: 72 }), { nil: null }),
    tone: fc.constantFrom('easy', 'warm', 'neutral', 'tense', 'hostile' as const),
  }),
  fc.constantFrom(
    { kind: 'reflect' as const },
    { kind: 'assess' as const },
    { kind: 'setback' as const },
    { kind: 'commit' as const },
  ),
);
type JourneyEvent = typeof event extends fc.Arbitrary<infer T> ? T : never;

function apply(b: Builder, n: number, e: JourneyEvent): void {
  if (e.kind === 'checkIn') b.checkIn(n, e.mood, e.urge);
  else if (e.kind === 'habit') b.habit(n, e.habit);
  else if (e.kind === 'confidence') b.confidence(n, e.score);
  else if (e.kind === 'contact') b.contact(n, e);
  else if (e.kind === 'reflect') b.reflectAll(n);
  else if (e.kind === 'assess') b.assess(n);
  else if (e.kind === 'setback') b.setback(n);
  else b.commit(n, 'Call on Sunday at seven', 5);
}

/** A random journey: a screening and a no-contact start on day 0, then events on days. */
const journey = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 150 }), event), { maxLength: 60 })
  .map((events) => {
    const b = story().screen(0).startNoContact(0);
    const checkInDays = new Set<number>();
    for (const [n, e] of [...events].sort((x, y) => x[0] - y[0])) {
      if (e.kind === 'checkIn' && checkInDays.has(n)) continue; // one check-in a day
      if (e.kind === 'checkIn') checkInDays.add(n);
      apply(b, n, e);
    }
    return b;
  });

function numbersIn(value: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) numbersIn(v, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  }
  return out;
}

describe('plan, on any journey', () => {
  it('is a valid snapshot and gives finite numbers everywhere, 3–5 steps, each with principles', () => {
    fc.assert(
      fc.property(journey, fc.integer({ min: 0, max: 200 }), (b, day) => {
        const snapshot = b.full();
        expect(journeySnapshotSchema.safeParse(snapshot).success).toBe(true);
        const p = plan(snapshot, evening(day));
        for (const [path, n] of numbersIn(p)) expect(Number.isFinite(n), path).toBe(true);
        expect(p.nextSteps.length).toBeGreaterThanOrEqual(3);
        expect(p.nextSteps.length).toBeLessThanOrEqual(5);
        for (const s of p.nextSteps) expect(s.principles.length).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });

  it('keeps streak arithmetic consistent: streak ≤ longest ≤ total days', () => {
    fc.assert(
      fc.property(journey, fc.integer({ min: 0, max: 200 }), (b, day) => {
        const m = plan(b.full(), evening(day)).metrics.noContact;
        expect(m.currentStreak).toBeGreaterThanOrEqual(0);
        expect(m.currentStreak).toBeLessThanOrEqual(m.longestStreak);
        expect(m.longestStreak).toBeLessThanOrEqual(m.totalDays);
        expect(m.breaks).toBe(m.breaksByUser + m.breaksByEx);
      }),
      { numRuns: 80 },
    );
  });

  it('is deterministic for a snapshot and a moment', () => {
    fc.assert(
      fc.property(journey, fc.integer({ min: 0, max: 200 }), (b, day) => {
        const snapshot = b.full();
        expect(plan(snapshot, evening(day))).toEqual(plan(structuredClone(snapshot), evening(day)));
      }),
      { numRuns: 50 },
    );
  });

  it('ignores every record dated after now', () => {
    fc.assert(
      fc.property(journey, fc.integer({ min: 1, max: 150 }), (b, day) => {
        const then = b.at(day);
        // The reflection is one document edited in place: a later edit is not new data.
        const withFuture = { ...b.full(), reflection: then.reflection };
        expect(plan(withFuture, evening(day))).toEqual(plan(then, evening(day)));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a stop request locked whatever the settings say, until the ex re-opens', () => {
    fc.assert(
      fc.property(journey, fc.integer({ min: 1, max: 100 }), (b, stopDay) => {
        b.exRequest(stopDay, 'stop-contact');
        const snapshot = b.full();
        (snapshot.settings as Record<string, unknown>).unansweredLimit = 99;
        const p = plan(snapshot, evening(stopDay + 1));
        expect(p.outreachLocked).toBe(true);
        expect(p.locks.some((l) => l.duration !== 'permanent' || l.reason !== 'no_contact_request')).toBe(
          true,
        );
        // The person recording a re-opening alone lifts nothing.
        b.exRequest(stopDay + 2, 'reopen-contact');
        const exWroteFirst = b
          .full()
          .contactEvents.some(
            (e) =>
              e.initiatedBy === 'ex' &&
              e.direction === 'ex-to-user' &&
              e.at > instant(stopDay, '12:00') &&
              e.at <= instant(stopDay + 2, '12:00'),
          );
        expect(plan(b.full(), evening(stopDay + 2)).outreachLocked).toBe(!exWroteFirst || p.locks.length > 1);
        // Once the ex writes first, their re-opening counts.
        b.contact(stopDay + 3, { from: 'ex', time: '09:00' });
        b.exRequest(stopDay + 3, 'reopen-contact');
        expect(
          plan(b.full(), evening(stopDay + 4)).locks.some((l) => l.reason === 'no_contact_request'),
        ).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});

/** Any settings the schema accepts: every field optional, each within its bounds. */
const settings = fc.record(
  {
    noContactGoalDays: fc.integer({ min: 30, max: 365 }),
    maxUnansweredInARow: fc.integer({ min: 1, max: 2 }),
    weekdayWindows: fc.constant<{ from: string; to: string }[]>([
      { from: '07:00', to: '09:00' },
      { from: '17:00', to: '22:00' },
    ]),
    weekendWindows: fc.constant<{ from: string; to: string }[]>([{ from: '07:00', to: '22:00' }]),
    weekendDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
    ladderEasyExchanges: fc.integer({ min: 1, max: 50 }),
    ladderBalanceMin: fc.double({ min: 0, max: 1, noNaN: true }),
    readinessThreshold: fc.integer({ min: 60, max: 100 }),
    reflectionMinChars: fc.integer({ min: 1, max: 2_000 }),
    lowMoodThreshold: fc.double({ min: 1, max: 10, noNaN: true }),
    highUrgeThreshold: fc.double({ min: 0, max: 10, noNaN: true }),
    maxOpenCommitments: fc.integer({ min: 1, max: 100 }),
    consistencyHalfLifeDays: fc.integer({ min: 1, max: 3_650 }),
  },
  { requiredKeys: [] },
);

/** A screening answer that locks outreach for good, from either side. */
const permanentAnswer = fc.oneof(
  fc.record({
    key: fc.constantFrom('violence', 'threats', 'coerciveControl', 'stalking' as const),
    side: fc.constantFrom('byEx', 'byUser' as const),
  }),
  fc.record({ key: fc.constantFrom('exBlockedUser', 'courtOrder' as const), side: fc.constant(null) }),
);

describe('a permanent lock', () => {
  it('holds under any settings, a later all-clear screening and the ex re-opening contact', () => {
    fc.assert(
      fc.property(
        journey,
        settings,
        permanentAnswer,
        fc.integer({ min: 1, max: 100 }),
        (b, overrides, answer, lockDay) => {
          const value = answer.side === null ? 'yes' : { byEx: 'no', byUser: 'no', [answer.side]: 'yes' };
          b.screen(lockDay, { [answer.key]: value });
          b.screen(lockDay + 1); // every answer "no" this time: a yes once given stays
          b.exRequest(lockDay + 2, 'reopen-contact');
          b.contact(lockDay + 2, { from: 'ex', initiatedBy: 'ex', tone: 'warm' });
          const snapshot = b.full();
          snapshot.settings = overrides;
          expect(journeySnapshotSchema.safeParse(snapshot).success).toBe(true);
          const now = evening(lockDay + 3);
          const p = plan(snapshot, now);
          expect(p.outreachLocked).toBe(true);
          expect(p.phase.id).toBe('safety-locked');
          expect(p.locks.some((l) => l.duration === 'permanent' && l.lift === null)).toBe(true);
          expect(timing(snapshot, now)).toMatchObject({ good: false, locked: true, nextGoodAt: null });
        },
      ),
      { numRuns: 60 },
    );
  });
});
