/**
 * The safety screening, as the user reads it: the questions (asked gently, each with why we
 * ask and what happens with the answer), the text explaining each outreach lock, and the
 * moving-on path offered when outreach is locked.
 *
 * The answer keys are exactly those of `safetyScreeningSchema` (src/method/schema.ts). The
 * decision itself (what locks, for how long) lives in the method engine and is not
 * configurable; this module only explains it in plain words.
 */
import type { LockReason, PrincipleId } from '../coach/types.js';
import type { Answer, SafetyScreening } from '../method/schema.js';
import type { LockDuration } from '../method/types.js';

/** The answer fields of a safety screening. */
export type SafetyQuestionKey = Exclude<keyof SafetyScreening, 'id' | 'answeredAt' | 'note'>;

/** Questions asked about both sides (answers `{ byEx, byUser }`). */
export type SidedSafetyKey = 'violence' | 'threats' | 'coerciveControl' | 'stalking';

interface SafetyQuestionBase {
  /** Stable kebab-case id for the UI. */
  id: string;
  title: string;
  /** Examples that help someone recognise the situation. */
  examples: string[];
  /** Why we ask. */
  whyWeAsk: string;
  /** What happens with each answer. */
  whatHappens: Record<Answer, string>;
  /** The lock a `yes` leads to (an `unsure` pauses outreach until clarified). */
  lockReason: LockReason;
  principles: PrincipleId[];
}

/** Asked about both sides: the answer is `{ byEx, byUser }`, one wording per side. */
export interface SidedSafetyQuestion extends SafetyQuestionBase {
  key: SidedSafetyKey;
  sided: true;
  sides: { byEx: string; byUser: string };
}

/** Asked once: the answer is a single `yes` / `no` / `unsure`. */
export interface SingleSafetyQuestion extends SafetyQuestionBase {
  key: Exclude<SafetyQuestionKey, SidedSafetyKey>;
  sided: false;
  question: string;
}

export type SafetyQuestion = SidedSafetyQuestion | SingleSafetyQuestion;

export interface AnswerOption {
  value: Answer;
  label: string;
}

export interface LockText {
  reason: LockReason;
  duration: LockDuration;
  title: string;
  /** Shown when the lock applies, before the moving-on path. */
  explanation: string;
  /** What can lift it, or null when nothing can. */
  lift: string | null;
  principles: PrincipleId[];
}

export interface MovingOnStep {
  id: string;
  title: string;
  text: string;
  principles: PrincipleId[];
}

/** Shown before the first question. */
export const SAFETY_INTRO = {
  title: 'A few questions about safety',
  text: 'Before anything else, we ask a few questions about how things were between you. Some of them may be hard to read. Answer as honestly as you can: your answers stay on this device, encrypted, and nobody else sees them.',
  why: 'Olive Branch helps people reconnect only when that is safe and wanted on both sides. If there has been harm or fear in the relationship, or your ex has asked for distance, the kind thing to do, for both of you, is not to help with contact at all.',
  unsure:
    'If you are not sure how to answer, choose "Not sure". We treat it carefully and you can answer again later.',
  crisis:
    'If you are in danger right now, call your local emergency number. Help lines for your country are one tap away under Help.',
} as const;

/** The three answers, in the order shown. */
export const ANSWER_OPTIONS: readonly AnswerOption[] = [
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Not sure' },
  { value: 'yes', label: 'Yes' },
];

const SIDED_YES =
  'Outreach tools stay off for good. You will see the moving-on path and help lines, and everything that helps you heal stays open.';
const SIDED_UNSURE =
  'Outreach tools stay off until you answer again with a clear no. Take your time; talking it over with someone you trust can help.';
const SIDED_NO = 'Nothing changes. You can come back and update this answer at any time.';

