/**
 * Whole journeys simulated day by day (issue 3, "Story fixtures"). Each story asserts what
 * the user would see on chosen days: phase, gates, locks and next steps.
 */
import { describe, expect, it } from 'vitest';

import { plan } from './plan.js';
import { journeySnapshotSchema } from './schema.js';
import { day, emptyJourney, evening, instant, story } from './test-helpers.js';
import { timing } from './timing.js';
import type { Plan } from './types.js';

const gate = (p: Plan, id: string) => p.gates.find((g) => g.id === id)!;
const stepIds = (p: Plan) => p.nextSteps.map((s) => s.id);

/** A 120-day reconciliation with one relapse (day 14) and one setback (day 95). */
function reconciliation() {
  const s = story()
    .screen(0)
    .startNoContact(0)
    .checkIns(0, 120, [3, 8], [8, 2])
    .reflect(2, { reasons: ['communication', 'trust'] })
    .reflect(5, { ownRole: 'I stopped listening and kept score of every small thing.' })
    .reflectAll(9)
    // The relapse: a late text, answered coolly.
    .contact(14, { channel: 'text', time: '23:30', tone: 'tense', answeredAfterHours: 10 })
    .endNoContact(14, 'break')
    .startNoContact(14)
    .assess(46)
    // Reconnect on day 48 by email (the ex's channel is unknown).
    .endNoContact(48, 'reconnect');
  for (const n of [48, 50, 52, 54]) s.contact(n, { channel: 'email', tone: 'easy' });
  s.contact(53, { channel: 'email', from: 'ex', tone: 'warm' });
  for (const n of [58, 61, 64, 67]) s.contact(n, { channel: 'text', tone: 'easy' });
  s.contact(62, { channel: 'text', from: 'ex', tone: 'warm' });
  s.contact(70, { channel: 'text', from: 'ex', tone: 'easy' });
  for (const n of [72, 75, 78]) s.contact(n, { channel: 'call', tone: 'easy' });
  s.contact(82, { channel: 'meeting', tone: 'warm', initiatedBy: 'ex' });
  s.commit(84, 'Call on Sunday evening to talk about the week', 7, { day: 91, status: 'kept' });
  s.commit(86, 'Book the pottery class we talked about by Friday', 4, { day: 89, status: 'kept' });
  s.setback(95, 'argument');
  s.assess(98);
  for (const n of [100, 106, 112, 118]) s.contact(n, { channel: 'meeting', tone: 'warm' });
  s.outcome(120, 'together');
  return s;
}

