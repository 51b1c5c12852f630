/**
 * Fixture builders for journey stories: a story is a list of things that happen on given
 * days; `at(day)` replays what happened up to that day into a snapshot, `full()` replays
 * everything (later data must not change an earlier plan). Used by tests, examples and the
 * benchmark; not part of the public API.
 */
import { Temporal } from 'temporal-polyfill';
import type {
  Assessment,
  CheckIn,
  Commitment,
  ContactChannel,
  ContactEvent,
  JourneySnapshot,
  Party,
  Profile,
  SafetyScreening,
  Setback,
  Tone,
} from './schema.js';
import { SNAPSHOT_VERSION } from './schema.js';

/** Day 0 of every story: Monday 5 January 2026. */
export const DAY0 = '2026-01-05';

/** The local date `n` days after day 0. */
export function day(n: number): string {
  return Temporal.PlainDate.from(DAY0).add({ days: n }).toString();
}

/** The ISO instant of local time `time` on day `n` in `zone`. */
export function instant(n: number, time = '20:00', zone = 'Europe/London'): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return Temporal.PlainDate.from(day(n))
    .toZonedDateTime({ timeZone: zone, plainTime: new Temporal.PlainTime(h, m) })
    .toInstant()
    .toString();
}

export const DEFAULT_PROFILE: Profile = {
  userTimeZone: 'Europe/London',
  exTimeZone: 'Europe/London',
  exPreferredChannel: 'unknown',
  breakupOn: '2026-01-01',
  endedBy: 'ex',
  monthsTogether: 30,
};

/** A valid journey with nothing recorded yet. */
export function emptyJourney(profile: Partial<Profile> = {}): JourneySnapshot {
  return {
    version: SNAPSHOT_VERSION,
    createdAt: instant(0, '09:00'),
    settings: {},
    profile: { ...DEFAULT_PROFILE, ...profile },
    safetyScreenings: [],
    exRequests: [],
    timeZoneChanges: [],
    reflection: {
      reasons: [],
      reasonsNote: '',
      ownRole: '',
      patterns: '',
      strengths: '',
      weaknesses: '',
      whatDrewUsTogether: '',
      updatedAt: null,
    },
    noContactPeriods: [],
    contactBreaks: [],
    necessaryContacts: [],
    checkIns: [],
    habitLogs: [],
    confidenceRatings: [],
    assessments: [],
    contactEvents: [],
    commitments: [],
    apologies: [],
    letters: [],
    setbacks: [],
    journalEntries: [],
    drafts: [],
    safetyPlan: null,
    outcome: null,
  };
}

export const SAFE_ANSWERS: Omit<SafetyScreening, 'id' | 'answeredAt'> = {
  violence: { byEx: 'no', byUser: 'no' },
  threats: { byEx: 'no', byUser: 'no' },
  coerciveControl: { byEx: 'no', byUser: 'no' },
  stalking: { byEx: 'no', byUser: 'no' },
  exAskedNoContact: 'no',
  exBlockedUser: 'no',
  courtOrder: 'no',
};

export const HEALTHY_ASSESSMENT: Omit<Assessment, 'id' | 'at'> = {
  compatibility: 4,
  longTermGoals: 4,
  mutualWishToChange: 4,
  ownChange: 4,
  trustRepairable: 4,
  respect: 5,
  emotionalSteadiness: 4,
  lifeOutside: 4,
  motives: ['the-person', 'shared-future'],
  redLines: [{ text: 'No lying about where we are', crossed: 'no' }],
};

export interface ContactOptions {
  time?: string;
  channel?: ContactChannel;
  from?: Party;
  initiatedBy?: Party;
  /** Hours until the other side answered; null = not answered. */
  answeredAfterHours?: number | null;
  tone?: Tone;
  note?: string;
}

type Apply = (s: JourneySnapshot) => void;

/**
 * A story builder. Each method records something that happens on a day and returns the
 * builder, so a story reads top to bottom.
 *
 * @example
 * const s = story().screen(0).startNoContact(0).checkIn(1, 5, 6);
 * plan(s.at(1), instant(1, '21:00')).phase.id // 'reflect'
 */