/** The screening questions, in the order asked. */
export const SAFETY_QUESTIONS: readonly SafetyQuestion[] = [
  {
    key: 'violence',
    id: 'violence',
    title: 'Physical harm',
    sided: true,
    sides: {
      byEx: 'Did your ex ever hurt you physically, or make you afraid they would?',
      byUser: 'Did you ever hurt your ex physically, or make them afraid you would?',
    },
    examples: [
      'hitting, pushing, grabbing or restraining',
      'throwing or breaking things to frighten',
      'forcing anything sexual',
    ],
    whyWeAsk:
      'Where there has been violence, contact can put someone at risk. That is true whichever of you it came from, so we ask about both sides.',
    whatHappens: { yes: SIDED_YES, unsure: SIDED_UNSURE, no: SIDED_NO },
    lockReason: 'abuse',
    principles: ['P16', 'P18'],
  },
  {
    key: 'threats',
    id: 'threats',
    title: 'Threats',
    sided: true,
    sides: {
      byEx: 'Did your ex ever threaten you, your family, your pets, or themselves, to get their way?',
      byUser: 'Did you ever threaten your ex, their family, their pets, or yourself, to get your way?',
    },
    examples: [
      'threats of violence',
      'threats to share private photos or secrets',
      'threats of self-harm used as leverage',
    ],
    whyWeAsk:
      'Threats leave lasting fear. A relationship where they happened is not one we can help restart.',
    whatHappens: { yes: SIDED_YES, unsure: SIDED_UNSURE, no: SIDED_NO },
    lockReason: 'threats',
    principles: ['P16', 'P18'],
  },
  {
    key: 'coerciveControl',
    id: 'coercive-control',
    title: 'Control',
    sided: true,
    sides: {
      byEx: 'Did your ex control your money, your phone, who you saw or where you went?',
      byUser: 'Did you control your ex’s money, phone, friendships or movements?',
    },
    examples: [
      'checking messages or tracking location',
      'cutting someone off from friends or family',
      'controlling money, or putting someone down until they feel small',
    ],
    whyWeAsk:
      'Control can be quiet and still do deep harm. It also tends to come back when contact resumes, so the safe choice is not to reconnect.',
    whatHappens: { yes: SIDED_YES, unsure: SIDED_UNSURE, no: SIDED_NO },
    lockReason: 'coercive_control',
    principles: ['P16', 'P18'],
  },
  {
    key: 'stalking',
    id: 'stalking',
    title: 'Following or watching',
    sided: true,
    sides: {
      byEx: 'Since the breakup or before it, has your ex followed, watched or kept turning up on you?',
      byUser: 'Since the breakup or before it, have you followed, watched or kept turning up on your ex?',
    },
    examples: [
      'waiting outside a home or workplace',
      'checking their location or accounts',
      'contacting them through friends or new accounts after being ignored',
    ],
    whyWeAsk:
      'Unwanted following or watching frightens people and can be a crime. If it has happened on either side, more contact would add to it.',
    whatHappens: { yes: SIDED_YES, unsure: SIDED_UNSURE, no: SIDED_NO },
    lockReason: 'stalking',
    principles: ['P2', 'P16'],
  },
  {
    key: 'exAskedNoContact',
    id: 'ex-asked-no-contact',
    title: 'A request for no contact',
    sided: false,
    question: 'Has your ex asked you not to contact them?',
    examples: ['"please stop messaging me"', '"I need you to leave me alone"', '"do not contact me again"'],
    whyWeAsk: 'When someone asks for no contact, respecting it is the only caring answer.',
    whatHappens: {
      yes: 'Outreach tools stay off until your ex gets in touch with you of their own accord. You can still use everything that helps you heal.',
      unsure:
        'Outreach tools stay off until you answer again. If you are not sure what they meant, treat it as a request for space.',
      no: 'Nothing changes. If they ask later, record it and we will respect it.',
    },
    lockReason: 'no_contact_request',
    principles: ['P2', 'P16'],
  },
  {
    key: 'exBlockedUser',
    id: 'ex-blocked-user',
    title: 'Being blocked',
    sided: false,
    question: 'Has your ex blocked you on their phone, email or social media?',
    examples: ['your calls or messages no longer go through', 'you can no longer see their profile'],
    whyWeAsk:
      'A block is a clear message that they do not want contact. Getting around it would not respect that.',
    whatHappens: {
      yes: 'Outreach tools stay off for good. The moving-on path and your healing tools stay open.',
      unsure:
        'Outreach tools stay off until you answer again. Please do not test it by trying to reach them.',
      no: 'Nothing changes.',
    },
    lockReason: 'blocked',
    principles: ['P16'],
  },
  {
    key: 'courtOrder',
    id: 'court-order',
    title: 'A court or protective order',
    sided: false,
    question:
      'Is there a court order, restraining order or protective order between you, in either direction?',
    examples: [
      'a restraining or protection order',
      'bail or probation conditions about contact',
      'a non-molestation order',
    ],
    whyWeAsk:
      'An order about contact must be followed exactly. Breaking it can have serious legal consequences.',
    whatHappens: {
      yes: 'Outreach tools stay off for good. If the order covers children or shared matters, follow its terms and your lawyer’s advice.',
      unsure:
        'Outreach tools stay off until you answer again. A lawyer or the court that made the order can tell you what it covers.',
      no: 'Nothing changes.',
    },
    lockReason: 'court_order',
    principles: ['P16'],
  },
];