describe('a 120-day reconciliation with one relapse and one setback', () => {
  const s = reconciliation();
  const full = s.full();
  const at = (n: number) => plan(s.at(n), evening(n));

  it('is a valid snapshot', () => {
    expect(journeySnapshotSchema.safeParse(full).success).toBe(true);
  });

  it('starts with reflection while the clock runs', () => {
    const p = at(3);
    expect(p.phase.id).toBe('reflect');
    expect(gate(p, 'reflection').facts).toContain('own role not written yet');
    expect(gate(p, 'no-contact').facts).toEqual(['no contact: day 3 of 30']);
    expect(stepIds(p)).toContain('reflect');
    expect(p.outreachLocked).toBe(false);
  });

  it('moves to heal and grow once the reflection is written', () => {
    const p = at(10);
    expect(p.phase.id).toBe('heal-and-grow');
    expect(gate(p, 'reflection').open).toBe(true);
    expect(gate(p, 'no-contact').toOpen).toBe(`keep no contact until ${day(30)} (20 more days)`);
    expect(stepIds(p)).toContain('keep-space');
  });

  it('restarts the clock after the relapse and keeps the history', () => {
    const p = at(20);
    expect(p.phase.id).toBe('heal-and-grow');
    expect(p.metrics.noContact).toMatchObject({
      currentStreak: 6,
      longestStreak: 14,
      breaks: 1,
      breaksByUser: 1,
    });
    expect(gate(p, 'no-contact').facts).toEqual(['no contact: day 6 of 30']);
    const keep = p.nextSteps.find((x) => x.id === 'keep-space')!;
    expect(keep.why).toMatch(/not a failure/);
  });

  it('asks for a decision when the goal is reached, then opens reconnect', () => {
    const decide = at(44);
    expect(decide.phase.id).toBe('decide');
    expect(gate(decide, 'no-contact').open).toBe(true);
    expect(gate(decide, 'assessment').toOpen).toBe('take the assessment');
    expect(stepIds(decide)).toContain('assessment');

    const ready = at(47);
    expect(ready.phase.id).toBe('reconnect');
    expect(gate(ready, 'reconnect').open).toBe(true);
    expect(stepIds(ready)).toContain('first-message');
    expect(ready.nextSteps.find((x) => x.id === 'first-message')!.text).toMatch(/by email/);
  });

  it('climbs the ladder one rung at a time', () => {
    const early = at(49);
    expect(early.phase.id).toBe('reconnect');
    expect(early.metrics.ladder).toMatchObject({ currentRung: 'email', advice: 'stay' });
    const ready = at(55);
    expect(ready.metrics.ladder).toMatchObject({
      currentRung: 'email',
      advice: 'next-rung',
      nextRung: 'text',
    });
    expect(gate(ready, 'next-rung').open).toBe(true);
    expect(stepIds(ready)).toContain('next-rung');
    expect(at(60).metrics.ladder.currentRung).toBe('text');
  });

  it('rebuilds after the first meeting', () => {
    const p = at(85);
    expect(p.phase.id).toBe('rebuild');
    expect(stepIds(p)).toEqual(expect.arrayContaining(['goodwill']));
    expect(at(92).metrics.consistency).toMatchObject({ kept: 2, broken: 0, score: 100 });
  });

  it('goes back to decide after the setback, and on after a new assessment', () => {
    const p = at(96);
    expect(p.phase.id).toBe('decide');
    expect(p.phase.principles).toContain('P14');
    expect(gate(p, 'assessment').toOpen).toBe('take the assessment again after the setback');
    expect(stepIds(p)).toContain('reassess');
    expect(at(99).phase.id).toBe('rebuild');
  });

  it('ends together', () => {
    const p = at(121);
    expect(p.phase).toMatchObject({ id: 'outcome', outcome: 'together' });
    expect(stepIds(p)).toContain('keep-habits');
  });

  it('every day: 3–5 steps, never locked, and later data never changes the plan', () => {
    for (let n = 9; n <= 125; n++) {
      const now = evening(n);
      const p = plan(s.at(n), now);
      expect(p.nextSteps.length).toBeGreaterThanOrEqual(3);
      expect(p.nextSteps.length).toBeLessThanOrEqual(5);
      expect(p.outreachLocked).toBe(false);
      expect(plan(full, now)).toEqual(p);
    }
  });
});

describe('a moving-on journey', () => {
  const s = story()
    .screen(0)
    .startNoContact(0)
    .reflectAll(1)
    .checkIns(0, 60, [3, 6], [7, 3])
    .assess(33, {
      compatibility: 2,
      longTermGoals: 1,
      mutualWishToChange: 1,
      ownChange: 3,
      trustRepairable: 2,
      motives: ['loneliness', 'ego'],
      redLines: [{ text: 'They want to live abroad for good', crossed: 'yes' }],
    })
    .outcome(40, 'moving-on');

  it('names unhealthy motives and the crossed red line, and does not open reconnect', () => {
    const p = plan(s.at(34), evening(34));
    expect(p.phase.id).toBe('decide');
    expect(p.metrics.readiness.healthy).toBe(false);
    expect(p.metrics.readiness.unhealthyMotives).toEqual(['loneliness', 'ego']);
    expect(p.metrics.readiness.crossedRedLines).toBe(1);
    expect(gate(p, 'reconnect').open).toBe(false);
    expect(stepIds(p)).toContain('consider');
  });

  it('ends on the moving-on path, with lessons and people, and outreach not locked', () => {
    const p = plan(s.at(41), evening(41));
    expect(p.phase).toMatchObject({ id: 'outcome', outcome: 'moving-on' });
    expect(stepIds(p)).toEqual(expect.arrayContaining(['lessons', 'people']));
    expect(p.outreachLocked).toBe(false);
  });
});

