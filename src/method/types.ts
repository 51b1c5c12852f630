/**
 * What the method engine computes. Everything here is derived from a journey snapshot and
 * `now`; nothing is stored. Every explanation cites principle ids from METHOD.md.
 */
import type { LockReason, PrincipleId, Rung } from '../coach/types.js';
import type { HabitKind, Motive } from './schema.js';

export type PhaseId =
  | 'safety-locked'
  | 'reflect'
  | 'heal-and-grow'
  | 'decide'
  | 'reconnect'
  | 'rebuild'
  | 'outcome';

export interface Phase {
  id: PhaseId;
  /** Set only when `id` is `outcome` (and on the moving-on path of `safety-locked`). */
  outcome: 'together' | 'moving-on' | null;
  title: string;
  /** Why the user is in this phase, in plain words. */
  why: string;
  principles: PrincipleId[];
}

export type GateId =
  | 'safety'
  | 'reflection'
  | 'no-contact'
  | 'assessment'
  | 'reconnect'
  | 'next-rung'
  | 'another-message';

export interface Gate {
  id: GateId;
  label: string;
  open: boolean;
  /** The facts behind the state, e.g. "no contact: day 12 of 30". */
  facts: string[];
  /** What would open it; null when open or when nothing the user does can open it. */
  toOpen: string | null;
  principles: PrincipleId[];
}

/**
 * How long a lock lasts:
 * - `permanent`: abuse, threats, coercive control or stalking from either side, a block, a
 *   court order. Nothing lifts it; the moving-on path is offered.
 * - `until-ex-reopens`: the ex asked for no contact; only the ex re-opening contact lifts it.
 * - `until-clarified`: a safety answer was "unsure"; a later screening answering "no" lifts it.
 */
export type LockDuration = 'permanent' | 'until-ex-reopens' | 'until-clarified';

export interface Lock {
  reason: LockReason;
  /** Whose behaviour the lock is about, when that applies. */
  party: 'ex' | 'user' | 'both' | null;
  duration: LockDuration;
  /** ISO instant from which it applies. */
  since: string;
  explanation: string;
  /** What can lift it, or null when nothing can. */
  lift: string | null;
  principles: PrincipleId[];
}

export interface Step {
  /** Stable id for the UI (`check-in`, `no-third-message`, …). */
  id: string;
  text: string;
  why: string;
  principles: PrincipleId[];
  /** The lesson this step opens, when it is about reading one. */
  lesson?: PrincipleId;
}

export type Trend = 'up' | 'down' | 'flat' | 'unknown';

export interface NoContactMetrics {
  /** Whether a no-contact period is running today. */
  running: boolean;
  /** Days in the running period (0 when none runs); day 0 is the day it started. */
  currentStreak: number;
  /** A milestone (7, 14, 30, 60, 90… days) reached today, to mark kindly; null on other days. */
  milestone: number | null;
  goalDays: number;
  goalReached: boolean;
  /** The day the goal is (or was) reached, if a period is running. */
  goalOn: string | null;
  longestStreak: number;
  /** Sum of all periods' days. */
  totalDays: number;
  periods: number;
  /** Periods that ended in a break (relapses). History is kept and never shamed. */
  breaks: number;
  breaksByUser: number;
  breaksByEx: number;
  necessaryContacts: number;
  explanation: string;
  principles: PrincipleId[];
}

export interface WellBeingMetrics {
  checkIns: number;
  lastCheckInOn: string | null;
  checkedInToday: boolean;
  mood7: number | null;
  mood28: number | null;
  moodTrend: Trend;
  urge7: number | null;
  urge28: number | null;
  urgeTrend: Trend;
  sleep7: number | null;
  /** Share of the last 7 days with at least one habit logged, 0…1. */
  habitCompletion7: number;
  habitsToday: HabitKind[];
  confidenceLatest: number | null;
  confidenceTrend: Trend;
  /** P15: suggested when mood stays low, urges stay high, or crisis language appeared. */
  professionalHelp: { suggested: boolean; reasons: string[]; principles: PrincipleId[] };
  /** Crisis language found in a recent note: show crisis resources at once. */
  crisis: { expressed: boolean; on: string | null; where: string | null };
  explanation: string;
  principles: PrincipleId[];
}

