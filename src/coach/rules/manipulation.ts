/**
 * Manipulation (P8): guilt trips, jealousy bait, attacks on their self-worth, threats that
 * are not about self-harm (those are crisis rules), and recruiting others as leverage.
 *
 * Deliberately not a rule: "false pretexts" ("I think I left my jacket at yours") read
 * exactly like genuine logistics, so the text alone cannot tell them apart; P6's "be clear
 * about your intent" is taught in the journey instead of guessed at here.
 * Patterns run on normalized text (see types.ts): lowercase, no apostrophes.
 */

import type { Rule, SuggestionTemplate } from '../types.js';
import {
  AFTER_ALL,
  alt,
  BOAST,
  CHILD_LEVERAGE,
  DEBT,
  FEELING_CLAIM,
  JEALOUSY_EVENT,
  MARTYRDOM,
  NOBODY,
  PUT_UP_WITH,
  REALITY_DENIAL,
  THIRD_PARTY,
  THIRD_PARTY_VERDICT,
  THREAT,
  WINK,
  WRONG_RECIPIENT,
} from './concepts.js';

const honestInstead: SuggestionTemplate = {
  type: 'rewrite-sentence',
  label: 'Say what you feel, without strings',
  text: "I'm finding this hard, and I wanted to be honest about that. You don't have to do anything with it.",
};

const leaveOut: SuggestionTemplate = { type: 'remove', label: 'Leave this out' };