describe('an abusive history', () => {
  const s = story()
    .screen(0, { violence: { byEx: 'no', byUser: 'yes' } })
    .startNoContact(0)
    .reflectAll(1)
    .checkIns(0, 60, [4, 7], [6, 2])
    .screen(40) // a later "all no" cannot erase the first answer
    .assess(45);

  it('locks outreach for good from the first answer, whoever it came from', () => {
    for (const n of [0, 10, 45, 60]) {
      const p = plan(s.at(n), evening(n));
      expect(p.phase).toMatchObject({ id: 'safety-locked', outcome: 'moving-on' });
      expect(p.outreachLocked).toBe(true);
      expect(p.locks[0]).toMatchObject({ reason: 'abuse', party: 'user', duration: 'permanent', lift: null });
      expect(gate(p, 'reconnect')).toMatchObject({ open: false, toOpen: null });
      expect(p.nextSteps[0]!.id).toBe('respect-lock');
      expect(stepIds(p)).not.toContain('first-message');
    }
  });

  it('has no good moment to write', () => {
    const t = timing(s.at(60), instant(60, '19:00'));
    expect(t).toMatchObject({ good: false, locked: true, nextGoodAt: null });
  });

  it('cannot be unlocked through settings', () => {
    const snapshot = { ...s.at(60), settings: { ignoreLocks: true } };
    const result = journeySnapshotSchema.safeParse(snapshot);
    expect(result.success).toBe(false);
    const tweaked = { ...s.at(60), settings: { maxUnansweredInARow: 5, readinessThreshold: 0 } };
    expect(plan(tweaked, evening(60)).outreachLocked).toBe(true);
  });

  it('locks a block and a court order for good too', () => {
    for (const answers of [{ exBlockedUser: 'yes' as const }, { courtOrder: 'yes' as const }]) {
      const b = story().screen(0, answers).screen(5);
      const p = plan(b.at(6), evening(6));
      expect(p.locks[0]?.duration).toBe('permanent');
      expect(p.phase.id).toBe('safety-locked');
    }
  });

  it('locks while unsure, until a later screening says no', () => {
    const b = story()
      .screen(0, { stalking: { byEx: 'unsure', byUser: 'no' } })
      .screen(5);
    expect(plan(b.at(2), evening(2)).locks[0]).toMatchObject({
      reason: 'stalking',
      duration: 'until-clarified',
    });
    expect(plan(b.at(6), evening(6)).locks).toEqual([]);
  });
});

