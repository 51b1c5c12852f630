/**
 * One short lesson per principle of the method (METHOD.md, P1–P18), in our own words.
 * The UI shows a lesson when someone taps a principle id next to a step or a finding;
 * the CLI prints them with `--explain`.
 *
 * Tone: warm, plain, calm. No guarantees about the ex, no tactics to win anyone over:
 * every lesson is as much about the user's own well-being as about the relationship.
 */
import type { PrincipleId } from '../coach/types.js';

/** A principle, explained for the person using the app. */
export interface Lesson {
  id: PrincipleId;
  /** A few words, shown as a heading. */
  title: string;
  /** One line, shown under a step or a finding. */
  summary: string;
  /** What the principle asks, in two or three sentences. */
  what: string;
  /** Why it matters, for the user first and the relationship second. */
  why: string;
  /** 3–5 concrete things to do. */
  how: string[];
  /** A common trap, when there is one worth naming. */
  watchOut?: string;
}

/** Every principle id, in order. */
export const PRINCIPLE_IDS: readonly PrincipleId[] = [
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'P7',
  'P8',
  'P9',
  'P10',
  'P11',
  'P12',
  'P13',
  'P14',
  'P15',
  'P16',
  'P17',
  'P18',
];

/** The eighteen lessons, in principle order. */
export const LESSONS: readonly Lesson[] = [
  {
    id: 'P1',
    title: 'Understand the breakup',
    summary: 'Look honestly at why it ended, including your own part in it.',
    what: 'Before anything else, take stock of what went wrong and what went right. Name the reasons it ended, the part you played, the habits that kept repeating, and what brought the two of you together in the first place.',
    why: 'A clear picture keeps you from repeating the same hurt, whether or not you get back together. It also turns vague regret into something you can actually work on.',
    how: [
      'Pick the reasons that fit from the list (communication, trust, infidelity, values or goals, commitment, constant conflict, other) and write a line about each.',
      'Write down two or three things you did that made things harder, without beating yourself up.',
      'Note any pattern you recognise from earlier relationships or from your family.',
      'List what was good between you, and what drew you to each other at the start.',
    ],
    watchOut:
      'Reflection is not a trial. If every sentence ends with "it was all their fault" or "it was all mine", step back: it is rarely that simple.',
  },
  {
    id: 'P2',
    title: 'Give space first',
    summary: 'Stop reaching out for a while, 30 days by default, so both of you can breathe.',
    what: 'For a set period you do not contact your ex: no messages, no calls, no checking in through friends. Contact that truly cannot wait, such as arrangements for children, a shared home or money, is fine and is logged as necessary rather than as a break.',
    why: 'Distance lets strong feelings settle on both sides. It gives you room to heal and think clearly, and it shows respect for the decision your ex made.',
    how: [
      'Set your no-contact goal (30 days unless you choose otherwise) and start the clock today.',
      'Mute or archive the conversation so it is not the first thing you see each morning.',
      'When you feel the urge, open the SOS screen and write the message here instead of sending it.',
      'Keep necessary contact short, practical and about the practical matter only.',
    ],
    watchOut:
      'No contact is not a tactic to make someone miss you. If you slip, log it and start again: the history stays, and nobody is judging you.',
  },
  {
    id: 'P3',
    title: 'Let yourself feel it',
    summary: 'Grief, anger and sadness are normal; look after them in healthy ways.',
    what: 'A breakup is a loss, and loss hurts. Let the feelings come, give them somewhere safe to go, and lean on people who care about you.',
    why: 'Feelings that are pushed down tend to leak out later, often in a message you regret. Feelings that are noticed and cared for slowly lose their grip.',
    how: [
      'Write a short check-in each day: your mood, how strong the urge to reach out is, and how you slept.',
      'Move your body most days, even a ten-minute walk counts.',
      'Try a few minutes of slow breathing or meditation when the feelings spike.',
      'Tell one trusted friend or family member how you are really doing this week.',
    ],
    watchOut:
      'Feeling awful for a while is human. Feeling consumed, unable to eat, sleep or work for weeks, is a sign to ask for more help (see P15).',
  },
  {
    id: 'P4',
    title: 'Grow as a person',
    summary: 'Look after your body, mind and confidence, and build a life that is yours.',
    what: 'Use this time to take care of yourself: sleep, food and movement, your mental health, your confidence, and the interests and friendships that belong to you alone.',
    why: 'You deserve a good life whatever happens with your ex. A steadier, fuller you also makes healthier choices, including about this relationship.',
    how: [
      'Choose two small daily habits (for example a walk and a regular bedtime) and tick them off here.',
      'Write down three strengths you have, and one moment this week when you used one of them.',
      'Pick up one goal or hobby that has nothing to do with your ex.',
      'Spend time with people who make you feel like yourself.',
    ],
    watchOut:
      'Growth done for an audience is not growth. If you catch yourself improving mainly so your ex will notice, bring the focus back to what you want for you.',
  },
  {
    id: 'P5',
    title: 'Decide whether it is right',
    summary: 'Ask honestly whether getting back together would be realistic and healthy for both of you.',
    what: 'Once the first storm has passed, look at the relationship with clear eyes: are you compatible, do your long-term plans fit, and is there a wish to change on both sides? Your answer may be no, and that is a valid outcome.',
    why: 'Wanting someone back is not the same as the relationship being good for either of you. Deciding carefully protects you both from another painful ending.',
    how: [
      'Take the assessment in the Decide step and read the reasons behind the result.',
      'Ask yourself whether you miss this person, or mostly miss not being alone.',
      'Write down your own red lines: the things you will not accept again.',
      'Talk it through with someone you trust who knew you both, or with a counsellor.',
    ],
    watchOut:
      'Loneliness, pride and jealousy are real feelings, but on their own they are not reasons to reconcile.',
  },
  {
    id: 'P6',
    title: 'Reconnect carefully',
    summary: 'Reach out only when you are ready, on a channel they are comfortable with, one step at a time.',
    what: 'If you decide to get in touch, be open about why, use the channel your ex is at ease with (email if you are unsure), and move up to a text, a call or a meeting only when the exchanges are easy and roughly balanced.',
    why: 'A gentle, honest approach leaves your ex free to answer or not. Going slowly protects both of you from pressure and from raising hopes too fast.',
    how: [
      'Wait until the no-contact clock, your reflection and the assessment are done.',
      'Say plainly why you are writing; never invent a pretext.',
      'Send at a relaxed moment in their time zone: not during working hours, not late at night.',
      'Suggest the next step (a call, then a meeting in a neutral place) only after a few easy exchanges.',
      'If you notice you are doing all the reaching out, pause and give space again.',
    ],
  },
  {
    id: 'P7',
    title: 'Communicate with care',
    summary: 'Listen, reflect back, and speak about your own feelings instead of their faults.',
    what: 'Good conversations rest on listening to understand, letting the other person feel heard, and describing your experience with "I felt … when …" rather than "you always …". Leave old arguments where they are.',
    why: 'Blame makes people defend themselves; being heard makes them relax. And nobody can be argued into loving someone: feelings, not debate, decide.',
    how: [
      'Before replying, sum up what you heard in a sentence and ask whether you got it right.',
      'Name their feeling without arguing with it ("that sounds like it was exhausting").',
      'Turn a complaint into an I-statement about your own feeling and what happened.',
      'Say what you mean directly, in few words, and mean what you say.',
    ],
    watchOut:
      'If a message starts listing who did what in the old fights, save it as a draft and sleep on it.',
  },
  {
    id: 'P8',
    title: 'What never helps',
    summary: 'No begging, bargaining, grand promises, blanket apologies, games or pressure.',
    what: 'Some moves feel urgent in the moment but always make things worse: pleading, bargaining, promising to change everything, saying sorry for everything, playing games with jealousy or silence, chipping at their self-esteem, and pushing for an answer.',
    why: 'These moves take away the other person’s free choice, and they cost you your dignity. Even when they seem to work for a moment, they build on fear or guilt rather than on wanting to be together.',
    how: [
      'Run every draft through the message coach before you send it.',
      'Replace "I will do anything" with one specific, small thing you already do differently.',
      'Drop any line written to make them jealous, guilty or worried.',
      'If you want an answer badly, say nothing today and write in your journal instead.',
    ],
  },
  {
    id: 'P9',
    title: 'Apologise sincerely',
    summary: 'Name what you did and the hurt it caused, without excuses.',
    what: 'A real apology names the specific behaviour, acknowledges how it affected the other person, takes responsibility without a "but", and says what you have learned and now do differently.',
    why: 'A specific apology shows you understand what happened, which a general "sorry for everything" cannot. It is offered freely, not traded for forgiveness.',
    how: [
      'Use the apology builder: one behaviour, its impact, your responsibility, what changed.',
      'Cut every "but" and every explanation that sounds like an excuse.',
      'Describe a change you can already point to, not a promise about the future.',
      'Let them respond in their own time, or not at all.',
    ],
    watchOut: 'An apology with a condition attached ("I said sorry, so now…") is not an apology.',
  },
  {
    id: 'P10',
    title: 'Rebuild trust through consistency',
    summary: 'Keep every promise, however small, and make none you cannot keep.',
    what: 'Trust comes back slowly, through words and actions that match again and again. Be predictable, honest and open, and own it when you fall short.',
    why: 'Grand gestures fade; a steady record does not. Consistency is also how you learn to trust yourself again.',
    how: [
      'Write each commitment in the ledger with a date, and mark it kept or broken honestly.',
      'Before promising anything, ask whether you could keep it on a bad day.',
      'Prefer small, concrete promises ("I will call on Sunday at six") over big ones.',
      'When you break one, say so plainly and make it right, without drama.',
    ],
    watchOut: 'A long list of open promises is a warning sign, not a sign of commitment.',
  },
  {
    id: 'P11',
    title: 'Show goodwill',
    summary: 'Appreciation and small kindnesses, with no strings attached.',
    what: 'Notice what you are grateful for and say it, offer small gestures of kindness, and be there if they need support, while still giving them room.',
    why: 'Warmth that asks for nothing back makes contact feel safe. Gratitude also lifts your own mood.',
    how: [
      'Thank them for something specific when the moment is natural.',
      'Offer help only where it is welcome, and let them say no easily.',
      'Keep gestures small and proportionate; a grand gesture can feel like pressure.',
    ],
    watchOut: 'Kindness given to create a debt ("after all I did for you") is not goodwill.',
  },
  {
    id: 'P12',
    title: 'Take it slow',
    summary: 'You are building something new, not pressing play on the old relationship.',
    what: 'If you start seeing each other again, treat it as a new relationship with a lot of history. Take small steps, and leave big decisions for later.',
    why: 'Rushing skips the part where trust and new habits form, which is often what was missing before.',
    how: [
      'Agree on one small next step at a time: a walk, a coffee, a call.',
      'Hold off on moving in, big purchases or announcements until things feel steady for a good while.',
      'Check in with yourself after each meeting: calm, anxious, or something in between?',
    ],
  },
  {
    id: 'P13',
    title: 'Forgive and let go',
    summary: 'Put down old resentments, on both sides, to make room for a fresh start.',
    what: 'Forgiveness means choosing to stop carrying the grudge, not pretending nothing happened. It applies to your ex and to yourself.',
    why: 'Resentment keeps the old fights alive and makes every new conversation heavier. Letting go frees you, whatever the outcome.',
    how: [
      'Write an unsent letter saying everything you still hold against them, then seal it.',
      'Write another to yourself about what you forgive yourself for.',
      'Notice when an old grievance comes up in a draft, and ask whether it still needs saying.',
    ],
    watchOut: 'Forgiving does not mean accepting harm. Some things should not be tolerated again.',
  },
  {
    id: 'P14',
    title: 'Expect setbacks',
    summary: 'Progress is not a straight line; after a setback, look again calmly.',
    what: 'Arguments, silences and old habits can come back, even when things are going well. A setback is information, not a verdict.',
    why: 'Expecting bumps keeps one bad day from undoing weeks of work. Looking again after each one keeps the decision honest.',
    how: [
      'Log the setback and what happened, briefly and without blame.',
      'Retake the assessment: compatibility, goals, and whether you both still want to change.',
      'Go back to the basics that helped before: space, check-ins, a talk with a friend.',
    ],
    watchOut: 'If the same setback keeps repeating, that pattern is telling you something worth hearing.',
  },
  {
    id: 'P15',
    title: 'Get professional help',
    summary: 'A therapist or counsellor can help, alone or together, and especially when you are struggling.',
    what: 'Talking to a trained professional is a strength, not a last resort. It can help you heal, understand patterns, or work through things as a couple.',
    why: 'Some knots are too tight to untie alone. A professional offers a safe, neutral place and tools that friends cannot.',
    how: [
      'If your mood has stayed low or the urges stay strong for two weeks, book an appointment with a GP, therapist or counsellor.',
      'Look for someone who works with breakups, grief or relationships.',
      'If you reconcile, consider couples counselling early, before problems pile up.',
      'If you ever think about harming yourself, contact a crisis line now (see Help).',
    ],
  },
  {
    id: 'P16',
    title: 'Respect boundaries',
    summary: 'Their space and choices come first; expect nothing quickly.',
    what: 'Your ex decides when, how and whether to be in touch. A no, a slow reply or silence is an answer you respect, not a problem to solve.',
    why: 'Respecting a boundary is what makes contact safe for them and keeps you from becoming someone you would not want to be.',
    how: [
      'If they ask for space or no contact, stop, and do not look for ways around it.',
      'After two messages without a reply, do not send a third.',
      'Never reach them through friends, family, work or new accounts.',
      'Drop any deadline you have set in your head for their answer.',
    ],
    watchOut:
      'Olive Branch locks outreach when your ex has asked you to stop; that is on purpose, and only they can reopen it.',
  },
  {
    id: 'P17',
    title: 'Read the signs honestly',
    summary: 'Some signals may mean feelings remain, but only an honest conversation tells you.',
    what: 'They reach out often, they start conversations, they seem bothered when you are with someone new: these may suggest feelings remain, or may not. If they have moved on, reconciling is harder.',
    why: 'Hope can make us read too much into little things. Looking at the whole picture keeps you grounded.',
    how: [
      'Look at the engagement numbers: who starts conversations and how replies balance out.',
      'Write down what actually happened, separate from what you hope it meant.',
      'If you need to know, ask calmly and accept the answer.',
    ],
    watchOut: 'A friendly reply is kindness, not a promise. Let it be what it is.',
  },
  {
    id: 'P18',
    title: 'Be well, whatever happens',
    summary: 'Your well-being matters more than the outcome; if it is over, keep the lessons and move on.',
    what: 'The aim of this journey is that you come out of it stronger and kinder to yourself, together or apart. Moving on is a real, worthy outcome.',
    why: 'Nobody can control another person’s heart. What you can shape is who you become along the way.',
    how: [
      'Keep the habits that helped you, whatever the outcome.',
      'Write down what you learned about yourself and what you want next time.',
      'If it is over, say goodbye kindly, or simply let it rest.',
      'Celebrate progress that has nothing to do with your ex.',
    ],
  },
];

const BY_ID: ReadonlyMap<string, Lesson> = new Map(LESSONS.map((l) => [l.id, l]));

/**
 * The lesson for a principle id, or `undefined` for an unknown id (ids often come from
 * URLs or typed input, so an unknown one is not an error here).
 *
 * @example
 * lessonFor('P6')?.title // 'Reconnect carefully'
 * lessonFor('P99') // undefined
 */
export function lessonFor(id: string): Lesson | undefined {
  return BY_ID.get(id.trim().toUpperCase());
}

/**
 * Whether a string is a principle id (P1…P18).
 *
 * @example
 * isPrincipleId('P18') // true
 * isPrincipleId('P0') // false
 */
export function isPrincipleId(id: string): id is PrincipleId {
  return BY_ID.has(id);
}