export interface EngagementMetrics {
  userMessages: number;
  exMessages: number;
  /** Share of the user's messages the ex answered, 0…1 (null with none sent). */
  exReplyRate: number | null;
  /** Share of the ex's messages the user answered, 0…1. */
  userReplyRate: number | null;
  /** Share of exchanges the ex started, 0…1. */
  exInitiationShare: number | null;
  /** Median hours for the ex to answer. */
  medianExReplyHours: number | null;
  /** The ex's replies in the last 28 days compared with the 28 before. */
  trend: Trend;
  /** The user's messages since the ex last wrote or answered. */
  unansweredInARow: number;
  /** P17: honest signals, never promises. */
  signals: string[];
  explanation: string;
  principles: PrincipleId[];
}

export type LadderAdvice = 'not-started' | 'stay' | 'next-rung' | 'back-off' | 'top';

export interface LadderMetrics {
  currentRung: Rung;
  /** The rung a first message should use: the ex's preferred channel, else email. */
  startRung: Rung;
  nextRung: Rung | null;
  easyExchanges: number;
  needed: number;
  /** The ex's messages and answers per message of the user's on the current rung (capped at 1). */
  balance: number | null;
  advice: LadderAdvice;
  /** Rungs the person jumped past since reconnecting (P6), named so they can step back. */
  skippedRungs: Rung[];
  explanation: string;
  principles: PrincipleId[];
}

export interface ConsistencyMetrics {
  kept: number;
  broken: number;
  open: number;
  overdue: number;
  released: number;
  /** Kept share of what fell due, weighted to the recent past, 0…100; null when nothing is due. */
  score: number | null;
  overdueIds: string[];
  vagueIds: string[];
  tooManyOpen: boolean;
  explanation: string;
  principles: PrincipleId[];
}

export interface ReadinessMetrics {
  /** 0…100, null without an assessment. */
  score: number | null;
  healthy: boolean;
  threshold: number;
  assessedAt: string | null;
  reasons: string[];
  unhealthyMotives: Motive[];
  crossedRedLines: number;
  explanation: string;
  principles: PrincipleId[];
}

export interface Metrics {
  noContact: NoContactMetrics;
  wellBeing: WellBeingMetrics;
  engagement: EngagementMetrics;
  ladder: LadderMetrics;
  consistency: ConsistencyMetrics;
  readiness: ReadinessMetrics;
}

/** A help line as the plan shows it: who, how to reach them, when. */
export interface PlanHelpLine {
  name: string;
  kind: 'crisis' | 'domestic-violence' | 'directory';
  /** Ready to read: "call 116 123", "text SHOUT to 85258", "web https://…". */
  ways: string[];
  hours: string | null;
  description: string;
}

/**
 * Help that comes with the plan whenever the person is locked out or in crisis (P15 P16
 * P18): the help lines for their region, the emergency number and their own safety plan.
 */
export interface PlanHelp {
  /** Why it is shown: crisis language in recent writing, a lock, or both. */
  because: 'crisis' | 'locked' | 'crisis-and-locked';
  intro: string;
  /** The country the lines are for (from the person's time zone), `INT` when unknown. */
  country: string;
  emergency: string;
  lines: PlanHelpLine[];
  /** The person's own safety plan, section by section; null until they write one. */
  safetyPlan: { title: string; entries: string[] }[] | null;
}

export interface Plan {
  /** The instant the plan is for (ISO). */
  at: string;
  /** The user's local date at that instant. */
  today: string;
  phase: Phase;
  /** True when any lock applies: no outreach tool may help contact the ex. */
  outreachLocked: boolean;
  /** Whether the safety questions have been answered: outreach tools wait until they are. */
  screened: boolean;
  locks: Lock[];
  gates: Gate[];
  /** 3–5 actions for today, most important first. */
  nextSteps: Step[];
  /** Help lines and the safety plan, when locked or in crisis; null otherwise. */
  help: PlanHelp | null;
  /** True while crisis language is recent: help comes first and outreach waits. */
  crisis: boolean;
  metrics: Metrics;
}

export interface Timing {
  /** Whether `at` is a good moment to contact the ex. */
  good: boolean;
  locked: boolean;
  exTimeZone: string;
  /** `at` in the ex's local time, `YYYY-MM-DDTHH:MM`. */
  exLocalTime: string;
  reason: string;
  /** The next good moment at or after `at` (ISO instant), null if none within 8 days or locked. */
  nextGoodAt: string | null;
  nextGoodLocal: string | null;
  principles: PrincipleId[];
}