describe('an ex who says stop, then re-opens contact', () => {
  const s = story()
    .screen(0)
    .startNoContact(0)
    .reflectAll(1)
    .checkIns(0, 90, [4, 8], [7, 2])
    .assess(31)
    .endNoContact(32, 'reconnect')
    .contact(32, { channel: 'email', answeredAfterHours: null })
    .contact(36, { channel: 'email', answeredAfterHours: null })
    .exRequest(40, 'stop-contact')
    .contact(70, { channel: 'email', from: 'ex', tone: 'warm', time: '10:00' })
    .exRequest(70, 'reopen-contact');

  it('advises against a third unanswered message', () => {
    const p = plan(s.at(37), evening(37));
    expect(p.phase.id).toBe('reconnect');
    expect(p.nextSteps[0]!.id).toBe('no-third-message');
    expect(p.nextSteps[0]!.principles).toEqual(['P2', 'P6', 'P16']);
    expect(gate(p, 'another-message')).toMatchObject({ open: false, toOpen: 'wait for your ex to reply' });
    expect(p.metrics.ladder.advice).toBe('back-off');
  });

  it('locks outreach until the ex re-opens contact themselves', () => {
    const p = plan(s.at(41), evening(41));
    expect(p.phase.id).toBe('safety-locked');
    expect(p.locks).toHaveLength(1);
    expect(p.locks[0]).toMatchObject({ reason: 'no_contact_request', duration: 'until-ex-reopens' });
    expect(p.locks[0]!.lift).toMatch(/^only your ex, by getting in touch with you of their own accord/);
    expect(stepIds(p)).not.toContain('no-third-message');
  });

  it('lifts the lock when the ex re-opens contact', () => {
    const p = plan(s.at(71), evening(71));
    expect(p.locks).toEqual([]);
    expect(p.phase.id).toBe('reconnect');
    expect(p.metrics.engagement.unansweredInARow).toBe(0);
  });

  it('does not count a re-opening the person records without a message the ex started after the stop', () => {
    const alone = story().screen(0).exRequest(5, 'stop-contact').exRequest(8, 'reopen-contact');
    expect(plan(alone.at(9), evening(9)).locks[0]).toMatchObject({
      reason: 'no_contact_request',
      duration: 'until-ex-reopens',
    });
    // The ex wrote first, but before asking for no contact: that is not a re-opening.
    const before = story()
      .screen(0)
      .contact(3, { from: 'ex', tone: 'warm' })
      .exRequest(5, 'stop-contact')
      .exRequest(8, 'reopen-contact');
    expect(plan(before.at(9), evening(9)).outreachLocked).toBe(true);
    // A message the person sent, even answered, is not the ex re-opening.
    const mine = story()
      .screen(0)
      .exRequest(5, 'stop-contact')
      .contact(6, { from: 'user', answeredAfterHours: 1 })
      .exRequest(8, 'reopen-contact');
    expect(plan(mine.at(9), evening(9)).outreachLocked).toBe(true);
    // A second "stop" after the ex wrote: only a message after that one counts.
    const twice = story()
      .screen(0)
      .exRequest(5, 'stop-contact')
      .contact(6, { from: 'ex', tone: 'warm' })
      .exRequest(7, 'stop-contact')
      .exRequest(8, 'reopen-contact');
    expect(plan(twice.at(9), evening(9)).outreachLocked).toBe(true);
  });

  it('names the messages sent after the stop, kindly but clearly', () => {
    const after = story()
      .screen(0)
      .exRequest(5, 'stop-contact')
      .contact(6, { answeredAfterHours: null })
      .contact(7, { answeredAfterHours: null });
    const lock = plan(after.at(8), evening(8)).locks[0]!;
    expect(lock.explanation).toMatch(/Since they asked, you have sent them 2 messages/);
    expect(lock.explanation).toMatch(/against what they asked for/);
    expect(plan(after.at(5), evening(5)).locks[0]!.explanation).not.toMatch(/Since they asked/);
  });
});

describe('a person not sure whether the ex asked for no contact', () => {
  it('keeps outreach locked until a clear answer', () => {
    const s = story().screen(0, { exAskedNoContact: 'unsure' }).screen(5, { exAskedNoContact: 'unsure' });
    const unsure = plan(s.at(6), evening(6));
    expect(unsure.outreachLocked).toBe(true);
    expect(unsure.locks[0]).toMatchObject({ reason: 'no_contact_request', duration: 'until-clarified' });
    expect(gate(unsure, 'reconnect').open).toBe(false);
    const clear = s.screen(7);
    expect(plan(clear.at(8), evening(8)).locks).toEqual([]);
    const yes = story().screen(0, { exAskedNoContact: 'unsure' }).screen(2, { exAskedNoContact: 'yes' });
    expect(plan(yes.at(3), evening(3)).locks[0]).toMatchObject({ duration: 'until-ex-reopens' });
  });
});

