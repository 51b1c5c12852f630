/**
 * The app's key explanatory copy: what Olive Branch is and is not, what the password
 * protects (and what losing it means), and a short, kind description of each phase of the
 * journey. The phase ids match `PhaseId` from the method engine.
 */
import type { PrincipleId } from '../coach/types.js';
import type { PhaseId } from '../method/types.js';

export interface AboutCopy {
  tagline: string;
  /** What the app does, in a few lines. */
  is: string[];
  /** What it is not, said plainly. */
  isNot: string[];
}

export interface PasswordCopy {
  title: string;
  text: string;
  /** Shown as a checkbox the user ticks at registration. */
  acknowledgement: string;
  exportReminder: string;
}

/** A phase of the journey as the user reads it. `moving-on` and `together` split the outcome. */
export type PhaseCopyId = Exclude<PhaseId, 'outcome'> | 'together' | 'moving-on';

export interface PhaseCopy {
  id: PhaseCopyId;
  title: string;
  /** One line under the title on Today. */
  summary: string;
  /** A short paragraph on the phase page. */
  description: string;
  principles: PrincipleId[];
}

export const APP_NAME = 'Olive Branch';

export const ABOUT: AboutCopy = {
  tagline: 'A calm companion for the time after a breakup.',
  is: [
    'A guide through a careful method: understand what happened, give space, heal and grow, decide honestly, and only then, if it is right and wanted on both sides, reconnect slowly.',
    'A message coach that points out blame, pressure or begging in a draft before you send it, and explains why.',
    'A private journal, check-ins, habits and progress charts that are yours alone.',
    'Just as much help if you decide to move on.',
  ],
  isNot: [
    'It is not a way to get someone back. Nobody can promise that, and we will not try.',
    'It is not therapy or a crisis service. If you are struggling, a professional or a help line can do what an app cannot.',
    'It will never help contact someone who does not want to hear from you, or after harm or fear in the relationship.',
    'It does not send your data anywhere: no cloud, no tracking, no AI service reading your words.',
  ],
};

export const PRIVACY = {
  title: 'Private by design',
  points: [
    'Everything you write stays on this device or on the server you run yourself.',
    'What you write is encrypted with a key that only your password unlocks.',
    'Olive Branch makes no requests to other websites: no analytics, no fonts or scripts from elsewhere.',
    'You can export everything at any time, and delete your account completely.',
  ],
} as const;

export const PASSWORD: PasswordCopy = {
  title: 'Your password is the only key',
  text: 'Your journal, letters and notes are encrypted with a key that only your password can unlock. We do not keep a copy and cannot reset it. If the password is lost, the data cannot be recovered by anyone, including us.',
  acknowledgement: 'I understand that if I lose my password, my data is gone for good.',
  exportReminder: 'Export your journey regularly and keep the file somewhere safe. It is the only backup.',
};

/** The phases, in journey order, followed by the two outcomes and the locked state. */
export const PHASES: readonly PhaseCopy[] = [
  {
    id: 'reflect',
    title: 'Reflect',
    summary: 'Understanding what happened, including your own part.',
    description:
      'Take time to look at why the relationship ended, what you brought to it, the patterns you notice, and what was good. There are no wrong answers, and you can come back to it.',
    principles: ['P1'],
  },
  {
    id: 'heal-and-grow',
    title: 'Heal and grow',
    summary: 'Space from your ex, and care for yourself.',
    description:
      'The no-contact clock is running. This is time for you: check in with your feelings, look after your body and mind, and build a life that is yours. Slips happen; they are logged kindly and erase nothing.',
    principles: ['P2', 'P3', 'P4'],
  },
  {
    id: 'decide',
    title: 'Decide',
    summary: 'Is getting back together realistic and healthy for both of you?',
    description:
      'With a clearer head, look honestly at compatibility, your goals and whether there is a wish to change on both sides. Moving on is an equally good answer.',
    principles: ['P5', 'P14'],
  },
  {
    id: 'reconnect',
    title: 'Reconnect',
    summary: 'Reaching out gently, one step at a time.',
    description:
      'If you choose to get in touch, start on a channel your ex is comfortable with, be open about why, and let them set the pace. The message coach reads your drafts with you.',
    principles: ['P6', 'P7', 'P8', 'P9'],
  },
  {
    id: 'rebuild',
    title: 'Rebuild',
    summary: 'Trust grows back through small promises kept.',
    description:
      'You are building something new, slowly. Keep your commitments, show appreciation, forgive old hurts, and expect the odd setback along the way.',
    principles: ['P10', 'P11', 'P12', 'P13'],
  },
  {
    id: 'together',
    title: 'Together again',
    summary: 'Keeping the habits that rebuilt trust.',
    description:
      'You chose to try again, together. Keep doing what helped: honest talks, kept promises, time for yourselves. Setbacks can still happen, and there is help if they do.',
    principles: ['P10', 'P14', 'P18'],
  },
  {
    id: 'moving-on',
    title: 'Moving on',
    summary: 'Keeping the lessons, and looking after yourself.',
    description:
      'This chapter is closing. That takes courage. Keep the habits that helped you, lean on the people around you, and carry forward what you learned about yourself.',
    principles: ['P13', 'P18'],
  },
  {
    id: 'safety-locked',
    title: 'Focusing on you',
    summary: 'Outreach is off for safety; everything that helps you heal is here.',
    description:
      'Something you told us means contact with your ex is not safe or not wanted. Olive Branch will not help with contact, but it will walk beside you as you heal and move on. Help lines are always one tap away.',
    principles: ['P16', 'P18'],
  },
];

/**
 * The copy for a phase. For the `outcome` phase pass its outcome (`together` or
 * `moving-on`); without one, `moving-on` is the gentler default.
 *
 * @example
 * phaseCopy('decide').title // 'Decide'
 * phaseCopy('outcome', 'together').title // 'Together again'
 */
export function phaseCopy(id: PhaseId, outcome?: 'together' | 'moving-on' | null): PhaseCopy {
  const key: PhaseCopyId = id === 'outcome' ? (outcome ?? 'moving-on') : id;
  return PHASES.find((p) => p.id === key)!;
}
