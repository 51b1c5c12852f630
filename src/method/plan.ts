/**
 * `plan(snapshot, now)`: the method (METHOD.md "The journey") as one pure function. The phase
 * is derived from the data, never stored; every gate, lock, step and metric says why.
 */
import type { PrincipleId } from '../coach/types.js';
import { consistencyMetrics } from './consistency.js';
import { coachCrisisDetector } from './crisis.js';
import { engagementMetrics } from './engagement.js';
import { label, ladderMetrics, reconnectEvents, reconnectedDay } from './ladder.js';
import { locksAt } from './locks.js';
import { noContactMetrics } from './no-contact.js';
import { readinessMetrics } from './readiness.js';
import type { JourneySnapshot, Reflection } from './schema.js';
import { epochDay, localDateOf } from './time.js';
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

/** A setback since reconnecting that no assessment has answered yet (P14). */
function pendingSetback(view: JourneyView): string | null {
  const since = reconnectedDay(view);
  if (since === null) return null;
  const last = view.assessments[view.assessments.length - 1];
  const assessedOn = last ? localDateOf(last.at, view.userZone) : null;
  for (let i = view.setbacks.length - 1; i >= 0; i--) {
    const s = view.setbacks[i]!;
    if (epochDay(s.on) < since) break;
    if (assessedOn === null || assessedOn < s.on) return s.on;
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
    if (hasMet(view)) {
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
    facts: d.gaps.length === 0 ? ['reflection written'] : d.gaps.map((g) => `reflection: ${g.missing}`),
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
  const reconnect: Gate = {
    id: 'reconnect',
    label: 'Reconnect',
    open: closed.length === 0,
    facts:
      closed.length === 0
        ? ['every gate before reconnecting is open']
        : closed.map((g) => `${g.label.toLowerCase()} gate closed`),
    toOpen:
      closed.length === 0
        ? null
        : closed.some((g) => g.toOpen === null && g.id === 'safety')
          ? null
          : closed
              .map((g) => g.toOpen)
              .filter(Boolean)
              .join('; '),
    principles: ['P2', 'P5', 'P6'],
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

interface Candidate extends Step {
  priority: number;
}

function stepsOf(d: Derived, phase: Phase): Step[] {
  const { view, metrics } = d;
  const { wellBeing, noContact, ladder, engagement, consistency, readiness } = metrics;
  const out: Candidate[] = [];
  const add = (priority: number, id: string, text: string, why: string, principles: PrincipleId[]) =>
    out.push({ priority, id, text, why, principles });
  const locked = d.locks.length > 0;
  const movingOn = phase.outcome === 'moving-on';

  if (wellBeing.crisis.expressed) {
    add(
      0,
      'crisis-support',
      'Please reach out for support right now: a crisis line, someone you trust, or emergency services if you are in danger.',
      wellBeing.professionalHelp.reasons[0]!,
      ['P15', 'P18'],
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
  if (!locked && !movingOn && engagement.unansweredInARow >= view.settings.maxUnansweredInARow) {
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
  } else {
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
        if (era.length === 0) {
          add(
            5,
            'first-message',
            `Draft a short first message by ${label(ladder.startRung)}, check it with the coach, and send it at a relaxed moment for your ex.`,
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
        if (draft) {
          add(
            7,
            'apology',
            'Reread your apology draft with the coach: one behaviour, its impact, no excuses.',
            'A sincere apology names what you did and what it caused, and asks for nothing (P9).',
            ['P9'],
          );
        }
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
  add(
    12,
    'lesson',
    `Read today's lesson on ${phase.principles[0]}.`,
    'A few minutes with the method keeps the next step clear.',
    phase.principles.slice(0, 1),
  );
  add(
    13,
    'kind-to-self',
    'Do one kind thing for yourself today.',
    'You matter, whatever happens between you (P18).',
    ['P18'],
  );

  const seen = new Set<string>();
  return out
    .sort((a, b) => a.priority - b.priority)
    .filter((s) => !seen.has(s.id) && seen.add(s.id))
    .slice(0, 5)
    .map(({ priority: _, ...step }) => step);
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
  };
  const phase = phaseOf(d);
  const gates = gatesOf(d);
  return {
    at: view.nowIso,
    today: view.today,
    phase,
    outreachLocked: locks.length > 0,
    locks,
    gates,
    nextSteps: stepsOf(d, phase),
    metrics,
  };
}
