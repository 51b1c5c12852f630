/**
 * Help in the plan itself (P15 P16 P18): when outreach is locked or crisis language is
 * recent, the plan carries the help lines for the person's region (from their time zone),
 * the emergency number and the safety plan they wrote. The lines are shipped as data in
 * src/content/help.ts; nothing is looked up over the network.
 */
import {
  type ContactWay,
  countryFromTimeZone,
  EMERGENCY_TEXT,
  type HelpLine,
  helpFor,
  SAFETY_PLAN_LETTER_TITLE,
  SAFETY_PLAN_SECTIONS,
} from '../content/help.js';
import type { Lock, PlanHelp, PlanHelpLine } from './types.js';
import type { JourneyView } from './view.js';

/** Locks that come from harm or fear in the relationship: domestic-abuse services can help. */
const HARM = new Set(['abuse', 'threats', 'coercive_control', 'stalking', 'court_order']);

function way(w: ContactWay): string {
  const verb = w.how === 'call' ? 'call' : w.how === 'text' ? 'text' : w.how === 'email' ? 'email' : 'visit';
  return `${verb} ${w.value}${w.note ? ` (${w.note})` : ''}`;
}

function line(l: HelpLine): PlanHelpLine {
  return {
    name: l.name,
    kind: l.kind,
    ways: l.ways.map(way),
    hours: l.hours ?? null,
    description: l.description,
  };
}

/**
 * The safety plan the person wrote (its own record; older versions kept it as a private
 * letter, read too until the app moves it), if any.
 */
function safetyPlanOf(view: JourneyView): PlanHelp['safetyPlan'] {
  let raw: Record<string, unknown> | null =
    (view.snapshot.safetyPlan as Record<string, unknown> | null) ?? null;
  if (!raw) {
    const letter = view.letters.findLast((l) => l.title === SAFETY_PLAN_LETTER_TITLE);
    if (!letter) return null;
    try {
      raw = JSON.parse(letter.text) as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  const sections = SAFETY_PLAN_SECTIONS.map((s) => {
    const value = raw[s.id];
    const entries = Array.isArray(value)
      ? value.filter((e): e is string => typeof e === 'string' && e.trim() !== '').slice(0, 20)
      : [];
    return { title: s.title, entries };
  }).filter((s) => s.entries.length > 0);
  return sections.length > 0 ? sections : null;
}

/** Whether the person has written a safety plan (its record, or an older letter). */
export function hasSafetyPlan(view: JourneyView): boolean {
  return safetyPlanOf(view) !== null;
}

/**
 * The help the plan shows, or null when neither a lock nor crisis calls for it.
 *
 * @example
 * planHelp(view, locks, true)?.lines[0]?.kind // 'crisis'
 */
export function planHelp(view: JourneyView, locks: readonly Lock[], crisis: boolean): PlanHelp | null {
  if (locks.length === 0 && !crisis) return null;
  const help = helpFor(countryFromTimeZone(view.userZone));
  const harm = locks.some((l) => HARM.has(l.reason));
  const lines = [
    ...(crisis || !harm ? help.crisis : []),
    ...(harm ? help.domesticViolence : []),
    ...(harm && !crisis ? help.crisis : []),
    ...help.directories,
  ].map(line);
  const because = crisis && locks.length > 0 ? 'crisis-and-locked' : crisis ? 'crisis' : 'locked';
  const intro = crisis
    ? 'You do not have to carry this alone. These people are there to listen, day or night.'
    : harm
      ? 'What happened between you is serious. Trained people can help you stay safe and make sense of it, whichever side of it you were on.'
      : 'Stepping back is hard. If it weighs on you, these people are there to listen.';
  const emergency = help.emergency
    ? `In immediate danger, call ${help.emergency.number}${help.emergency.alternatives?.length ? ` (or ${help.emergency.alternatives.join(', ')})` : ''}.`
    : EMERGENCY_TEXT;
  return { because, intro, country: help.country, emergency, lines, safetyPlan: safetyPlanOf(view) };
}
