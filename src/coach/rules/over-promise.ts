/**
 * Over-promising (P8 P10): sweeping or vague promises of change ("I'll never hurt you
 * again", "I'll change", "things will be different", "I'll do anything").
 *
 * P10: trust comes back through small promises kept, so a promise is only a problem when it
 * is sweeping (never/always/anything/everything) or vague (change, be better, be different).
 * Patterns run on normalized text (see types.ts): lowercase, no apostrophes (ill = I'll).
 */
import type { Rule, RuleException, SuggestionTemplate } from '../types.js';

/** Saying you cannot promise something is honest, the opposite of over-promising. */
const refusesToPromise = (flag: string): RuleException => ({
  reason: 'declines to make a promise',
  pattern:
    /\b(?:cant|cannot|can not|wont|will not|dont want to|not going to|not gonna|refuse to|wont pretend to|not here to|im not (?:going to|gonna|here to)) (?:\w+ )?(?:promise|swear|guarantee|pretend)\b/,
  scope: 'sentence',
  examples: {
    flag: [flag],
    pass: ["I can't promise I'll never mess up again, but I'm working on it."],
  },
});

/** Wishing them well is not a promise about the relationship. */
const wishingWell = (flag: string): RuleException => ({
  reason: 'a wish for them, not a promise',
  pattern:
    /\b(?:i hope|hoping|i wish|wishing|i bet|im sure|i know) (?:that )?(?:things|everything|it|life)\b/,
  scope: 'clause',
  examples: {
    flag: [flag],
    pass: ['I hope things will be better for you in the new city.'],
  },
});

const concreteInstead: SuggestionTemplate[] = [
  {
    type: 'rewrite-sentence',
    label: 'Name one concrete step instead',
    text: "Rather than promise, I'd like to show it over time. One thing I'm already doing is [a specific step].",
  },
  { type: 'remove', label: 'Leave the promise out' },
];

const whySweeping =
  'Sweeping promises are easy to make and hard to believe, and one slip breaks them. ' +
  'Trust comes back through small, specific things you do and keep doing, not through big words.';