describe('a user across a DST change', () => {
  // Europe/London moves to summer time on 29 March 2026 (day 83); New York on 8 March (day 62).
  const base = emptyJourney({ exTimeZone: 'America/New_York' });
  const s = story(base).screen(0).reflectAll(0).startNoContact(60).checkIns(55, 95, [5, 7], [5, 3]);

  it('counts exactly one more day each evening across the change', () => {
    let previous = -1;
    for (let n = 60; n <= 92; n++) {
      const p = plan(s.at(n), evening(n));
      expect(p.today).toBe(day(n));
      expect(p.metrics.noContact.currentStreak).toBe(previous + 1);
      expect(p.metrics.wellBeing.checkedInToday).toBe(true);
      previous = p.metrics.noContact.currentStreak;
    }
  });

  it('gives timing in the ex’s wall-clock time before and after their DST change', () => {
    // Friday 6 March, 18:30 in New York (EST, UTC−5).
    expect(timing(s.full(), '2026-03-06T23:30:00Z')).toMatchObject({
      good: true,
      exLocalTime: '2026-03-06T18:30',
    });
    // Monday 9 March, 10:00 in New York (EDT, UTC−4): working hours; next good moment 18:00 EDT.
    const monday = timing(s.full(), '2026-03-09T14:00:00Z');
    expect(monday.good).toBe(false);
    expect(monday.reason).toMatch(/working hours/);
    expect(monday.nextGoodAt).toBe('2026-03-09T22:00:00.000Z');
    expect(monday.nextGoodLocal).toBe('2026-03-09T18:00');
    // Monday 2 March, same wall-clock time in EST: 23:00Z.
    expect(timing(s.full(), '2026-03-02T15:00:00Z').nextGoodAt).toBe('2026-03-02T23:00:00.000Z');
  });

  it('calls late evening "too late" and follows a move to another zone', () => {
    const late = timing(s.full(), '2026-03-11T03:30:00Z'); // 23:30 EDT on Tuesday
    expect(late.good).toBe(false);
    expect(late.reason).toMatch(/too late/);
    const moved = structuredClone(s.full());
    moved.timeZoneChanges.push({
      id: 'move-1',
      at: '2026-03-12T00:00:00Z',
      who: 'ex',
      timeZone: 'Asia/Tokyo',
    });
    const t = timing(moved, '2026-03-13T01:00:00Z'); // Friday 10:00 in Tokyo
    expect(t.exTimeZone).toBe('Asia/Tokyo');
    expect(t.good).toBe(false);
    expect(t.nextGoodLocal).toBe('2026-03-13T18:00');
    expect(t.nextGoodAt).toBe('2026-03-13T09:00:00.000Z');
  });
});

