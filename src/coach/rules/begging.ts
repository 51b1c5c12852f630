/**
 * Begging (P8): pleading, bargaining and "I can't live without you".
 *
 * Decision: "I'll do anything" is a sweeping promise, so it lives in over-promise.ts;
 * begging is asking the ex to give something back (the relationship, a chance, a reply)
 * out of need. Patterns run on normalized text (see types.ts): lowercase, no apostrophes.
 */
import type { Rule, RuleException, SuggestionTemplate } from '../types.js';
import { alt, PLEAD } from './concepts.js';

/** P2 P16: asking for contact about shared practical matters is not pleading. */
const logistics = (flag: string): RuleException => ({
  reason: 'shared logistics, not pleading',
  pattern:
    /\b(?:lease|rent|deposit|keys?|bills?|mortgage|kids?|children|school|custody|pick ?up|drop ?off|car seat|car|dog|cat|vet|package|mail|parcel|paperwork|insurance|taxes|account|furniture|boxes|stuff)\b/,
  scope: 'sentence',
  examples: {
    flag: [flag],
    pass: ['Please call me back about the car seat for Saturday, and come back for the keys.'],
  },
});

/** P16: an open, no-pressure invitation leaves the ex free to choose. */
const softened: RuleException = {
  reason: 'an open, no-pressure invitation',
  pattern:
    /\b(?:when(?:ever)? you(?:re| are)? (?:\w+ )?(?:ready|can|get a chance|have (?:a minute|a moment|time)|feel like it)|if you (?:ever )?(?:want|feel like|would like|like)|no (?:rush|pressure)|only if you)\b/,
  scope: 'sentence',
  examples: {
    flag: ['Please talk to me.'],
    pass: ['Please call me whenever you are ready, no rush at all.'],
  },
};

const calmer: SuggestionTemplate[] = [
  {
    type: 'rewrite-sentence',
    label: 'Say it calmly, without pleading',
    text: "I'd like to talk when you feel ready; no pressure either way.",
  },
  { type: 'remove', label: 'Leave this out' },
];

const whyPleadingHurts =
  'Pleading puts the weight of your feelings on them and tends to push them further away. ' +
  'A calm message that leaves them free to choose is the only kind a real "yes" can come from.';

