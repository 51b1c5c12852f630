/**
 * Pressure (P8 P16): ultimatums, deadlines, demands for a reply or a decision, and pushing
 * to get back together.
 *
 * P2: contact about shared practical matters (a lease, the children, money) is necessary
 * contact, so a deadline about *those* is logistics, not pressure: "I need an answer about
 * the lease by Friday" passes; "I need an answer by Friday" about us does not.
 * Patterns run on normalized text (see types.ts): lowercase, no apostrophes.
 */

import type { Rule, RuleException, SuggestionTemplate } from '../types.js';
import {
  alt,
  CONTACT_ASK,
  DEADLINE,
  FILLER,
  INSIST,
  NO_ANSWER,
  SENT,
  SILENCE,
  SOON,
  SPANS,
  ULTIMATUM,
  YOU_ARE,
} from './concepts.js';

/** The plainest fix for pressure: take the line out. */
const LEAVE_OUT: SuggestionTemplate = { type: 'remove', label: 'Leave this out' };

const LOGISTICS =
  /\b(?:lease|rent|landlord|deposit|keys?|bills?|mortgage|kids?|children|son|daughter|school|custody|pick ?up|drop ?off|car seat|car|dog|cat|vet|package|mail|parcel|paperwork|papers|forms?|insurance|taxes|tax return|bank|account|furniture|sofa|couch|table|bed|desk|tv|bike|plants|books|clothes|boxes|stuff|belongings|the move|moving (?:day|truck|out|in|boxes)|movers|tickets|flights?|wedding|appointment|schedule|holidays?|utilities|phone plan|subscription|loan|money|payment|settlement|lawyer|mediator|divorce)\b/;

/** P2: necessary contact about shared practical matters is not pressure. */
const logistics = (flag: string, pass: string): RuleException => ({
  reason: 'a practical matter the two of you share',
  pattern: LOGISTICS,
  scope: 'sentence',
  examples: { flag: [flag], pass: [pass] },
});

/** P16: an open, no-pressure framing leaves the choice with them. */
const openEnded = (flag: string, pass: string): RuleException => ({
  reason: 'open-ended, leaves the choice with them',
  pattern:
    /\b(?:when(?:ever)? you(?:re| are)? (?:\w+ )?(?:ready|can|get (?:a chance|the chance|time)|have (?:a minute|a moment|time)|feel (?:like it|ready|up to it)|want)|if you (?:ever )?(?:want|feel like|would like|like|are up for|re up for)|if (?:and when )?youre (?:ready|up for|open)|no (?:rush|pressure|worries)|only if you|in your own time|at your own pace|(?:ill|i will|i) (?:totally |completely |fully )?(?:understand|respect|accept)|(?:thats|that is|its|it is) (?:completely |totally |perfectly |absolutely |also )?(?:ok|okay|fine|alright|all right|understandable)|take (?:your|all the|as much) time|leave you (?:alone|be)|give you (?:space|your space)|stop (?:texting|messaging|contacting|calling|writing)|not (?:contact|text|message|bother|call|write to) you)\b/,
  scope: 'sentence',
  examples: { flag: [flag], pass: [pass] },
});

const openLine: SuggestionTemplate = {
  type: 'rewrite-sentence',
  label: 'Replace it with an open, no-deadline line',
  text: "There's no rush. If you'd ever like to talk, I'd be glad to; if not, I understand.",
};

const whyPressure =
  'Pressure tends to make people pull back, and any answer given under pressure is not a free ' +
  'one. Leaving the timing and the choice with them respects their space and makes a real ' +
  'conversation more likely, though never certain.';

