/**
 * `plan(snapshot, now)`: the method (METHOD.md "The journey") as one pure function. The phase
 * is derived from the data, never stored; every gate, lock, step and metric says why.
 */

import { Temporal } from 'temporal-polyfill';
import type { PrincipleId } from '../coach/types.js';
import { LESSONS } from '../content/lessons.js';
import { consistencyMetrics } from './consistency.js';
import { coachCrisisDetector } from './crisis.js';
import { engagementMetrics } from './engagement.js';
import { hasSafetyPlan, planHelp } from './help.js';
import { label, ladderMetrics, reconnectEvents, reconnectedDay } from './ladder.js';
import { locksAt } from './locks.js';
import { noContactMetrics } from './no-contact.js';
import { readinessMetrics } from './readiness.js';
import type { JourneySnapshot, Reflection } from './schema.js';
import { dateOfEpochDay, epochDay, localDateOf, MONTHS, startOfDayMs } from './time.js';
import { timing } from './timing.js';
import type { Gate, Lock, Metrics, Phase, PhaseId, Plan, Step } from './types.js';
import { type JourneyView, viewAt } from './view.js';
import { type CrisisDetector, wellBeingMetrics } from './well-being.js';

export interface PlanOptions {
  /** Crisis detection for notes; defaults to the coach's crisis rules. */
  detectCrisis?: CrisisDetector;
}

/** An instant as an ISO string, a Date or epoch milliseconds. */
export type Instant = string | Date | number;

/**
 * Converts an instant to epoch milliseconds, or throws a RangeError with a clear message.
 *
 * @example
 * toEpochMs('2026-03-01T19:30:00Z') // 1772393400000
 */