export const rules: Rule[] = [
  {
    id: 'begging/cant-live-without-you',
    category: 'begging',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.9,
    patterns: [
      /\b(?:i cant|i cannot|i can not) lose you\b|\b(?:youre|you are|you were) my (?:whole |entire )?(?:world|everything)\b/,
      /\bi (?:just |really |honestly |literally |simply )?(?:cant|cannot|can not|couldnt|could not) (?:live|go on|survive|function|breathe|cope|sleep|eat|be happy|be okay|be ok|do (?:this|life|anything)|imagine (?:my )?life|see (?:my )?(?:life|future)|keep going|move on)(?: \w+){0,2}? (?:without|w\/o|w\/out|wo) you\b/,
      /\b(?:im|i am|i feel|i was) (?:so |completely |totally |just )?(?:nothing|lost|empty|incomplete|broken|a mess|a wreck|useless|worthless) without you\b/,
      /\b(?:my life|life|everything) (?:is|feels|has been) (?:\w+ ){0,2}?(?:meaningless|empty|pointless|nothing|dark|hell) without you\b/,
      /\bi (?:still |really |just |so |desperately )?need you(?: back| so (?:much|bad(?:ly)?)| more than (?:ever|anything)| in my life| with me| here| now| to come back)?(?= *(?:[.!?,;]|$|and |please|baby|babe))/,
    ],
    exceptions: [
      {
        reason: 'a practical task, not emotional need',
        pattern: /\bneed you to (?!come back|take me back|be with me|stay)\w+/,
        scope: 'clause',
        examples: {
          flag: ['I need you back, please.'],
          pass: ['I need you to sign the lease renewal, please.'],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'This puts the weight of your well-being on them.',
    explanation:
      'Telling them you cannot cope without them makes them responsible for you, which is heavy ' +
      'and often pushes people away. Your well-being matters for its own sake, whatever they decide.',
    principles: ['P8', 'P4', 'P18'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Share the feeling without making them responsible for it',
        text: "I miss you, and I'm taking care of myself while I figure things out.",
      },
      ...calmer,
    ],
    examples: {
      flag: [
        "You're my whole world, I can't lose you.",

        "I can't live without you.",
        'i cant live w/o u',
        "Honestly I can't do this without you anymore.",
        "I'm nothing without you.",
        'My life is meaningless without you.',
        'I still need you so much.',
        'i need u back pls',
      ],
      pass: [
        'The kids are my whole world, and I know they are yours too.',

        "I've learned I can live without you, and that made me want to talk for the right reasons.",
        'I need you to send me the insurance papers.',
        "I can't believe how fast the kids are growing.",
      ],
    },
  },
  {
    id: 'begging/take-me-back',
    category: 'begging',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.9,
    patterns: [
      /\b(?:just |please )come back\b(?= *(?:[.!?,;]|$|to me|please|already|now))/,
      /\b(?:just |please )?come (?:back )?home\b(?= *(?:[.!?,;]|$|please|to me|already|now))/,
      /\bplease(?:,|!)? (?:just |baby |babe )?(?:come back|come home|take me back|have me back|let me (?:come )?back|be with me|stay with me|forgive me and (?:come back|take me back))\b/,
      /\b(?:just |please )?come (?:back|home) to me\b/,
      /\b(?:just |please )?take me back\b/,
      /\bi (?:just |really |still |so |desperately )?(?:want|need) (?:you|us) back\b/,
      /\b(?:asking|begging|pleading with|need|want|wish|pray|hope|praying) (?:for )?you(?:ll|d)? (?:to |would |will |could |can )?(?:come back|come home|take me back|take us back|let me back in)\b/,
      /\bcome back(?:,|!)? please\b/,
    ],
    exceptions: [
      {
        reason: 'coming back from a trip or for an errand',
        pattern:
          /\bcome back (?:from|after|later|tomorrow|tonight|on (?:\w+day|the)|to (?:get|pick|collect|grab|drop)|for (?:the|your|my|his|her|their))\b/,
        scope: 'clause',
        examples: {
          flag: ['Please come back to me.'],
          pass: ['Please come back for your bike before Sunday.'],
        },
      },
      logistics('Please come back, I miss you.'),
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This asks them to come back out of need.',
    explanation: whyPleadingHurts,
    principles: ['P8', 'P16'],
    suggestions: calmer,
    examples: {
      flag: [
        "I'll give you anything you want, just come back.",

        "Just come home. We'll figure it out, I promise.",

        'Please come back.',
        'pls come back to me',
        'Just take me back, I am begging.',
        'I want you back so badly.',
        'I hope you will come back to me.',
        'come back please',
      ],
      pass: [
        'The cat will just come back when she is hungry.',

        'Come home safe tonight, the roads are icy.',

        "I'm not asking you to come back.",
        'When you come back from Lisbon, let me know how it went.',
        'I want us to be honest with each other, whatever happens.',
      ],
    },
  },
  {
    id: 'begging/one-more-chance',
    category: 'begging',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    patterns: [
      /\b(?:dame|danos) (?:otra|una ultima|una) (?:oportunidad|chance)\b|\bdonne(?: |-)?moi (?:une )?(?:autre|derniere|seconde) chance\b|\bgib (?:mir|uns) (?:noch )?eine (?:letzte |zweite )?chance\b/,
      /\bgive (?:me|us|this|it|our relationship|what we had|me and you) (?:just )?(?:an?other|one (?:more|last)|1 (?:more|last)|a (?:second|last|final|new)|a chance|a second|one final) ?(?:chance|try|shot|go|opportunity)?\b/,
      /\b(?:just |only )?(?:one|1) (?:more|last|final) (?:chance|try|shot)\b/,
      /\b(?:asking|begging|praying|hoping|pleading|beg|ask) (?:you )?for (?:an?other|a second|one more|one last|a last) (?:chance|try|shot)\b/,
      /\b(?:i|we) (?:deserve|need) (?:an?other|a second|one more|one last) (?:chance|try|shot)\b/,
    ],
    exceptions: [
      {
        reason: 'giving a thing another go, not the relationship',
        pattern:
          /\bgive (?:it|this) (?:an?other|one more) (?:try|go|shot) (?:with|at|on|for) (?:the|your|my|our) (?!relationship)\w+/,
        scope: 'clause',
        examples: {
          flag: ['Give us another chance.'],
          pass: ['We could give it another try with the new custody calendar app.'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'Asking for another chance reads as bargaining.',
    explanation:
      'A chance is something they offer freely or not at all. Asking for it puts them on the spot; ' +
      'showing steady change over time, and letting them notice, is what rebuilds trust.',
    principles: ['P8', 'P10', 'P16'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Leave the choice with them',
        text: "I'd be glad to talk sometime if you'd ever like to, and I'll respect it if you don't.",
      },
      { type: 'remove', label: 'Leave this out' },
    ],
    examples: {
      flag: [
        'Te lo juro, voy a cambiar, dame otra oportunidad por favor',

        'Please give me another chance.',
        'Just give us one more try.',
        'One last chance, that is all I ask.',
        'I deserve a second chance.',
        'im begging for another chance',
      ],
      pass: [
        'Me dieron otra oportunidad en el trabajo, estoy contento',

        "I'm not asking for another chance, only to say sorry properly.",
        'I gave the new job a real chance and it worked out.',
      ],
    },
  },
  {
    id: 'begging/dont-leave-me',
    category: 'begging',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    patterns: [
      /\b(?:please |just )?(?:dont|do not|never) (?:leave|abandon|give up on|walk away from|throw away|end|quit on|let go of) (?:me|us|this|what we (?:have|had)|our relationship|everything we (?:have|had|built))\b/,
      /\b(?:please |just )?(?:dont|do not) (?:go|do this to (?:me|us))\b(?= *(?:[.!?,;]|$|please|baby|babe))/,
    ],
    exceptions: [
      {
        reason: 'about a physical place or object',
        pattern: /\bdont leave (?:me|us) (?:the|your|a|any|some)\b/,
        scope: 'clause',
        examples: {
          flag: ["Please don't leave me."],
          pass: ["Don't leave me the boxes, I'll get them myself."],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'This pleads with them not to go.',
    explanation: whyPleadingHurts,
    principles: ['P8', 'P16'],
    suggestions: calmer,
    examples: {
      flag: ["Please don't leave me.", 'dont give up on us', "Don't throw away what we have."],
      pass: ["I won't give up on myself, whatever happens.", 'Do not worry about the dog, he is fine.'],
    },
  },
  {
    id: 'begging/i-beg-you',
    category: 'begging',
    kind: 'problem',
    severity: 'high',
    confidence: 0.9,
    patterns: [
      /\bi (?:shouldnt|should not) have to beg\b|\bhere i am,? begging\b/,
      /\b(?:begging|pleading with|imploring) you\b/,
      /\b(?:im|i am|am) (?:begging|pleading|on my knees)\b/,
      /\bi (?:beg|plead with|implore) (?:of )?you\b/,
      /\bplease(?:[ ,.!?]+please)+\b/,
      /\bi(?:ll| will) beg\b/,
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: false,
    message: 'This is openly pleading.',
    explanation: whyPleadingHurts,
    principles: ['P8', 'P16'],
    suggestions: calmer,
    examples: {
      flag: [
        "I shouldn't have to beg, but here I am.",
        "I'm begging you.",
        'please please please answer',
        'I beg you, think about it.',
        'pleeease pls',
      ],
      pass: [
        'The dog begged for cheese again, shameless as ever.',
        "I'm not begging you for anything.",
        'Please let me know if you need the car seat back.',
      ],
    },
  },
  {
    id: 'begging/please-talk-to-me',
    category: 'begging',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.75,
    patterns: [
      /\bplease(?:,|!)? (?:just |baby |babe )?(?:talk to me|speak to me|answer(?: me)?|reply|respond|call me|text me(?: back)?|write (?:to me|back)|say something|dont ignore me|dont shut me out|let me (?:explain|see you|talk to you|in)|see me|meet me|hear me out|pick up)\b/,
      /\b(?:just )?(?:hear me out|let me explain)(?:,|!)? please\b/,
    ],
    exceptions: [logistics('Please just talk to me, I am falling apart.'), softened],
    negation: 'cancel',
    inQuotes: false,
    message: 'This pleads for a response.',
    explanation:
      'Pleading for a reply makes it harder for them to answer freely. A message that asks for ' +
      'nothing is easier to read and easier to answer.',
    principles: ['P8', 'P2', 'P16'],
    suggestions: calmer,
    examples: {
      flag: [
        'Please just talk to me.',
        'pls answer me',
        "Please don't ignore me.",
        'Let me explain, please!',
      ],
      pass: ['Please let me know if you need the car seat back.', 'Please reply whenever you are ready.'],
    },
  },
  {
    id: 'begging/still-a-chance',
    category: 'begging',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      /\b(?:ill|i will|id|i would|i can|im going to|im gonna) wait (?:for you )?(?:forever|as long as it takes|for as long as it takes|my whole life|for years)\b/,
      /\b(?:just |please )?tell me (?:that )?(?:theres|there is|there still is|we still have|i still have) (?:still )?(?:a |some )?(?:chance|hope)\b/,
      /\bi need (?:a|your) yes\b|\bplease,? (?:dont do this|im asking you|i am asking you|im pleading|i am pleading|hear me out)\b/,
      /\bplease\b[^.!?]{0,40}\blets (?:try|give it|give us) (?:one more|another|again|one last)\b/,
    ],
    exceptions: [logistics('I will wait for you forever')],
    negation: 'cancel',
    inQuotes: false,
    message: 'This pleads for a chance instead of leaving the choice with them.',
    explanation: whyPleadingHurts,
    principles: ['P8', 'P16'],
    suggestions: calmer,
    examples: {
      flag: [
        "I'll wait as long as it takes",
        'just tell me there is still hope for us',
        'i need a yes from you',
        'please, hear me out',
        "please, I know it's hard, but let's give it one more go",
      ],
      pass: [
        "I'll wait for the bus",
        'Tell me if there is anything I can do to help with the move',
        "Please let me know if you'd rather I didn't write",
      ],
    },
  },
  {
    id: 'begging/bargain',
    category: 'begging',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      /\bif you (?:just |only )?(?:come back|take me back|give (?:me|us|this|it) (?:\w+ ){0,2}?(?:chance|try|shot|go)|stay|forgive me|try again|give me a chance)(?: \w+){0,4}?,? (?:then )?(?:ill|i will|i promise|i swear|i can|i would|id|you can|you could|i wont|i will not|i would never)\b/,
      /\bi(?:ll| will| would|d) (?:\w+ ){1,5}?if you (?:just |only )?(?:come back|take me back|give (?:me|us) (?:\w+ ){0,2}?(?:chance|try)|stay)\b/,
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: false,
    message: 'This offers a deal in exchange for getting back together.',
    explanation:
      'Bargaining turns a relationship into a trade, and promises made to win someone back are hard ' +
      'to trust. Change that happens for its own sake speaks louder.',
    principles: ['P8', 'P10'],
    suggestions: calmer,
    examples: {
      flag: [
        "If you take me back, I'll change everything.",
        'if u give us one more chance i promise to do better',
        "I'll go to therapy if you come back.",
        'if you come back you can have the bigger room',
      ],
      pass: [
        'I started therapy for myself, not as a deal.',
        'If you give the kids their lunch, I will pick them up.',
      ],
    },
  },
  {
    id: 'begging/any-terms',
    category: 'begging',
    kind: 'problem',
    severity: 'high',
    confidence: 0.75,
    patterns: [new RegExp(`\\b${alt(PLEAD)}\\b`)],
    exceptions: [logistics('Just say yes, please, I miss us')],
    negation: 'cancel',
    inQuotes: false,
    message: 'This pleads on any terms: whatever they want, just say yes.',
    explanation: whyPleadingHurts,
    principles: ['P8'],
    suggestions: calmer,
    examples: {
      flag: [
        'I do anything for you to forgive me',
        'Just say yes and we will work the rest out',
        'can we just go back to normal',
        'what if we just did like a trial thing',
        "One coffee. That's all I'm asking.",
        "only don't give up of us",
      ],
      pass: [
        'Whatever you want for the kids birthday is fine by me.',
        'The coffee shop on the corner closed.',
        'I went back to normal hours at work.',
      ],
    },
  },
];