export const rules: Rule[] = [
  {
    id: 'pressure/ultimatum',
    category: 'pressure',
    kind: 'problem',
    severity: 'high',
    confidence: 0.85,
    patterns: [
      /\b(?:ill|i will|im going to|im gonna)\b[^.!?]{0,40}\bif (?:you|u) (?:dont|do not|wont|will not) (?:answer|reply|respond|call|text|talk to me|see me)\b/,
      /\bif (?:you|u) (?:dont|do not|wont|will not|cant) (?:reply|answer|respond|call|text|message|talk to me|see me|meet me|come back)\b[^.!?]{0,40}\b(?:ill|i will|im|i am|im going to|im gonna)\b(?! (?:just )?(?:assume|take (?:it|that)|guess|book|go ahead|plan on|keep|leave it))/,
      /\bif (?:you|u) (?:dont|do not|wont|will not|cant|dont even|refuse to|arent going to|still dont|keep (?:ignoring|avoiding)|ignore|dont bother to)(?! (?:mind|know|remember|have (?:the )?time|need|feel like|agree|like|think))(?: \w+){1,8}?,? (?:then |by then |i swear |i promise )?(?:ill|i will|im going to|im done|i am done|im moving on|i am going to|this is|thats it|that is it|its over|it is over|were done|we are done|well be done|dont bother|forget it|forget about|youll|you will|you can forget|youve lost|you lose|i swear|i wont)\b/,
      /\bif i dont (?:hear (?:back )?from you|get (?:a|an) (?:reply|answer|response|call|text))(?: \w+){0,6}?,? (?:then )?(?:ill|i will|im going to|im done|i am done|im|i am|its|this is|thats|well|we are|were|youll|you will|i swear)\b/,
      /\b(?:this is|its|it is|thats|consider this|you have|youve got|here is|heres) (?:your|the|my|one) (?:last|final|only) (?:chance|warning|offer|opportunity|shot)\b/,
      /\b(?:its )?now or never\b|\btake it or leave it\b|\bits (?:me|us) or (?:him|her|them|that|your)\b|\b(?:choose|pick) (?:me|us|him|her) or\b|\beither you (?:\w+ ){1,6}?or (?:ill|i will|im|were|we are|its over|forget)\b/,
    ],
    exceptions: [
      logistics(
        'If you do not reply, I will come over.',
        "If you can't take the dog on Friday, I'll ask my sister.",
      ),
      openEnded(
        "If you don't answer by tonight, I'm done.",
        "If you don't want to talk, I'll understand and I won't bring it up again.",
      ),
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'This is an ultimatum.',
    explanation: whyPressure,
    principles: ['P8', 'P16', 'P2'],
    suggestions: [{ type: 'remove', label: 'Remove the ultimatum' }, openLine],
    examples: {
      flag: [
        "I'll change my number if you don't answer me.",

        'if u dont reply by tonight im coming over',

        "If you don't answer by tonight, I'm done.",
        'if u dont reply ill come over',
        "If I don't hear from you by Friday, I'm moving on for good.",
        'This is your last chance.',
        "It's now or never.",
        'Either you talk to me or we are finished.',
      ],
      pass: [
        "I'll book the later train if you don't mind.",

        "If you don't mind, I'll take the kids on Saturday.",

        "If I don't hear back, I'll take that as a no, and that's completely okay.",
        'If you do not want to meet, that is fine.',
        "If you don't mind, I'll drop the keys in the mailbox.",
      ],
    },
  },
  {
    id: 'pressure/deadline',
    category: 'pressure',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      /\bhow (?:much )?long(?:er)? (?:is this|will this|are you going to|do i have to|must i|am i supposed to) (?:going to )?(?:take|last|wait|keep|make me wait)\b/,
      /\b(?:i|we) (?:need|want|must have|demand|expect|have to have|deserve) (?:an? |your |some )?(?:answer|reply|response|decision|yes or no|explanation)(?: from you)? (?:now|today|tonight|tomorrow|asap|right now|immediately|this week|by (?:\w+day|tonight|tomorrow|the (?:end|weekend)|\d+)|before (?:\w+day|tonight|tomorrow|the weekend|i leave|\d+)|within (?:\w+ ){0,2}?(?:hours?|days?))\b/,
      /\b(?:you have|youve got|ill give you|i will give you|i can give you) (?:until|till|til|(?:one|two|three|a few|\d+) (?:more )?(?:days?|hours?|weeks?)(?: to)?)\b/,
      /\b(?:im|i am) (?:done|tired of|sick of) waiting\b|\bi (?:wont|will not|cant|can not|cannot) wait (?:forever|much longer|any longer|around forever|for you forever)\b|\b(?:the )?clock is ticking\b|\b(?:times|time is) running out\b|\b(?:im|i am) running out of (?:time|patience)\b/,
      /\b(?:make up your mind|decide (?:already|now|today|tonight|right now))\b/,
      /\byou (?:need|have|got) to (?:decide|choose|make (?:a|your|up your) (?:decision|choice|mind)|make up your mind|pick)\b(?: (?:now|today|tonight|soon|already|between))?/,
    ],
    exceptions: [
      logistics('I need an answer by Friday.', 'I need an answer about the lease by Friday.'),
      openEnded('You need to decide now.', 'You need to decide in your own time, and I will respect it.'),
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This sets a deadline on their feelings.',
    explanation: whyPressure,
    principles: ['P8', 'P16', 'P12'],
    suggestions: [{ type: 'remove', label: 'Remove the deadline' }, openLine],
    examples: {
      flag: [
        'I get that you need space, but how much longer is this going to take?',

        'I need an answer by Friday.',
        'You have until Sunday to decide.',
        "I'm done waiting.",
        "I can't wait forever.",
        'Make up your mind.',
        'You need to decide now.',
      ],
      pass: [
        'How long will the repair take, do you know?',

        "You don't need to decide anything.",
        'I need an answer about the lease by Friday.',
        "There's no deadline on this.",
      ],
    },
  },
  {
    id: 'pressure/demand-reply',
    category: 'pressure',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    patterns: [
      /\b(?:you )?(?:havent|have not|didnt|did not) (?:answered|replied to|responded to|read) my (?:last )?(?:\w+ )?(?:messages|texts|calls|emails|voicemails)\b/,
      /\b(?:why|y) (?:are|r) (?:you|u) (?:ignoring|avoiding|ghosting) me\b/,
      /\bwhy (?:did|would|have) you (?:unfollow|unfollowed|block|blocked|unfriend|unfriended|mute|muted|remove|removed|delete|deleted) me\b/,
      /\bdont you (?:dare|even think about) (?:block|blocking|ignore|ignoring|leave|leaving|unfollow|unfollowing|delete|deleting|unfriend)\b/,
      /\b(?:you|u) (?:cant|couldnt|can not|cannot|wont|will not) even (?:reply|answer|respond|text (?:me )?back|call (?:me )?back|say (?:hi|hello|goodbye|anything))\b/,
      /\b(?:just |please just )?(?:answer|reply to|respond to|talk to) me(?: already| now| right now| asap| immediately| for once)?(?= *(?:[.!?,;]|$|damn|dammit|goddammit))/,
      /\b(?:text|call|message|write) me back(?: already| now| right now| asap| immediately)(?= *(?:[.!?,;]|$))/,
      /\bwhy (?:are you|arent you|wont you|dont you|do you keep|have you|havent you|did you|didnt you|are you still|do you|cant you|would you|is it so hard to|is it so hard for you to) (?:not |even |just |still )?(?:answering|replying|responding|texting(?: me)? back|calling(?: me)? back|picking up|answer(?:ing)? (?:my|the) (?:calls?|texts?|messages?|phone)|talking to me|ignoring me|ghosting me|avoiding me|blocking me|answered|replied|responded|called(?: me)? back|texted(?: me)? back|answer|reply|respond|text(?: me)? back|call(?: me)? back|pick up|talk to me|ignore me|ghost me|avoid me|block(?:ed)? me|read my|seen my|open my)\b/,
      /\b(?:stop|quit) (?:ignoring|avoiding|ghosting|blocking) me\b|\byou (?:cant|cannot|can not) (?:just |keep |keep on )?(?:ignore|ignoring|ghost|ghosting|avoid|avoiding) me\b|\b(?:left|leaving|leave|keep leaving) me on (?:read|seen|delivered|open)\b/,
      /\bi (?:can )?see (?:that )?you(?:ve| have)? (?:read|seen|opened|viewed) (?:it|this|my|them|the)\b|\bi know you(?:ve| have)? (?:read|seen|got|gotten|received) (?:it|this|my|them)\b/,
      /\b(?:can|could) you (?:at least|even just|not even|just at least) (?:answer|reply|respond|text|call|say something|tell me|acknowledge)\b|\b(?:you could|the least you (?:can|could) do is|is it too much to ask (?:for you )?to|is it too much to ask for) (?:at least )?(?:answer|reply|respond|text|call|say something|tell me|acknowledge|a reply|an answer|a response)\b/,
      /\bhello+\s*\?{1,}(?:\s*\?)*|\?{3,}|\b(?:are you|r you) (?:even )?there\s*\?{2,}/,
    ],
    exceptions: [
      logistics('Answer me!', 'Can you at least answer me about the car insurance?'),
      openEnded('Why are you ignoring me?', 'Talk to me whenever you feel ready.'),
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This demands a reply.',
    explanation:
      'Silence is an answer they are allowed to give. Pushing for a reply usually makes it less ' +
      'likely, and it can feel to them like their boundaries are not being heard.',
    principles: ['P16', 'P2', 'P8'],
    suggestions: [
      LEAVE_OUT,
      {
        type: 'rewrite-sentence',
        label: 'Say there is no need to reply',
        text: "No need to reply; I just wanted you to know I'm thinking of you.",
      },
    ],
    examples: {
      flag: [
        "Just checking in since you haven't answered my last three messages.",

        'wyd? y r u ignoring me',

        'Why did you unfollow me? What did I do now?',

        "Don't you dare block me.",
        "So that's it? Four years and you can't even reply to a text?",
        'Answer me!',
        'why arent u replying',
        'Why are you ignoring me?',
        "I know you've read my messages.",
        'Stop ignoring me.',
        'Can you at least say something?',
        'hello???',
        'You left me on read again.',
      ],
      pass: [
        "The landlord hasn't answered my emails either, so I'll call him.",

        'Why are you avoiding the motorway? Roadworks?',

        'Why did you remove the shelf in the hall? It looks better.',

        "Don't you dare forget to send me a photo of the puppy!",
        "The shop can't even reply to a text, so I called them.",
        'No need to answer me, really.',
        'Why did you choose that school for Mia? I am curious, no pressure.',
        "I hope you're doing well.",
      ],
    },
  },
  {
    id: 'pressure/you-owe-me',
    category: 'pressure',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.85,
    patterns: [
      /\byou (?:at least )?owe (?:me|us|it to (?:me|us|our relationship|what we had|yourself)) (?:at least )?(?:an? |the |that |one |this |some )?(?:conversation|talk|explanation|answer|reply|response|chance|second chance|closure|truth|much|meeting|call|coffee|try|shot|that|this)\b/,
      /\bi (?:deserve|am owed|think i deserve) (?:at least )?(?:an? |the |some )?(?:answer|reply|response|explanation|closure|conversation|chance|truth|call)\b/,
      /\byou (?:need to|have to|must|should) give (?:it to me|me (?:closure|an explanation|answers|a reason|an answer))\b/,
    ],
    exceptions: [
      {
        reason: 'money or an object, not a conversation',
        pattern: /\bowe (?:me|us) (?:\$|£|€|\d|money|rent|for|half|the (?:money|rent|deposit|\w+ bill))/,
        scope: 'clause',
        examples: {
          flag: ['You owe me an explanation.'],
          pass: ['You owe me for half of the electric bill.'],
        },
      },
      logistics('I deserve an answer.', 'I think I deserve an answer about the deposit.'),
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This tells them they owe you their time.',
    explanation:
      'Nobody owes an ex a conversation, however much you want one. Asking openly, and accepting ' +
      'a no, is what leaves the door open.',
    principles: ['P16', 'P8'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Ask instead of claiming',
        text: "If you're ever open to talking, I'd really value it. If not, I understand.",
      },
      LEAVE_OUT,
    ],
    examples: {
      flag: ['You owe me an explanation.', 'u owe me a conversation', 'I deserve an answer.'],
      pass: ["You don't owe me anything.", 'I know you owe me nothing.'],
    },
  },
  {
    id: 'pressure/get-back-together',
    category: 'pressure',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      /\bwe(?:re| are| were) (?:just )?meant (?:to be|for each other)\b/,
      /\b(?:youll|you will|were going to|well|we will) (?:just )?end up (?:back )?(?:with me|together)\b|\bso why wait\b/,
      /\b(?:already )?told (?:my|our|your) (?:parents|family|friends|mum|mom|dad|kids|sister|brother) (?:that )?(?:were|we are) (?:getting back together|back together|working it out)\b/,
      /\bi forgive you(?: for (?:everything|it all|all of it|what you did))?,? (?:so )?(?:now )?(?:we can|lets|let us|we should)\b/,
      /\blets (?:just |please |try and |try to |finally )?(?:get back together|try again|try this again|start (?:over|again|fresh|from scratch)|give (?:it|us|this) (?:an?other|one more|a second) (?:try|go|shot|chance)|be together(?: again)?|fix (?:this|us)|work (?:it|this|things) out|make (?:it|this|us) work|forget (?:it|everything|the past|what happened) and (?:\w+ ){0,3}?(?:together|again|over))\b/,
      /\bwe (?:should|need to|have to|must|got to|ought to|really should|really need to) (?:get back together|be together|try again|give (?:it|us|this) (?:an?other|one more|a second) (?:try|go|shot|chance)|work (?:it|this|things) out|fix (?:this|us|things)|make (?:it|this|us) work)\b/,
      /\bwe (?:belong|are meant to be|were meant to be|are supposed to be|were supposed to be) together\b|\bwere (?:meant|made|supposed) (?:to be together|for each other)\b|\bwe are (?:meant|made) for each other\b|\byoure (?:the one|my soulmate|my person)\b/,
      /\byou know (?:deep down |in your heart |you )?(?:that )?(?:you (?:still )?(?:love|want|miss|need) me|we (?:belong|are meant|were meant|should be))\b|\b(?:just )?admit (?:it|that you (?:still )?(?:love|miss|want|need)|you (?:still )?(?:love|miss|want|need))\b/,
      /\bwe (?:need|have) to talk(?: (?:now|today|tonight|asap|right now|in person|seriously|about us))?(?= *(?:[.!?,;]|$))/,
    ],
    exceptions: [
      logistics("Let's work it out.", "Let's work out the holiday schedule for the kids."),
      openEnded("Let's try again.", "Let's try again only if you want to; no pressure at all."),
      {
        reason: 'as friends, not getting back together',
        pattern:
          /\b(?:as friends|as co-?parents|as parents|friendship|be friends|being friends|civil|friendly)\b/,
        scope: 'sentence',
        examples: {
          flag: ['We belong together.'],
          pass: ["Let's start over as friends, if you'd like that."],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This pushes to get back together.',
    explanation:
      'Whether to get back together is a decision for both of you, made freely and slowly. ' +
      'Pushing for it tends to close doors; a new relationship, if it comes, is built in small ' +
      'steps.',
    principles: ['P8', 'P12', 'P16'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Offer a small, open step instead',
        text: "I'd like to catch up sometime, if and when you'd like to. No expectations.",
      },
      LEAVE_OUT,
    ],
    examples: {
      flag: [
        "I know we're meant to be. Everyone who knows us says so.",
        "You know you'll end up back with me anyway, so why wait?",
        "I've already told my parents we're getting back together.",

        'I forgive you for everything, so now we can start fresh.',

        'I need closure, and you need to give it to me.',
        "Let's just get back together.",
        'We should try again.',
        'We belong together.',
        'You know you still love me.',
        'We need to talk.',
        'lets start over',
      ],
      pass: [
        'The builders were meant to start on Monday.',

        'I forgive you, and I hope you can forgive me too, whatever comes next.',

        'You need to give me the spare key back when you can, no rush.',
        "I'm not saying we should get back together.",
        'We should talk about the kids at some point this week.',
        'I know we belong to different worlds now.',
      ],
    },
  },
  {
    id: 'pressure/push-now',
    category: 'pressure',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      /\b(?:i )?need (?:to know|an answer|a (?:decision|date|reply|response|straight answer|yes or no)|you to (?:tell|decide|answer|say|reply|call|text|commit|choose|forgive|promise|give))\b[^.!?]{0,60}\b(?:today|tonight|tomorrow|now|right now|by (?:the )?(?:\w+day|weekend|tomorrow|tonight|end of (?:the )?(?:day|week|month))|this (?:week|weekend)|asap|immediately|where i stand|where we stand)\b/,
      /\b(?:not going to|not gonna|wont|will not|cant|cannot|can not|refuse to) (?:keep )?(?:wait|waiting)(?: around)? (?:forever|much longer|any ?longer|any ?more|for you)\b|\bcant keep (?:on )?waiting\b/,
      /\b(?:call|text|ring|message|answer|reply to|write (?:back )?to) me (?:back )?(?:as soon as|asap|right now|right away|now|immediately|tonight|today|the (?:minute|second) you)\b/,
      /\b(?:pick up|answer) (?:your|ur|the) (?:damn |fucking |bloody )?phone\b|\byes or no\b|\b(?:just )?(?:reply|answer|respond) already\b|\banswer me\b/,
      /(?:^|[.!?] )(?:decide|choose|say it|reply|answer|respond)(?= *[.!]|$)/,
      /\b(?:tell|say to) me (?:that )?(?:you|u) still (?:love|want|miss) me\b/,
      /\b(?:ive|i have) (?:texted|called|messaged|rung|emailed|tried calling|tried to call|tried to reach) (?:you|u) (?:\w+ )?(?:times|twice|all day|all night|so many times|over and over|again and again)\b/,
      /\b(?:you|u) (?:have|need|ought|got) to (?:forgive|give me (?:another|a second|one more)|take me back|forget (?:about )?(?:it|what|everything))\b/,
      /\blet me know (?:by|before) (?:tomorrow|tonight|today|\w+day|the weekend|the end of)\b/,
    ],
    exceptions: [
      logistics(
        'I need to know by tonight if we are still together.',
        'I need to know by Friday whether you want the sofa.',
      ),
      openEnded(
        'I need you to tell me today.',
        'I need you to tell me today only if you feel ready; no pressure at all.',
      ),
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This pushes them to answer or decide on your schedule.',
    explanation: whyPressure,
    principles: ['P8', 'P16', 'P12'],
    suggestions: [{ type: 'remove', label: 'Remove the push' }, openLine],
    examples: {
      flag: [
        'i need to know where we stand by tonight',
        "I won't keep waiting forever",
        'call me back as soon as you see this',
        'answer your phone',
        'just reply already',
        'Decide.',
        'tell me you still love me',
        "I've called you six times today",
        'you have to forgive me, I apologised',
        'let me know by tomorrow',
      ],
      pass: [
        "I can't wait to hear about the trip",
        'Call me back whenever suits, it is about the car insurance.',
        'I need to know more about myself before anything else',
        "You don't have to forgive me.",
        'Let me know if you ever want the books back',
      ],
    },
  },
  {
    id: 'pressure/show-up',
    category: 'pressure',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      /\buntil (?:you|u) (?:show up|turn up|answer|reply|talk to me|change your mind)\b/,
      /\b(?:im|i am) (?:(?:waiting|sitting|standing|parked) )?(?:outside(?: your \w+| right now| now)?(?= *(?:[.!?,;]|$|come|please|open|can you|let me))|at your (?:door|front door|house|place|apartment|flat|work|office|building|parents|gym)|in front of your (?:door|house|place|building|work|office)|downstairs|in your driveway)\b/,
      /\b(?:ill|i will|im going to|im|i am) (?:just )?(?:come|coming|show|showing|drive|driving|drop|dropping|stop|stopping) (?:over|up|by|round|around|to your (?:place|house|work|office|apartment|flat|door))(?: (?:now|tonight|tomorrow|later|anyway|whether|if|and|unannounced))?\b/,
      /\bi (?:need|have|got) to see you(?: (?:now|today|tonight|right now|asap|in person))?(?= *(?:[.!?,;]|$|please|now))/,
      /\bmeet me (?:tonight|now|today|right now|at|tomorrow)\b/,
      /\b(?:ill|i will|im going to|im gonna|i am going to|ill just) (?:be|wait|be waiting|show up|turn up|come|drop by|stop by|swing by)\b(?: \w+){0,2} (?:outside|at|by|near|in front of) (?:your|ur) (?:work|office|house|flat|place|door|apartment|building|parents|gym|school|job)\b/,
    ],
    exceptions: [
      logistics("I'm coming over tonight.", "I'll come by Saturday to pick up the kids, if that's okay."),
      openEnded('I need to see you.', "I'd like to see you when you feel ready, no rush."),
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'Turning up, or announcing it, takes the choice away from them.',
    explanation:
      'Meeting in person is the last step, taken only when both of you are at ease. Arriving or ' +
      'insisting on seeing them can feel intimidating, however it is meant.',
    principles: ['P16', 'P6', 'P8'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Ask, and let them choose',
        text: "If you'd ever like to meet, I'd be glad to, somewhere that suits you. No pressure.",
      },
      LEAVE_OUT,
    ],
    examples: {
      flag: [
        "I'll be at the café where we met, every Saturday at noon, until you show up.",

        'I drove past your place last night and saw your car. Who was over?',

        "I'm outside your house.",
        "I'm coming over tonight.",
        'I need to see you now.',
        'meet me tonight',
      ],
      pass: [
        'Keep the umbrella until you come back from your trip.',

        'I drove past the old cinema, they are turning it into flats.',
        "I won't come by unannounced.",
        "I'm outside more these days, walking a lot.",
      ],
    },
  },
  {
    id: 'pressure/watching',
    category: 'pressure',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      /\bi (?:drove|drive|walked|walk|went|go|cycled) (?:past|by) (?:your|ur) (?:place|house|flat|apartment|work|office|building|parents|window)\b/,
      /\bi (?:saw|see|noticed|can see) (?:that )?(?:you|u) (?:were|was|are|r) (?:online|active|on (?:insta|instagram|whatsapp|facebook|snapchat|tiktok))\b/,
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: false,
    message: 'This tells them you are watching where they are.',
    explanation:
      'Driving past their home or tracking when they are online feels like being watched, ' +
      'however it is meant, and it leaves them no space. Let their days be their own.',
    principles: ['P16', 'P2'],
    suggestions: [LEAVE_OUT],
    examples: {
      flag: [
        'I drove past your place last night and saw your car. Who was over?',
        'I saw you were online at 3am.',
      ],
      pass: [
        'I drove past the old cinema, they are turning it into flats.',
        'I saw you were right about the boiler.',
      ],
    },
  },
  {
    id: 'pressure/grand-gesture',
    category: 'pressure',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.75,
    patterns: [
      /\bi (?:bought|booked|got|planned|reserved) (?:us|you and me|for us) (?:\w+ ){0,3}?(?:tickets|a trip|a holiday|a weekend|a table|a room|flights|a surprise)\b/,
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: false,
    message: 'A grand gesture puts them on the spot.',
    explanation:
      'Tickets, trips or surprises planned for the two of you ask for an answer to far more ' +
      'than the gift, and make "no" feel unkind. Small, low-key steps leave them free to choose.',
    principles: ['P16', 'P8'],
    suggestions: [LEAVE_OUT],
    examples: {
      flag: ['I bought us tickets to Paris for your birthday. Please say yes.'],
      pass: ['I bought the kids tickets for the zoo on Saturday, they are so excited.'],
    },
  },
  {
    id: 'pressure/demand-on-time',
    category: 'pressure',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.75,
    patterns: [
      new RegExp(
        `\\b(?:can|could|shall|will|cant|why cant) (?:we|you|i)(?: ${alt(FILLER)})? ${alt(CONTACT_ASK)}(?: (?:to |with )?(?:you|me))?(?: (?:on the phone|in person|properly|face to face))? ${alt(SOON)}\\b`,
      ),
      new RegExp(`\\b(?:so )?when can (?:i|we) ${alt(CONTACT_ASK)}\\b`),
      new RegExp(
        `\\b(?:we|i) (?:need|have|got) to ${alt(CONTACT_ASK)}(?: (?:to|with) (?:you|me))? ${alt(SOON)}\\b`,
      ),
    ],
    exceptions: [
      logistics('can we talk tonight?', 'can we talk tomorrow about the school forms?'),
      openEnded('could I call you tomorrow?', 'could we talk this weekend, no rush if not'),
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This asks for their time on your schedule.',
    explanation: whyPressure,
    principles: ['P6', 'P16'],
    suggestions: [openLine, LEAVE_OUT],
    examples: {
      flag: [
        'can we talk tonight?',
        'Could I see you tomorrow?',
        'So when can I see you?',
        'we need to talk today',
      ],
      pass: [
        'We talked last night about the car',
        'can we talk about the kids tomorrow?',
        'I talked to my sister today',
      ],
    },
  },
  {
    id: 'pressure/counting-silence',
    category: 'pressure',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.8,
    patterns: [
      new RegExp(
        `\\b(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|a few|several|so many)(?: more)? ${alt(SPANS)}(?: now| already| later)?(?:,? (?:and|with|but))?(?:,? (?:still|literally|absolutely))? ${alt(NO_ANSWER)}\\b`,
      ),
      /\b(?:your|ur) silence\b|\bread (?:at )?\d{1,2}[:.]\d{2}(?!\d)|\bleft (?:me )?on read\b/,
      new RegExp(
        `\\b(?:so )?${alt(YOU_ARE)}(?: ${alt(FILLER)}){0,2} (?:going to|will|still|gonna) (?:${alt(FILLER)} )?${alt(SILENCE)}\\b`,
      ),
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: false,
    message: 'Counting their silence is a demand for a reply.',
    explanation:
      'Telling them how long they have not answered, or what their silence means, presses them to answer ' +
      'out of guilt. Silence is an answer for now; give them space (P2 P16).',
    principles: ['P2', 'P16'],
    suggestions: [openLine, LEAVE_OUT],
    examples: {
      flag: [
        "so you're just going to ignore me now",
        '3 days no reply. cool',
        'Five weeks, and not a word.',
        '3 texts and NOTHING',
        'Your silence speaks volumes.',
        'read 2:14pm. nice.',
        'ur seriously gonna ignore me on my birthday',
      ],
      pass: [
        '3 days of rain and nothing to do',
        'I know you are not ignoring me, you are busy',
        'I read the book in two days',
      ],
    },
  },
  {
    id: 'pressure/turning-up',
    category: 'pressure',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      /\b(?:(?:ill|i will|im|i am|im going to|i am going to|i)(?: just)? )?(?:be|coming|come|going to be|swing|swinging|drop|dropping|pop|popping|stop|stopping|wait|waiting) (?:outside|by|round|over|past|at)(?: to| at)? (?:your) (?:house|place|flat|work|office|door|apartment|gym|parents|mums|moms|building)\b/,
      /\b(?:ill|i will|im going to|i am going to) (?:just )?be (?:waiting )?(?:there|outside|at the \w+)\b[^.!?]{0,30}?\b(?:either way|regardless|anyway|all (?:night|evening|day)|until you|when your \w+ (?:comes|gets|arrives)|in case you)\b/,
    ],
    exceptions: [logistics('coming by your work at 5', 'I will drop the kids at your place at six')],
    negation: 'cancel',
    inQuotes: false,
    message: 'Turning up where they live or work takes the choice away from them.',
    explanation:
      'Coming to their door or workplace without being invited leaves them no way to say no. Ask first, ' +
      'on the channel they are comfortable with, and accept the answer (P6 P16).',
    principles: ['P6', 'P16'],
    suggestions: [openLine, LEAVE_OUT],
    examples: {
      flag: [
        "I'll be waiting there either way",
        'I will be at the station when your train comes in on Friday',
        'gonna be outside ur house at 8 so come out',
        'coming by ur work at 5',
        "I'll be waiting outside your flat",
      ],
      pass: ['Your house looked lovely in the photos', "I'll drop the boxes at your place on Saturday"],
    },
  },
  {
    id: 'pressure/deadline-shape',
    category: 'pressure',
    kind: 'problem',
    severity: 'high',
    confidence: 0.75,
    patterns: [
      new RegExp(
        `\\b(?:expect|need|want|must have|have to have|waiting for|deserve)(?: \\w+){0,4}? (?:reply|answer|response|decision|something|word|to hear)(?: \\w+){0,4}? (?:by|within|before|past|until|no later than) ${alt(DEADLINE)}\\b`,
      ),
      new RegExp(`\\b${alt(ULTIMATUM)}\\b`),
      /\bday (?:\d+|two|three|four|five|six|seven|eight|nine|ten)(?= *(?:[.!?]|$))|\b(?:per )?my last (?:\d+|two|three|four|five|few|several) (?:messages|texts|emails|calls|voicemails|letters)\b/,
    ],
    exceptions: [
      logistics('I expect a reply within the week', 'I need an answer about the lease by Friday'),
      openEnded('just say yes', 'no rush at all, just say yes or no whenever you like'),
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'A deadline or an ultimatum puts their answer on your clock.',
    explanation: whyPressure,
    principles: ['P8', 'P16'],
    suggestions: [openLine, LEAVE_OUT],
    examples: {
      flag: [
        "I'll expect something from you by tonight.",
        'I expect a reply to this letter within the week.',
        "if I don't hear back by tomorrow I'm taking it as a no",
        "But I'm not waiting past Friday.",
        "It's all or nothing.",
        'whatever it takes. just say yes',
        'Day six.',
        'Per my last three messages',
      ],
      pass: [
        'I need an answer about the lease by Friday',
        'The film is on until Sunday',
        'Day two of the new job was fun',
      ],
    },
  },
  {
    id: 'pressure/insisting',
    category: 'pressure',
    kind: 'problem',
    severity: 'high',
    confidence: 0.75,
    patterns: [
      new RegExp(`\\b${alt(INSIST)}\\b`),
      new RegExp(
        `\\b(?:\\d+|two|three|four|five|six|seven|eight|nine|ten) ${alt(SENT)}(?:,| and) (?:an?|\\d+|two|three|four|five|six) ${alt(SENT)}\\b(?! (?:from|about|to))`,
      ),
      /\b(?:you|u) (?:still )?(?:havent|have not|didnt|did not) (?:replied|answered|responded|texted back|called back|said anything)(?: \w+){0,2}? (?:in|for) (?:\d+|two|three|four|five|six|seven|a few|several|over a) (?:days|weeks|hours|months)\b/,
      /\bjust tell me(?= *(?:[.!?]|$))/,
    ],
    exceptions: [],
    negation: 'cancel',
    inQuotes: false,
    message: 'This insists on an answer or on contact, whatever they want.',
    explanation: `${whyPressure} Counting your messages or insisting ("whether you want to or not", "reply please") leaves them no room to choose (P8 P16).`,
    principles: ['P8', 'P16'],
    suggestions: [openLine, LEAVE_OUT],
    examples: {
      flag: [
        'Reply please.',
        'Please pick up this time.',
        "we're talking whether you want to or not",
        "i'll keep texting until you answer",
        'two texts and an email now',
        "you haven't replied in 3 days",
        'I have a right to know.',
        "if you don't give us another go you'll regret it",
        'are you seeing someone. just tell me.',
      ],
      pass: [
        'Two texts and an email from the school about the trip, did you see them?',
        'Just tell me if Saturday works for the kids, no rush.',
        'I have the right size box for your books.',
      ],
    },
  },
];
