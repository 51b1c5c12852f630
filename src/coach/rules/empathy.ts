/**
 * Empathy (P7), a strength: acknowledging the ex's feelings and experience ("I can imagine
 * that was really hard for you", "that makes sense", "I understand why you were upset").
 *
 * Validation followed by "but you…" takes it back, so it does not count.
 * Patterns run on normalized text (see types.ts).
 */
import type { Rule, RuleException } from '../types.js';

/** "I understand why you were upset, but…": the validation is taken back. */
const takenBack = (flag: string, pass: string): RuleException => ({
  reason: 'the "but" takes the validation back',
  pattern:
    /\b(?:understand|makes sense|imagine|hear you|valid|get it|get why|see why)(?: [\w,]+){0,10}? but (?:you|i (?:still )?think|it was|thats|that is|honestly|at the same time|come on|seriously)\b/,
  scope: 'sentence',
  examples: { flag: [flag], pass: [pass] },
});

const HARD =
  '(?:hard|difficult|painful|tough|scary|frightening|lonely|frustrating|exhausting|hurtful|upsetting|overwhelming|confusing|awful|horrible|terrible|stressful|draining|heartbreaking|devastating|rough|unfair|humiliating|a lot|so much|isolating|disappointing|infuriating|exhausting)';

export const rules: Rule[] = [
  {
    id: 'empathy/imagine-hard',
    category: 'empathy',
    kind: 'strength',
    severity: 'info',
    confidence: 0.85,
    patterns: [
      new RegExp(
        `\\b(?:that|it|this|which|the last (?:few )?(?:months|weeks|year)|all (?:of )?this) (?:must|might|may|would|could) (?:have been|be|have felt|feel) (?:(?:so|really|very|incredibly|awfully|pretty|quite|such|extremely|terribly|unbelievably) )?(?:a )?${HARD}\\b`,
      ),
      new RegExp(
        `\\bi (?:can |can only |cant |cannot |can not |can hardly |can barely |cant even |could only )?(?:imagine|picture|only imagine) (?:how|what|that|it|just how|the)(?: [a-z]+){0,5}? (?:${HARD}|felt|feel|feels|been|hurt|hurts|hurt you|must have|you went through|you were going through|it was like|it was for you|its been for you|youve been through)\\b`,
      ),
      new RegExp(
        `\\b(?:that|it|this) (?:sounds|sounded|looks|seems|seemed) (?:(?:so|really|very|incredibly|pretty|such) )?(?:a )?${HARD}\\b`,
      ),
      /\bi (?:can )?(?:see|understand|know|realize|realise) (?:how|just how) (?:much|hard|painful|difficult|lonely|scary|tough|hurt|upset|angry|frustrated|tired)\b/,
    ],
    exceptions: [
      takenBack('That must have been so hard.', 'I can imagine it was hard, but you overreacted.'),
      {
        reason: 'about something practical, not their feelings',
        pattern: /\b(?:traffic|parking|assembly|to (?:find|fit|fix|get|open|carry|build|assemble|install))\b/,
        scope: 'clause',
        examples: {
          flag: ['That sounds really hard.'],
          pass: ['That must have been hard to fit in the car.'],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'You acknowledge what it was like for them.',
    explanation:
      'Recognising how something felt from their side, without arguing with it, shows you are ' +
      'listening. People open up when they feel understood.',
    principles: ['P7'],
    suggestions: [],
    examples: {
      flag: [
        'I can imagine that was really hard for you.',
        'That must have been so lonely.',
        'that sounds really stressful',
        'I can only imagine how much that hurt.',
        'I see how much that hurt you.',
      ],
      pass: ['I imagine the kids will love the zoo.', 'It must be at the back of the garage.'],
    },
  },
  {
    id: 'empathy/validates',
    category: 'empathy',
    kind: 'strength',
    severity: 'info',
    confidence: 0.85,
    patterns: [
      /\bi (?:totally |completely |fully |really |truly |now |finally |can )?(?:understand|get|see|know|realize|realise) (?:now )?(?:why|how|that) you (?:(?:were|are|felt|feel|re|might|may|would|needed|wanted|had|left|did|said|pulled|stepped|walked|ended|chose|couldnt|didnt|dont|cant|must|might have|wanted to|need|were so|had to)\b|(?:so|really) )/,
      /\b(?:that|it|this|what you said|what you are saying|everything you said) (?:totally |completely |really |all |makes |)?(?:makes (?:total |complete |so much |perfect |a lot of )?sense)\b/,
      /\byour (?:feelings|anger|hurt|frustration|reaction|sadness|decision) (?:are|is|was|were) (?:completely |totally |entirely |so |absolutely )?(?:valid|understandable|fair|justified|legitimate|reasonable|okay|ok)\b/,
      /\byou (?:had|have) every right (?:to (?:be|feel)|to leave|to be angry|to be upset|to walk away|to end it)\b|\byou (?:were|are) right (?:to|about)\b|\bi hear you\b|\b(?:its|it is|that is|thats) (?:completely |totally |so |perfectly )?(?:understandable|okay|ok|fair) (?:that|why|if|to) you\b/,
      /\bhow are you (?:holding up|coping|doing with all)\b|\bhow have you been (?:holding up|coping)\b/,
    ],
    exceptions: [
      takenBack('I understand why you were upset.', 'I understand why you were upset, but you overreacted.'),
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'You validate their feelings.',
    explanation:
      'Telling them their feelings make sense, even if you see things differently, helps them ' +
      'feel heard, and that is where real conversations start.',
    principles: ['P7'],
    suggestions: [],
    examples: {
      flag: [
        'I understand why you were upset.',
        'That makes sense.',
        'Your feelings are completely valid.',
        'You had every right to be angry.',
        'I get why you needed space.',
        'How are you holding up?',
      ],
      pass: [
        "I don't understand why you left.",
        'That makes no sense to me.',
        'I understand the plan for Sunday.',
      ],
    },
  },
];
