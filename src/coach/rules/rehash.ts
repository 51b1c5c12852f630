/**
 * rehash (P7): re-arguing old fights or the breakup itself. Going back over who was right,
 * asking to "go through it again", disputing their reasons for ending it, or building a case
 * (lists of facts, "for the record") all reopen the fight instead of starting something new.
 * A fond memory of an old argument ("remember when we argued about the toilet roll? still
 * makes me laugh") is not a rehash: the patterns need a wish to re-argue or a verdict.
 */

import type { Rule, SuggestionTemplate } from '../types.js';
import { alt, CAUSE, COUNTERFACTUAL, ENDED, PAST_RECALL, WHO_DID_IT } from './concepts.js';

const EXPLANATION =
  'Going back over old fights asks them to re-live the breakup and to defend themselves again. ' +
  'Nobody is argued back into a relationship: feelings, not a case, decide. If something from the ' +
  'past matters, own your part of it in one sentence and leave the verdict out (P7).';

const OWN_IT: SuggestionTemplate = {
  type: 'rewrite-sentence',
  label: 'Own your part instead',
  text: 'I have thought a lot about [what happened], and I understand better now how my part in it hurt you.',
};
const LEAVE_OUT: SuggestionTemplate = {
  type: 'rewrite-sentence',
  label: 'Leave this sentence out',
  text: '',
};

const FIGHT =
  '(?:fight|fights|argument|arguments|row|rows|breakup|break up|split|blow up|blowup|falling out|thing that happened|night|weekend|holiday|trip)';