export function toEpochMs(at: Instant): number {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(at)}`);
  return ms;
}

const REFLECTION_FIELDS: {
  key: keyof Omit<Reflection, 'reasons' | 'updatedAt'>;
  missing: string;
  step: string;
}[] = [
  {
    key: 'ownRole',
    missing: 'own role not written yet',
    step: 'Write honestly about your own part in the breakup',
  },
  {
    key: 'patterns',
    missing: 'patterns not written yet',
    step: 'Name the patterns you keep seeing in how you both acted',
  },
  {
    key: 'strengths',
    missing: "the relationship's strengths not written yet",
    step: 'Write down what was good and strong between you',
  },
  {
    key: 'whatDrewUsTogether',
    missing: 'what drew you together not written yet',
    step: 'Remember what drew you to each other in the first place',
  },
];

function written(text: string, min: number): boolean {
  let n = 0;
  for (const _ of text.trim()) if (++n >= min) return true;
  return false;
}

/** What the reflection (P1) still lacks, as short facts. */
export function reflectionGaps(view: JourneyView): { missing: string; step: string }[] {
  const r = view.snapshot.reflection;
  const gaps: { missing: string; step: string }[] = [];
  if (r.reasons.length === 0) {
    gaps.push({
      missing: 'reasons for the breakup not chosen yet',
      step: 'Choose the reasons the relationship ended',
    });
  }
  for (const f of REFLECTION_FIELDS) {
    if (!written(r[f.key], view.settings.reflectionMinChars)) gaps.push(f);
  }
  return gaps;
}

/**
 * A setback since reconnecting (or since getting together again) that no assessment has
 * answered yet (P14): only an assessment taken after the setback answers it.
 */
function pendingSetback(view: JourneyView): string | null {
  const together =
    view.outcome?.kind === 'together' ? epochDay(localDateOf(view.outcome.decidedAt, view.userZone)) : null;
  const since = reconnectedDay(view) ?? together;
  if (since === null) return null;
  const last = view.assessments[view.assessments.length - 1];
  const assessedMs = last ? Date.parse(last.at) : Number.NEGATIVE_INFINITY;
  for (let i = view.setbacks.length - 1; i >= 0; i--) {
    const s = view.setbacks[i]!;
    if (epochDay(s.on) < since) break;
    const happenedMs = s.at
      ? Date.parse(s.at)
      : startOfDayMs(dateOfEpochDay(epochDay(s.on) + 1), view.userZone) - 1;
    if (assessedMs < happenedMs) return s.on;
  }
  return null;
}

/** Whether the user and the ex have met in person since reconnecting, without hostility. */
function hasMet(view: JourneyView): boolean {
  return reconnectEvents(view).some((e) => e.event.channel === 'meeting' && e.event.tone !== 'hostile');
}

interface Derived {
  view: JourneyView;
  locks: Lock[];
  metrics: Metrics;
  screened: boolean;
  gaps: { missing: string; step: string }[];
  setbackOn: string | null;
  /** Crisis language in recent writing: help first, outreach waits (P15 P18). */
  crisis: boolean;
}

function phaseOf(d: Derived): Phase {
  const { view, locks, metrics } = d;
  const outcome = view.outcome;
  const make = (
    id: PhaseId,
    title: string,
    why: string,
    principles: PrincipleId[],
    o: Phase['outcome'] = null,
  ): Phase => ({
    id,
    outcome: o,
    title,
    why,
    principles,
  });
  if (outcome?.kind === 'moving-on') {
    return make(
      'outcome',
      'Moving on',
      'You decided to move on. Keep what you learned and keep growing (P18).',
      ['P18'],
      'moving-on',
    );
  }
  if (locks.length > 0) {
    return make(
      'safety-locked',
      'Safety first',
      `${locks[0]!.explanation} The path from here is about you: healing, growing and moving on (P16 P18).`,
      ['P16', 'P18'],
      'moving-on',
    );
  }
  if (outcome?.kind === 'together' && d.setbackOn !== null) {
    return make(
      'decide',
      'Decide again',
      `There was a setback on ${d.setbackOn}. Being together again does not make you immune to them; take the assessment again to see whether this is still right for you both (P14 P5).`,
      ['P14', 'P5'],
    );
  }
  if (outcome?.kind === 'together') {
    return make(
      'outcome',
      'Together again',
      'You are together again. Keep the habits and the honesty that rebuilt trust (P10 P12 P18).',
      ['P10', 'P12', 'P18'],
      'together',
    );
  }
  if (reconnectedDay(view) !== null) {
    if (d.setbackOn !== null) {
      return make(
        'decide',
        'Decide again',
        `There was a setback on ${d.setbackOn}. Progress is rarely a straight line; take the assessment again to see whether this is still right for you both (P14 P5).`,
        ['P14', 'P5'],
      );
    }
    if (!metrics.readiness.healthy) {
      return make(
        'decide',
        'Decide',
        'You are in touch again, but your latest assessment does not point to a healthy reconciliation yet. Pause and decide before going further (P5 P14).',
        ['P5', 'P14'],
      );
    }
    // P6: a meeting reached by skipping rungs is not yet the ground to rebuild on.
    if (hasMet(view) && metrics.ladder.skippedRungs.length === 0) {
      return make(
        'rebuild',
        'Rebuild trust',
        'You are seeing each other again. Trust grows from small promises kept, goodwill and a slow pace (P10 P11 P12 P13).',
        ['P10', 'P11', 'P12', 'P13'],
      );
    }
    return make(
      'reconnect',
      'Reconnect carefully',
      'You are back in touch. Go one step at a time, on a channel your ex is at ease with, and let interest match (P6 P7 P8).',
      ['P6', 'P7', 'P8'],
    );
  }
  if (d.gaps.length > 0) {
    return make(
      'reflect',
      'Reflect',
      'Understanding why it ended, and your own part in it, comes before anything else (P1).',
      ['P1'],
    );
  }
  if (!metrics.noContact.goalReached) {
    return make(
      'heal-and-grow',
      'Heal and grow',
      `${metrics.noContact.explanation} Meanwhile, care for your feelings, body and life of your own (P2 P3 P4).`,
      ['P2', 'P3', 'P4'],
    );
  }
  if (!metrics.readiness.healthy || !d.screened) {
    return make(
      'decide',
      'Decide',
      d.screened
        ? 'The space has done its work. Now decide, honestly, whether going back is realistic and healthy for both of you (P5).'
        : 'Before deciding anything, answer the safety questions (P16), then take the assessment (P5).',
      ['P5'],
    );
  }
  return make(
    'reconnect',
    'Reconnect carefully',
    'Every gate is open. If you choose to, reach out once, gently, with a clear and honest intent (P6 P7 P8).',
    ['P6', 'P7', 'P8'],
  );
}

function gatesOf(d: Derived): Gate[] {
  const { view, locks, metrics } = d;
  const { noContact, readiness, ladder, engagement } = metrics;
  const max = view.settings.maxUnansweredInARow;
  const reconnected = reconnectedDay(view) !== null;
  const safety: Gate = {
    id: 'safety',
    label: 'Safety',
    open: d.screened && locks.length === 0,
    facts:
      locks.length > 0
        ? locks.map(
            (l) => `outreach locked: ${l.reason.replaceAll('_', ' ')} (${l.duration.replaceAll('-', ' ')})`,
          )
        : d.screened
          ? ['no safety concerns recorded']
          : ['safety questions not answered yet'],
    toOpen:
      locks.length > 0
        ? locks.every((l) => l.lift !== null)
          ? locks.map((l) => l.lift).join('; ')
          : null
        : d.screened
          ? null
          : 'answer the safety questions',
    principles: ['P16'],
  };
  const reflection: Gate = {
    id: 'reflection',
    label: 'Reflection',
    open: d.gaps.length === 0,
    facts: d.gaps.length === 0 ? ['reflection written'] : d.gaps.map((g) => g.missing),
    toOpen: d.gaps.length === 0 ? null : `${d.gaps[0]!.step.toLowerCase()}`,
    principles: ['P1'],
  };
  const noContactGate: Gate = {
    id: 'no-contact',
    label: 'No contact',
    open: noContact.goalReached,
    facts: noContact.running
      ? [
          noContact.goalReached
            ? `goal reached: ${noContact.currentStreak} days without contact`
            : `no contact: day ${noContact.currentStreak} of ${noContact.goalDays}`,
        ]
      : noContact.goalReached
        ? ['no-contact goal reached before reconnecting']
        : ['no no-contact period running'],
    toOpen: noContact.goalReached
      ? null
      : noContact.running
        ? `keep no contact until ${noContact.goalOn} (${noContact.goalDays - noContact.currentStreak} more days)`
        : 'start a no-contact period',
    principles: ['P2'],
  };
  const assessment: Gate = {
    id: 'assessment',
    label: 'Assessment',
    open: readiness.healthy && d.setbackOn === null,
    facts: [
      readiness.score === null
        ? 'assessment not taken yet'
        : `readiness ${readiness.score} of 100 (healthy from ${readiness.threshold})`,
      ...(d.setbackOn ? [`setback on ${d.setbackOn} since the last assessment`] : []),
      ...readiness.reasons.slice(0, 3),
    ],
    toOpen:
      d.setbackOn !== null
        ? 'take the assessment again after the setback'
        : readiness.score === null
          ? 'take the assessment'
          : readiness.healthy
            ? null
            : 'more time to heal and grow, then an honest new assessment; it may also show that moving on is right',
    principles: ['P5', 'P14'],
  };
  const before = [safety, reflection, noContactGate, assessment];
  // Once reconnected, the earlier no-contact and reflection gates are history; safety and
  // the assessment still hold (P14).
  const blocking = reconnected ? [safety, assessment] : before;
  const closed = blocking.filter((g) => !g.open);
  const waitsFor = closed.map((g) => GATE_WAIT[g.id] ?? g.label.toLowerCase());
  const reconnect: Gate = {
    id: 'reconnect',
    label: 'Reconnect',
    open: closed.length === 0 && !d.crisis,
    facts: [
      ...(d.crisis ? ['reach out for support first; your ex can wait'] : []),
      ...(closed.length === 0
        ? d.crisis
          ? []
          : ['every step before reconnecting is done']
        : [`still to come first: ${waitsFor.join(', ')}`]),
    ],
    toOpen: closed.some((g) => g.toOpen === null && g.id === 'safety')
      ? null
      : closed.length === 0 && !d.crisis
        ? null
        : [
            ...(d.crisis ? ['talk to someone who can support you first'] : []),
            ...closed.map((g) => g.toOpen).filter(Boolean),
          ].join('; '),
    principles: d.crisis ? ['P15', 'P18', 'P2', 'P5', 'P6'] : ['P2', 'P5', 'P6'],
  };
  const nextRung: Gate = {
    id: 'next-rung',
    label: 'Next rung',
    open: reconnect.open && ladder.advice === 'next-rung',
    facts: [ladder.explanation],
    toOpen:
      ladder.nextRung === null || !reconnect.open
        ? null
        : ladder.advice === 'back-off'
          ? 'give your ex room; let them write first'
          : `${Math.max(0, ladder.needed - ladder.easyExchanges)} more easy exchanges on ${label(ladder.currentRung)} with replies roughly matching yours`,
    principles: ['P6', 'P12'],
  };
  const another: Gate = {
    id: 'another-message',
    label: 'Another message',
    open: reconnect.open && engagement.unansweredInARow < max,
    facts: [
      `${engagement.unansweredInARow} of your messages in a row without a reply (advice stops at ${max})`,
    ],
    toOpen: !reconnect.open
      ? reconnect.toOpen
      : engagement.unansweredInARow >= max
        ? 'wait for your ex to reply'
        : null,
    principles: ['P2', 'P6', 'P16'],
  };
  return [...before, reconnect, nextRung, another];
}

/** How each earlier gate reads in "still to come first: …" (plain words, never ids). */
const GATE_WAIT: Partial<Record<Gate['id'], string>> = {
  safety: 'the safety questions',
  reflection: 'your reflection',
  'no-contact': 'the time without contact',
  assessment: 'an assessment that says it is healthy',
};

interface Candidate extends Step {
  priority: number;
}

function stepsOf(d: Derived, phase: Phase, gates: Gate[]): Step[] {
  const { view, metrics } = d;
  // P2 P6 P16: when another message is advised against, no step proposes one.
  const mayWrite = gates.find((g) => g.id === 'another-message')!.open;
  const harm = d.locks.some((l) => l.duration === 'permanent' && l.reason !== 'blocked');
  const { wellBeing, noContact, ladder, engagement, consistency, readiness } = metrics;
  const out: Candidate[] = [];
  const add = (
    priority: number,
    id: string,
    text: string,
    why: string,
    principles: PrincipleId[],
    extra: Partial<Step> = {},
  ) => out.push({ priority, id, text, why, principles, ...extra });
  const locked = d.locks.length > 0;
  const movingOn = phase.outcome === 'moving-on';

  if (d.crisis) {
    add(
      0,
      'crisis-support',
      'Please reach out for support right now: a crisis line below, someone you trust, or emergency services if you are in danger.',
      `${wellBeing.professionalHelp.reasons[0]!} Everything about your ex can wait; you come first.`,
      ['P15', 'P18'],
    );
  }
  const withSafetyPlan = hasSafetyPlan(view);
  if (d.crisis || harm) {
    add(
      1.5,
      'safety-plan',
      withSafetyPlan
        ? 'Keep your safety plan close today, and use its first step when things feel heavy.'
        : 'Write a short safety plan for hard moments: your warning signs, what helps, who to call.',
      'A plan made on a calmer moment is there for you when thinking clearly is hard.',
      ['P15', 'P18'],
    );
  }
  if (harm && !d.crisis) {
    add(
      2,
      'support-line',
      'Talk it through with one of the support services listed with your plan.',
      'They are trained for exactly this, whichever side of it you were on, and talking to them is confidential.',
      ['P15', 'P16'],
    );
  }
  if (locked && phase.id === 'safety-locked') {
    add(
      1,
      'respect-lock',
      'Do not contact your ex; put this energy into your own healing.',
      d.locks[0]!.explanation,
      d.locks[0]!.principles,
    );
  }
  if (!d.screened && !movingOn) {
    add(
      1,
      'safety-questions',
      'Answer the safety questions.',
      'Safety comes first: a few questions decide whether reaching out could ever be right (P16).',
      ['P16'],
    );
  }
  if (!locked && !movingOn && !d.crisis && engagement.unansweredInARow >= view.settings.maxUnansweredInARow) {
    add(
      2,
      'no-third-message',
      `Your last ${engagement.unansweredInARow} messages are unanswered: do not send another.`,
      'More messages without a reply turn into pressure and make a kind answer less likely. Silence is an answer for now; giving room respects it (P2 P6 P16).',
      ['P2', 'P6', 'P16'],
    );
  }
  if (d.setbackOn !== null && !locked) {
    add(
      2,
      'reassess',
      'Take the assessment again after the setback.',
      `Setbacks happen (${d.setbackOn}); re-checking compatibility, goals and the wish on both sides keeps you honest (P14 P5).`,
      ['P14', 'P5'],
    );
  }
  if (wellBeing.professionalHelp.suggested && !wellBeing.crisis.expressed) {
    add(
      3,
      'professional-help',
      'Consider talking to a therapist or counsellor this week.',
      `${wellBeing.professionalHelp.reasons.join(' ')} Support helps (P15).`,
      ['P15'],
    );
  }
  if (!wellBeing.checkedInToday) {
    add(
      4,
      'check-in',
      "Write today's check-in.",
      'A minute a day shows how you are really doing over time (P3).',
      ['P3'],
    );
  }

  if (locked || movingOn) {
    add(
      5,
      'lessons',
      'Write down three things this relationship taught you.',
      'Keeping the lessons is how a painful chapter becomes growth (P18).',
      ['P18', 'P1'],
    );
    add(
      6,
      'people',
      'Plan time with a friend or family member this week.',
      'People who care about you help carry what hurts (P3 P4).',
      ['P3', 'P4'],
    );
    add(
      7,
      'unsent-letter',
      'Write a letter you will not send, and say what you need to say.',
      'Putting feelings into words lets them move through you without reaching anyone (P3 P13).',
      ['P3', 'P13'],
    );
    add(
      8,
      'own-goal',
      'Pick one goal that is yours alone and take a first small step.',
      'A life of your own is the ground you stand on, whatever happens (P4 P18).',
      ['P4', 'P18'],
    );
  } else if (!d.crisis) {
    // While crisis language is recent, help comes first and nothing about the ex is asked.
    switch (phase.id) {
      case 'reflect': {
        if (!noContact.running && !noContact.goalReached) {
          add(
            5,
            'start-no-contact',
            `Start a no-contact period of ${view.settings.noContactGoalDays} days.`,
            'Space gives both of you room to feel and think clearly (P2).',
            ['P2'],
          );
        }
        const gap = d.gaps[0]!;
        add(
          5,
          'reflect',
          `${gap.step}.`,
          'Understanding what happened, including your own part, is the ground for every later choice (P1).',
          ['P1'],
        );
        if (noContact.running)
          add(6, 'keep-space', keepSpaceText(noContact), 'Space gives both of you room to heal (P2).', [
            'P2',
          ]);
        break;
      }
      case 'heal-and-grow': {
        if (!noContact.running) {
          add(
            5,
            'start-no-contact',
            `Start a no-contact period of ${view.settings.noContactGoalDays} days.`,
            'Space gives both of you room to feel and think clearly (P2).',
            ['P2'],
          );
        } else {
          add(
            5,
            'keep-space',
            keepSpaceText(noContact),
            noContact.breaks > 0
              ? 'A restart is part of the road, not a failure; your longest stretch still counts (P2).'
              : 'Space gives both of you room to heal (P2).',
            ['P2'],
          );
        }
        if (wellBeing.urge7 !== null && wellBeing.urge7 >= 5) {
          add(
            6,
            'urge-letter',
            'When the urge to write comes, put it in an unsent letter instead.',
            'The feeling is allowed; acting on it now would restart the clock and crowd your ex (P2 P3).',
            ['P2', 'P3'],
          );
        }
        break;
      }
      case 'decide': {
        if (readiness.score === null) {
          add(
            5,
            'assessment',
            'Take the readiness assessment.',
            'An honest look at fit, goals and motives, with reasons, before you reach out (P5).',
            ['P5'],
          );
        } else if (!readiness.healthy && d.setbackOn === null) {
          add(
            5,
            'consider',
            'Sit with what your assessment shows, and read about moving on well.',
            `${readiness.reasons[0] ?? readiness.explanation} Reconciliation is not always possible or healthy; you matter either way (P5 P18).`,
            ['P5', 'P18'],
          );
        }
        break;
      }
      case 'reconnect': {
        const era = reconnectEvents(view);
        if (!mayWrite) {
          // The no-third-message step already says what to do: wait.
        } else if (era.length === 0) {
          add(
            5,
            'first-message',
            `Draft a short first message by ${label(ladder.startRung)}, check it with the coach, and send it ${goodMomentText(view)}.`,
            'Be clear and honest about why you write, ask for nothing, and leave them free to answer or not (P6 P7 P8).',
            ['P6', 'P7', 'P8'],
          );
        } else if (ladder.advice === 'next-rung' && ladder.nextRung) {
          add(
            5,
            'next-rung',
            `If it feels natural, suggest ${label(ladder.nextRung)} — and accept a no kindly.`,
            ladder.explanation,
            ['P6', 'P12', 'P16'],
          );
        } else if (ladder.advice === 'back-off') {
          add(5, 'back-off', 'Step back and let your ex set the pace.', ladder.explanation, ['P6', 'P16']);
        } else {
          add(
            6,
            'stay-on-rung',
            `Stay on ${label(ladder.currentRung)} for now and keep exchanges light.`,
            ladder.explanation,
            ['P6', 'P12'],
          );
        }
        const draft = view.apologies.find((a) => a.status === 'draft');
        if (draft && mayWrite) {
          add(
            7,
            'apology',
            'Reread your apology draft with the coach: one behaviour, its impact, no excuses.',
            'A sincere apology names what you did and what it caused, and asks for nothing (P9).',
            ['P9'],
          );
        }
        if (mayWrite)
          add(
            8,
            'listen',
            'In your next exchange, listen and reflect back before sharing your side.',
            'Feeling heard matters more than being right (P7).',
            ['P7'],
          );
        break;
      }
      case 'rebuild': {
        if (consistency.overdue > 0) {
          add(
            5,
            'overdue-commitment',
            'Keep your overdue commitment today, or say honestly that you cannot.',
            consistency.explanation,
            ['P10'],
          );
        }
        if (consistency.tooManyOpen) {
          add(
            6,
            'fewer-commitments',
            'Make no new promises until you have kept the ones you made.',
            consistency.explanation,
            ['P8', 'P10'],
          );
        } else if (consistency.vagueIds.length > 0) {
          add(
            6,
            'specific-commitment',
            'Turn a vague promise into a specific one: an action and a day.',
            'Only a specific promise can be kept and seen to be kept (P8 P10).',
            ['P8', 'P10'],
          );
        }
        if (mayWrite)
          add(
            7,
            'goodwill',
            'Offer one small kindness that asks for nothing back.',
            'Goodwill shows care without pressure (P11).',
            ['P11'],
          );
        add(
          8,
          'slow',
          'Keep the pace slow: plan nothing bigger than the next small step.',
          'You are building a new relationship, not resuming the old one (P12).',
          ['P12'],
        );
        add(
          9,
          'let-go',
          'Write about one old resentment you are ready to let go of.',
          'Forgiving is for a fresh start on both sides (P13).',
          ['P13'],
        );
        break;
      }
      case 'outcome': {
        add(
          5,
          'keep-habits',
          'Keep the habits that rebuilt trust: small promises, kept.',
          'Consistency is what made this work; it still matters (P10).',
          ['P10'],
        );
        add(
          6,
          'your-own-life',
          'Make time this week for something that is yours alone.',
          'Being well yourself keeps the relationship healthy (P4 P18).',
          ['P4', 'P18'],
        );
        break;
      }
    }
  }

  // Fillers so there are always at least three steps.
  if (!wellBeing.habitsToday.length) {
    add(
      10,
      'habit',
      'Do one thing for your body or mind today: a walk, an early night, a proper meal.',
      'Caring for yourself is how healing happens (P3 P4).',
      ['P3', 'P4'],
    );
  }
  const confidenceOld =
    view.confidence.length === 0 ||
    epochDay(view.confidence[view.confidence.length - 1]!.on) < view.todayDay - 7;
  if (confidenceOld) {
    add(
      11,
      'confidence',
      'Rate your confidence and name one strength you showed this week.',
      'Seeing your own strengths rebuilds confidence from the inside (P4).',
      ['P4'],
    );
  }
  const lessonId = phase.principles[0]!;
  const lesson = LESSONS.find((l) => l.id === lessonId);
  if (lesson && !d.crisis) {
    add(
      12,
      'lesson',
      `Read today's lesson: ${lesson.title.toLowerCase()}.`,
      `${lesson.summary} A few minutes with it keeps the next step clear.`,
      [lessonId],
      { lesson: lessonId },
    );
  }

  add(
    13,
    'kind-to-self',
    'Do one kind thing for yourself today.',
    'You matter, whatever happens between you (P18).',
    ['P18'],
  );

  // Fewer, specific steps beat a padded list: at most five, and nothing generic once three
  // real ones are there.
  const seen = new Set<string>();
  const sorted = out.sort((a, b) => a.priority - b.priority).filter((s) => !seen.has(s.id) && seen.add(s.id));
  const specific = sorted.filter((s) => s.priority < FILLER_PRIORITY);
  const chosen = specific.length >= 3 ? specific : sorted;
  return chosen.slice(0, 5).map(({ priority: _, ...step }) => step);
}

