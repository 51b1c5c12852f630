/**
 * Starter drafts for common moments of the Reconnect and Outcome phases. They are a place
 * to start, never a script: the UI loads one into the message coach, the user replaces the
 * [bracketed] placeholders with their own words, and the coach reads the result.
 *
 * Every starter, placeholders included, gets the verdict `send` from the coach with its
 * channel in context (starters.test.ts checks it), so a starter never teaches a habit the
 * coach would flag.
 */
import type { Channel, PrincipleId } from '../coach/types.js';

export type StarterMoment =
  | 'first-after-no-contact'
  | 'reply-to-ex'
  | 'apology'
  | 'propose-call'
  | 'propose-meeting'
  | 'ex-says-no'
  | 'moving-on';

export interface Starter {
  /** Stable kebab-case id. */
  id: string;
  moment: StarterMoment;
  channel: Channel;
  title: string;
  /** The draft. `[bracketed]` parts are placeholders for the user's own words. */
  text: string;
  principles: PrincipleId[];
  /** Advice shown beside the draft: when to use it, what to change. */
  notes: string[];
}

/** Describes each moment in the starter picker. */
export const STARTER_MOMENTS: Readonly<Record<StarterMoment, { label: string; description: string }>> = {
  'first-after-no-contact': {
    label: 'A first message after no contact',
    description: 'For when the no-contact period, your reflection and the assessment are done.',
  },
  'reply-to-ex': {
    label: 'Replying to a message from your ex',
    description: 'A warm, short answer that leaves the pace to them.',
  },
  apology: {
    label: 'A specific apology',
    description: 'Naming one thing you did, its impact, and what you do differently now.',
  },
  'propose-call': {
    label: 'Suggesting a call',
    description: 'Only after a few easy exchanges in writing.',
  },
  'propose-meeting': {
    label: 'Suggesting a meeting',
    description: 'Somewhere neutral and relaxed, after calls have felt easy.',
  },
  'ex-says-no': {
    label: 'When your ex says no',
    description: 'A kind, short reply that accepts their answer.',
  },
  'moving-on': {
    label: 'Closing the chapter',
    description: 'If you have decided to move on and a goodbye feels right.',
  },
};

const PLACEHOLDER_NOTE = 'Replace every part in [brackets] with your own words, or remove it.';

/** The starter drafts. */
export const STARTERS: readonly Starter[] = [
  {
    id: 'first-message-email',
    moment: 'first-after-no-contact',
    channel: 'email',
    title: 'First message after no contact (email)',
    text: [
      'Hi [name],',
      '',
      'I hope things have been good for you lately. It has been a while since we last spoke, and I have used the time to think, about us and about myself.',
      '',
      'I am writing because I would like us to be on friendly terms again, and I would rather say that plainly than invent a reason to get in touch. I have been working on [something you have been working on], and I understand better now how I added to the difficulties between us.',
      '',
      'There is no need to reply. If you ever feel like talking, I would be glad to hear from you, whenever suits you.',
      '',
      'Take care,',
      '[your name]',
    ].join('\n'),
    principles: ['P6', 'P7', 'P16'],
    notes: [
      PLACEHOLDER_NOTE,
      'Use email when you are not sure which channel they are comfortable with (P6).',
      'Keep the reason honest. A made-up pretext tends to come out and cost trust.',
      'Send it at a relaxed time in their time zone, not during work or late at night.',
    ],
  },
  {
    id: 'first-message-text',
    moment: 'first-after-no-contact',
    channel: 'text',
    title: 'First message after no contact (text)',
    text: 'Hi [name], I hope you are doing well. I have been thinking about how things ended and I would like us to be on good terms again. No need to reply, take your time. Take care.',
    principles: ['P6', 'P16'],
    notes: [
      PLACEHOLDER_NOTE,
      'Use a text only if texting was already easy between you; otherwise start with email.',
      'Short is kind: it is easy to read and easy to leave for later.',
    ],
  },
  {
    id: 'reply-to-ex-text',
    moment: 'reply-to-ex',
    channel: 'text',
    title: 'A reply to their message',
    text: 'Hi [name], thank you for your message, it was lovely to hear from you. [A short, honest answer to what they wrote.] I hope the rest of your week is a good one.',
    principles: ['P7', 'P11', 'P12'],
    notes: [
      PLACEHOLDER_NOTE,
      'Answer what they actually wrote before adding anything of your own.',
      'Match their length and their pace: a short message deserves a short reply.',
    ],
  },
  {
    id: 'specific-apology-email',
    moment: 'apology',
    channel: 'email',
    title: 'A specific apology',
    text: [
      'Hi [name],',
      '',
      'I have been thinking about [the specific thing I did], and I want to apologise for it. I understand now that it caused [the hurt it caused]. That was my responsibility.',
      '',
      'Since then I have [what I do differently now]. I am not asking for anything in return. I wanted you to know that I understand.',
      '',
      'Take care,',
      '[your name]',
    ].join('\n'),
    principles: ['P9', 'P7', 'P16'],
    notes: [
      PLACEHOLDER_NOTE,
      'Name one behaviour, not a list. Specific is sincere; general sounds like a formula.',
      'No "but" and no explanation of why it happened: that reads as an excuse.',
      'Describe a change you already live, not a promise about the future.',
    ],
  },
  {
    id: 'propose-call-text',
    moment: 'propose-call',
    channel: 'text',
    title: 'Suggesting a call',
    text: 'It has been really nice to be in touch again. Would you like to have a phone call some time? Only if it feels right to you, and any day that suits you is fine by me.',
    principles: ['P6', 'P12', 'P16'],
    notes: [
      'Suggest a call only after a few easy exchanges, with replies roughly matching yours (P6).',
      'If they say not yet, keep writing at their pace; the ladder does not need to move.',
    ],
  },
  {
    id: 'propose-meeting-text',
    moment: 'propose-meeting',
    channel: 'text',
    title: 'Suggesting a meeting in a neutral place',
    text: 'I have enjoyed our calls. Would you like to meet for a coffee at [a neutral place, such as a quiet café] one afternoon? Whatever day works for you is fine, and it is completely fine if you would rather not.',
    principles: ['P6', 'P12', 'P16'],
    notes: [
      PLACEHOLDER_NOTE,
      'Pick a public, neutral place neither of you is tied to: not a home, not a place full of memories.',
      'Daytime, short and easy to leave takes the pressure off both of you.',
    ],
  },
  {
    id: 'ex-says-no-text',
    moment: 'ex-says-no',
    channel: 'text',
    title: 'A kind reply when they say no',
    text: 'Thank you for being honest with me, [name]. I respect your decision and I will give you the space you asked for. I wish you well.',
    principles: ['P16', 'P18', 'P8'],
    notes: [
      'Send it once, then stop. Their answer is complete even if you wish it were different.',
      'Write everything else you feel in an unsent letter instead.',
      'Once you send it, the app will not suggest further contact.',
    ],
  },
  {
    id: 'moving-on-text',
    moment: 'moving-on',
    channel: 'text',
    title: 'A closing message when moving on',
    text: 'Hi [name], I have thought carefully and I have decided to move on. I am grateful for the good times we shared and I wish you all the best. There is no need to reply. Take care.',
    principles: ['P18', 'P11', 'P13'],
    notes: [
      'A closing message is optional. Letting things rest without one is also a kind ending.',
      'Do not send it if your ex has asked for no contact, blocked you, or if there is any safety concern.',
    ],
  },
  {
    id: 'moving-on-email',
    moment: 'moving-on',
    channel: 'email',
    title: 'A closing message when moving on (email)',
    text: [
      'Hi [name],',
      '',
      'I wanted to let you know that I have decided to move on. It took time to get here, and I feel at peace with it.',
      '',
      'I am grateful for [something good you shared], and I will keep what I learned. I wish you a happy life.',
      '',
      'There is no need to reply.',
      '',
      'All the best,',
      '[your name]',
    ].join('\n'),
    principles: ['P18', 'P11', 'P13'],
    notes: [
      PLACEHOLDER_NOTE,
      'Keep it about your decision and your gratitude; it is not the place to revisit why it ended.',
    ],
  },
];