export function story(base: JourneySnapshot = emptyJourney()) {
  const steps: { day: number; apply: Apply }[] = [];
  let counter = 0;
  const id = (prefix: string) => `${prefix}-${++counter}`;
  const zone = () => base.profile.userTimeZone;
  const builder = {
    on(n: number, apply: Apply) {
      steps.push({ day: n, apply });
      return builder;
    },
    at(n: number): JourneySnapshot {
      const s = structuredClone(base);
      for (const step of steps) if (step.day <= n) step.apply(s);
      return s;
    },
    full(): JourneySnapshot {
      return builder.at(Number.POSITIVE_INFINITY);
    },
    screen(n: number, answers: Partial<Omit<SafetyScreening, 'id' | 'answeredAt'>> = {}) {
      const record: SafetyScreening = {
        id: id('screen'),
        answeredAt: instant(n, '09:00', zone()),
        ...SAFE_ANSWERS,
        ...answers,
      };
      return builder.on(n, (s) => s.safetyScreenings.push(record));
    },
    reflect(n: number, fields: Partial<JourneySnapshot['reflection']>) {
      return builder.on(n, (s) => {
        Object.assign(s.reflection, fields, { updatedAt: instant(n, '21:00', zone()) });
      });
    },
    reflectAll(n: number) {
      return builder.reflect(n, {
        reasons: ['communication', 'constant-conflict'],
        ownRole: 'I went quiet for days instead of saying what hurt.',
        patterns: 'We both avoided hard talks until they exploded.',
        strengths: 'We laughed a lot and backed each other at work.',
        whatDrewUsTogether: 'Curiosity, long walks, the same odd sense of humour.',
      });
    },
    startNoContact(n: number, goalDays = 30) {
      const record = { id: id('period'), startedOn: day(n), goalDays, endedOn: null, endReason: null };
      return builder.on(n, (s) => s.noContactPeriods.push({ ...record }));
    },
    endNoContact(n: number, endReason: 'break' | 'reconnect' | 'stopped', by: Party = 'user') {
      const breakId = id('break');
      return builder.on(n, (s) => {
        const p = s.noContactPeriods[s.noContactPeriods.length - 1]!;
        p.endedOn = day(n);
        p.endReason = endReason;
        if (endReason === 'break') {
          s.contactBreaks.push({
            id: breakId,
            periodId: p.id,
            at: instant(n, '22:00', zone()),
            initiatedBy: by,
            channel: 'text',
          });
        }
      });
    },
    checkIn(n: number, mood: number, urge: number, note?: string) {
      const record: CheckIn = { id: id('checkin'), on: day(n), mood, urge, sleepHours: 7 };
      if (note !== undefined) record.note = note;
      return builder.on(n, (s) => s.checkIns.push(record));
    },
    /** A check-in every day from `from` to `to`, mood and urge moving linearly. */
    checkIns(from: number, to: number, mood: [number, number], urge: [number, number]) {
      for (let n = from; n <= to; n++) {
        const f = to === from ? 1 : (n - from) / (to - from);
        builder.checkIn(
          n,
          Math.round(mood[0] + (mood[1] - mood[0]) * f),
          Math.round(urge[0] + (urge[1] - urge[0]) * f),
        );
        builder.habit(n, 'exercise');
      }
      return builder;
    },
    habit(n: number, habit: 'exercise' | 'sleep' | 'meditation' | 'social' | 'therapy' | 'hobby' | 'food') {
      const record = { id: id('habit'), on: day(n), habit };
      return builder.on(n, (s) => s.habitLogs.push(record));
    },
    confidence(n: number, score: number) {
      const record = { id: id('conf'), on: day(n), score };
      return builder.on(n, (s) => s.confidenceRatings.push(record));
    },
    assess(n: number, answers: Partial<Omit<Assessment, 'id' | 'at'>> = {}) {
      const record: Assessment = {
        id: id('assess'),
        at: instant(n, '19:00', zone()),
        ...HEALTHY_ASSESSMENT,
        ...answers,
      };
      return builder.on(n, (s) => s.assessments.push(record));
    },
    contact(n: number, o: ContactOptions = {}) {
      const from = o.from ?? 'user';
      const at = instant(n, o.time ?? '19:00', zone());
      const hours = o.answeredAfterHours === undefined ? 2 : o.answeredAfterHours;
      const record: ContactEvent = {
        id: id('contact'),
        at,
        channel: o.channel ?? 'email',
        direction: from === 'user' ? 'user-to-ex' : 'ex-to-user',
        initiatedBy: o.initiatedBy ?? from,
        answered: hours !== null,
        answeredAt: hours === null ? null : new Date(Date.parse(at) + hours * 3_600_000).toISOString(),
        tone: o.tone ?? 'easy',
      };
      if (o.note !== undefined) record.note = o.note;
      return builder.on(n, (s) => s.contactEvents.push(record));
    },
    commit(
      n: number,
      text: string,
      dueIn: number | null,
      resolve?: { day: number; status: 'kept' | 'broken' | 'released' },
    ) {
      const record: Commitment = {
        id: id('commit'),
        createdAt: instant(n, '20:00', zone()),
        text,
        to: 'ex',
        dueOn: dueIn === null ? null : day(n + dueIn),
        status: 'open',
        resolvedAt: null,
      };
      builder.on(n, (s) => s.commitments.push({ ...record }));
      if (resolve) {
        builder.on(resolve.day, (s) => {
          const c = s.commitments.find((x) => x.id === record.id)!;
          c.status = resolve.status;
          c.resolvedAt = instant(resolve.day, '20:30', zone());
        });
      }
      return builder;
    },
    setback(n: number, kind: Setback['kind'] = 'argument', what = 'We argued about the old holiday plans.') {
      const record: Setback = { id: id('setback'), on: day(n), kind, what };
      return builder.on(n, (s) => s.setbacks.push(record));
    },
    exRequest(n: number, kind: 'stop-contact' | 'reopen-contact') {
      const record = { id: id('request'), at: instant(n, '12:00', zone()), kind };
      return builder.on(n, (s) => s.exRequests.push(record));
    },
    outcome(n: number, kind: 'together' | 'moving-on') {
      return builder.on(n, (s) => {
        s.outcome = { decidedAt: instant(n, '20:00', zone()), kind };
      });
    },
  };
  return builder;
}

/** The moment each simulated day is looked at: 21:00 in the user's zone. */
export function evening(n: number, zone = 'Europe/London'): string {
  return instant(n, '21:00', zone);
}