describe('a no-contact clock that counts every contact (issue 13)', () => {
  it('restarts on each message the person starts, so "day 47 of 30" never shows while they write daily', () => {
    const s = story().screen(0).reflectAll(0).startNoContact(0);
    for (let n = 5; n <= 47; n += 1) s.contact(n, { answeredAfterHours: null });
    const p = plan(s.at(47), evening(47));
    expect(p.metrics.noContact).toMatchObject({ running: true, currentStreak: 0, goalReached: false });
    expect(p.metrics.noContact.breaks).toBe(43);
    expect(p.metrics.noContact.breaksByUser).toBe(43);
    expect(p.metrics.noContact.longestStreak).toBe(5);
    expect(gate(p, 'no-contact').open).toBe(false);
    expect(gate(p, 'reconnect').open).toBe(false);
    expect(JSON.stringify(p)).not.toMatch(/day 47 of 30/);
  });

  it('counts a break logged inside a running period, and not strictly necessary contact', () => {
    const s = story().screen(0).startNoContact(0);
    s.on(10, (j) =>
      j.contactBreaks.push({
        id: 'slip',
        periodId: j.noContactPeriods[0]!.id,
        at: instant(10, '22:00'),
        initiatedBy: 'user',
        channel: 'text',
      }),
    );
    s.on(12, (j) =>
      j.necessaryContacts.push({
        id: 'school',
        at: instant(12, '08:00'),
        reason: 'children',
        channel: 'text',
      }),
    );
    const p = plan(s.at(15), evening(15));
    expect(p.metrics.noContact).toMatchObject({ currentStreak: 5, longestStreak: 10, breaks: 1 });
    expect(p.metrics.noContact.necessaryContacts).toBe(1);
  });

  it('does not count a message the ex started, or the day the clock started', () => {
    const s = story()
      .screen(0)
      .contact(3, { time: '09:00' })
      .startNoContact(3)
      .contact(8, { from: 'ex', answeredAfterHours: null });
    expect(plan(s.at(10), evening(10)).metrics.noContact).toMatchObject({ currentStreak: 7, breaks: 0 });
  });

  it('treats the first message after the goal as reaching out again, not as a break', () => {
    const s = story().screen(0).reflectAll(0).startNoContact(0).assess(31).contact(33, { tone: 'warm' });
    const p = plan(s.at(34), evening(34));
    expect(p.metrics.noContact).toMatchObject({ running: false, breaks: 0, goalReached: true });
    expect(p.phase.id).toBe('reconnect');
  });

  it('says "goal reached", marks milestones kindly and never names a 0-day stretch', () => {
    const s = story().screen(0).reflectAll(0).startNoContact(0);
    const reached = plan(s.at(47), evening(47));
    expect(reached.metrics.noContact.explanation).toMatch(/^Goal reached: 47 days without contact/);
    expect(gate(reached, 'no-contact').facts).toEqual(['goal reached: 47 days without contact']);
    expect(reached.nextSteps.map((x) => x.text).join(' ')).not.toMatch(/47 of 30/);
    const week = plan(s.at(7), evening(7));
    expect(week.metrics.noContact.milestone).toBe(7);
    expect(week.metrics.noContact.explanation).toMatch(/7 days without contact: that took real strength/);
    expect(plan(s.at(8), evening(8)).metrics.noContact.milestone).toBeNull();
    const slipped = story().screen(0).startNoContact(0).contact(0, { time: '23:00' }).contact(1);
    const today = plan(slipped.at(1), evening(1));
    expect(today.metrics.noContact.explanation).not.toMatch(/\b0 days|stretch so far is 0/);
    expect(today.metrics.noContact.explanation).toMatch(/your clock starts today/);
  });
});

const crisisNote = 'I keep thinking I want to kill myself';
const detectCrisis = (text: string) => text.includes('kill myself');
const allText = (p: Plan) =>
  [
    p.phase.title,
    p.phase.why,
    ...p.locks.flatMap((l) => [l.explanation, l.lift ?? '']),
    ...p.gates.flatMap((g) => [g.label, ...g.facts, g.toOpen ?? '']),
    ...p.nextSteps.flatMap((s) => [s.text, s.why]),
    p.metrics.noContact.explanation,
    p.metrics.ladder.explanation,
    p.metrics.readiness.explanation,
    ...p.metrics.readiness.reasons,
  ].join('\n');

/** Every gate open on day 47: screened, reflected, 47 days of space, a healthy assessment. */
function ready() {
  return story().screen(0).reflectAll(1).startNoContact(0).checkIns(0, 60, [5, 7], [5, 3]).assess(46);
}

