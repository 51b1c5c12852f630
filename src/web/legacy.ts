/**
 * Moves what older versions kept in the wrong place to where it belongs, once, on this
 * person's own device (the server cannot read their records to do it): the safety plan that
 * was stored as a letter becomes the safety-plan record, and coach drafts stored as letters
 * ("Draft (email) …") become drafts. The letter is removed only after the new record is
 * saved, so nothing is lost if the move stops half-way.
 */
import type { Draft, Letter, SafetyPlanRecord } from '../method/schema.js';
import { create, getOne, list, putOne, type Rec, remove } from './resources.js';

const SAFETY_PLAN_TITLE = 'My safety plan';
const DRAFT_TITLE = /^Draft \((email|text|call_script|letter|social)\) /;
const SECTIONS = [
  'warning-signs',
  'coping-steps',
  'places-and-people',
  'people-to-ask',
  'professionals-and-lines',
  'safe-environment',
] as const;

/** True for a letter that is really an old safety plan or coach draft (hidden from letters). */
export function isMisplaced(title: string): boolean {
  return title === SAFETY_PLAN_TITLE || DRAFT_TITLE.test(title);
}

function planFrom(text: string, at: string): SafetyPlanRecord | null {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const plan = { updatedAt: at } as SafetyPlanRecord;
    for (const id of SECTIONS) {
      const v = raw[id];
      plan[id] = Array.isArray(v)
        ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.slice(0, 2000))
        : [];
      plan[id] = plan[id].slice(0, 20);
    }
    return plan;
  } catch {
    return null;
  }
}

let running: Promise<void> | null = null;

/** Runs the move at most once per page load; safe to call from every screen that cares. */
export function moveMisplacedLetters(): Promise<void> {
  running ??= move().catch(() => {
    running = null;
  });
  return running;
}

async function move(): Promise<void> {
  const letters = (await list<Letter>('letters')).filter((l) => isMisplaced(l.data.title));
  if (letters.length === 0) return;
  for (const l of letters) await moveOne(l);
}

async function moveOne(l: Rec<Omit<Letter, 'id'>>): Promise<void> {
  if (l.data.title === SAFETY_PLAN_TITLE) {
    const current = await getOne<SafetyPlanRecord>('safety-plan');
    const plan = planFrom(l.data.text, l.updatedAt);
    if (current.data === null && plan) await putOne('safety-plan', 0, plan);
    await remove('letters', l.id);
    return;
  }
  const channel = DRAFT_TITLE.exec(l.data.title)?.[1] as Draft['channel'];
  await create<Draft>('drafts', { updatedAt: l.updatedAt, channel, text: l.data.text });
  await remove('letters', l.id);
}