export const rules: Rule[] = [
  {
    id: 'manipulation/guilt-trip',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.85,
    patterns: [
      /\bif you (?:loved|cared about) me (?:even )?half as much as i (?:love|loved|care about|cared about) you\b/,
      /\bafter (?:all|everything|all the (?:things|years|time)|all of this|all these years|(?:\w+ ){0,2}?years)(?: that)? (?:i|ive|i have|weve|we have|we) (?:did|done|gave|given|sacrificed|been through|went through|put up with|invested|shared|had|spent)\b(?: (?:for|with) you)?/,
      /\bi (?:gave|have given|ve given|wasted|sacrificed|invested|spent) (?:you )?(?:everything|my (?:whole )?(?:life|youth|heart|best years|twenties|thirties)|the best (?:years|part) of my (?:life|youth)|(?:\w+ ){0,2}?years of my life)(?: (?:for|on|to) you)?\b/,
      /\b(?:look (?:at )?what you(?:ve| have)? (?:done|did) to me|you (?:ruined|destroyed|wrecked|broke) my (?:life|heart|world|everything)|how (?:could|can) you (?:do this|do that|be so (?:cold|heartless|cruel|selfish)|just (?:walk away|leave|throw (?:it|us|me) away))(?: to me)?|i hope you(?:re| are) (?:happy|proud|satisfied) (?:now|with yourself)|thanks for (?:nothing|ruining|wasting|destroying|breaking))\b/,
      /\b(?:im|i am|ive been|i have been|i cant (?:sleep|eat|work|focus)|im not (?:sleeping|eating)|i (?:cry|cried)(?: myself to sleep)?(?: every (?:night|day))?)(?: \w+){0,4}? because of you\b/,
      /\bif you (?:really |ever |truly |actually )?(?:loved|cared (?:about|for)|respected|valued) me(?:,| at all,?)? you(?:d| would| wouldnt| would not)\b/,
      /\bif you (?:really |ever |truly |actually )?(?:loved|cared)(?: (?:about |for )?me)? (?:even )?(?:a little|a bit|at all|one bit),? you(?:d| would)\b/,
      /\bi (?:did|gave|have done|ve done|sacrificed|gave up) (?:everything|so much|all of (?:it|this)|all that|my all) for you\b|\bwhy (?:are|r) you doing this to me\b/,
      /\b(?:i )?guess (?:i (?:never|didnt) (?:really )?(?:mattered|meant (?:anything|much|a thing))|i (?:was|meant) nothing|you (?:never|didnt|dont|dont even) (?:really )?(?:care|cared|love(?:d)?|miss(?:ed)?))\b/,
      /\b(?:do it|think|think (?:about|of)|remember) (?:for )?(?:the kids|our kids|the children|our children|our family)(?= *(?:[.!?,;]|$))|\bthe (?:kids|children) (?:need|deserve) (?:us|both of us|their (?:dad|father|mom|mum|mother|parents)) (?:back )?together\b|\b(?:the kids|our kids|the children|our children) (?:keep|keeps) (?:crying|asking why)\b/,
    ],
    exceptions: [
      {
        reason: 'gratitude for what they gave, not a debt',
        pattern:
          /\b(?:thank(?:s| you)(?! for (?:nothing|ruining|wasting|destroying|breaking))|grateful|appreciate)\b/,
        scope: 'sentence',
        examples: {
          flag: ['After everything I did for you, this is how you treat me?'],
          pass: ['After everything we have been through, I am grateful you still talk to me.'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This may read as a guilt trip.',
    explanation:
      'Reminding them of what it cost you, or what they owe, tries to move them through guilt ' +
      'rather than choice. Even when the hurt is real, guilt does not bring anyone closer.',
    principles: ['P8', 'P16'],
    suggestions: [honestInstead, leaveOut],
    examples: {
      flag: [
        'Thanks for nothing, as usual.',

        "If you loved me even half as much as I love you, you'd be here.",

        'If you cared even a little you would have answered by now.',
        'idk why ur doing this to me, i did everything for u',
        'After everything I did for you, this is how you treat me?',
        'after all ive done for u',
        'I gave you the best years of my life.',
        'Look what you did to me.',
        "I can't sleep because of you.",
        'If you really loved me, you would answer.',
        'I guess I never mattered to you.',
        'Think of the kids.',
        'I hope you are happy now.',
      ],
      pass: [
        'If you loved that film half as much as I did, you will enjoy the sequel.',

        'If you cared about the garden at all, you would love the new allotment scheme.',
        'My parents did everything for me growing up, and I see that more now.',
        "I've been sleeping better lately, and I'm doing okay.",
        'I hope you are happy in the new place, truly.',
        'We should think about the kids and their school holidays.',
      ],
    },
  },
  {
    id: 'manipulation/jealousy-bait',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      /\b(?:ive been|i have been|ive started|i started|im|i am|i was|been|started|currently) (?:seeing|dating|talking to|hanging out with|sleeping with|going out with|texting|with) (?:someone|somebody|this (?:guy|girl|man|woman)|a (?:new |really nice |great )?(?:guy|girl|man|woman|person)|other (?:people|guys|girls|men|women)|someone (?:new|else)|somebody (?:new|else))\b/,
      /\b(?:someone|somebody|this (?:guy|girl|man|woman)|(?:he|she|they)|my (?:new )?(?:boyfriend|girlfriend|partner|date))(?: \w+){0,3}? (?:treats|treat|treated|appreciates|appreciate|values|value|respects|respect|loves|love|likes|like|wants|want) me (?:so much |way |a lot |far )?(?:better|more|the way you never|like you never|the way you should have|right)\b/,
      /\b(?:other|lots of|plenty of|so many|a lot of) (?:guys|girls|men|women|people) (?:are|have been|keep|want|would|who) (?:\w+ ){0,2}?(?:interested|hitting on me|asking me out|flirting|messaging me|want(?:ing)? me|love to)\b/,
      /\bi (?:could|can) (?:have|get|find) (?:anyone|anybody|any (?:guy|girl|man|woman) i want|someone better|better)\b|\bi have (?:other|plenty of|lots of|so many) (?:options|offers)\b|\b(?:im|i am) not (?:short of|lacking|running out of) (?:options|offers|attention)\b/,
      /\bmy new (?:boyfriend|girlfriend|partner|man|woman|guy|girl|date)\b/,
      /\b(?:someone|somebody|a (?:guy|girl|man|woman|colleague|coworker)|this (?:guy|girl|man|woman)|[a-z]+ from (?:work|the gym|school|uni|the office|my class|yoga)|(?:he|she)) (?:\w+ ){0,4}?(?:asked me out|hit on me|hits on me|keeps flirting|has been flirting|was flirting with me|made (?:it )?(?:\w+ )?clear (?:theyre|they are|hes|he is|shes|she is) interested|is (?:really |very )?interested in me|couldnt keep (?:his|her|their) hands off me|cant keep (?:his|her|their) hands off me|wants to take me out|gave me (?:his|her|their) number)\b/,
      /\b(?:nueva pareja|nuevo novio|nueva novia|new (?:partner|boyfriend|girlfriend|bf|gf|man|woman|guy|girl))\b[^.!?]{0,40}\b(?:better|nicer|kinder|hotter|funnier|sweeter|more (?:fun|interesting|attentive|caring))\b[^.!?]{0,20}\bthan (?:you|u)\b/,
      /\b(?:treat|treats|treated) me (?:so much |way |much |a lot |far )?better than (?:you|u)(?: ever)?\b/,
      /\b(?:might|may) not be (?:waiting|single|available|around) (?:for )?(?:long|much longer|forever)\b|\bwont be (?:waiting|single|available) (?:for )?(?:long|forever)\b/,
    ],
    exceptions: [
      {
        reason: 'a plain, honest update without comparison, asked for',
        pattern:
          /\b(?:you asked|since you asked|to answer your question|youd hear it from|want you to hear it from me)\b/,
        scope: 'sentence',
        examples: {
          flag: ["I've been seeing someone new, and he treats me better."],
          pass: ["Since you asked, I've been seeing someone."],
        },
      },
    ],
    negation: 'cancel',
    // its cues ("someone asked me out", "everyone says") read like reported speech
    inQuotes: true,
    message: 'This may read as trying to make them jealous.',
    explanation:
      'Mentioning someone new, or how wanted you are, invites jealousy rather than an honest ' +
      'conversation. If you want to reconnect, say that plainly; if you have moved on, that is ' +
      'yours to keep.',
    principles: ['P8', 'P7'],
    suggestions: [leaveOut, honestInstead],
    examples: {
      flag: [
        "I've been seeing someone new, and he treats me better.",
        'shes been talking to me and she treats me way better',
        'Other guys have been asking me out.',
        'I could have anyone I want.',
        'My new boyfriend takes me places.',
        'a guy from the gym asked me out last week lol',
        'he treats me so much better than you ever did',
        "just so you know I won't be single for long",
      ],
      pass: [
        "I haven't been seeing anyone.",
        "I've been seeing a therapist, and it helps.",
        'My sister asked me out for dinner to cheer me up',
        'Someone at work asked me to cover their shift',
      ],
    },
  },
  {
    id: 'manipulation/sulk-and-sting',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      /\bhope (?:he|she|they) (?:makes|make) you (?:as )?(?:miserable|unhappy|sad)\b|\bas miserable as you made me\b/,
      /\b(?:youre|you are|youll|you will) (?:going to |gonna )?regret (?:this|throwing|losing|leaving|walking away|it)\b/,
      /\bfunny that(?= *(?:[.!?]|$))|\bfunny how (?:you|fast|quickly)\b/,
      /\bnice of you to finally\b|\bnice of you to (?:remember|notice) (?:that )?i exist\b/,
      /\b(?:im|i am) only (?:answering|replying|responding|talking to you) because\b/,
      /\bif (?:youre|you are) (?:just |only )?(?:bored|lonely|drunk)\b[^.!?]{0,20}\bdont (?:bother|text|call|message)\b/,
      /\bgood for you,? i guess\b|\bhope (?:youre|you are) happy with (?:him|her|them)\b/,
      /\blet me guess,? (?:you|u)\b|\bnow that (?:its|it is) over with (?:him|her|them)\b/,
      // sarcastic wishes and martyrdom
      /\bhope (?:that |this )?(?:makes|made) (?:you|u) (?:happy|proud|satisfied|feel better)\b|\bhope (?:youre|you are|your|ur|u r|u are) (?:happy|proud|satisfied|pleased)(?: now| with yourself)\b/,
      /\b(?:i guess|guess|so|well) (?:ill|i will|im going to|im gonna|i am going to) (?:just )?(?:be|stay|end up|die|grow old|spend (?:\w+ ){0,2}?)\s?alone\b|\balone (?:forever )?then\b/,
      /\b(?:i )?(?:havent|have not|cant|cannot|couldnt|didnt|dont) (?:\w+ ){0,2}?(?:slept|sleep|eaten|eat|stopped crying|stop crying|left (?:the|my) (?:house|bed|room)|gone out|been able to (?:sleep|eat|work|function))\b[^.!?]{0,40}\b(?:since (?:you|u) (?:left|ended|dumped|went|walked out)|because of (?:you|u))\b/,
      /\b(?:fine|ok|okay|k|whatever),? (?:whatever|ignore me|forget it|be like that|have it your way|do what you want)\b/,
      /\bgo (?:have fun|enjoy yourself|be happy|enjoy your (?:new )?life) with (?:your|ur|him|her|them)\b/,
      /\b(?:im sure|i bet|no doubt) (?:theyre|they are|hes|he is|shes|she is|your new \w+ is|theyll be|he will be|she will be) (?:\w+ ){0,2}?(?:more|better|nicer|kinder|funnier)\b[^.!?]{0,30}\bthan (?:me|i (?:ever )?was)\b/,
      /\bmust be nice (?:to|being)\b/,
      /\bsee if i care\b/,
      /\bhope (?:hes|shes|theyre|he is|she is|they are|it was|its) (?:\w+ )?worth it\b/,
      // veiled threats about their future, and their worth
      /\bremember (?:this|that|me|what you (?:did|had|lost))\b[^.!?]{0,30}\bwhen (?:youre|you are|ur|u r|you feel|you get|youre all) (?:\w+ )?(?:lonely|alone|old|sad|miserable)\b/,
      /\b(?:ur|your|its your) loss\b|\bno one (?:else )?(?:is|will|would) (?:ever )?(?:gonna |going to )?(?:love|want|put up (?:with|w)|care about|treat) (?:you|u)\b/,
      /\b(?:has|have|had) no idea what (?:youre|you are|ur|u r) really like\b|\bif (?:he|she|they) (?:only |really )?knew what (?:youre|you are|ur) (?:really )?like\b/,
      // others recruited as a verdict on them
      /\b(?:everyone|everybody|people|all our friends|our friends|your (?:mum|mom|dad|mother|father|family|sister|brother|friends|parents)|my (?:friends|family|mum|mom|parents))\b[^.!?]{0,20}\b(?:says?|said|told me|thinks?|thought|agrees?|agreed|cant believe|can not believe|keeps? saying)\b[^.!?]{0,60}\b(?:made a (?:huge |big |terrible )?mistake|let yourself go|youve changed|treated me|how you(?:ve| have)? treated|you were wrong|youre wrong|you got it wrong|youll regret)\b/,
    ],
    exceptions: [
      {
        reason: 'a sincere wish or plain fact, not a jab',
        pattern:
          /\bi (?:truly|really|genuinely|honestly) hope\b|\bhope (?:youre|you are) happy (?:in|with|there|at)\b|\bmust be nice (?:weather|to see|to have (?:the|a) (?:break|rest|holiday))\b/,
        scope: 'sentence',
        examples: {
          flag: ['hope ur happy now'],
          pass: ['I truly hope the new job makes you happy'],
        },
      },
    ],
    negation: 'cancel',
    // its cues ("someone asked me out", "everyone says") read like reported speech
    inQuotes: true,
    message: 'This stings or sulks: it tries to move them through guilt or hurt.',
    explanation:
      'Sarcasm, martyrdom ("I guess I will be alone then") and jabs about their future or their worth ' +
      'try to make them feel bad enough to act. It rarely works and it costs trust. If you are hurting, ' +
      'say so plainly, or write it in your journal instead (P8 P16).',
    principles: ['P8', 'P16'],
    suggestions: [honestInstead, leaveOut],
    examples: {
      flag: [
        'I hope she makes you as miserable as you made me.',
        "You're going to regret throwing this away.",

        'Your new girlfriend looks just like me, funny that.',

        'Nice of you to finally remember I exist.',
        "I'm only answering because the kids asked me to.",
        "If you're just bored, don't bother.",
        "So you're happy with him now? Good for you I guess.",
        "Let me guess, you miss me now that it's over with her.",

        'Fine. Ignore me. See if I care.',
        "I saw your new guy on Instagram. Hope he's worth it.",
        'well I hope that makes you happy',
        'guess ill grow old alone then',
        "I haven't eaten properly since you walked out",
        'ok fine, be like that',
        'go have fun with your new mates',
        "I'm sure she's way more fun than me",
        'must be nice to forget everything so fast',
        'remember this when you are old and lonely',
        'ur loss honestly',
        "if he knew what you're really like he'd run",
        'my friends all think you made a huge mistake',
      ],
      pass: [
        'I hope she makes you happy, truly.',
        'I hope you never regret the move, the coast is beautiful.',

        'That film was so funny that I cried.',

        "It was nice of you to remember my mum's birthday.",
        "I'm only writing because the school asked for both our signatures on the form.",

        "I'll ask the vet and see if I can bring him on Monday.",
        'I hope the new job is worth it, you worked so hard for it.',
        'I hope you are happy in Lisbon',
        "I've been sleeping and eating better, which helps",
        'Fine weather here today, hope it is there too',
        'Have fun with your sister this weekend!',
        'My friends think I should take a break from dating',
      ],
    },
  },
  {
    id: 'manipulation/self-worth',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.9,
    patterns: [
      /\b(?:im|i am|i was|ill always be) the only (?:one|person) who (?:really |truly |will ever |could ever |ever )?(?:gets|got|understands|understood|knows|knew|loves|loved|cares about|cared about) you\b/,
      /\b(?:no ?one|nobody|no other (?:guy|girl|man|woman|person))(?: else)? (?:will|would|could|is going to|is ever going to|else will) (?:ever )?(?:love|want|date|marry|put up with|care about|understand|treat|deal with|stand) you\b/,
      /\byou(?:ll| will) never (?:find|meet|get|have) (?:anyone|anybody|someone|somebody|another|a (?:guy|girl|man|woman|person))(?: \w+){0,4}?(?: (?:like me|better|who (?:loves|will love|cares|treats)|that (?:loves|cares|treats)|as good))\b/,
      /\byoure (?:nothing|no one|nobody|worthless|lost|useless) without me\b|\bwho (?:else )?(?:would|will|could) (?:ever )?(?:want|love|date|put up with) you\b|\bgood luck finding (?:someone|anyone|somebody|anybody|better)\b|\byoure lucky (?:i|that i|anyone|to have)\b/,
      /\byou(?:ll| will) (?:end up|die|be) (?:alone|lonely|miserable|sorry)\b|\byou(?:ll| will) (?:regret (?:this|it|losing me|leaving|letting me go|what you did)|come crawling back|realize what you (?:lost|had|threw away)|never be happy)\b|\bone day you(?:ll| will) (?:regret|realize|understand|see)\b/,
    ],
    exceptions: [],
    negation: 'ignore',
    inQuotes: false,
    message: 'This attacks their sense of their own worth.',
    explanation:
      'Telling someone they will be alone, or lucky to have you, chips at their self-esteem. ' +
      'It may feel true in a painful moment, but it harms them and ends any trust.',
    principles: ['P8', 'P16'],
    suggestions: [leaveOut, honestInstead],
    examples: {
      flag: [
        "You know I'm the only one who really gets you.",

        'No one else will ever love you like I do.',
        'youll never find anyone better than me',
        "You're nothing without me.",
        'Good luck finding someone who puts up with you.',
        "You'll regret this.",
        'You will end up alone.',
      ],
      pass: [
        'I was the only one who got the joke at dinner.',
        'I hope you find someone who makes you happy, truly.',
        'You will be great at the new job.',
      ],
    },
  },
  {
    id: 'manipulation/threat',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.9,
    patterns: [
      /\bi (?:still )?have (?:your|those|the|our) (?:photos|pictures|pics|videos|nudes|messages|texts|letters)\b,? you know\b|\bi (?:could|might|will|can|ill) (?:post|share|send|show|leak) (?:your|those|the|our) (?:private )?(?:photos|pictures|pics|videos|nudes|messages|texts)\b/,
      /\bif (?:you|u) (?:leave|go|walk away|end this|break up with me|leave me)(?: me)?,? i (?:dont|do not) know what (?:ill|i will|i might|id|i would) do\b/,
      /\b(?:ill|i will|im going to|im gonna|i am going to|i could|i can|or ill|or i will)(?: just)? (?:tell|show|send (?:it|them|this|the \w+|your \w+) to|let|call|text|email|message|expose (?:you )?to|inform) (?:everyone|everybody|your (?:mom|mum|dad|mother|father|parents|family|boss|work|friends|new (?:\w+)|wife|husband|boyfriend|girlfriend|partner|sister|brother|kids|employer|church|landlord)|the (?:whole )?(?:world|internet|police|cops))\b/,
      /\b(?:ill|i will|im going to|i am going to|i could|or ill) (?:post|share|leak|publish|put) (?:\w+ ){0,3}?(?:pictures|photos|pics|videos|screenshots|messages|texts|nudes|it|them|everything) (?:online|everywhere|on (?:\w+)|to everyone)\b|\b(?:ill|i will|im going to|i could|or ill) expose you\b/,
      /\b(?:ill|i will|im going to|i am going to|i can|or ill) (?:make (?:you|your life) (?:pay|regret|sorry|miserable|hell|a living hell)|ruin (?:you|your (?:life|reputation|career|relationship))|destroy you|take (?:the kids|the children|everything|the house|you to court)|make sure you (?:never|lose|regret))\b/,
      /\byou(?:ll| will) never see (?:the kids|the children|your (?:kids|children|son|daughter|dog|cat|stuff|things))(?: again)?\b|\b(?:or else|watch your back|you better watch|youd better watch|you better (?:answer|reply|call|text|respond|pick up))\b|\bi know where you (?:live|work|are|sleep)\b/,
    ],
    exceptions: [
      {
        reason: 'telling someone about shared good news or arrangements',
        pattern:
          /\b(?:tell|let) (?:everyone|everybody|your \w+) (?:know )?(?:hi|hello|that (?:the|you)|happy|congrat)/,
        scope: 'clause',
        examples: {
          flag: ["I'll tell your mom everything."],
          pass: ["I'll tell your mom hi from the kids."],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'This reads as a threat.',
    explanation:
      'A threat takes away their free choice and can frighten them, whatever you meant by it. ' +
      'It also undoes any trust you are trying to rebuild. If you feel this angry, step back and ' +
      'talk it through with someone you trust before writing anything.',
    principles: ['P8', 'P16', 'P15'],
    suggestions: [{ type: 'remove', label: 'Remove the threat' }],
    examples: {
      flag: [
        'I still have your photos, you know.',

        "If you leave me I don't know what I'll do.",

        "I'll tell everyone what you did.",
        'ill post the pictures online',
        'I will make you pay for this.',
        "You'll never see the kids again.",
        'You better answer me.',
        'I know where you live.',
      ],
      pass: [
        'I can send you the photos of the kids from sports day.',

        "If you leave the keys under the mat, I'll collect them at six.",
        'I would never tell anyone what you shared with me.',
        'Tell your mom I said hello.',
      ],
    },
  },
  {
    id: 'manipulation/triangulation',
    category: 'manipulation',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.7,
    patterns: [
      /\b(?:everyone|everybody|all (?:of )?(?:our|my|your) (?:friends|family)|(?:our|my|your) (?:friends|family|mom|mum|dad|mother|father|parents|sister|brother|therapist)) (?:says?|thinks?|agrees?|knows?|keeps? saying|told me|tells me|wants?) (?:that )?(?:we (?:should|belong|are meant|were meant|need)|you (?:should|made a mistake|need to|are making a mistake|still love)|us to (?:get back|be together|try again)|its a mistake|youre making a mistake)\b/,
      /\b(?:everyone|everybody|all (?:of )?(?:our|my|your) (?:friends|family)|(?:our|my|your) (?:friends|family|mom|mum|dad|mother|father|parents|sister|brother|therapist)) (?:says?|said|thinks?|thought|agrees?|knows?|keeps? saying) (?:that )?(?:you (?:were|are|was)|youre|it (?:was|is) (?:all )?your fault|its (?:all )?your fault)(?: (?:the (?:problem|one to blame|bad guy|toxic one|selfish one)|to blame|wrong|toxic|selfish|a narcissist))?\b(?<=fault|problem|blame|guy|one|wrong|toxic|selfish|narcissist)/,
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: true,
    message: 'This brings other people in as leverage.',
    explanation:
      'Using what friends or family think puts pressure on them from more than one side. ' +
      'What matters is what the two of you feel, said plainly.',
    principles: ['P8', 'P16'],
    suggestions: [leaveOut, honestInstead],
    examples: {
      flag: [
        'Everyone says we belong together.',
        'Your mom thinks you made a mistake.',
        'Everyone says you were the problem, not me.',
      ],
      pass: [
        'Your mom says the kids can stay over on Sunday.',
        'My friends think I should take up running.',
        'My sister says you were wonderful at the concert.',
      ],
    },
  },
  {
    id: 'manipulation/gaslighting',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [new RegExp(`\\b${alt(REALITY_DENIAL)}\\b`)],
    exceptions: [
      {
        reason: "doubting their own memory, not the ex's: maybe I am remembering it wrong",
        pattern:
          /\b(?:im|i am|i was|i might be|i may be|maybe im|maybe i am|i could be|i must be|i think im|ive been|i have been|if im)(?: \w+)? (?:remembering|misremembering|making|imagining|mixing|confusing|rewriting|twisting)\b|\bi (?:made|make) (?:it|that|this|stuff|things) up\b|\b(?:make|making|made) (?:it|this|that|things) up to\b/,
        scope: 'clause',
        examples: {
          flag: ["you're remembering it wrong", 'stop making it up'],
          pass: [
            'maybe I am remembering it wrong',
            'I made that up to sound cool, sorry',
            'I will spend years making it up to you',
          ],
        },
      },
      {
        reason: 'news, not denial: the trip never happened',
        pattern:
          /\b(?:trip|holiday|party|wedding|concert|plan|plans|move|meeting|sale|interview|match|game) (?:\w+ ){0,3}(?:never happened|didnt happen|did not happen)\b/,
        scope: 'clause',
        examples: { flag: ['that never happened'], pass: ['The trip to Rome never happened, sadly'] },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'This tells them their memory is wrong; it denies their experience.',
    explanation:
      'Saying they are making it up or remembering it wrong asks them to doubt themselves. Two people can ' +
      'remember the same night differently; say how you remember it, as yours (P7 P8).',
    principles: ['P7', 'P8'],
    suggestions: [honestInstead, leaveOut],
    examples: {
      flag: [
        "that's not how it went, you're remembering it wrong",
        'ur making stuff up again',
        'u made that up in ur head',
        "I think you're mixing it up with something else",
        "You've always had a selective memory.",
      ],
      pass: [
        'maybe I am remembering it wrong',
        'The trip to Rome never happened, sadly',
        'I remember it well',
      ],
    },
  },
  {
    id: 'manipulation/night-out-bait',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.75,
    patterns: [
      new RegExp(`\\b${alt(JEALOUSY_EVENT)}\\b[^!?\\n]{0,60}?(?:\\b${alt(BOAST)}\\b|${alt(WINK)})`),
      new RegExp(`\\b${alt(BOAST)}\\b[^.!?\\n]{0,40}?\\b${alt(JEALOUSY_EVENT)}\\b`),
    ],
    exceptions: [
      {
        reason: 'family or friends news, not bait: a night out with the kids',
        pattern:
          /\b(?:kids|children|son|daughter|mum|mom|dad|mother|father|family|sister|brother|grandma|grandad|the dog|you asked|since you asked)\b/,
        scope: 'sentence',
        examples: {
          flag: ['had an amazing night out with Tom 😏'],
          pass: ['had an amazing night out with the kids at the fair'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: true,
    message: 'This reads as trying to make them jealous.',
    explanation:
      'News of a date or a great night out, with a wink or a "just so you know", is a move in a game: it ' +
      'tries to stir jealousy rather than say what you feel. Mind games erode trust (P8 P17).',
    principles: ['P8', 'P17'],
    suggestions: [honestInstead, leaveOut],
    examples: {
      flag: [
        'had an amazing night out with Tom 😏',
        'went out w someone new last night. just fyi',
        'Went for drinks w Sam from work last night, he is actually really sweet',
        'just so u kno theres a girl here who wont stop talkin to me 😏',
      ],
      pass: ['had an amazing night out with the kids at the fair', 'We went out for pizza after the match'],
    },
  },
  {
    id: 'manipulation/wrong-recipient',
    category: 'manipulation',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.75,
    patterns: [new RegExp(`\\b${alt(WRONG_RECIPIENT)}\\b`)],
    exceptions: [
      {
        reason: 'a real mix-up named plainly: I had the wrong number for your sister',
        pattern: /\b(?:the|a|your|his|her|my|an?) wrong (?:number|person|chat|thread)\b/,
        scope: 'clause',
        examples: { flag: ['oops wrong number lol'], pass: ['I had the wrong number for your sister'] },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'A "wrong chat" message to your ex reads as a pretext.',
    explanation:
      'A message "meant for someone else" that lands with your ex opens contact without saying so. If you ' +
      'want to talk, say so plainly: intent that is clear is kinder (P6 P8).',
    principles: ['P6', 'P8'],
    suggestions: [honestInstead, leaveOut],
    examples: {
      flag: ['oops wrong number lol', 'omg wrong chat srry', 'sorry wrong person, hope ur well tho'],
      pass: ['I had the wrong number for your sister', 'I was the wrong person for you back then'],
    },
  },
  {
    id: 'manipulation/nobody-else',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      new RegExp(
        `\\b${alt(NOBODY)} (?:\\w+ ){0,2}?(?:will|would|is going to|going to|could|can|is ever going to|ever|else will) (?:\\w+ ){0,2}?${alt(PUT_UP_WITH)}\\b`,
      ),
      /\bwho (?:else )?(?:is|are) (?:you )?(?:ever )?going to (?:find|want|love|put up with|date)\b|\bwho (?:else )?(?:would|will) (?:ever )?(?:want|love|put up with|date) (?:you|a)\b/,
      /\b(?:puts?|putting) up (?:with|w) (?:you|your \w+) (?:like|the way) i (?:did|do)\b/,
      new RegExp(`\\b${alt(DEBT)}\\b|\\byou owe me(?= *(?:[.!?,]|$))`),
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: false,
    message: 'This leans on their self-worth or on a debt to move them.',
    explanation:
      'Telling them nobody else will want them, or that they owe you, tries to move them through fear or ' +
      'guilt instead of choice. It is a mind game, and it costs the trust you want back (P8).',
    principles: ['P8', 'P16'],
    suggestions: [honestInstead, leaveOut],
    examples: {
      flag: [
        'no one else is gonna put up with u tbh',
        'Nobody else will want a woman so difficult like you',
        "who are you going to find at 36 who'll put up with you like I did?",
        'the least you could do is have a coffee with me',
        'you owe me. I covered your rent',
      ],
      pass: [
        'Nobody else was at the park',
        'You owe me nothing, I mean that',
        'the least I could do was help',
      ],
    },
  },
  {
    id: 'manipulation/conditional-love',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      /\bif (?:you|u) (?:\w+ )?(?:loved|love|cared about|care about|cared for|respected|wanted|miss|missed) me\b[^.!?]{0,50}?\b(?:youd|you would|you will|youll)\b/,
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: false,
    message: 'This makes their love conditional on doing what you ask.',
    explanation:
      '"If you loved me you would…" turns a feeling into a test they fail by saying no. Ask for what you ' +
      'want plainly and let the answer be theirs (P8 P16).',
    principles: ['P8', 'P16'],
    suggestions: [honestInstead, leaveOut],
    examples: {
      flag: [
        'if u loved me ud call',
        'If you actually loved me like you always said you did you would give this a chance',
      ],
      pass: ['If you loved the film, you would like the book', 'if you ever need me, I will help'],
    },
  },
  {
    id: 'manipulation/leverage',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.75,
    patterns: [
      new RegExp(`\\b${alt(THIRD_PARTY)} (?:\\w+ ){0,4}?${alt(THIRD_PARTY_VERDICT)}\\b`),
      new RegExp(`\\b${alt(CHILD_LEVERAGE)}\\b`),
      new RegExp(`\\b${alt(MARTYRDOM)}\\b`),
    ],
    exceptions: [
      {
        reason: 'plain news with no ask: everyone said so about the weather',
        pattern: /\b(?:weather|forecast|film|movie|book|restaurant)\b/,
        scope: 'sentence',
        examples: {
          flag: ['Our friends all agree you were too hasty.'],
          pass: ['everyone said so about the film, it is great'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: true,
    message: 'This brings in others, the children or your suffering to move them.',
    explanation:
      'Recruiting family, friends or the children to your side, or showing how much you suffer, moves them ' +
      'through guilt and pressure rather than their own wish. Speak only for yourself (P8 P16).',
    principles: ['P8', 'P16'],
    suggestions: [honestInstead, leaveOut],
    examples: {
      flag: [
        'Our friends all agree you were too hasty.',
        "Even your brother thinks you're making a huge mistake",
        'my sister keeps asking why ur ignoring me',
        'Leo keeps asking why daddy doesnt live at home anymore',
        'The kids need their father back.',
        "Don't mind me, I'm just the idiot who paid your rent",
        'Glad one of us is sleeping well. 🙃',
        'sorry for existing I guess',
        'after i skipped my cousins bday for ur game this is how u treat me??',
      ],
      pass: [
        'The kids loved the zoo on Saturday',
        'My sister says hi, and congratulations on the new job',
        'Your mum thinks the party should be on Sunday',
      ],
    },
  },
  {
    id: 'manipulation/mind-claim-or-threat',
    category: 'manipulation',
    kind: 'problem',
    severity: 'high',
    confidence: 0.75,
    patterns: [
      new RegExp(`\\b${alt(FEELING_CLAIM, THREAT, AFTER_ALL)}\\b`),
      /\bif (?:you|u) (?:actually |really |even |truly |ever )?(?:cared|gave a damn|gave a shit)\b(?! to\b)/,
      /\b(?:im|i am) (?:such )?(?:a |the )?(?:terrible|awful|horrible|bad|useless|worst) (?:\w+ )?apparently\b/,
    ],
    exceptions: [],
    negation: 'ignore',
    inQuotes: true,
    message: 'This tells them what they feel, or holds something over them.',
    explanation:
      'Claiming to know what they feel ("stop pretending", "I know you still love me"), doubting that any of it ' +
      'was real, keeping a debt ("after everything I paid") or hinting at a consequence ("I will find out ' +
      'anyway") moves them through guilt or fear, not their own wish. Speak for yourself only (P8 P16).',
    principles: ['P8', 'P16'],
    suggestions: [honestInstead, leaveOut],
    examples: {
      flag: [
        'I know you still love me.',
        'If you actually cared you would have been there.',
        'was any of that real for you',
        "just tell me. i'll find out anyway",
        "if you don't, you'll regret it",
        'After everything I paid for that flat.',
        'if u dont answer this time ill know u never cared',
        'Or I could just not bring them, your choice.',
        "Sorry I'm such a terrible mother apparently.",
      ],
      pass: [
        'I know you are busy this week.',
        'If you cared to come, the match is at ten.',
        'The film was all fake snow, the kids loved it.',
        "I'll find out the match time and text you.",
      ],
    },
  },
];
