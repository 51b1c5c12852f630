/**
 * I-statements (P7), a strength: owning a feeling ("I felt hurt when…", "I feel sad")
 * instead of describing the other person ("you always…").
 *
 * "I feel like you…" / "I feel that you…" is a judgement about them dressed as a feeling,
 * so it does not count. Patterns run on normalized text (see types.ts).
 */
import type { Rule, RuleException } from '../types.js';

/** Feelings, in the words people text them. */
const FEELING =
  '(?:hurt|sad|lonely|alone|scared|afraid|anxious|worried|nervous|confused|lost|disappointed|frustrated|angry|upset|ashamed|embarrassed|guilty|heartbroken|overwhelmed|unheard|unseen|unimportant|ignored|invisible|rejected|insecure|jealous|grateful|thankful|happy|hopeful|relieved|calm|proud|regretful|vulnerable|disconnected|neglected|unappreciated|unloved|unwanted|taken for granted|exhausted|drained|stuck|uncertain|unsure|torn|conflicted|at peace|peaceful|better|stronger|ready|awful|terrible|bad|horrible|small|hopeless|helpless|betrayed|humiliated|abandoned|left out|pushed away|shut out|misunderstood|dismissed|judged|pressured|trapped|safe|loved|respected|close to you|far from you|distant|numb|empty|broken|resentful|bitter|jealous|sorry|regret|remorse|shame|guilt)';

/** "I feel like you …": a judgement about them, not a feeling. */
const disguisedJudgement: RuleException = {
  reason: '"I feel like you…" is a judgement, not a feeling',
  pattern: /\b(?:feel|felt|feeling) (?:like|that|as if|as though) (?:you|youre|your)\b/,
  scope: 'clause',
  examples: {
    flag: ['I felt hurt when the plans changed.'],
    pass: ['I feel like you never cared about me when I was sick.'],
  },
};

export const rules: Rule[] = [
  {
    id: 'i-statement/i-feel-when',
    category: 'i_statement',
    kind: 'strength',
    severity: 'info',
    confidence: 0.85,
    patterns: [
      /\bi(?:ve| have| had)?(?: been)? (?:(?:really|so|very|truly|honestly|often|sometimes|also|still|always|just|kind of) )?(?:feel|felt|feeling) (?:(?:really|so|very|a bit|a little|kind of|pretty|quite|deeply|more|less|incredibly|completely|totally) )?[a-z]+(?: [a-z]+)?,? (?:when(?:ever)?|because|after|about|each time|every time|since|that you|if)\b/,
      /\b(?:it|that|this) (?:really |truly |honestly |still )?(?:made|makes|left|leaves) me (?:feel )?(?:(?:really|so|very|a bit|a little|kind of|pretty|quite|deeply) )?[a-z]+(?: [a-z]+)?,? (?:when(?:ever)?|because|that|to)\b/,
      /\bit (?:really |truly |still )?hurt(?:s)? (?:me )?when\b/,
    ],
    exceptions: [disguisedJudgement],
    negation: 'ignore',
    inQuotes: false,
    message: 'You own the feeling and say what triggered it.',
    explanation:
      '"I felt … when …" tells them what happened inside you without accusing them, which makes it ' +
      'much easier for them to listen.',
    principles: ['P7'],
    suggestions: [],
    examples: {
      flag: [
        'I felt hurt when you cancelled our plans.',
        'i feel lonely when we dont talk',
        "I've been feeling anxious about how we left things.",
        'It made me feel small when I was corrected in public.',
        'It hurt when we stopped talking.',
      ],
      pass: ['I feel like you never listen.', 'You made me do it.'],
    },
  },
  {
    id: 'i-statement/owning-feeling',
    category: 'i_statement',
    kind: 'strength',
    severity: 'info',
    confidence: 0.75,
    patterns: [
      new RegExp(
        `\\bi(?:ve| have| had)?(?: been)? (?:(?:really|so|very|truly|honestly|often|sometimes|also|still|always|just|kind of) )?(?:feel|felt|feeling) (?:(?:really|so|very|a bit|a little|kind of|pretty|quite|deeply|more|less|incredibly|completely|totally|so much) )?${FEELING}\\b`,
      ),
      /\b(?:im|i am|i was|ive been|i have been) (?:(?:so|really|very|a bit|a little|kind of|pretty|quite|deeply|honestly|still|truly|incredibly) )?(?:hurt|sad|lonely|scared|afraid|anxious|worried|nervous|confused|disappointed|frustrated|heartbroken|ashamed|embarrassed|overwhelmed|grateful|thankful|hopeful|relieved|at peace|vulnerable)\b/,
    ],
    exceptions: [
      disguisedJudgement,
      {
        reason: 'a feeling turned into blame: "because of you"',
        pattern: /\b(?:because of you|your fault|you made me|thanks to you)\b/,
        scope: 'sentence',
        examples: {
          flag: ['I feel sad about how it ended.'],
          pass: ["I'm so hurt because of you."],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'You name your own feeling.',
    explanation:
      'Saying how you feel, in your own name, is honest and hard to argue with. It invites ' +
      'understanding rather than defence.',
    principles: ['P7'],
    suggestions: [],
    examples: {
      flag: ['I feel hurt.', "I've felt really lonely.", "I'm sad about how things ended.", 'im so grateful'],
      pass: ['I feel like you should apologise.', 'Feel better soon!'],
    },
  },
];