export const rules: Rule[] = [
  {
    id: 'over-promise/never-again',
    category: 'over_promise',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.9,
    patterns: [
      /\b(?:ill|i will|i promise (?:ill|i will|to|i)|i swear (?:ill|i will|to|i)) never (?:let you down|disappoint you|hurt you)(?: again)?\b/,
      /\b(?:i promise|i swear)(?: (?:ill|i will|to|i))? (?:\w+ ){1,2}you every (?:single )?day\b/,
      /\b(?:i|ill|i will|im going to|im gonna|i am going to|i (?:promise|swear)(?: (?:you|to you|to god))?(?: that)?(?: ill| i will| i)?) (?:will )?(?:never(?: ever)?|not ever|wont(?: ever)?|will not(?: ever)?|am never|never will) (?:\w+ ){1,5}?(?:again|anymore|any more)\b/,
      /\b(?:it|that|this|something like (?:that|this)|(?:that|this) kind of thing|(?:what|it) happened)(?:ll| will| is going to| is gonna)? (?:never|wont|will not|is not going to|isnt going to|not) (?:ever )?(?:happen|be (?:like that|repeated)|repeat|come up)(?: \w+){0,2}? again\b/,
      /\bnever (?:ever )?again(?:,|!|\.)? i (?:promise|swear)\b/,
      /\b(?:i (?:promise|swear)|you have my word)(?: (?:you|to you))?(?: that)? (?:ill|i will|it will|itll|that|it) (?:never|wont|will not)\b/,
    ],
    exceptions: [
      refusesToPromise("I'll never hurt you again."),
      {
        reason: 'a promise to stay out of contact is a boundary you can keep',
        pattern:
          /\b(?:contact|text|message|call|email|write to|reach out to|bother|trouble|disturb|show up at|come by) (?:you |your \w+ )?(?:again|anymore|any more)\b/,
        scope: 'clause',
        examples: {
          flag: ['I will never lie to you again.'],
          pass: ["I won't contact you again unless you reach out."],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'A "never again" promise is sweeping and hard to keep.',
    explanation: whySweeping,
    principles: ['P8', 'P10'],
    suggestions: concreteInstead,
    examples: {
      flag: [
        "I promise I'll text you every single day and never let you down.",

        "I'll never hurt you again.",
        'i promise ill never let u down again',
        'I swear it will never happen again.',
        "It won't happen again, I promise.",
        "I won't ever make you cry again.",
        'I promise you that I will never lie.',
        'Never again, I swear.',
      ],
      pass: [
        'My brother never let me down when I moved flat.',

        "I'll never forget our trip to the coast.",
        "I know words are cheap, so I'd rather show you than promise.",
      ],
    },
  },
  {
    id: 'over-promise/guarantee',
    category: 'over_promise',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    patterns: [
      /\bnever (?:ever )?again (?:will|would|shall|am) i\b/,
      /\b(?:promise|swear|guarantee|mean it)\b[^.!?]{0,12}\b(?:100+ ?%|100+ percent|a (?:hundred|million|thousand) percent)|\b(?:100+ ?%|a (?:hundred|million) percent) (?:promise|guarantee)\b/,
      /\bi (?:can )?guarantee (?:it|you|that|this)\b/,
      /\b(?:ill|i will|im going to|im gonna) (?:give|buy|get|do) (?:you )?(?:anything|everything) (?:you )?(?:ever )?(?:want|wanted|need|needed|ask for|asked for|dream of|dreamed of)\b/,
      /\b(?:ill|i will|im going to|im gonna) (?:spend|devote|dedicate|use) (?:the rest of my life|my (?:whole|entire) life|every (?:single )?(?:day|minute|second)(?: of my life)?) (?:making it up|proving|showing|making you|to make)\b/,
      /\b(?:you|u)(?:ll| will) never (?:have to|need to|ever have to) (?:worry|cry|doubt|wonder|feel (?:alone|lonely|unloved|ignored))\b/,
      /\b(?:you|u) (?:wont|will not) (?:even )?recogni[sz]e me\b|\b(?:ill|i will|im going to) be (?:the |a |your )?(?:perfect|ideal|flawless|dream) (?:partner|boyfriend|girlfriend|husband|wife|man|woman|person)\b/,
    ],
    exceptions: [refusesToPromise('I guarantee it will never happen again.')],
    negation: 'cancel',
    inQuotes: false,
    message: 'This promises more than anyone can guarantee.',
    explanation: whySweeping,
    principles: ['P8', 'P10'],
    suggestions: concreteInstead,
    examples: {
      flag: [
        'never again will I lie to you',
        'i swear 1000% it wont happen',
        'I guarantee it.',
        "I'll give you anything you ask for",
        "I'm going to spend every day making it up to you",
        "you'll never have to doubt me",
        "you won't recognise me, I'll be a perfect boyfriend",
      ],
      pass: [
        'I can guarantee the rent will be paid on time',
        "I'm 100% sure the keys are in the drawer",
        "I won't promise anything; I'd rather you see it over time.",
      ],
    },
  },
  {
    id: 'over-promise/ill-change',
    category: 'over_promise',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      /\b(?:ill|i will|i can|i promise(?: to| ill| i will| i can| you ill)?|i swear(?: ill| i will)?|im going to|im gonna|i am going to|im ready to|i want to|im willing to|i am willing to) (?:really |truly |totally |completely |honestly |finally )?change(?: (?:for you|for us|everything|completely|totally|who i am|my ways|i promise|i swear|this time))?(?= *(?:[.!?,;]|$|i |and |for |this |everything|completely|totally|who|my ways))/,
      /\b(?:ill|i will|im going to|im gonna|i am going to|i promise ill|i promise i will|i swear ill) be (?:a )?(?:completely |totally |whole |brand |truly )?(?:new|different|better|changed) (?:person|man|woman|guy|girl)\b/,
      /\b(?:ive|i have|im|i am) (?:really |truly |completely |totally |honestly |finally |so |a )?(?:changed|different person|new person|changed (?:man|woman|person)|a different (?:man|woman|person)|a new (?:man|woman|person)|not the same (?:man|woman|person|guy|girl))(?= *(?:[.!?,;]|$|i |and |now|since|so much|a lot|for (?:real|you|good|the better)|this time|completely|totally|trust me|you(?:ll)? see))/,
    ],
    exceptions: [
      refusesToPromise("I'll change, I promise."),
      {
        reason: 'changing something practical',
        pattern:
          /\bchange(?:d)? (?:the|my|our|your|a|jobs?|address|plans?|number|phone|schedule|flights?|the date)\b/,
        scope: 'clause',
        examples: {
          flag: ['I promise I will change.'],
          pass: ['I will change the pickup day to Thursday.'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: '"I\'ll change" is a vague promise.',
    explanation:
      'A promise to change, with no detail, asks them to take it on faith. Naming what you are ' +
      'actually doing differently, and then doing it, is something they can see for themselves.',
    principles: ['P8', 'P10', 'P9'],
    suggestions: concreteInstead,
    examples: {
      flag: [
        "I'll change, I promise.",
        'i can change',
        "I've changed so much.",
        "I'm a changed man.",
        "I'm a different person now.",
        "I'm ready to change for you.",
        "I'll be a completely different person, I promise you'll never regret it.",
      ],
      pass: [
        "I'm not claiming I've changed; I'm working on how I react when I'm stressed.",
        "I've changed jobs since we last spoke.",
        'I changed the locks like you asked.',
        "I'll be a better friend to my sister this year, she deserves it.",
      ],
    },
  },
  {
    id: 'over-promise/anything-for-you',
    category: 'over_promise',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    patterns: [
      /\b(?:ill|i will|id|i would) (?:just )?drop everything\b/,
      /\b(?:ill|i will|id|i would|im willing to|i am willing to|i promise to|i can|i could) (?:literally |honestly |really |seriously |gladly )?(?:do|give|give up|sacrifice|change|try|be) (?:absolutely |literally )?(?:anything|everything|whatever(?: it takes| you (?:want|need|say|ask))?|all it takes)(?: (?:for you|to (?:get you back|have you back|make (?:this|it|us) work|fix (?:this|us|it)|be with you|make it up to you)))?\b/,
      /\bwhatever it takes\b/,
    ],
    exceptions: [
      {
        reason: 'offering practical help',
        pattern:
          /\b(?:anything|everything|whatever) (?:i can )?(?:to help|you need help with|for the (?:kids|children|move|dog))\b|\bif (?:you need|theres) anything\b/,
        scope: 'clause',
        examples: {
          flag: ["I'll do anything to get you back."],
          pass: ["I'll do anything I can to help with the move."],
        },
      },
      refusesToPromise("I'd do anything for you."),
    ],
    negation: 'cancel',
    inQuotes: false,
    message: '"I\'ll do anything" is a promise nobody can keep.',
    explanation:
      '"Anything" has no edges: it sounds desperate and gives them nothing concrete to trust. ' +
      'One specific, kept commitment means more.',
    principles: ['P8', 'P10'],
    suggestions: concreteInstead,
    examples: {
      flag: [
        "One word from you and I'll drop everything.",

        "I'll do anything.",
        "i'd do anything for u",
        'I will do whatever it takes to make this work.',
        "I'll give up everything for you.",
      ],
      pass: [
        'My boss made everyone drop everything for the audit.',

        "Let me know if there's anything I can do for the kids this week.",
        'I did everything on the checklist.',
      ],
    },
  },
  {
    id: 'over-promise/be-perfect',
    category: 'over_promise',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      /\b(?:ill|i will|i promise(?: to| ill| i will)?|i swear(?: ill| i will)?|im going to|im gonna|i can) (?:be|become) (?:so much |a much |much |a lot |way )?(?:perfect|the perfect \w+|a better (?:man|woman|person|partner|boyfriend|girlfriend|husband|wife|father|mother)|better(?= *(?:[.!?,;]|$|for you|this time|i promise|i swear|than ever|to you))|the (?:man|woman|person|partner|boyfriend|girlfriend|husband|wife) you (?:deserve|need|want|always wanted)|everything you (?:need|want|deserve)|whoever you (?:need|want)|different(?= *(?:[.!?,;]|$|this time|i promise|i swear|from now on)))/,
      /\b(?:ill|i will|i promise(?: to| ill| i will)?|im going to|im gonna|i can) (?:make (?:you (?:so |the )?(?:happy|happiest)|it (?:all )?up to you|(?:everything|it all|things|this|it) (?:right|better|perfect|work))|fix (?:everything|it all|us|this|things|all of (?:it|this)))\b/,
    ],
    exceptions: [refusesToPromise("I'll be a better man for you.")],
    negation: 'cancel',
    inQuotes: false,
    message: 'This promises a whole new you, which is hard to believe in a message.',
    explanation: whySweeping,
    principles: ['P8', 'P10'],
    suggestions: concreteInstead,
    examples: {
      flag: [
        "I'll be a better man for you.",
        'I promise I will be better.',
        "I'll be the partner you deserve.",
        "I'll make it up to you.",
        'ill make u so happy',
        "I'll fix everything.",
        "I'll be perfect this time.",
      ],
      pass: [
        "I'll be there at six to pick up Max.",
        "I'll be better off knowing where we stand, whatever it is.",
      ],
    },
  },
  {
    id: 'over-promise/things-will-be-different',
    category: 'over_promise',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      /\b(?:things|everything|we|us|our relationship|our life|life)(?:ll| will| are going to| is going to| are gonna| is gonna| would| can| could) be (?:so |completely |totally |really |entirely |very |so much )?(?:different|better|perfect|amazing|great|happy)(?: \w+){0,3}?(?: (?:this time|from now on|i promise|i swear|now|than ever|than before))?\b/,
      /\b(?:it|this|that)(?:ll| will| is going to| is gonna| would) be (?:so |completely |totally |really |entirely |very )?(?:different|better|perfect) (?:this time|from now on|i promise|i swear|now|than ever)\b/,
      /\bthis time (?:it |things )?(?:will|is going to|ll|is gonna|are going to) be (?:so |completely |totally )?different\b/,
      /\bi (?:promise|swear|guarantee)(?: you)?(?: that)? (?:things|it|everything|we|this time|our relationship)(?:ll| will| are going to| is going to)? (?:be|work|go)\b/,
    ],
    exceptions: [
      refusesToPromise('Things will be different this time.'),
      wishingWell('Everything will be perfect if we try again.'),
      {
        reason: 'describing the practical arrangement',
        pattern:
          /\b(?:schedule|pickup|drop off|holidays?|weekends?|lease|rent|kids|children|school|move)\b|\bhappy to\b/,
        scope: 'clause',
        examples: {
          flag: ['We will be so happy, I promise.'],
          pass: ['Things will be different with the school schedule next term.'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This promises the future will be different without saying how.',
    explanation: whySweeping,
    principles: ['P8', 'P10', 'P12'],
    suggestions: concreteInstead,
    examples: {
      flag: [
        'Things will be completely different.',
        'It will be different this time.',
        'This time will be different.',
        'We would be so happy together.',
        'i promise everything will be perfect',
      ],
      pass: [
        "I don't know if things will be different, and I'm not asking you to believe that.",
        'I hope things will be better at your new job.',
        'We could be friends for the kids, if you want.',
      ],
    },
  },
  {
    id: 'over-promise/always-from-now-on',
    category: 'over_promise',
    kind: 'problem',
    severity: 'low',
    confidence: 0.7,
    patterns: [
      /\b(?:ill|i will|i promise(?: to| ill| i will)?|i swear(?: ill| i will)?|from now on(?:,)? (?:ill|i will|i)) (?:always|forever) (?:put you first|listen(?: to you)?|make you happy|be (?:there|honest|faithful|perfect|the one|by your side|on time|home)|treat you (?:right|well|better)|choose you|prioriti[sz]e you|tell you the truth|support you|do (?:right|better)|answer|pick you)\b/,
      /\bfrom now on(?:,)? (?:ill|i will|i promise|i swear) (?:always|never)\b/,
    ],
    exceptions: [refusesToPromise("I'll always put you first.")],
    negation: 'cancel',
    inQuotes: false,
    message: '"Always" is a big promise to make in a message.',
    explanation: whySweeping,
    principles: ['P8', 'P10'],
    suggestions: concreteInstead,
    examples: {
      flag: [
        "I'll always put you first.",
        'From now on I will always listen to you.',
        'i promise ill always be honest',
      ],
      pass: ["I'll always be grateful for the years we had.", 'I always listen to that album you gave me.'],
    },
  },
];
