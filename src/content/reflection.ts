/**
 * The reflection prompts (P1), grouped into sections that map one to one onto the text
 * fields of the journey snapshot's `reflection` record (src/method/schema.ts). The UI shows
 * the prompts of a section above one text box and saves what the user writes into `field`;
 * the prompts are there to get the words flowing, not to be answered one by one.
 */
import type { PrincipleId } from '../coach/types.js';
import type { BreakupReason, Reflection } from '../method/schema.js';

/** A text field of the reflection record. */
export type ReflectionField = Exclude<keyof Reflection, 'reasons' | 'updatedAt'>;

export type ReflectionSectionId =
  | 'reasons'
  | 'own-role'
  | 'patterns'
  | 'strengths'
  | 'weaknesses'
  | 'what-drew-you-together';

export interface ReflectionPrompt {
  /** Stable kebab-case id, unique across all sections. */
  id: string;
  question: string;
  /** A gentle nudge shown under the question. */
  hint: string;
  principles: PrincipleId[];
}

export interface ReflectionSection {
  id: ReflectionSectionId;
  title: string;
  /** One or two sentences shown at the top of the section. */
  intro: string;
  /** Where the answer is saved in the snapshot's reflection record. */
  field: ReflectionField;
  /** Placeholder for the empty text box. */
  placeholder: string;
  prompts: ReflectionPrompt[];
}

/** One reason in the breakup-reason taxonomy, as the user sees it. */
export interface ReasonOption {
  id: BreakupReason;
  label: string;
  /** A short description to help the user recognise it. */
  description: string;
}

/** The breakup-reason taxonomy (P1), keys exactly as in the snapshot schema. */
export const REASONS: readonly ReasonOption[] = [
  {
    id: 'communication',
    label: 'Communication',
    description:
      'Talking stopped working: things went unsaid, conversations turned into fights, or one of you felt unheard.',
  },
  {
    id: 'trust',
    label: 'Trust',
    description:
      'One or both of you stopped feeling able to rely on the other: broken promises, secrets, suspicion.',
  },
  {
    id: 'infidelity',
    label: 'Infidelity',
    description:
      'Someone was unfaithful, physically or emotionally, by the standards the two of you had agreed.',
  },
  {
    id: 'values-goals',
    label: 'Values or goals',
    description:
      'You wanted different things: where to live, children, money, faith, career, or how to spend your life.',
  },
  {
    id: 'commitment',
    label: 'Commitment',
    description: 'One of you wanted more commitment, or less, than the other could give.',
  },
  {
    id: 'constant-conflict',
    label: 'Constant conflict',
    description: 'Arguments had become the normal state, and calm felt rare.',
  },
  {
    id: 'other',
    label: 'Something else',
    description:
      'Distance, family, health, timing, or a reason that does not fit a label. Describe it in your words.',
  },
];

