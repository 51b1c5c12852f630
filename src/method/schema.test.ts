/**
 * The journey snapshot format (also the account export): a valid journey round-trips, and
 * an invalid one is refused with the path to the bad field.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, parseSnapshot, SNAPSHOT_VERSION } from './schema.js';
import { emptyJourney, story } from './test-helpers.js';

const valid = () => story().screen(0).startNoContact(0).checkIn(2, 5, 6).contact(3).reflectAll(4).full();

function firstIssue(input: unknown): { path: string; message: string } {
  const parsed = parseSnapshot(input);
  if (parsed.ok) throw new Error('expected the snapshot to be refused');
  return parsed.issues[0]!;
}

describe('the journey snapshot', () => {
  it('round-trips a valid journey through JSON unchanged', () => {
    const journey = valid();
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(journey)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.snapshot).toEqual(journey);
  });

  it('refuses wrong types with the path to the field', () => {
    const j = valid() as unknown as { checkIns: { mood: unknown }[] };
    j.checkIns[0]!.mood = 'seven';
    expect(firstIssue(j).path).toBe('checkIns[0].mood');
  });

  it('refuses an unknown version and unknown fields', () => {
    expect(firstIssue({ ...valid(), version: SNAPSHOT_VERSION + 1 }).path).toBe('version');
    expect(firstIssue({ ...valid(), surprise: true }).message).toMatch(/surprise|unrecognized|unknown/i);
  });

  it('refuses impossible dates and dates out of order', () => {
    const j = valid();
    j.checkIns[0]!.on = '2026-02-30';
    expect(firstIssue(j).path).toBe('checkIns[0].on');
    const k = valid();
    k.noContactPeriods[0]!.endedOn = '2025-01-01';
    k.noContactPeriods[0]!.endReason = 'break';
    expect(firstIssue(k).path).toMatch(/^noContactPeriods\[0\]/);
  });

  it('refuses arrays larger than the documented limits', () => {
    const j = emptyJourney();
    const many = LIMITS.contactEvents + 1;
    j.contactEvents = Array.from({ length: many }, (_, i) => ({
      id: `e${i}`,
      at: '2026-02-01T12:00:00Z',
      channel: 'email' as const,
      direction: 'user-to-ex' as const,
      initiatedBy: 'user' as const,
      answered: false,
      answeredAt: null,
      tone: 'easy' as const,
    }));
    expect(firstIssue(j).path).toBe('contactEvents');
  });

  it('refuses numbers outside their bounds, naming the field', () => {
    const cases: [(j: ReturnType<typeof valid>) => void, string][] = [
      [(j) => (j.checkIns[0]!.mood = 11), 'checkIns[0].mood'],
      [(j) => (j.checkIns[0]!.mood = 0), 'checkIns[0].mood'],
      [(j) => (j.checkIns[0]!.urge = -1), 'checkIns[0].urge'],
      [(j) => (j.checkIns[0]!.mood = 6.5), 'checkIns[0].mood'],
      [(j) => (j.checkIns[0]!.sleepHours = 25), 'checkIns[0].sleepHours'],
      [(j) => (j.noContactPeriods[0]!.goalDays = 0), 'noContactPeriods[0].goalDays'],
      [(j) => (j.settings = { noContactGoalDays: 366 }), 'settings.noContactGoalDays'],
      [(j) => (j.settings = { maxUnansweredInARow: 0 }), 'settings.maxUnansweredInARow'],
    ];
    for (const [spoil, path] of cases) {
      const j = valid();
      spoil(j);
      expect(firstIssue(j).path).toBe(path);
    }
  });

  it('lets settings tighten the method, never loosen it', () => {
    const looser: [Record<string, unknown>, string, RegExp][] = [
      [{ maxUnansweredInARow: 5 }, 'settings.maxUnansweredInARow', /never later/],
      [{ noContactGoalDays: 7 }, 'settings.noContactGoalDays', /never shorter/],
      [{ readinessThreshold: 0 }, 'settings.readinessThreshold', /never lowered/],
      [{ weekdayWindows: [{ from: '00:00', to: '24:00' }] }, 'settings.weekdayWindows', /working hours/],
      [{ weekdayWindows: [{ from: '12:00', to: '13:00' }] }, 'settings.weekdayWindows', /working hours/],
      [{ weekendWindows: [{ from: '21:00', to: '23:30' }] }, 'settings.weekendWindows', /late at night/],
      [{ weekendWindows: [{ from: '02:00', to: '03:00' }] }, 'settings.weekendWindows', /late at night/],
    ];
    for (const [settings, path, message] of looser) {
      const issue = firstIssue({ ...valid(), settings });
      expect(issue.path, JSON.stringify(settings)).toBe(path);
      expect(issue.message).toMatch(message);
    }
    const stricter = {
      maxUnansweredInARow: 1,
      noContactGoalDays: 60,
      readinessThreshold: 75,
      weekdayWindows: [{ from: '19:00', to: '21:00' }],
      weekendWindows: [{ from: '11:00', to: '18:00' }],
    };
    expect(parseSnapshot({ ...valid(), settings: stricter }).ok).toBe(true);
    const shortPeriod = valid();
    shortPeriod.noContactPeriods[0]!.goalDays = 10;
    expect(firstIssue(shortPeriod).path).toBe('noContactPeriods[0].goalDays');
  });

  it('has no setting that touches safety: an unknown setting is refused', () => {
    const j = { ...valid(), settings: { ignoreLocks: true } };
    const issue = firstIssue(j);
    expect(issue.path).toMatch(/^settings/);
    expect(issue.message).toMatch(/ignoreLocks|unrecognized|unknown/i);
  });

  it('refuses a snapshot without a version or that is not an object', () => {
    const { version: _dropped, ...rest } = valid();
    expect(firstIssue(rest).path).toBe('version');
    expect(parseSnapshot([]).ok).toBe(false);
    expect(parseSnapshot(null).ok).toBe(false);
  });
});
