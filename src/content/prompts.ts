/**
 * Daily journal prompts (P3), grouped by the phase of the journey they suit. One prompt a
 * day, chosen from the day's date so it stays the same all day and changes tomorrow. Written
 * in our own words; every id is stable, so a saved entry can name the prompt it answered.
 */
import type { PhaseId } from '../method/types.js';

export interface JournalPrompt {
  id: string;
  text: string;
}

const GRIEF: readonly JournalPrompt[] = [
  { id: 'heavy-today', text: 'What felt heaviest today, and what made it a little lighter?' },
  { id: 'kind-to-myself', text: 'What is one kind thing I did for myself today, however small?' },
  {
    id: 'missed-most',
    text: 'What do I miss most right now? Let it be on the page instead of in a message.',
  },
  { id: 'body-feels', text: 'Where do I feel this in my body tonight, and what might ease it?' },
  { id: 'who-helped', text: 'Who or what helped me get through today?' },
  { id: 'urge-story', text: 'When did the urge to reach out come up, and what was happening just before?' },
  { id: 'small-win', text: 'What went better today than I expected?' },
];

const REFLECT: readonly JournalPrompt[] = [
  { id: 'my-part', text: 'Thinking about one hard moment between us: what was my part in it?' },
  { id: 'pattern', text: 'Is there a pattern I recognise from earlier relationships or my family?' },
  { id: 'good-days', text: 'What did we do well together, on our good days?' },
  { id: 'needed', text: 'What did I need back then that I did not ask for clearly?' },
  ...GRIEF.slice(0, 3),
];

const GROW: readonly JournalPrompt[] = [
  { id: 'just-mine', text: 'What is something I enjoy that is mine alone, and when will I do it next?' },
  { id: 'proud-of', text: 'What am I quietly proud of this week?' },
  { id: 'future-me', text: 'What would I like a friend to notice about me a month from now?' },
  { id: 'steady', text: 'What helped me feel steady today, without anyone else’s approval?' },
  ...GRIEF,
];

const DECIDE: readonly JournalPrompt[] = [
  { id: 'honest-want', text: 'If I am honest, what do I want, and is it good for both of us?' },
  { id: 'changed', text: 'What has really changed since we broke up, in me and between us?' },
  { id: 'if-not', text: 'If getting back together is not possible, what would a good life look like?' },
  ...GROW.slice(0, 3),
];

const RECONNECT: readonly JournalPrompt[] = [
  { id: 'their-pace', text: 'How can I leave them room to set the pace this week?' },
  { id: 'listened', text: 'When did I listen well today, to anyone? What did that feel like?' },
  { id: 'no-reply', text: 'If there is no reply, how will I look after myself?' },
  ...GROW.slice(0, 3),
];

const REBUILD: readonly JournalPrompt[] = [
  { id: 'kept-promise', text: 'Which small promise did I keep this week, and how did it feel?' },
  { id: 'grateful-for', text: 'What am I grateful for about them, without needing anything back?' },
  { id: 'let-go', text: 'What old resentment am I ready to set down?' },
  ...GROW.slice(0, 3),
];

const OUTCOME: readonly JournalPrompt[] = [
  { id: 'lessons', text: 'What did this chapter teach me that I want to keep?' },
  { id: 'next-chapter', text: 'What is one thing I look forward to in the weeks ahead?' },
  ...GROW.slice(0, 4),
];

export const PROMPTS_BY_PHASE: Readonly<Record<PhaseId, readonly JournalPrompt[]>> = {
  'safety-locked': [...GRIEF, ...GROW.slice(0, 4)],
  reflect: REFLECT,
  'heal-and-grow': GROW,
  decide: DECIDE,
  reconnect: RECONNECT,
  rebuild: REBUILD,
  outcome: OUTCOME,
};

/** Days since 1970-01-01 for a `YYYY-MM-DD` date (0 for anything unreadable). */
function dayNumber(on: string): number {
  const ms = Date.parse(`${on}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : 0;
}

/**
 * The prompt for a local day in a phase; `offset` asks for another one ("a different question").
 *
 * @example
 * promptFor('heal-and-grow', '2026-03-01').text // the same all day, another tomorrow
 */
export function promptFor(phase: PhaseId, on: string, offset = 0): JournalPrompt {
  const list = PROMPTS_BY_PHASE[phase];
  const n = list.length;
  return list[(((dayNumber(on) + offset) % n) + n) % n]!;
}

/** Every prompt by id (an entry shows the question it answered). */
export function promptById(id: string): JournalPrompt | undefined {
  for (const list of Object.values(PROMPTS_BY_PHASE)) {
    const found = list.find((p) => p.id === id);
    if (found) return found;
  }
  return undefined;
}