/** The sections, in the order the Reflect screen shows them. */
export const REFLECTION_SECTIONS: readonly ReflectionSection[] = [
  {
    id: 'reasons',
    title: 'Why it ended',
    intro:
      'Choose the reasons that fit, then say a little about them. Several can be true at once, and it is fine if you are not sure yet.',
    field: 'reasonsNote',
    placeholder: 'In my own words, it ended because…',
    prompts: [
      {
        id: 'reasons-in-one-line',
        question: 'If a kind friend asked why it ended, what would you say in a sentence or two?',
        hint: 'Short is fine. You can come back and add to it.',
        principles: ['P1'],
      },
      {
        id: 'reasons-their-view',
        question: 'How do you think your ex would describe the reasons?',
        hint: 'You do not have to agree with their view to write it down.',
        principles: ['P1', 'P7'],
      },
      {
        id: 'reasons-turning-point',
        question: 'Was there a moment when things started to change? What was happening in your lives then?',
        hint: 'Stress from work, money, family or health often plays a part.',
        principles: ['P1'],
      },
    ],
  },
  {
    id: 'own-role',
    title: 'Your part in it',
    intro:
      'This is about understanding, not blame. Owning your part is what makes change possible, whatever happens next.',
    field: 'ownRole',
    placeholder: 'Looking back, something I did that made things harder was…',
    prompts: [
      {
        id: 'own-role-actions',
        question: 'What did you do, or not do, that added to the problems?',
        hint: 'Think of specific moments rather than labels like "I was a bad partner".',
        principles: ['P1', 'P9'],
      },
      {
        id: 'own-role-impact',
        question: 'How do you think those moments felt on the other side?',
        hint: 'Try to imagine it from where they stood, without judging yourself.',
        principles: ['P1', 'P7', 'P9'],
      },
      {
        id: 'own-role-differently',
        question: 'What would you do differently if the same situation came up tomorrow?',
        hint: 'One realistic change is worth more than a long list.',
        principles: ['P1', 'P10'],
      },
    ],
  },
  {
    id: 'patterns',
    title: 'Patterns',
    intro:
      'Some things happen again and again. Spotting them is the first step to doing something different.',
    field: 'patterns',
    placeholder: 'A pattern I notice is…',
    prompts: [
      {
        id: 'patterns-repeating-fight',
        question: 'Was there an argument you kept having, in different forms?',
        hint: 'Notice what it was really about underneath: feeling unheard, unimportant, controlled, alone.',
        principles: ['P1', 'P7'],
      },
      {
        id: 'patterns-earlier',
        question:
          'Do you recognise any of this from earlier relationships or from the family you grew up in?',
        hint: 'Patterns often started long before this relationship. That is worth knowing, not a reason for shame.',
        principles: ['P1', 'P4'],
      },
      {
        id: 'patterns-under-stress',
        question:
          'When you feel hurt or scared, what do you tend to do: chase, withdraw, get angry, go quiet?',
        hint: 'There is no right answer. Knowing your reflex helps you pause before it takes over.',
        principles: ['P1', 'P3'],
      },
    ],
  },
  {
    id: 'strengths',
    title: 'What worked',
    intro: 'A relationship that mattered had good things in it too. Naming them keeps the picture honest.',
    field: 'strengths',
    placeholder: 'We were good at…',
    prompts: [
      {
        id: 'strengths-good-days',
        question: 'What did a good day together look like?',
        hint: 'Small, ordinary details count.',
        principles: ['P1'],
      },
      {
        id: 'strengths-as-a-team',
        question: 'What were you good at as a pair?',
        hint: 'Making each other laugh, handling a crisis, planning trips, looking after others…',
        principles: ['P1', 'P11'],
      },
    ],
  },
  {
    id: 'weaknesses',
    title: 'What was hard',
    intro: 'Alongside the good, some things did not work. Writing them down helps you decide clearly later.',
    field: 'weaknesses',
    placeholder: 'Something that was hard for us was…',
    prompts: [
      {
        id: 'weaknesses-hard-parts',
        question: 'What felt heavy or out of balance in the relationship?',
        hint: 'Think about time, attention, money, effort, or who gave way more often.',
        principles: ['P1', 'P5'],
      },
      {
        id: 'weaknesses-dealbreakers',
        question: 'Is there anything you would not be willing to live with again?',
        hint: 'These may become your red lines when you decide whether to reconnect.',
        principles: ['P1', 'P5'],
      },
    ],
  },
  {
    id: 'what-drew-you-together',
    title: 'What drew you together',
    intro: 'Remember how it started. What brought you close can tell you what still matters to you.',
    field: 'whatDrewUsTogether',
    placeholder: 'What first drew me to them was…',
    prompts: [
      {
        id: 'drew-first-noticed',
        question: 'What did you first notice and like about them?',
        hint: 'Let yourself remember without deciding anything.',
        principles: ['P1'],
      },
      {
        id: 'drew-still-true',
        question: 'Is that still true of them today, or of you?',
        hint: 'People change. This helps you see who they are now, not only who they were.',
        principles: ['P1', 'P5', 'P17'],
      },
      {
        id: 'drew-what-you-want',
        question: 'What does this tell you about what you want in a partner, whoever that turns out to be?',
        hint: 'The answer is useful whether you reconcile or move on.',
        principles: ['P1', 'P18'],
      },
    ],
  },
];

/** Every prompt of every section, in display order. */
export const REFLECTION_PROMPTS: readonly ReflectionPrompt[] = REFLECTION_SECTIONS.flatMap((s) => s.prompts);

/**
 * The section that saves into a given reflection field.
 *
 * @example
 * sectionForField('ownRole')?.title // 'Your part in it'
 */
export function sectionForField(field: ReflectionField): ReflectionSection | undefined {
  return REFLECTION_SECTIONS.find((s) => s.field === field);
}

/**
 * The label and description of a breakup reason.
 *
 * @example
 * reasonOption('values-goals').label // 'Values or goals'
 */
export function reasonOption(id: BreakupReason): ReasonOption {
  // The taxonomy is total over BreakupReason (a test checks it), so this always finds one.
  return REASONS.find((r) => r.id === id) ?? REASONS[REASONS.length - 1]!;
}