describe('a plan that acts on crisis and shows help (issue 13)', () => {
  it('puts help first, shuts the reconnect gate and asks nothing about the ex while crisis language is recent', () => {
    const s = ready().on(47, (j) => {
      j.checkIns.find((c) => c.on === day(47))!.note = crisisNote;
    });
    const p = plan(s.at(47), evening(47), { detectCrisis });
    expect(p.crisis).toBe(true);
    expect(p.nextSteps[0]!.id).toBe('crisis-support');
    expect(stepIds(p)).not.toContain('first-message');
    expect(gate(p, 'reconnect')).toMatchObject({ open: false });
    expect(gate(p, 'reconnect').facts).toContain('reach out for support first; your ex can wait');
    expect(gate(p, 'another-message').open).toBe(false);
    expect(p.help?.because).toBe('crisis');
    expect(p.help?.country).toBe('GB');
    expect(p.help?.lines[0]).toMatchObject({ kind: 'crisis' });
    expect(p.help?.emergency).toMatch(/999/);
    // Without the note the same evening opens the way.
    expect(gate(plan(ready().at(47), evening(47), { detectCrisis }), 'reconnect').open).toBe(true);
  });

  it('gives a person locked out by violence support lines and their safety plan, not four generic steps', () => {
    const s = story()
      .screen(0, { violence: { byEx: 'yes', byUser: 'no' } })
      .on(2, (j) =>
        j.letters.push({
          id: 'plan',
          createdAt: instant(2, '10:00'),
          title: 'My safety plan',
          text: JSON.stringify({ 'people-to-ask': ['my sister Ana'], 'coping-steps': ['a walk'] }),
          sealedUntilOn: null,
        }),
      );
    const p = plan(s.at(3), evening(3));
    expect(stepIds(p).slice(0, 3)).toEqual(['respect-lock', 'safety-plan', 'support-line']);
    expect(p.help?.because).toBe('locked');
    expect(p.help?.lines.some((l) => l.kind === 'domestic-violence')).toBe(true);
    expect(p.help?.safetyPlan).toEqual([
      { title: 'Things I can do on my own', entries: ['a walk'] },
      { title: 'People I can ask for help', entries: ['my sister Ana'] },
    ]);
    expect(plan(ready().at(20), evening(20)).help).toBeNull();
  });
});