export const rules: Rule[] = [
  {
    id: 'rehash/go-over-it-again',
    category: 'rehash',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    patterns: [
      /\b(?:go|going|talk|talking|went) (?:over|through|thru) (?:it|this|that|everything|what happened|all of it|the (?:whole )?(?:thing|breakup|fight|argument))(?: all)? (?:again|one more time|once more|point by point)\b/,
      /\b(?:go|going|talk|talking|walk|walking) (?:over|through|thru) (?:that|the|our|this|what happened)(?: [a-z]+){0,4} (?:again|point by point|one more time)\b/,
      /\b(?:go|going) (?:over|through|thru) that (?:fight|argument|night|row)\b/,
      /\b(?:explain|tell you|say) (?:again |one more time )?what (?:really|actually) happened\b/,
      /\btalk (?:it|this|that) (?:through|thru|out) (?:again|properly)\b|\bwant to talk it through\b|\bwe need to go (?:through|thru|over) it\b/,
      new RegExp(
        `\\b(?:can|could|should|need to|have to|let us|lets) (?:we )?(?:talk|talking) (?:again )?about (?:the|that|our|why|who) (?:[a-z]+ ){0,3}${FIGHT}(?: again)?\\b`,
      ),
      /\btalk (?:again )?about (?:who|why) (?:started|was right|was wrong|ended|you ended|you refused)\b/,
      /\blets also talk (?:again )?about\b/,
      /\btalk about what (?:happened|went wrong|you did)\b[^.!?]{0,30}?\b(?:again|properly|once and for all)\b/,
      /\bremember (?:how|when|that time|the time) you (?:screamed|yelled|shouted|lied|cheated|walked out|stormed out|left me|humiliated me|embarrassed me|ignored me|blamed me|called me)\b/,
    ],
    exceptions: [
      {
        reason: 'a fond memory, not a fight: still makes me laugh',
        pattern: /\b(?:makes me (?:laugh|smile)|laugh about it|funny now)\b/,
        scope: 'sentence',
        examples: {
          flag: ['can we go over it again'],
          pass: ['we should go over it again some day and laugh about it'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This reopens an old fight instead of starting something new.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [OWN_IT, LEAVE_OUT],
    examples: {
      flag: [
        'I want to go over it again.',
        'we need to go thru it again',
        'Let me go through that fight in March point by point',
        'I want to explain again what really happened the night of the party',
        'Can we talk about the holiday argument again?',
        'I want to talk it through.',
        "let's go through it again",
        'we need to talk about what happened in march, again, properly this time',
        "Remember how you screamed at me at your sister's wedding? I still can't get over it.",
      ],
      pass: [
        "I don't want to go over it again, I just hope you're well",
        'Remember when we argued about the toilet roll? Still makes me laugh.',
        'Can we talk about the weather?',
        'Remember how you laughed at the parrot in the zoo?',
        "I'd like to talk about what happened with the car insurance, the letter came today.",
      ],
    },
  },
  {
    id: 'rehash/still-disputing',
    category: 'rehash',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      /\bi dont (?:buy|believe) (?:your|that|the) (?:excuse|reason|story|explanation)\b|\btalk about why you (?:really )?(?:left|ended (?:it|things|us))\b/,
      /\bi (?:still )?(?:dont|do not|cant|cannot|will never) (?:accept|understand|get|see) (?:your reasons|why you (?:ended|left|broke|did)|how you could)\b/,
      /\bi still (?:think|believe|feel) (?:the way we|that we|we|the breakup|that fight|that argument|the fight|the argument|if you|that if you|it was you|you)\b[^.!?]{0,60}\b(?:unfair|wrong|overreacted|blown|your fault|out of proportion|still be together|mistake|started it|no sense|over nothing|over something)\b/,
      /\b(?:still )?(?:think|thought) (?:that )?(?:fight|argument|row)\b[^.!?]{0,40}\b(?:blown|out of proportion|overreact|your fault|unfair|pointless)\b/,
      /\bwe (?:broke up|split up|ended it|ended) over (?:something so small|nothing|one (?:argument|fight|thing)|such a small)\b/,
      /\bwhy you ended it over\b/,
      /\b(?:still )?makes no sense to me\b/,
      /\b(?:still )?cant get over what happened (?:that|on|at|in)\b/,
      /\bthe breakup was (?:mostly |all |really |entirely |totally )?(?:about|because of|your fault|caused by|down to)\b/,
      /\bwe both know (?:it was|the breakup|that it was|you)\b/,
      /\bthey dont add up\b|\bthat doesnt add up\b/,
      /\bi keep replaying (?:the|that|what)\b/,
    ],
    exceptions: [],
    negation: 'ignore',
    inQuotes: false,
    message: 'Disputing why it ended re-argues the breakup.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [OWN_IT, LEAVE_OUT],
    examples: {
      flag: [
        "Let's talk about why you really left, because I don't buy your excuse.",

        'I still think the way we broke up was totally unfair',
        "I still don't accept your reasons for ending it.",
        'We broke up over something so small, it still makes no sense to me',
        'still cant get over what happened that nite at jakes party',
        'we both know the breakup was mostly about your family',
        'I keep replaying the night you left',
        'still think that fight abt ur ex was blown way out of proportion',
      ],
      pass: [
        "Let's talk about why the boiler keeps failing.",

        'I accept your reasons for ending it, and I respect them.',
        'I still think about the good times sometimes.',
        'It makes sense to me now why you needed space.',
      ],
    },
  },
  {
    id: 'rehash/prove-who-was-right',
    category: 'rehash',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      /\bi (?:did|have done|had done) nothing wrong\b|\bi (?:didnt|did not) do anything wrong\b/,
      /\b(?:settle|decide|figure out) (?:once and for all )?who was (?:right|wrong|to blame)\b/,
      /\bwho (?:really )?(?:started|was right about|was wrong about|was to blame for)\b/,
      /\bfor the record\b/,
      /\b(?:admit|accept|see|realise|realize) (?:that )?you were (?:wrong|the one)\b/,
      /\bi (?:wasnt|was not) the one who (?:started|ended|caused|ruined)\b/,
      /\byou (?:got it all|had it all|have it all) wrong\b/,
      /\bmy side of (?:it|things|the story)\b/,
      /\b(?:list|made a list) of (?:the )?reasons (?:we|why we) should\b/,
      /\b(?:i|ive|i have)(?: been)? (?:added up|counted|gone back over|rereading|reread|went back through|going back through|gone through)\b[^.!?]{0,60}\b(?:spent|paid|messages|texts|said|fight|argument|times)\b/,
      /\byou misunderstood what i meant\b/,
      /\bi never got to finish my point\b/,
    ],
    exceptions: [],
    negation: 'ignore',
    inQuotes: false,
    message: 'Building a case about who was right keeps the fight going.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [OWN_IT, LEAVE_OUT],
    examples: {
      flag: [
        'I did nothing wrong and you know it.',

        "Let's settle once and for all who was right about moving to Leeds.",
        'For the record, I never flirted with your colleague',
        'I want you to admit you were wrong about that',
        'I think you will see I wasnt the one who started it',
        'I really need you to understand my side of it',
        "I've added up what we each spent last year",
        "I've been rereading our messages from the fight in June",
      ],
      pass: [
        'I know I did things wrong, and I am sorry for them.',
        'I was wrong about the holiday, and I am sorry.',
        'I hope things are going well on your side.',
      ],
    },
  },
  {
    id: 'rehash/why-it-ended',
    category: 'rehash',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      new RegExp(
        `\\bwhy (?:did |do |would |had |have )?(?:we|you|it|things|this|us)(?: (?:even|really|actually|ever|just|suddenly))* (?:${alt(ENDED)}\\b|(?:left|leave|split|ended|end)(?= *(?:[.!?,;]|$| (?:tbh|to be honest|honestly|lol|though|like that|so suddenly|without|in the first place))))`,
      ),
      new RegExp(
        `\\b(?:we|you|it|things|this|the marriage|the relationship|our marriage|our relationship|everything) (?:just |really |basically )?(?:broke up|split up|ended it|ended things|ended|fell apart|threw it all away|threw it away|threw us away|binned it|binned us) ${alt(CAUSE)}\\b`,
      ),
      /\b(?:thats|that is|that was|part of|the (?:only |real |main )?reason) (?:why )?(?:we|it|things|you|this|us|the marriage|the relationship) (?:broke up|broke|split|ended|fell apart|left|didnt work|happened)\b/,
      /\b(?:that was|this was|it was) (?:the|where it all|when it all) (?:start|beginning) of (?:all this|the end|it all|everything|the trouble)\b|\b(?:the trouble|it all|all this|the problems|everything|things) (?:began|started|went wrong|went downhill|fell apart) (?:when|the day|the night|the summer|after|with|because)\b/,
      new RegExp(`\\b(?:remember )?who (?:actually |really |even )?${alt(WHO_DID_IT)}\\b`),
    ],
    exceptions: [
      {
        reason: 'understanding or owning it, not re-arguing: I understand why you left',
        pattern:
          /(?<!dont |do not |cant |cannot |never )\b(?:understand|know|see|respect|accept|realise|realize)(?: now| better| fully)? why\b|\bbecause (?:of )?(?:i|me|my|im)\b|\bmy fault\b/,
        scope: 'sentence',
        examples: {
          flag: ['why did we even break up?'],
          pass: ['I understand now why you left', 'it fell apart because I stopped listening'],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'Asking why it ended, or arguing its cause, re-opens the breakup.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [OWN_IT, LEAVE_OUT],
    examples: {
      flag: [
        'why did we even break up?',
        'still dont get why u left tbh',
        'u ended it over one dumb fight',
        'thats why we broke up',
        'The trouble began the summer you started working with Felix',
        'Remember who ended the good times? Not me.',
        'Who cheated again? Remind me.',
        'why did you even get with me if you were just gonna do this',
      ],
      pass: [
        'I understand now why you left',
        'why did you leave your keys at mine?',
        'who left the gate open',
        'it fell apart because I stopped listening',
      ],
    },
  },
  {
    id: 'rehash/old-fight-verdict',
    category: 'rehash',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.75,
    patterns: [
      new RegExp(`\\b${alt(COUNTERFACTUAL)}\\b`),
      /\b(?:still )?(?:think|thought|feel|believe) (?:that )?(?:you|u) (?:really |totally |just )?(?:overreacted|were overreacting|were wrong|started it|were unfair|blew it out of proportion)\b|\b(?:you|u) (?:totally |really |just )?overreacted (?:about|over|at|on|that|the)\b/,
      /\bi (?:keep|kept) replaying (?:it|that|this)\b|\b(?:wasnt|was not|isnt|is not) (?:all |entirely |even |really )?my fault\b/,
      new RegExp(
        `\\b(?:(?:you were|youre|you are|your) the one|it was you|was it you) (?:who|that) (?:${alt(WHO_DID_IT)}|left|kept saying)\\b`,
      ),
      /\bremember (?:the|that|your|when|how|our)\b[^.!?]{0,50}?\b(?:you|your \w+) (?:ruined|walked out|left|screamed|yelled|lied|cheated|ignored|stormed out|humiliated|embarrassed|blamed|took (?:her|his|their|my|your \w+) side|spent the whole)\b/,
    ],
    exceptions: [
      {
        reason: 'owning it: none of this would have happened if I had listened',
        pattern:
          /\bif i\b|\bif id\b|\b(?:its|it was|all|was all|entirely) my fault\b|\bbecause (?:of )?(?:i|me)\b|\bi was the one\b/,
        scope: 'sentence',
        examples: {
          flag: ["If you'd gone, none of this would have happened."],
          pass: ['None of this would have happened if I had been honest'],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'This re-argues an old fight or what should have happened.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [OWN_IT, LEAVE_OUT],
    examples: {
      flag: [
        "If you'd gone, none of this would have happened.",
        'Had you shown me half the patience I showed you, we would still be married.',
        'remember the lake thing? still think u overreacted',
        'I keep replaying it',
        'lemme just explain one more time why the whole vegas thing wasnt my fault',
        'We both know the marriage fell apart because you checked out years before I did.',
        'thats part of why it happened',
        "you're the one who cheated",
        "Just to be clear it was you who kept saying we should 'take a break'",
        'Remember the Christmas your sister ruined by bringing up the loan?',
      ],
      pass: [
        'None of this would have happened if I had been honest',
        'Remember the Christmas your sister sang all night?',
        'I think you were right about the flat',
      ],
    },
  },
  {
    id: 'rehash/recall-the-charge',
    category: 'rehash',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.75,
    patterns: [
      new RegExp(`\\b${alt(PAST_RECALL)}\\b`),
      /\b(?:this is|its|it is|thats|that is) (?:\w+ ){1,4}?all over again\b/,
      /\b(?:we|everything|things|it|us) (?:was|were) (?:fine|happy|good|ok|okay|great) until (?:you|your|u)\b/,
      /\b(?:end|ended|ending|throw away|threw away|throwing away|give up|gave up) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|all those|all these|all our) (?:years|months)(?: \w+)? (?:over|because of)\b/,
    ],
    exceptions: [
      {
        reason: 'a fond memory: remember when you said the dog looked like a potato',
        pattern: /\b(?:lol|haha|laughed|laughing|funny|so cute|kkk+)\b/,
        scope: 'sentence',
        examples: {
          flag: ['Remember when you said I was too much?'],
          pass: ['remember when you said the dog looked like a potato haha'],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'This brings back what was said or done in an old fight.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [OWN_IT, LEAVE_OUT],
    examples: {
      flag: [
        'Remember when you said I was too much?',
        'This is your birthday all over again.',
        'we were fine until your friends got involved',
        'it was never really about the money for you',
        'insane to end 2 years over text',
        'we both know how last summer went',
        "u can't really hold what i said against me",
        'Tell me at least what I did wrong.',
      ],
      pass: [
        'Remember the lake trip? I still smile at that.',
        'We were fine until the rain started, then we went home.',
        'The kids want to play that game all over the garden.',
        'I felt like I was falling for you all over again.',
      ],
    },
  },
];