/**
 * The text for each lock reason, for the lock banner and the Help screen. A "not sure"
 * answer pauses outreach with the same reason and the duration `until-clarified`: see
 * {@link lockText}.
 */
export const LOCK_TEXTS: readonly LockText[] = [
  {
    reason: 'abuse',
    duration: 'permanent',
    title: 'Outreach is off because of physical harm',
    explanation:
      'You told us there was physical harm or fear of it in the relationship. Olive Branch will not help with contact after that, whichever side it came from. This is not a judgement of you; it is how we keep everyone safe.',
    lift: null,
    principles: ['P16', 'P18'],
  },
  {
    reason: 'threats',
    duration: 'permanent',
    title: 'Outreach is off because of threats',
    explanation:
      'You told us there were threats in the relationship. Contact after threats tends to bring the fear back, so the outreach tools stay off.',
    lift: null,
    principles: ['P16', 'P18'],
  },
  {
    reason: 'coercive_control',
    duration: 'permanent',
    title: 'Outreach is off because of control',
    explanation:
      'You told us one of you controlled the other. That pattern usually returns when contact resumes, so the outreach tools stay off.',
    lift: null,
    principles: ['P16', 'P18'],
  },
  {
    reason: 'stalking',
    duration: 'permanent',
    title: 'Outreach is off because of following or watching',
    explanation:
      'You told us there was following, watching or unwanted turning up. More contact would add to it, so the outreach tools stay off.',
    lift: null,
    principles: ['P2', 'P16'],
  },
  {
    reason: 'no_contact_request',
    duration: 'until-ex-reopens',
    title: 'Outreach is paused: your ex asked for no contact',
    explanation:
      'Your ex asked you not to contact them. Respecting that is the kindest thing you can do for them and for yourself.',
    lift: 'Only your ex can change this, by getting in touch with you of their own accord. When that happens, log their message in the contact log, then confirm that they re-opened contact.',
    principles: ['P2', 'P16'],
  },
  {
    reason: 'blocked',
    duration: 'permanent',
    title: 'Outreach is off: your ex blocked you',
    explanation:
      'A block means they do not want contact right now. Reaching them another way would go against their wish, so the outreach tools stay off.',
    lift: null,
    principles: ['P16'],
  },
  {
    reason: 'court_order',
    duration: 'permanent',
    title: 'Outreach is off: there is a court order',
    explanation:
      'There is an order about contact between you. Follow its terms exactly; Olive Branch will not help with contact.',
    lift: null,
    principles: ['P16'],
  },
];

