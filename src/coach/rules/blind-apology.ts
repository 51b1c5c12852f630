/**
 * Blind apologies (P8 P9): "sorry for everything", "sorry if…", "sorry, but…",
 * "sorry you feel that way", and apologies that come with an excuse.
 *
 * P9: a sincere apology names the behaviour and the hurt it caused, with no excuse.
 * Everyday politeness ("sorry for the late reply", "sorry to hear that") is not an apology
 * for the relationship, so every rule here lets it pass.
 * Patterns run on normalized text (see types.ts): lowercase, no apostrophes.
 */

import type { Rule, RuleException, SuggestionTemplate } from '../types.js';
import { alt, BARE_ADMISSION, DISMISSIVE_TAG } from './concepts.js';

/** Everyday politeness and condolence, not an apology for the relationship. */
const politeness = (flag: string, scope: RuleException['scope'] = 'clause'): RuleException => ({
  reason: 'everyday politeness or condolence',
  pattern:
    /\bsorry (?:for|about) (?:the |my |this )?(?:late|slow|delayed|long|rambling|late night|random|sudden|out of the blue) ?(?:reply|response|answer|text|message|email|note|one)?\b|\bsorry (?:for|about) (?:the |my )?(?:delay|typos?|wall of text|ramble|rambling|length)\b|\bsorry (?:to (?:bother|disturb|interrupt|hear|text|message|reach out|write)|for (?:your|the) loss|for bothering)\b|\bsorry (?:if )?(?:this|my message|the message|this message|this text|this email)(?: \w+){0,3}? (?:is|comes|seems|feels|was)\b|\bsorry if (?:im|i am) (?:bothering|interrupting|intruding)\b|\bsorry (?:about|for|to hear about) (?:your|what happened to your|what happened with your) (?:\w+ )?(?:mom|mum|dad|mother|father|grandma|grandpa|grandmother|grandfather|dog|cat|job|health|loss|brother|sister|friend|family)\b|\beverything (?:you(?:re| are| have|ve)|that youre|thats) (?:been )?going (?:on|through)\b/,
  scope,
  examples: {
    flag: [flag],
    pass: ['Sorry for the late reply, but I was away.'],
  },
});

/**
 * The start of the draft, after at most a greeting ("Hi.", "Hey Sam,"): a bare sorry that is the
 * whole message names nothing, while the same words closing a specific apology do not.
 */
// Bounded on both sides so the look-behind stays constant-time at every position (an
// unbounded one made a 100k run of ". " quadratic); the text's own run of marks gets the same
// bound with or without a greeting, so a greeting in front shifts the finding and nothing else.
const DRAFT_START = '(?<=^[^a-z]{0,8}(?:(?:hi|hey|hello|hiya|dear)(?: [a-z]+)?[.,!:]? ?[^a-z]{0,8})?)';

const specificShape: SuggestionTemplate = {
  type: 'rewrite-sentence',
  label: 'Use the shape of a specific apology',
  text: "I'm sorry that I [what I did]. I know it [how it affected you]. I'm [what I'm doing differently].",
};