/** "(P2 P6)" as written in explanations; the ids stay in each item's `principles`. */
const CITED_IDS = / ?\(P\d{1,2}(?:[ ,]+P\d{1,2})*\)/g;

/**
 * The plan as people read it: the principle ids cited inside sentences are taken out (they
 * stay, as data, in every `principles` array for the UI to show as links).
 */
function withoutPrincipleIds<T>(value: T): T {
  if (typeof value === 'string') return value.replace(CITED_IDS, '') as T;
  if (Array.isArray(value)) return value.map(withoutPrincipleIds) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withoutPrincipleIds(v);
    return out as T;
  }
  return value;
}

/** Steps from this priority on are general care, offered only to make up three. */
const FILLER_PRIORITY = 10;

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "at 18:00 their time on Friday 6 March", from `timing()` in the ex's zone (P6). */
function goodMomentText(view: JourneyView): string {
  const t = timing(view.snapshot, view.nowMs);
  if (t.good) return `now if you like: it is ${t.exLocalTime.slice(11)} for them, a relaxed moment`;
  if (t.nextGoodLocal === null) return 'at a relaxed moment for them, not late at night or in working hours';
  const date = Temporal.PlainDate.from(t.nextGoodLocal.slice(0, 10));
  return `at a relaxed moment for them: the next one is ${WEEKDAYS[date.dayOfWeek]} ${date.day} ${MONTHS[date.month - 1]} at ${t.nextGoodLocal.slice(11)} their time`;
}