/** Shown to a user whose own answers describe harm they caused. */
export const SELF_HARMFUL_BEHAVIOUR_NOTE =
  'If you recognised your own behaviour in these questions, that takes courage to admit. Change is possible with support: a GP, a counsellor or a programme for people who want to stop hurting a partner can help. The help lines under Help can point you to one.';

/** The moving-on path (P18), offered whenever outreach is locked and on the moving-on outcome. */
export const MOVING_ON_PATH: readonly MovingOnStep[] = [
  {
    id: 'moving-on-accept',
    title: 'Let this be the ending',
    text: 'You do not need their permission or a final conversation to close this chapter. Closing it is something you can do on your own.',
    principles: ['P13', 'P18'],
  },
  {
    id: 'moving-on-space',
    title: 'Make space that lasts',
    text: 'Keep the no-contact clock running as a support, not a countdown. Mute, archive or put away the reminders that pull you back.',
    principles: ['P2', 'P3'],
  },
  {
    id: 'moving-on-feel',
    title: 'Grieve at your own pace',
    text: 'Keep writing check-ins and unsent letters. Sadness comes in waves; each wave passes a little faster.',
    principles: ['P3', 'P13'],
  },
  {
    id: 'moving-on-support',
    title: 'Lean on people',
    text: 'Tell someone you trust what is going on. If it feels too heavy, a counsellor can help you carry it, and the help lines are there day and night.',
    principles: ['P3', 'P15'],
  },
  {
    id: 'moving-on-grow',
    title: 'Build your own life',
    text: 'Keep the habits that help you. Choose one goal that is entirely yours and take a small step towards it this week.',
    principles: ['P4', 'P18'],
  },
  {
    id: 'moving-on-lessons',
    title: 'Keep the lessons',
    text: 'Look back at your reflection: what you learned about yourself, and what you want in a future relationship.',
    principles: ['P1', 'P18'],
  },
];

const UNSURE_TITLE = 'Outreach is paused until a safety answer is clear';
const UNSURE_EXPLANATION =
  'You answered "not sure" to a safety question. We take that seriously, so outreach stays off for now, and every tool that helps you heal stays open. Talking it over with someone you trust or a help line can make it clearer.';
const UNSURE_LIFT =
  'Answer the safety questions again once you are sure. A clear no opens outreach again; a yes keeps it off.';

/**
 * The explanation of a lock, by reason and duration (as the method engine reports them).
 * An `until-clarified` lock gets the "not sure" text; an unknown reason gets a safe,
 * general text, never an error.
 *
 * @example
 * lockText('blocked').lift // null
 * lockText('no_contact_request').lift // 'Only your ex can change this, …'
 * lockText('abuse', 'until-clarified').title // 'Outreach is paused until a safety answer is clear'
 */
export function lockText(reason: LockReason, duration?: LockDuration): LockText {
  const known = LOCK_TEXTS.find((l) => l.reason === reason);
  if (duration === 'until-clarified') {
    return {
      reason,
      duration,
      title: UNSURE_TITLE,
      explanation: UNSURE_EXPLANATION,
      lift: UNSURE_LIFT,
      principles: known?.principles ?? ['P16', 'P18'],
    };
  }
  return (
    known ?? {
      reason,
      duration: duration ?? 'permanent',
      title: 'Outreach is off for safety',
      explanation:
        'Something you told us means contact is not safe or not wanted right now, so the outreach tools stay off.',
      lift: null,
      principles: ['P16', 'P18'],
    }
  );
}

/**
 * The screening question for an answer key.
 *
 * @example
 * safetyQuestion('courtOrder').title // 'A court or protective order'
 */
export function safetyQuestion(key: SafetyQuestionKey): SafetyQuestion {
  return SAFETY_QUESTIONS.find((q) => q.key === key)!;
}