export const rules: Rule[] = [
  {
    id: 'blind-apology/sorry-for-everything',
    category: 'blind_apology',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    patterns: [
      /\b(?:sorry|apologi[sz]e|apologies|forgive me)(?: (?:so much|again|truly|deeply|sincerely))? (?:for|4|about) (?:absolutely |literally |just |really )?(?:everything|it all|all of (?:it|this|that)|all (?:that|this)(?= *(?:[.!?,;]|$))|whatever(?: i (?:did|said|have done|may have done|might have done))?|anything (?:i (?:did|said|have done|may have done|might have done)|that (?:happened|hurt you))|what(?:ever)? happened|how (?:it|things|everything|we) (?:\w+ ){0,1}?(?:turned out|ended|went|happened|worked out)|all (?:the|my|of my) (?:mistakes|hurt|pain|things|stuff|drama|problems|wrongs|faults|bad things|shit)|(?:all )?my (?:mistakes|behaviou?r|actions|wrongs|faults|shortcomings|failures|past)(?= *(?:[.!?,;]|$|and|in|i ))|the way things (?:\w+ ){0,1}?(?:turned out|ended|went)|being (?:a bad|a terrible|an awful|such a bad|the worst) (?:\w+ )?(?:boyfriend|girlfriend|partner|husband|wife|person))\b/,
      /\b(?:sorry|apologi[sz]e|apologies) (?:for|about) (?:\w+ ){0,1}?everything (?:i (?:did|said|put you through|have done|ve done)|that happened|weve been through)\b/,
    ],
    exceptions: [politeness("I'm sorry for everything.")],
    negation: 'ignore',
    inQuotes: false,
    message: '"Sorry for everything" does not say what you are sorry for.',
    explanation:
      'A blanket apology can sound like a way to close the subject rather than face it. Naming ' +
      'what you did and how it affected them shows you actually understand, and that is what they ' +
      'need to hear.',
    principles: ['P9', 'P8'],
    suggestions: [specificShape],
    examples: {
      flag: [
        'srry 4 everything ok? cant we just move on',

        "I'm sorry for everything.",
        'sry for everything',
        'I apologize for whatever I did.',
        'Sorry for all my mistakes.',
        "I'm sorry about how things turned out.",
        'Sorry for everything I put you through.',
        'sorry for my behavior',
      ],
      pass: [
        'sorry 4 the late reply, the bus broke down',

        "I'm sorry for everything you've been going through with your dad.",
        "I'm sorry I missed your birthday dinner.",
        'Sorry for the late reply!',
      ],
    },
  },
  {
    id: 'blind-apology/empty-sorry',
    category: 'blind_apology',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      /\bmy bad\b/,
      /\bsorry (?:for|about) (?:being me|existing|being (?:who|how|the way) i am|(?:the|all the|every) (?:mess|trouble|drama|damage)(?: i (?:made|caused|have caused|ve caused)| of (?:things|it|us|everything))+|whatever i did|all of (?:it|this|that)|all that|everything and anything)\b/,
      /\bsorry\b[^.!?]{0,40}\bwhatever (?:they|it) (?:were|was|is)\b/,
      /\bmistakes were made\b/,
      /\bsorry(?:[\s,.!]+sorry){2,}\b/,
      /\bsorry\b[.!]?\s*(?:can|could|cant|couldnt) we (?:just )?(?:forget|move on|move past|put (?:it|this) behind)\b/,
      /\bi (?:said|already said|told you) (?:im |i am |that im )?sorry,? (?:so|now|what more|isnt that|how many times)\b/,
      /\bi (?:said|already said|have said|ve said|told you) (?:im |i am |that im )?sorry (?:like |about |at least )?(?:a (?:hundred|million|thousand)|so many|many|twenty|fifty|\d+) times\b/,
      /\bwhat (?:more|else) do you want (?:from me|me to (?:say|do))\b/,
      /\b(?:im|i am) (?:(?:so|really|truly|very)[ ,]+)*sorry\b[.!]+\s*(?:im|i am) (?:(?:so|really|truly|very)[ ,]+)*sorry\b/,
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: false,
    message: 'This apology does not say what you are sorry for.',
    explanation:
      'A sorry that names nothing, repeats itself or asks to move on at once reads as wanting the ' +
      'discomfort to end, not as understanding what happened. Name what you did, how it affected them, ' +
      'and what you are doing differently (P9).',
    principles: ['P9'],
    suggestions: [specificShape],
    examples: {
      flag: [
        "I said I'm sorry like a hundred times.",
        "I'm sorry, ok? What more do you want from me?",

        'my bad, honestly',
        'sorry for the mess I caused',
        "I'm sorry for my part, whatever it was",
        'sorry sorry sorry',
        "Sorry. Can't we just move on?",
        'I already said sorry, what more do you want',
        "I'm sorry. I'm so sorry.",
      ],
      pass: [
        'What else do you want me to bring on Saturday, the salad or the cake?',

        "I'm sorry I shouted at you in the car; it scared you, and I'm working on my temper.",
        'Sorry for the late reply!',
        'Sorry about the mess in the hallway, the movers come Friday',
      ],
    },
  },
  {
    id: 'blind-apology/sorry-if',
    category: 'blind_apology',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    patterns: [
      /\b(?:sorry|apologi[sz]e|apologies)(?: (?:so much|again|truly|deeply|sincerely|that))?,? if\b/,
      /\bif i (?:\w+ ){0,4}?(?:hurt|upset|offended|wronged|disappointed|did (?:anything|something) (?:wrong|to hurt)|made you feel|ever)(?: \w+){0,5}?,? (?:then )?(?:im|i am|i apologi[sz]e|sorry)\b/,
    ],
    exceptions: [politeness("I'm sorry if I hurt you.")],
    negation: 'ignore',
    inQuotes: false,
    message: '"Sorry if…" doubts that anything happened.',
    explanation:
      'An apology with an "if" suggests the hurt might not be real. If you know what hurt them, ' +
      'name it; if you do not know, it is kinder to ask than to apologise in general.',
    principles: ['P9', 'P8'],
    suggestions: [
      specificShape,
      {
        type: 'rewrite-sentence',
        label: 'Ask instead of guessing',
        text: "I think I hurt you, and I'd like to understand how, if you're ever willing to tell me.",
      },
    ],
    examples: {
      flag: ["I'm sorry if I hurt you.", 'sorry if u felt ignored', 'If I did anything wrong, I am sorry.'],
      pass: ['Sorry if this message is out of the blue.', "I'm sorry I hurt you when I left without a word."],
    },
  },
  {
    id: 'blind-apology/sorry-but',
    category: 'blind_apology',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    // The span is the "but …" part: that is what undoes the apology, and removing it leaves
    // the apology standing on its own.
    patterns: [
      /,? but\b(?<=\b(?:sorry|apologi[sz]e|apologies)(?:,? [\w']+){1,12}?)[^.!?;\n]{0,200}/,
      /(?<!\bbut),? (?:i (?:only|just) (?:did it|said it|did that|said that) because|it was (?:only |just )?because|i was (?:just |only |so |really )?(?:drunk|stressed|tired|exhausted|angry|upset|jealous|hurt|busy|overwhelmed)|you (?:made|pushed|drove|forced) me)\b(?<=\b(?:sorry|apologi[sz]e|apologies)(?:,? [\w']+){1,16}?)[^.!?;\n]{0,200}/,
    ],
    exceptions: [
      // The match is the "but …" part, so the politeness is found in the sentence around it.
      politeness("I'm sorry I yelled, but you were being impossible.", 'sentence'),
      {
        reason: 'the "but" turns to something else, not an excuse',
        pattern:
          /^,? but (?:i (?:also )?(?:want|wanted|need|needed|hope|think|would like|d like) (?:you )?to (?:say|tell|thank|ask|let|know|add)|i (?:hope|wish) you(?:re| are)?|(?:i|ill) (?:respect|understand)|thank you|please know (?:that )?(?:it|that) was (?:my fault|wrong|on me)|there is no excuse|theres no excuse|that(?:s| is) no excuse|it was (?:my fault|wrong|on me))/,
        scope: 'match',
        examples: {
          flag: ['Sorry I forgot, but I was stressed.'],
          pass: ["I'm sorry I lied about the money, but there's no excuse for it."],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'The "but" takes the apology back.',
    explanation:
      'Everything after "but" tends to cancel what came before it, so the apology turns into an ' +
      'explanation. Let the apology stand on its own; context can wait until they ask for it.',
    principles: ['P9', 'P8'],
    suggestions: [{ type: 'remove', label: 'End the apology before the "but"' }, specificShape],
    examples: {
      flag: [
        "I'm sorry I yelled, but you were being impossible.",
        'sorry but u know i was under a lot of pressure',
        'I apologize for missing your party, but work was crazy.',
        "I'm sorry I said that, I was drunk.",
      ],
      pass: [
        "I'm sorry I yelled at you in front of your sister. I know it embarrassed you.",
        "I'm sorry I hurt you, but I hope you're doing well now.",
      ],
    },
  },
  {
    id: 'blind-apology/sorry-you-feel',
    category: 'blind_apology',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    patterns: [
      /\b(?:sorry|apologi[sz]e)(?: (?:that|if))? you (?:feel|felt|think|thought|see it|saw it|took it|take it|perceived|interpreted|got (?:hurt|upset|offended|mad|angry|the wrong idea)|were (?:so )?(?:hurt|upset|offended|bothered|mad|angry|disappointed)|are (?:so )?(?:hurt|upset|offended|mad|angry))\b/,
      /\b(?:sorry|apologi[sz]e)(?: (?:that|if))? youre (?:so )?(?:hurt|upset|offended|mad|angry|bothered|disappointed|taking it)\b/,
      /\bsorry (?:that )?(?:it|that|this) (?:came across|was taken|felt|seemed|made you feel)\b/,
    ],
    exceptions: [
      {
        reason: 'owns the behaviour that caused the feeling',
        pattern:
          /\b(?:because (?:of me|i|of what i|of how i)|when i|that i|by (?:me|what i)|i caused|i made you)\b/,
        scope: 'sentence',
        examples: {
          flag: ["I'm sorry you feel that way."],
          pass: ["I'm sorry you felt alone because I was never home."],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'This apologises for their feelings, not for what you did.',
    explanation:
      'Being sorry that someone feels hurt puts the problem in their reaction. Owning the action ' +
      'that hurt them is what makes an apology land.',
    principles: ['P9', 'P8', 'P7'],
    suggestions: [specificShape],
    examples: {
      flag: [
        "I'm sorry you feel that way.",
        'sorry u took it like that',
        "I'm sorry you're upset.",
        "I'm sorry it came across that way.",
      ],
      pass: [
        "I'm sorry you're going through such a hard time at work.",
        "I'm sorry I made you feel invisible.",
      ],
    },
  },
  {
    id: 'blind-apology/bare-admission',
    category: 'blind_apology',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.75,
    patterns: [
      new RegExp(
        `\\bi (?:know i |guess i |admit i |kno i )?${alt(BARE_ADMISSION)}[ ,.!?]+(?:${alt(DISMISSIVE_TAG)}|sorry|can we)\\b`,
      ),
      // the whole draft is a bare admission or a bare sorry
      new RegExp(
        `${DRAFT_START}(?:ok |okay |look |yeah |fine )?(?:i (?:know i |guess i )?${alt(BARE_ADMISSION)}|(?:im |i am )?(?:so |really |very |truly )?sorry)[ .!?]*$`,
      ),
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: false,
    message: 'An admission that names nothing is not yet an apology.',
    explanation:
      '"I messed up" on its own, or closed with "ok?", says nothing about what you did or how it hurt ' +
      'them, and reads as wanting the subject closed. Name the behaviour and its impact (P9).',
    principles: ['P9'],
    suggestions: [specificShape],
    examples: {
      flag: [
        'I messed up, ok?',
        'i kno i messed up. sry.',
        'I was wrong. Happy now?',
        'I screwed up.',
        "I'm sorry.",
        'sorry!!',
      ],
      pass: [
        'I messed up when I read your journal, and it hurt you',
        'I was wrong about the holiday',
        "I'm sorry I forgot your birthday dinner; it left you waiting alone. I'm sorry.",
      ],
    },
  },
];
