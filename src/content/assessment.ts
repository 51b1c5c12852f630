/**
 * The decision assessment (P5): the questions the user answers on a 1–5 scale, in our own
 * words, and how much each answer weighs in the readiness score computed by
 * `src/method/readiness.ts`. The keys match the fields of `assessmentSchema`.
 *
 * The score is about whether going back is realistic and healthy for both people, never a
 * promise that it will work (P5 P18).
 */
import type { PrincipleId } from '../coach/types.js';
import type { Motive } from '../method/schema.js';

export type AssessmentQuestionId =
  | 'compatibility'
  | 'longTermGoals'
  | 'mutualWishToChange'
  | 'ownChange'
  | 'trustRepairable'
  | 'respect'
  | 'emotionalSteadiness'
  | 'lifeOutside';

export interface AssessmentQuestion {
  id: AssessmentQuestionId;
  /** The question as the user sees it. */
  text: string;
  /** What 1 and 5 mean, shown under the scale. */
  low: string;
  high: string;
  /** Relative weight in the readiness score (the weights need not sum to anything). */
  weight: number;
  /** Shown as a reason when the answer is 1 or 2. */
  concern: string;
  principles: PrincipleId[];
}

/** The questions, in the order the UI asks them. */
export const ASSESSMENT_QUESTIONS: readonly AssessmentQuestion[] = [
  {
    id: 'compatibility',
    text: 'Away from the good memories, how well do your everyday lives and values fit together?',
    low: 'We clash on things that matter to me',
    high: 'We fit well on what matters',
    weight: 2,
    concern: 'You see a poor fit between your everyday lives and values.',
    principles: ['P5'],
  },
  {
    id: 'longTermGoals',
    text: 'Do you want the same things for the next few years (home, children, work, where to live)?',
    low: 'Our plans pull in different directions',
    high: 'Our plans line up',
    weight: 2,
    concern: 'Your long-term plans point in different directions.',
    principles: ['P5'],
  },
  {
    id: 'mutualWishToChange',
    text: 'From what you have actually seen or heard, does your ex also want things to be different?',
    low: 'Nothing suggests they do',
    high: 'They have said or shown so',
    weight: 3,
    concern: 'There is no sign yet that your ex wants to change things too; it takes two.',
    principles: ['P5', 'P16', 'P17'],
  },
  {
    id: 'ownChange',
    text: 'Have you changed the patterns you named in your reflection, in daily life and not only in intention?',
    low: 'Not yet',
    high: 'Yes, and it shows',
    weight: 3,
    concern: 'The patterns you named have not changed much yet.',
    principles: ['P1', 'P4', 'P10'],
  },
  {
    id: 'trustRepairable',
    text: 'Could trust between you be rebuilt step by step, with time and consistent actions?',
    low: 'I cannot see how',
    high: 'I believe it could',
    weight: 2,
    concern: 'You doubt that trust between you can be rebuilt.',
    principles: ['P10', 'P13'],
  },
  {
    id: 'respect',
    text: 'When things were hard, did you both still treat each other with basic respect?',
    low: 'Often not',
    high: 'Yes, even in hard moments',
    weight: 2,
    concern: 'Respect was often missing in hard moments.',
    principles: ['P5', 'P16'],
  },
  {
    id: 'emotionalSteadiness',
    text: 'When you think about your ex today, how steady do you feel?',
    low: 'Overwhelmed',
    high: 'Calm and clear',
    weight: 2,
    concern: 'Your feelings about the breakup still overwhelm you; healing first helps any decision.',
    principles: ['P3'],
  },
  {
    id: 'lifeOutside',
    text: 'How full is your life outside the relationship: friends, goals, things you enjoy?',
    low: 'Empty without them',
    high: 'Full and my own',
    weight: 1,
    concern: 'Your life outside the relationship feels thin; growing it matters whatever happens.',
    principles: ['P4', 'P18'],
  },
];

export interface MotiveInfo {
  id: Motive;
  label: string;
  /** Healthy motives can carry a relationship; the others are named honestly. */
  healthy: boolean;
  /** Shown when an unhealthy motive is chosen. */
  note?: string;
}

/** Why the user wants this back (P5). Unhealthy motives lower the score and are named. */
export const MOTIVES: readonly MotiveInfo[] = [
  { id: 'the-person', label: 'I miss who they are', healthy: true },
  { id: 'shared-future', label: 'I believe in the future we could build', healthy: true },
  { id: 'family', label: 'Our family and what we share', healthy: true },
  {
    id: 'loneliness',
    label: 'I feel lonely',
    healthy: false,
    note: 'Loneliness is real and deserves care, but another person cannot be the cure for it.',
  },
  {
    id: 'ego',
    label: 'I want to win them back',
    healthy: false,
    note: 'Wanting to "win" is about pride, not about the two of you.',
  },
  {
    id: 'jealousy',
    label: 'I cannot bear seeing them with someone else',
    healthy: false,
    note: 'Jealousy tells you about your hurt, not about whether you fit.',
  },
  {
    id: 'fear-of-being-alone',
    label: 'I am afraid of being alone',
    healthy: false,
    note: 'Fear of being alone can keep people in the wrong relationship.',
  },
  {
    id: 'habit',
    label: 'It is what I know',
    healthy: false,
    note: 'Familiar is not the same as good for you.',
  },
  {
    id: 'pressure-from-others',
    label: 'Other people expect it',
    healthy: false,
    note: 'This decision belongs to the two of you, not to others.',
  },
];

/** How much each unhealthy motive lowers the score (points out of 100). */
export const UNHEALTHY_MOTIVE_PENALTY = 6;
/** The score is capped here when no healthy motive was chosen at all. */
export const NO_HEALTHY_MOTIVE_CAP = 40;
/**
 * Weight of the user's recent well-being (28-day mood and urge) next to the answers,
 * in the same units as the question weights: feelings settle a decision, they do not make it.
 */
export const WELLBEING_WEIGHT = 2;

/**
 * Looks up a question by id.
 *
 * @example
 * assessmentQuestion('respect').weight // 2
 */
export function assessmentQuestion(id: AssessmentQuestionId): AssessmentQuestion {
  const q = ASSESSMENT_QUESTIONS.find((x) => x.id === id);
  if (!q) throw new Error(`unknown assessment question '${id}'`);
  return q;
}

/**
 * Looks up a motive by id.
 *
 * @example
 * motiveInfo('ego').healthy // false
 */
export function motiveInfo(id: Motive): MotiveInfo {
  const m = MOTIVES.find((x) => x.id === id);
  if (!m) throw new Error(`unknown motive '${id}'`);
  return m;
}
