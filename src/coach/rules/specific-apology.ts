/**
 * Specific apologies (P9), a strength: naming what you did ("I'm sorry I missed your
 * birthday dinner") and how it affected them ("I know it made you feel unimportant"),
 * without an excuse.
 *
 * A blanket apology ("sorry for everything", "sorry if") never counts; blind-apology.ts
 * flags those. Everyday politeness ("sorry I missed your call") is not an apology for the
 * relationship. Patterns run on normalized text (see types.ts).
 */
import type { Rule, RuleException } from '../types.js';

/** P9: an excuse or a "but" undoes the apology. */
const excuse = (flag: string, pass: string): RuleException => ({
  reason: 'an excuse or a "but" undoes it',
  pattern:
    /\b(?:sorry|apologi[sz]e)(?: [\w,]+){0,12}? but\b(?! (?:there(?:s| is) no excuse|it was (?:my fault|wrong|on me)|i (?:want|wanted|hope|would like|d like) (?:you )?to (?:say|tell|thank|ask|know)))|\b(?:i was (?:just |only |so |really )?(?:drunk|stressed|tired|exhausted|under (?:a lot of )?pressure)|you (?:made|pushed|drove|forced) me|it was (?:only |just )?because you)\b/,
  scope: 'sentence',
  examples: { flag: [flag], pass: [pass] },
});

/** Everyday politeness: sorry for a missed call or a late reply. */
const politeness: RuleException = {
  reason: 'everyday politeness, not an apology for the relationship',
  pattern:
    /\b(?:sorry|apologi[sz]e) (?:that |for )?(?:i )?(?:missed your call|missing your call|didnt (?:reply|respond|answer|text back|get back|pick up)|not (?:replying|responding|answering|getting back)|havent (?:replied|responded|answered|gotten back)|(?:took|taking|have taken|ve taken) (?:so )?(?:long|a while|ages|forever)|(?:was |am |m )?late (?:replying|responding|getting back|with)|couldnt (?:talk|answer|pick up)|(?:the )?(?:late|slow) (?:reply|response)|bother(?:ing)? you|the (?:delay|typos?|long message))\b/,
  scope: 'clause',
  examples: {
    flag: ["I'm sorry I missed your birthday dinner."],
    pass: ["Sorry I didn't reply sooner, work was busy."],
  },
};

export const rules: Rule[] = [
  {
    id: 'specific-apology/names-behaviour',
    category: 'specific_apology',
    kind: 'strength',
    severity: 'info',
    confidence: 0.8,
    patterns: [
      /\bi owe you an apology for (?:the way|how|what|when) i\b|\bi was (?:harsh|unkind|cruel|dismissive|cold|unfair|selfish|controlling|jealous|rude|mean|thoughtless|careless|hurtful|out of line)\b(?! to (?:myself|him|her|them))/,
      /\b(?:sorry|apologi[sz]e|apologies)(?: (?:so much|truly|deeply|sincerely|again))?,? (?:that |for (?:the (?:way|times?) |how |when |what )?)?i (?:(?:always|never|ever|constantly|kept|repeatedly|often|just|really) )?(?!did (?:anything|something)\b)(?!(?:hurt|upset) you(?: |$|[.!?,]))(?!ever )[a-z]+ (?:[a-z]+ ){0,2}?(?:you|your|our|us|the|to|at|about|in|on|with|when|without|so|my|that|a|what|how|for|up|out|away|it|things|home)\b/,
      /\b(?:sorry|apologi[sz]e|apologies)(?: (?:so much|truly|deeply|sincerely|again))? for (?:(?:always|never|ever|constantly|repeatedly|not) )?(?!everything|anything|whatever|bothering|the (?:late|delay|wait))[a-z]+ing (?:[a-z]+ ){0,2}?(?:you|your|our|us|the|to|at|about|in|on|with|when|so|my|that|a|what|how|up|out|it|things|home|so)\b/,
      /\bit was (?:wrong|unfair|selfish|cruel|not okay|not ok|hurtful|thoughtless) of me to\b/,
    ],
    exceptions: [
      excuse("I'm sorry I missed your birthday dinner.", "I'm sorry I yelled at you, but I was exhausted."),
      politeness,
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'You name what you did.',
    explanation:
      'An apology that names the specific behaviour shows you understand what happened. It is ' +
      'the kind of apology that can actually be accepted.',
    principles: ['P9'],
    suggestions: [],
    examples: {
      flag: [
        'I owe you an apology for the way I spoke to you at the party. I was harsh and it hurt you.',

        "I'm sorry I missed your birthday dinner.",
        'sorry i lied to you about the money',
        "I'm sorry for checking your phone behind your back.",
        "I'm sorry for the way I spoke to you at the party.",
        'It was unfair of me to blame you for the move.',
      ],
      pass: [
        'The weather was harsh on the hike, but we made it.',
        "I'm sorry for everything.",
        "I'm sorry if I hurt you.",
        "Sorry I didn't reply sooner.",
      ],
    },
  },
  {
    id: 'specific-apology/names-impact',
    category: 'specific_apology',
    kind: 'strength',
    severity: 'info',
    confidence: 0.8,
    patterns: [
      /\b(?:and )?(?:it|that|this) (?:hurt|upset|embarrassed|humiliated|scared|worried|isolated) you\b/,
      /\bi (?:know|realize|realise|understand|see now|see|recogni[sz]e|can see) (?:now )?(?:that |how )?(?:it|that|this|what i (?:did|said)|my [a-z]+|i) (?:[a-z]+ ){0,3}?(?:made you (?:feel )?|left you (?:feeling )?|caused you|put you through|embarrassed you|scared you|hurt you|let you down|broke your trust|must have (?:felt|been|hurt|made you))/,
      /\b(?:it|that|this|what i did) (?:must have|would have|probably|really) (?:made you feel|hurt you|left you feeling|been (?:so |really )?(?:hard|painful|lonely|humiliating|scary) for you)/,
      /\bi (?:hurt|humiliated|embarrassed|scared|betrayed) you (?:when|by|with)\b/,
    ],
    exceptions: [
      excuse('I know it made you feel unimportant.', 'I know it made you feel bad, but you made me do it.'),
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'You acknowledge how it affected them.',
    explanation:
      'Naming the impact on them, not just the act, shows you have thought about their side. ' +
      'That is what makes an apology feel sincere.',
    principles: ['P9', 'P7'],
    suggestions: [],
    examples: {
      flag: [
        'I was harsh and it hurt you.',

        'I know it made you feel unimportant.',
        'I realize now that my jealousy left you feeling trapped.',
        'I hurt you when I left without saying anything.',
        'That must have made you feel so alone.',
      ],
      pass: [
        'Did the dentist hurt you? Hope you are okay.',
        'I know it was a long day.',
        'It made me feel small.',
      ],
    },
  },
];
