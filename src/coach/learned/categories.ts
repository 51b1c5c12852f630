/**
 * What a learned finding says for each category: a short message, why it matters (with
 * the principles of METHOD.md), and edits a person can click. The words that weighed most
 * are added per finding by the scorer.
 */
import type { FindingKind, PrincipleId, SuggestionTemplate } from '../types.js';
import type { LearnedCategory } from './model.js';

export interface LearnedCategoryText {
  kind: Exclude<FindingKind, 'stop'>;
  message: string;
  /** Why, after "these words weighed most: …". */
  why: string;
  principles: PrincipleId[];
  /** `text` replaces the whole sentence; '' leaves it out. */
  suggestions: SuggestionTemplate[];
}

const LEAVE_OUT: SuggestionTemplate = {
  type: 'rewrite-sentence',
  label: 'Leave this sentence out',
  text: '',
};

export const LEARNED_TEXT: Readonly<Record<LearnedCategory, LearnedCategoryText>> = {
  you_blame: {
    kind: 'problem',
    message: 'This sentence reads as blame.',
    why:
      'Blame and criticism put them on the defensive: they answer the charge, not the feeling under it. ' +
      'Say what you felt in one specific moment instead.',
    principles: ['P7'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Say how it felt instead',
        text: 'I felt [hurt / unheard / alone] when [one specific moment].',
      },
      LEAVE_OUT,
    ],
  },
  begging: {
    kind: 'problem',
    message: 'This sentence reads as pleading.',
    why:
      'Pleading and bargaining put the weight of your pain on them and make saying yes feel like a ' +
      'rescue, not a choice. Say what you feel and leave the choice with them.',
    principles: ['P8'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Leave the choice with them',
        text: 'I miss you, and I respect whatever you decide.',
      },
      LEAVE_OUT,
    ],
  },
  over_promise: {
    kind: 'problem',
    message: 'This sentence reads as a sweeping promise.',
    why:
      'Big, vague promises are easy to make and impossible to check; trust comes back from small ' +
      'promises kept. Name one concrete thing you already do differently.',
    principles: ['P8', 'P10'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Name one concrete change',
        text: 'One thing I do differently now is [a specific, checkable change].',
      },
      LEAVE_OUT,
    ],
  },
  blind_apology: {
    kind: 'problem',
    message: 'This sentence reads as an apology that names nothing.',
    why:
      'An apology that names no behaviour, comes with a condition or an excuse, or is one bare word ' +
      'sounds like a way to end the conversation. Name what you did and what it cost them.',
    principles: ['P8', 'P9'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Name what you did and its impact',
        text: "I'm sorry I [what I did]; it [how it affected you]. I've since [what I changed].",
      },
    ],
  },
  pressure: {
    kind: 'problem',
    message: 'This sentence reads as pressure.',
    why:
      'Demands on their time, reply or decision, deadlines and turning up take their choice away, and ' +
      'a choice taken away is rarely given back. Ask, and leave the timing to them.',
    principles: ['P8', 'P16'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Ask, and leave the timing to them',
        text: "If you'd ever like to talk, I'd like that. No pressure, and no need to reply.",
      },
      LEAVE_OUT,
    ],
  },
  manipulation: {
    kind: 'problem',
    message: 'This sentence reads as a mind game.',
    why:
      'Guilt, jealousy bait, debts and attacks on their self-worth try to move them without their ' +
      'consent; even when it works it poisons what comes after. Say plainly what you feel, without strings.',
    principles: ['P8'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Say what you feel, without strings',
        text: "I'm finding this hard, and I wanted to be honest about that. You don't have to do anything with it.",
      },
      LEAVE_OUT,
    ],
  },
  rehash: {
    kind: 'problem',
    message: 'This sentence reads as re-arguing the past.',
    why:
      'Going back over why it ended or who was right restarts the old fight; feelings, not arguments, ' +
      'decide whether they come back. Own your part, or leave the past where it is.',
    principles: ['P7'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Own your part instead',
        text: "I've thought about my part in how things ended, and I understand it better now.",
      },
      LEAVE_OUT,
    ],
  },
  empathy: {
    kind: 'strength',
    message: 'You acknowledge what it was like for them.',
    why: 'Recognising how something felt from their side shows you are listening.',
    principles: ['P7'],
    suggestions: [],
  },
  i_statement: {
    kind: 'strength',
    message: 'You own your feeling.',
    why: 'Saying what you felt, in the first person, invites them to listen instead of defend.',
    principles: ['P7'],
    suggestions: [],
  },
};