function keepSpaceText(n: Metrics['noContact']): string {
  return n.goalReached
    ? `Goal reached: ${n.currentStreak} days without contact. There is no rush to decide anything.`
    : `Day ${n.currentStreak} of ${n.goalDays} without contact: keep the space today.`;
}

/**
 * The plan for a journey at `now`: phase, gates, locks, next steps and metrics, each
 * explained with principle ids. Pure and deterministic; data dated after `now` is ignored.
 *
 * @example
 * const p = plan(snapshot, '2026-02-01T20:00:00Z');
 * p.phase.id // 'heal-and-grow'
 * p.gates.find((g) => g.id === 'no-contact')?.facts // ['no contact: day 12 of 30']
 */
export function plan(snapshot: JourneySnapshot, now: Instant, options: PlanOptions = {}): Plan {
  const view = viewAt(snapshot, toEpochMs(now));
  const detect = options.detectCrisis ?? coachCrisisDetector;
  const locks = locksAt(view);
  const noContact = noContactMetrics(view);
  const wellBeing = wellBeingMetrics(view, detect);
  const engagement = engagementMetrics(view);
  const ladder = ladderMetrics(view, engagement.unansweredInARow);
  const consistency = consistencyMetrics(view);
  const readiness = readinessMetrics(view, wellBeing);
  const metrics: Metrics = { noContact, wellBeing, engagement, ladder, consistency, readiness };
  const d: Derived = {
    view,
    locks,
    metrics,
    screened: view.screenings.length > 0,
    gaps: reflectionGaps(view),
    setbackOn: pendingSetback(view),
    crisis: wellBeing.crisis.expressed,
  };
  const phase = phaseOf(d);
  const gates = gatesOf(d);
  return withoutPrincipleIds({
    at: view.nowIso,
    today: view.today,
    phase,
    outreachLocked: locks.length > 0,
    screened: d.screened,
    locks,
    gates,
    nextSteps: stepsOf(d, phase, gates),
    help: planHelp(view, locks, d.crisis),
    crisis: d.crisis,
    metrics,
  });
}
