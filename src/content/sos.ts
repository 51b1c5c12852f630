/**
 * The Urge / SOS screen's text: a 60-second pause, a paced breathing exercise, the "write it,
 * don't send it" prompt (which saves an unsent letter), and short grounding lines.
 *
 * Written for someone holding their phone at 2 a.m. with a message half typed: short
 * sentences, no judgement, nothing to decide except the next breath (P2 P3 P16).
 */
import type { PrincipleId } from '../coach/types.js';

/** One line of the pause script, shown from `atSecond` on. */
export interface PauseLine {
  atSecond: number;
  text: string;
}

export interface BreathingStep {
  /** What to do, in a word or two: shown large in the middle of the screen. */
  label: string;
  /** How long the step lasts, in seconds. */
  seconds: number;
  /** The animation cue: the circle grows, holds or shrinks. */
  cue: 'in' | 'hold' | 'out';
}

export interface BreathingExercise {
  id: string;
  title: string;
  intro: string;
  /** One cycle; repeated `cycles` times. */
  steps: BreathingStep[];
  cycles: number;
  /** Shown instead of the animation when the user prefers reduced motion. */
  reducedMotionHint: string;
  outro: string;
}

export interface WriteItPrompt {
  title: string;
  intro: string;
  placeholder: string;
  /** Shown beside the seal option. */
  sealHint: string;
  saveLabel: string;
  /** Shown after saving. */
  saved: string;
  principles: PrincipleId[];
}

/** The opening of the SOS screen. */
export const SOS_INTRO = {
  title: 'The urge will pass',
  text: 'Wanting to reach out is normal. You do not have to act on it right now. Choose one thing below.',
  options: {
    pause: 'Pause for 60 seconds',
    breathe: 'Breathe with me',
    write: 'Write it here instead',
    help: 'Talk to someone now',
  },
} as const;

/** The 60-second pause, one line every ten seconds or so. */
export const PAUSE_SECONDS = 60;
export const PAUSE_SCRIPT: readonly PauseLine[] = [
  { atSecond: 0, text: 'Put the phone down on your lap, or on the table. Just for a minute.' },
  { atSecond: 8, text: 'Notice the feeling. Give it a name: missing them, lonely, angry, scared.' },
  { atSecond: 18, text: 'It is allowed to be here. It does not get to choose what you do.' },
  { atSecond: 28, text: 'Feel your feet on the floor, and the weight of your body where you sit.' },
  { atSecond: 38, text: 'Ask yourself: how will I feel about this message tomorrow morning?' },
  { atSecond: 48, text: 'Whatever you want to say can wait until then. Nothing is lost by waiting.' },
  { atSecond: 56, text: 'You stayed with it for a whole minute. That is strength.' },
];

/** What to offer when the minute is over. */
export const PAUSE_DONE = {
  text: 'How strong is the urge now? If it is still loud, write it out below or breathe for a few more rounds.',
  again: 'Another minute',
} as const;

/** Paced breathing with a longer out-breath, which tends to slow the body down. */
export const BREATHING: BreathingExercise = {
  id: 'breathing-4-2-6',
  title: 'Breathe with me',
  intro: 'Follow the circle. Breathe in through your nose and out slowly through your mouth.',
  steps: [
    { label: 'Breathe in', seconds: 4, cue: 'in' },
    { label: 'Hold', seconds: 2, cue: 'hold' },
    { label: 'Breathe out', seconds: 6, cue: 'out' },
  ],
  cycles: 5,
  reducedMotionHint: 'Count along with the numbers: in for four, hold for two, out for six.',
  outro: 'Well done. Notice whether anything has softened, even a little.',
};

/** The total length of the breathing exercise, in seconds. */
export const BREATHING_SECONDS: number =
  BREATHING.steps.reduce((sum, s) => sum + s.seconds, 0) * BREATHING.cycles;

/** "Write it, don't send it": the words go into an unsent letter, never to the ex. */
export const WRITE_IT: WriteItPrompt = {
  title: 'Write it, don’t send it',
  intro:
    'Say everything you want to say, exactly as it comes. Nobody will read this but you, and Olive Branch will never send it.',
  placeholder: 'What I really want to tell you is…',
  sealHint: 'You can seal the letter until a date, so you read it again with fresh eyes.',
  saveLabel: 'Keep it as an unsent letter',
  saved: 'Saved. It is safe here, and so is your no-contact streak.',
  principles: ['P2', 'P3', 'P13'],
};

/** Short grounding lines, shown one at a time; any one of them is enough. */
export const GROUNDING_LINES: readonly string[] = [
  'Name five things you can see around you.',
  'Name four things you can touch, and touch them.',
  'Name three sounds you can hear right now.',
  'Hold something cold, or run your hands under water.',
  'Say to yourself: this is a wave, and waves pass.',
  'Stand up, stretch your arms, and roll your shoulders slowly.',
  'Text a friend something unrelated: a photo, a joke, a hello.',
  'Drink a glass of water, slowly.',
];

/** Always at the bottom of the SOS screen. */
export const SOS_CRISIS_LINE =
  'If you are thinking about hurting yourself, please reach out now. The help lines for your country are one tap away, day and night.';