describe('a method whose steps never contradict (issue 13)', () => {
  it('proposes no message while another message is advised against', () => {
    const pushed = story()
      .screen(0)
      .reflectAll(1)
      .startNoContact(0)
      .checkIns(0, 60, [5, 7], [5, 3])
      .assess(31)
      .endNoContact(32, 'reconnect')
      .contact(32, { answeredAfterHours: null })
      .contact(36, { answeredAfterHours: null });
    const q = plan(pushed.at(37), evening(37));
    expect(gate(q, 'another-message').open).toBe(false);
    for (const id of ['first-message', 'next-rung', 'apology', 'listen', 'goodwill'])
      expect(stepIds(q)).not.toContain(id);
    expect(stepIds(q)).toContain('no-third-message');
  });

  it('names the next good moment in the ex’s time zone in the first-message step', () => {
    const base = emptyJourney({ exTimeZone: 'America/New_York' });
    const s = story(base)
      .screen(0)
      .reflectAll(1)
      .startNoContact(0)
      .checkIns(0, 60, [5, 7], [5, 3])
      .assess(46);
    // Thursday 19 February 2026 (day 45+… ) at 14:00 London: 09:00 in New York, working hours.
    const p = plan(s.at(47), instant(47, '14:00'));
    const step = p.nextSteps.find((x) => x.id === 'first-message')!;
    const t = timing(s.at(47), instant(47, '14:00'));
    expect(step.text).toContain(`at ${t.nextGoodLocal!.slice(11)} their time`);
    expect(step.text).toMatch(
      /the next one is (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d+ \w+ at/,
    );
  });

  it('links the lesson step to its lesson and shows no raw principle ids or machine text', () => {
    for (const [n, s] of [
      [3, ready()],
      [20, ready()],
      [47, ready()],
      [5, story().screen(0, { threats: { byEx: 'yes', byUser: 'no' } })],
      [5, story().screen(0, { threats: { byEx: 'unsure', byUser: 'no' } })],
    ] as const) {
      const p = plan(s.at(n), evening(n));
      const text = allText(p);
      expect(text).not.toMatch(/\bP\d{1,2}\b/);
      expect(text).not.toMatch(/reflection: reflection|gate closed|there was threats/);
      const lesson = p.nextSteps.find((x) => x.id === 'lesson');
      if (lesson) expect(lesson.lesson).toMatch(/^P\d+$/);
      for (const step of p.nextSteps) expect(step.principles.length).toBeGreaterThan(0);
    }
    expect(
      plan(
        story()
          .screen(0, { threats: { byEx: 'yes', byUser: 'no' } })
          .at(1),
        evening(1),
      ).locks[0]!.explanation,
    ).toMatch(/there were threats/);
  });

  it('reads the lowest answer on a shared wish to change as not healthy, whatever the rest (P5)', () => {
    const s = story().screen(0).reflectAll(1).startNoContact(0).checkIns(0, 60, [7, 9], [2, 1]).assess(46, {
      compatibility: 5,
      longTermGoals: 5,
      mutualWishToChange: 1,
      ownChange: 5,
      trustRepairable: 5,
      respect: 5,
      emotionalSteadiness: 5,
      lifeOutside: 5,
    });
    const p = plan(s.at(47), evening(47));
    expect(p.metrics.readiness.score).toBeGreaterThan(60);
    expect(p.metrics.readiness.healthy).toBe(false);
    expect(p.metrics.readiness.reasons[0]).toMatch(/no shared wish to change/);
    expect(gate(p, 'reconnect').open).toBe(false);
  });

  it('names a skipped rung: a first contact that is a meeting does not lead to Rebuild (P6)', () => {
    const s = ready().endNoContact(47, 'reconnect').contact(48, { channel: 'meeting', tone: 'warm' });
    const p = plan(s.at(49), evening(49));
    expect(p.phase.id).toBe('reconnect');
    expect(p.metrics.ladder.skippedRungs).toEqual(['email', 'text', 'call']);
    expect(p.metrics.ladder.advice).toBe('back-off');
    expect(p.metrics.ladder.explanation).toMatch(/without email or text messages or a call first/);
  });

  it('tells a person who starts every exchange to back off, even when the ex answers (P6)', () => {
    const s = ready().endNoContact(47, 'reconnect');
    for (const n of [48, 50, 52, 54]) s.contact(n, { tone: 'easy', answeredAfterHours: 2 });
    const p = plan(s.at(55), evening(55));
    expect(p.metrics.ladder.advice).toBe('back-off');
    expect(p.metrics.ladder.explanation).toMatch(/started every exchange/);
    expect(stepIds(p)).toContain('back-off');
  });

  it('goes back to Decide after a setback when together again, and counts a same-day evening setback (P14)', () => {
    const s = ready()
      .endNoContact(47, 'reconnect')
      .contact(48, { tone: 'easy' })
      .outcome(60, 'together')
      .setback(62);
    expect(plan(s.at(61), evening(61)).phase.id).toBe('outcome');
    const p = plan(s.at(62), evening(62));
    expect(p.phase.id).toBe('decide');
    expect(stepIds(p)).toContain('reassess');
    // An assessment in the morning does not answer a setback that evening.
    const sameDay = ready().endNoContact(47, 'reconnect').contact(48).assess(50).setback(50);
    expect(plan(sameDay.at(50), evening(50)).phase.id).toBe('decide');
    const timed = ready().endNoContact(47, 'reconnect').contact(48);
    timed.on(50, (j) =>
      j.setbacks.push({
        id: 'timed',
        on: day(50),
        at: instant(50, '08:00'),
        kind: 'argument',
        what: 'A row.',
      }),
    );
    timed.assess(50);
    expect(plan(timed.at(50), evening(50)).phase.id).not.toBe('decide');
  });
});
