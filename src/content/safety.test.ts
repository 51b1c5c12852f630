import { describe, expect, it } from 'vitest';
import { locksAt } from '../method/locks.js';
import {
  type Answer,
  type JourneySnapshot,
  parseSnapshot,
  type SafetyScreening,
  safetyScreeningSchema,
  sidedAnswerSchema,
} from '../method/schema.js';
import { viewAt } from '../method/view.js';
import { isPrincipleId } from './lessons.js';
import {
  ANSWER_OPTIONS,
  LOCK_TEXTS,
  lockText,
  MOVING_ON_PATH,
  SAFETY_QUESTIONS,
  type SafetyQuestionKey,
  safetyQuestion,
} from './safety.js';

const ANSWER_KEYS = Object.keys(safetyScreeningSchema.shape).filter(
  (k) => !['id', 'answeredAt', 'note'].includes(k),
) as SafetyQuestionKey[];

const ALL_NO: Omit<SafetyScreening, 'id' | 'answeredAt'> = {
  violence: { byEx: 'no', byUser: 'no' },
  threats: { byEx: 'no', byUser: 'no' },
  coerciveControl: { byEx: 'no', byUser: 'no' },
  stalking: { byEx: 'no', byUser: 'no' },
  exAskedNoContact: 'no',
  exBlockedUser: 'no',
  courtOrder: 'no',
};

/** A fresh journey whose only record is one safety screening. */
function journeyWith(
  key: SafetyQuestionKey,
  answer: Answer,
  side: 'byEx' | 'byUser' = 'byEx',
): JourneySnapshot {
  const value = typeof ALL_NO[key] === 'string' ? answer : { ...ALL_NO.violence, [side]: answer };
  const snapshot = {
    version: 1,
    createdAt: '2026-03-01T10:00:00Z',
    settings: {},
    profile: {
      userTimeZone: 'Europe/London',
      exTimeZone: 'Europe/London',
      exPreferredChannel: 'unknown',
      breakupOn: '2026-02-20',
      endedBy: 'ex',
      monthsTogether: 24,
    },
    safetyScreenings: [{ id: 's1', answeredAt: '2026-03-01T10:05:00Z', ...ALL_NO, [key]: value }],
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
    outcome: null,
  };
  const parsed = parseSnapshot(snapshot);
  if (!parsed.ok) throw new Error(`fixture is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.snapshot;
}

const locksFor = (key: SafetyQuestionKey, answer: Answer, side?: 'byEx' | 'byUser') =>
  locksAt(viewAt(journeyWith(key, answer, side), Date.parse('2026-03-02T12:00:00Z')));

describe('safety screening questions', () => {
  it('asks exactly the questions of the snapshot schema, each once', () => {
    expect(SAFETY_QUESTIONS.map((q) => q.key).sort()).toEqual([...ANSWER_KEYS].sort());
  });

  it('asks the questions whose answers have two sides about both the ex and the user', () => {
    for (const q of SAFETY_QUESTIONS) {
      const sidedInSchema = safetyScreeningSchema.shape[q.key] === sidedAnswerSchema;
      expect(q.sided, q.key).toBe(sidedInSchema);
      if (q.sided) {
        expect(q.sides.byEx).toMatch(/\bex\b/);
        expect(q.sides.byUser).toMatch(/\byou\b/i);
        expect(q.sides.byEx).not.toBe(q.sides.byUser);
      } else {
        expect(q.question.trim().endsWith('?')).toBe(true);
      }
    }
  });

  it('explains why we ask and what each answer does, for every question', () => {
    const ids = SAFETY_QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of SAFETY_QUESTIONS) {
      expect(q.whyWeAsk.length).toBeGreaterThan(30);
      for (const option of ANSWER_OPTIONS) expect(q.whatHappens[option.value].trim()).not.toBe('');
      expect(q.examples.length).toBeGreaterThan(0);
      for (const p of q.principles) expect(isPrincipleId(p)).toBe(true);
      expect(safetyQuestion(q.key)).toBe(q);
    }
  });

  it('offers yes, no and not sure', () => {
    expect(ANSWER_OPTIONS.map((o) => o.value).sort()).toEqual(['no', 'unsure', 'yes']);
  });
});

describe('lock texts agree with the method engine', () => {
  it.each(SAFETY_QUESTIONS.map((q) => [q.key, q] as const))(
    'a yes to %s locks with the reason the question names, and our text says what can lift it',
    (_, q) => {
      const locks = locksFor(q.key, 'yes');
      expect(locks.map((l) => l.reason)).toContain(q.lockReason);
      for (const lock of locks) {
        const text = lockText(lock.reason, lock.duration);
        expect(text.duration).toBe(lock.duration);
        // "Nothing can lift it" must read the same in our words and in the engine's.
        expect(text.lift === null).toBe(lock.lift === null);
      }
    },
  );

  it.each(SAFETY_QUESTIONS.filter((q) => q.sided).map((q) => [q.key, q] as const))(
    'harm described on the user’s own side locks %s just the same',
    (_, q) => {
      expect(locksFor(q.key, 'yes', 'byUser').map((l) => l.reason)).toContain(q.lockReason);
    },
  );

  it('shows the "not sure" text, which says how to lift it, for every unsure lock', () => {
    for (const q of SAFETY_QUESTIONS) {
      for (const lock of locksFor(q.key, 'unsure')) {
        expect(lock.duration).toBe('until-clarified');
        const text = lockText(lock.reason, lock.duration);
        expect(text.title).toMatch(/not sure|clear/i);
        expect(text.lift).not.toBeNull();
      }
    }
  });

  it('has a text for every reason a question can lock with', () => {
    for (const q of SAFETY_QUESTIONS) {
      expect(LOCK_TEXTS.some((l) => l.reason === q.lockReason)).toBe(true);
    }
  });

  it('falls back to a safe general text for an unknown reason', () => {
    const text = lockText('something-new');
    expect(text.lift).toBeNull();
    expect(text.explanation).toMatch(/outreach/);
  });
});

describe('moving-on path', () => {
  it('has unique steps that each cite principles, ending with P18', () => {
    expect(MOVING_ON_PATH.length).toBeGreaterThanOrEqual(4);
    expect(new Set(MOVING_ON_PATH.map((s) => s.id)).size).toBe(MOVING_ON_PATH.length);
    expect(MOVING_ON_PATH.some((s) => s.principles.includes('P18'))).toBe(true);
    for (const s of MOVING_ON_PATH) expect(s.principles.length).toBeGreaterThan(0);
  });
});