/** The parts an apology is built from (P9), as the apology builder asks for them. */
export interface ApologyParts {
  /** Optional name or greeting target. */
  name?: string;
  /** The specific behaviour. */
  behaviour: string;
  /** The hurt it caused. */
  impact: string;
  /** What the user learned or does differently now. */
  change: string;
}

/**
 * The starters for a moment, in display order.
 *
 * @example
 * startersFor('first-after-no-contact').map((s) => s.channel) // ['email', 'text']
 */
export function startersFor(moment: StarterMoment): Starter[] {
  return STARTERS.filter((s) => s.moment === moment);
}

/**
 * The starter with a given id.
 *
 * @example
 * starterById('propose-call-text')?.channel // 'text'
 */
export function starterById(id: string): Starter | undefined {
  return STARTERS.find((s) => s.id === id);
}

/**
 * The `[bracketed]` placeholders of a draft, in order of appearance, without duplicates.
 *
 * @example
 * placeholdersIn('Hi [name], about [the thing]. Bye [name]') // ['name', 'the thing']
 */
export function placeholdersIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\[([^[\]\n]{1,80})\]/g)) {
    const label = m[1]!;
    if (!found.includes(label)) found.push(label);
  }
  return found;
}

/**
 * Fills `[placeholders]` with the given values; a placeholder without a (non-blank) value
 * stays as it is, so the user sees what is left to write.
 *
 * @example
 * fillPlaceholders('Hi [name], [x]', { name: 'Sam' }) // 'Hi Sam, [x]'
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\[([^[\]\n]{1,80})\]/g, (whole, label: string) => {
    const value = Object.hasOwn(values, label) ? values[label]?.trim() : undefined;
    return value ? value : whole;
  });
}

/**
 * A specific apology (P9) from the apology builder's parts. Blank parts stay as
 * placeholders; nothing is added that the user did not write, except the frame.
 *
 * @example
 * apologyDraft({ behaviour: 'cancelled our plans at the last minute', impact: 'you felt let down', change: 'I now plan my week on Sundays' })
 * // 'I have been thinking about when I cancelled our plans…'
 */
export function apologyDraft(parts: ApologyParts): string {
  const clean = (s: string | undefined, fallback: string): string => {
    const t = (s ?? '').trim().replace(/[.!\s]+$/u, '');
    return t === '' ? `[${fallback}]` : t;
  };
  const name = (parts.name ?? '').trim();
  const lines = [
    `${name === '' ? 'Hi' : `Hi ${name}`},`,
    '',
    `I have been thinking about when I ${clean(parts.behaviour, 'the specific thing I did')}, and I want to apologise for it. I understand now that ${clean(parts.impact, 'the hurt it caused')}. That was my responsibility.`,
    '',
    `What I do differently now: ${clean(parts.change, 'what I do differently now')}. I am not asking for anything in return.`,
  ];
  return lines.join('\n');
}
