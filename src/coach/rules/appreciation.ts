/**
 * Appreciation (P11), a strength: gratitude without strings ("thank you for being so
 * patient with me about the move"), and warm recognition of who they are.
 *
 * Sarcasm ("thanks for nothing") and gratitude used as a lever ("thank you for everything,
 * so please come back") do not count. Patterns run on normalized text (see types.ts).
 */
import type { Rule, RuleException } from '../types.js';

/** Sarcastic thanks is a jab, not appreciation. */
const sarcasm = (flag: string): RuleException => ({
  reason: 'sarcastic thanks',
  pattern:
    /\bthank(?:s| you)(?: so much| a lot)? (?:for )?(?:nothing|ruining|wasting|breaking|destroying|ignoring|leaving me|lying|cheating|making my life|the (?:heartbreak|trauma|memories i guess)|a lot of nothing)\b|\bthanks a lot(?: for nothing)?(?: i guess)?\b(?=[.!?]* *$)|\breally appreciate (?:being ignored|the silence)\b/,
  scope: 'clause',
  examples: {
    flag: [flag],
    pass: ['Thanks for nothing.'],
  },
});

/** Gratitude followed by a request to get back together: it has strings. */
const withStrings = (flag: string): RuleException => ({
  reason: 'gratitude used as a lever',
  pattern:
    /\b(?:so|now|which is why|thats why|and) (?:please |can you |will you |could you |i need you to |you should )?(?:come back|take me back|give (?:me|us) (?:an?other|one more|a second) (?:chance|try)|get back together|answer me|reply)\b/,
  scope: 'sentence',
  examples: {
    flag: [flag],
    pass: ['I appreciate everything you did, so please come back.'],
  },
});

export const rules: Rule[] = [
  {
    id: 'appreciation/thank-you',
    category: 'appreciation',
    kind: 'strength',
    severity: 'info',
    confidence: 0.85,
    patterns: [
      /\b(?:it|that|this) (?:really )?meant (?:a lot|so much|the world|more than you know)(?: to me)?(?: that you| when you|,)|\bthank you(?: so much| very much)?(?= *(?:[.!]|$))/,
      /\b(?:thank you|thanks|thank u)(?: (?:so much|so very much|very much|a lot|again|truly|really|a million|for everything))? (?:for|that you)\b/,
      /\b(?:im|i am|ill always be|i will always be|i feel|ive always been|i have always been|i remain|i was|im still) (?:so |really |truly |deeply |very |incredibly |genuinely |forever |still |always )?(?:grateful|thankful)\b/,
      /\bi(?:ll| will)? (?:always |forever )?(?:really |truly |genuinely |deeply |do |so |still |always )?(?:appreciate|appreciated|value|valued|treasure|cherish|cherished) (?:you|it|that|this|how|the way|everything|all|your|our|what|the (?:time|years|memories|way|effort|help|patience|space)|every|having)\b/,
      /\b(?:grateful|thankful) (?:for|to you|that you)\b/,
    ],
    exceptions: [
      sarcasm('Thank you for being so patient with me.'),
      withStrings('I appreciate everything you did for me.'),
      {
        reason: 'a formula at the end of a practical note',
        pattern: /\bthanks? (?:you )?in advance\b/,
        scope: 'clause',
        examples: {
          flag: ['Thanks for looking after Max this weekend.'],
          pass: ['Thanks in advance for sending the forms.'],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'You show gratitude without asking for anything.',
    explanation:
      'Appreciation with no strings attached is a small act of goodwill. It says you noticed ' +
      'what they gave, without asking for more.',
    principles: ['P11'],
    suggestions: [],
    examples: {
      flag: [
        "It meant a lot that you came to dad's funeral. Thank you.",

        'Thank you for being so patient with me about the move.',
        'thx for taking care of the dog',
        "I'm so grateful for the years we had.",
        'I really appreciate how you handled the kids this week.',
        'I will always cherish our trip to Portugal.',
      ],
      pass: [
        'It meant nothing to me, so keep it.',

        'Thanks for nothing.',
        'I appreciate everything you did, so please come back.',
        'The dog is fine.',
      ],
    },
  },
  {
    id: 'appreciation/recognition',
    category: 'appreciation',
    kind: 'strength',
    severity: 'info',
    confidence: 0.75,
    patterns: [
      /\b(?:im|i am|i was|i feel) (?:so |really |very |truly |genuinely )?proud of you\b/,
      /\byou (?:are|were|re|have been|ve been|have always been|ve always been|always were) (?:\w+ ){0,2}?(?:such )?(?:an? )?(?:great|wonderful|amazing|incredible|fantastic|good|kind|loving|patient|caring|devoted|brilliant|generous|thoughtful|supportive) (?:mom|mum|mother|dad|father|parent|partner|friend|person|support|listener|co-?parent)\b/,
      /\byou (?:did|have done|ve done|always did|always do|do) (?:\w+ ){0,2}?(?:an? )?(?:great|amazing|wonderful|incredible|fantastic|brilliant|good) job\b/,
      /\bi (?:admire|respect|love|always loved|always admired) (?:how|the way|that) you\b/,
    ],
    exceptions: [
      sarcasm('You were a great partner to me.'),
      withStrings('You are a wonderful mom.'),
      {
        reason: 'praise turned into a reproach',
        pattern: /\b(?:used to be|were once|until|anymore|any more|but (?:now|then|you))\b/,
        scope: 'sentence',
        examples: {
          flag: ['You are such a good dad.'],
          pass: ['You used to be a great partner until you changed.'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'You recognise something good in them.',
    explanation:
      'Naming something you admire in them, freely, is goodwill. It costs nothing and asks for ' +
      'nothing back.',
    principles: ['P11'],
    suggestions: [],
    examples: {
      flag: [
        "I'm proud of you for finishing the marathon.",

        'You are such a good dad.',
        'You did an amazing job with the garden.',
        'I admire how you handled all of this.',
      ],
      pass: [
        "I'm proud of myself for finishing the marathon.",
        "You're not a good listener.",
        'You did the job.',
      ],
    },
  },
];
