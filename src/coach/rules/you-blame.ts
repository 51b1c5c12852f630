/**
 * you_blame (P7): accusation, blame or criticism aimed at "you". Generalisations ("you
 * always", "you never"), causal blame ("you made me", "because of you"), fault ("its your
 * fault"), attacks on character ("youre so selfish"), contempt ("grow up") and blaming
 * questions ("why didnt you ever…"). The fix the coach offers is always the same shape:
 * say what you felt in one specific moment, not what they are.
 *
 * Neutral "you" never matches: the patterns need a blaming verb or word after it, so
 * "thank you", "I hope you're well", "you were right", "are you free" and "I miss you"
 * pass. Kind uses of the same words are exceptions ("you always made me laugh").
 */

import type { Rule, SuggestionTemplate } from '../types.js';
import {
  alt,
  BAD_ACT,
  BAD_ACT_OBJECT,
  CONTEMPT_QUESTION,
  COUNTER_CHARGE,
  EX_CONDUCT,
  FILLER,
  IMAGINED_CONTEMPT,
  MIND_READING,
  NEGATIVE_EVALUATION,
  ONE_WHO_ACTS,
  OTHERS,
  PASSIVE_AGGRESSIVE,
  REALITY_DENIAL,
  SARCASM,
  WE_NEVER_DID,
  YOU_ARE,
} from './concepts.js';

const EXPLANATION =
  'Blame and absolute words ("always", "never") put them on the defensive: they will answer the ' +
  'accusation, not the feeling under it. Saying what you felt in one specific moment keeps the door ' +
  'open and owns your side of it (P7).';

const I_STATEMENT: SuggestionTemplate = {
  type: 'rewrite-sentence',
  label: 'Say how it felt instead',
  text: 'I felt [hurt / unheard / alone] when [one specific moment], and I understand better now how I added to it.',
};
const LEAVE_OUT: SuggestionTemplate = {
  type: 'rewrite-sentence',
  label: 'Leave this sentence out',
  text: '',
};

export const rules: Rule[] = [
  {
    id: 'blame/you-always',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.85,
    patterns: [
      /\byou (?:were|are|was) never (?:there|around) (?:for me|when i needed you|when it mattered)\b|\b(?:its|it is) always the same with you\b/,
      /\b(?:you(?:re| are)?|your(?= (?:always|never|constantly)))(?: (?:just|literally|seriously|honestly|really|basically|still|also|even|only|simply))? (?:always|never|constantly|continually|continuously|forever|consistently) [a-z]+(?: (?:to|me|about|at|for|with|on|my|us|anything|anyone|a))?\b/,
      /\byou (?:keep|kept|keeps) (?:on )?(?:ignoring|pushing|blaming|lying|hurting|making|putting|acting|doing|saying|bringing|avoiding|shutting|changing|playing|treating|brushing|dismissing|forgetting|running|leaving|walking|turning|twisting|talking|choosing|breaking|letting|cancelling|canceling|yelling|picking|ghosting|disappearing|pulling)\b/,
      /\bwhy (?:do|did|would|must|cant|wont|dont|didnt) you (?:always|never|keep|ever)\b/,
      /\bevery (?:single )?time (?:i|we) (?:try|tried|talk|talked|ask|asked|need|needed|bring|brought|open|opened)\b[^.!?]{0,40}\byou (?:always|just|get|got|shut|walk|walked|turn|turned|ignore|ignored|make|made|start|started|blow|blew|put|went|left|changed|rolled|picked|looked)\b/,
    ],
    exceptions: [
      {
        reason: 'kind generalisation: you always made me laugh',
        pattern:
          /\byou (?:\w+ )?never (?:have|had|need|needed) to\b|\byou(?:re| are| were) (?:\w+ )?(?:always|ever) (?:so |such a |such |really |very )?(?:kind|good|patient|honest|supportive|generous|fair|right|there for me|thoughtful|lovely|wonderful|great|amazing|funny|sweet|caring|gentle|calm|brave|strong|smart|clever|helpful|the best|a good|welcome)\b|\byou (?:\w+ )?(?:always|never|ever) (?:made me (?:laugh|smile|happy|feel (?:safe|loved|good|better|special|seen|heard|at home|welcome|understood|valued|cared|like i mattered|like i belonged))|knew how to|were (?:there|kind|so kind|good|so good|the best|patient|so patient|honest|supportive|so supportive|generous|fair|right|my|a good|great|wonderful|amazing|lovely)|had my back|believed in me|supported|encouraged|loved me|cared for|made time|helped|understood|put up with|treated me (?:well|with)|did your best|tried your|made (?:everything|things) (?:better|easier|fun)|brightened|lit up|looked out|showed up|let me down|judged|failed to (?:make|cheer)|gave up on me|deserved|did anything wrong|owed me|know|knew what|meant to|intended|wanted to hurt|complained|asked for anything|stopped (?:believing|supporting|caring about me)|gave up on|cease to|fail to amaze|will|could)/,
        scope: 'clause',
        examples: {
          flag: ['You always made me feel small'],
          pass: ['You always made me laugh', 'you never let me down', 'I know you never meant to hurt me'],
        },
      },
      {
        reason: 'their words or a wish, not an accusation: like you always say, I hope you always',
        pattern:
          /\b(?:like|as) you (?:\w+ )?(?:always|never) (?:say|said|told|put it)|\byou always (?:said|told me|wanted|loved|liked|used to|talked about|dreamed|dreamt|wanted to)\b|\b(?:hope|wish|pray|may) (?:that )?you (?:\w+ )?(?:always|never|ever)\b|\bthank you for (?:always|never)\b/,
        scope: 'clause',
        examples: {
          flag: ['you always make everything about you'],
          pass: ['like you always say, one step at a time', 'I hope you always find time for music'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: '"Always" and "never" turn a hurt into a verdict on them.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [I_STATEMENT, LEAVE_OUT],
    examples: {
      flag: [
        'You were never there for me when it mattered.',
        "It's always the same with you, drama drama drama.",

        'You never listen to me.',
        'you always do this',
        'u never cared about me',
        'You ALWAYS make everything about you',
        'youre literally never there when i need you',
        'you keep ignoring my messages',
        'ur always on ur phone',
        'Why do you always have to be like this?',
        'every time i try to talk you just walk away',
        "I'm not angry, but you never listen",
      ],
      pass: [
        'You were never there at the reunion, everyone missed you.',

        'Thank you for the birthday message',
        "I hope you're well",
        'You were right about the flat',
        'Are you free on Saturday?',
        'I miss you',
        "I'm not saying you always get it wrong",
        'she said "you always do this" and I laughed',
        'You always made me laugh, and I am grateful for that.',
      ],
    },
  },
  {
    id: 'blame/you-never-listen',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.9,
    patterns: [
      /\btu (?:ne )?(?:m ?as |mas )?jamais (?:ecoute|compris|respecte|soutenu|aide)\b|\bnunca me (?:escuchas|escuchaste|entiendes|entendiste|respetas|respetaste|apoyaste|apoyas)\b|\bdu hast mir nie (?:zugehort|zugehoert)\b/,
      /\byou (?:\w+ )?(?:never|dont|didnt|do not|did not|wont|would not|wouldnt|cant|couldnt)(?: (?:even|ever|really|once|actually))? (?:listen|listened|hear me|heard me|hear what|let me (?:talk|speak|finish|explain))\b/,
    ],
    exceptions: [
      {
        reason: 'a question or an open door, not a charge: you dont have to listen',
        pattern: /\bif you (?:\w+ )?(?:dont|didnt|cant|wont)\b|\byou dont have to\b/,
        scope: 'clause',
        examples: {
          flag: ["you don't listen"],
          pass: ["I understand if you don't want to listen to this right now"],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This charges them with not listening; say how it felt to you.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Say how it felt instead',
        text: 'I often felt unheard when we talked about [something specific], and I know I did not always listen well either.',
      },
      LEAVE_OUT,
    ],
    examples: {
      flag: [
        "Tu ne m'as jamais écouté, jamais.",
        'Nunca me escuchas.',
        'You never listen to me',
        "you don't even listen",
        'u never let me finish',
      ],
      pass: [
        'Nunca me escuché tanto a mí misma como este año.',
        'I never listened properly, and I am sorry',
        'Thank you for listening to me last week',
      ],
    },
  },
  {
    id: 'blame/you-made-me',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.85,
    patterns: [
      /\byou (?:made|make|makes|forced|force|pushed|push|drove|drive) me (?:to |so |feel |act |do |say |go |get |become |turn )?[a-z]+\b/,
      /\blook what you (?:made|make) me\b|\byou (?:forced|force) my hand\b|\byou (?:left|leave|gave) me no (?:choice|option)\b/,
      /\b(?:(?:its|it is|thats|that is|this is|it was|all) )?(?:all |only |just )?because of you\b/,
      /\b(?:thanks to|thank) you,? (?:i|im|my life|everything)(?: (?:am|is|was))? (?:ruined|broken|a mess|messed up|miserable|alone|destroyed)\b/,
    ],
    exceptions: [
      {
        reason: 'denied causation: it is not because of you',
        pattern: /\b(?:not|isnt|wasnt|never|nothing to do with you|not at all) (?:\w+ )?because of you\b/,
        scope: 'sentence',
        examples: {
          flag: ['It is all because of you'],
          pass: ["It's not because of you, it's something I need to work on"],
        },
      },
      {
        reason: 'kind causation: you made me laugh, you made me a better person',
        pattern:
          /\b(?:made|make|makes|pushed|push|drove) me (?:to )?(?:laugh|smile|happy|happier|a better|better|feel (?:loved|safe|special|good|happy|seen|heard|better|alive|whole|at home|beautiful|understood|valued|cared|welcome|calm|strong|stronger|brave)|so happy|believe|want to be (?:a )?better|stronger|grow|realize|realise|think|see|understand|learn|the person|breakfast|dinner|lunch|coffee|tea|a cake|a card|a playlist|a mixtape|proud|brave|braver|braver|curious|who i am|to be better|to grow|to try|to get help|go to therapy|go to the doctor|take care)\b|\bbecause of you,? i (?:learned|learnt|grew|know|found|became|started|am (?:a better|stronger|happier)|have (?:learned|grown))\b/,
        scope: 'clause',
        examples: {
          flag: ['you made me feel worthless'],
          pass: [
            'You made me laugh every day',
            'because of you I learned to cook',
            'you pushed me to go to therapy',
          ],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This puts your feelings or actions on them.',
    explanation:
      'Saying they made you feel or do something hands them the blame for your side of it, and they will ' +
      'defend themselves rather than hear you. Own the feeling and the choice: "I felt … when …" (P1 P7).',
    principles: ['P1', 'P7'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Own the feeling',
        text: 'When [that happened], I felt [how you felt], and how I reacted was my choice.',
      },
      LEAVE_OUT,
    ],
    examples: {
      flag: [
        'You made me feel worthless.',
        'you made me do it',
        'look what you made me do',
        "It's all because of you",
        'you drove me crazy with your jealousy',
        'You left me no choice',
      ],
      pass: [
        'You made me a better person',
        'I made a mistake',
        "It's not because of you, it's something I need to work on",
        'Thank you for everything you taught me',
      ],
    },
  },
  {
    id: 'blame/your-fault',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.9,
    patterns: [
      /\byou chose this(?= *(?:[.!?,;]|$))|\bnobody (?:forced|made) you (?:to )?(?:leave|go|do (?:it|this|that))\b/,
      /\bit takes two (?:to (?:break up|ruin|end|fight|argue|mess (?:it|things) up)|people to (?:break up|ruin|end))\b/,
      /\b(?:(?:its|it is|it was|this is|that is|thats|this was|that was|was|all|is) )?(?:all |entirely |completely |totally |100% |mostly |partly )?(?:your|youre|ur) (?:own )?fault\b/,
      /\b(?:you are|youre|you were|your) (?:the one )?to blame\b|\b(?:i|i still|i will always|ill always) blame you\b/,
      /\b(?:you are|youre|you were|your) the (?:reason|problem|cause|one who (?:ruined|broke|ended|left|cheated|lied|messed|screwed|gave up|walked|destroyed|threw))\b/,
      /\byou (?:\w+ )?(?:ruined|ruin|destroyed|destroy|wrecked|wreck|poisoned|sabotaged|killed) (?:it|everything|us|this|me|my life|our|what we|the (?:relationship|whole|best)|any chance|all of it|my trust)\b/,
      /\byou (?:just )?(?:threw|throw|pissed|flushed) (?:it|us|everything|what we had|this|our|all of (?:it|this)) (?:all )?away\b/,
      /\byou (?:did |always |just )?(?:start|started|picked|pick) (?:every|all the|all our|most of the|most of our|each) (?:fight|argument|row)s?\b/,
      /\b(?:youre|you are) (?:just )?throwing (?:away|it all away|us away|everything away)\b/,
      /\byou (?:just )?(?:led me on|strung me along|used me|played me|ghosted me|discarded me|tossed me aside|dropped me(?! off\b))\b/,
      /\byou (?:just )?(?:threw|throw|pissed|flushed) away (?:\w+ ){0,3}?(?:years|months|us|everything|what we had|(?:our|my) (?:\w+ )?(?:relationship|life|future|marriage|love|trust))\b/,
      /\byou (?:messed|screwed|fucked|effed) (?:it|everything|us|this|me|things) (?:all )?(?:up|over)\b/,
      /\byou (?:broke|break) (?:us|everything|your (?:promise|promises|word)|my trust|my heart|this)\b/,
      /\byou (?:gave up|give up|walked out|walked away|bailed) on (?:us|me|everything|this|our)\b/,
      /\byou (?:abandoned|betrayed|used|humiliated|manipulated|gaslit|gaslighted|lied to|cheated on|played) me\b/,
      /\byou (?:chose|choose|picked|put) (?:him|her|them|your (?:friends|family|job|work|ex|phone)|work|everyone|everything|your \w+) (?:over|before|above) me\b/,
    ],
    exceptions: [
      {
        reason: 'denying their fault: none of it was your fault',
        pattern: /\b(?:none|no part|nothing) of\b[^.!?]{0,80}\b(?:your|ur) fault\b/,
        scope: 'sentence',
        examples: {
          flag: ['it was your fault'],
          pass: ['None of the mess with the flat was your fault'],
        },
      },
      {
        reason: 'praise: you killed it, you nailed it',
        pattern: /\b(?:killed|smashed|nailed|crushed|rocked|owned) it\b/,
        scope: 'match',
        examples: {
          flag: ['you ruined it'],
          pass: ['you totally killed it at the race'],
        },
      },
      {
        reason: 'kind causation: you were the reason I smiled',
        pattern:
          /\bthe reason (?:i|im|we) (?:smile|smiled|laugh|laughed|am happy|was happy|got through|believe|grew|kept going|learned|learnt|came back|want to be better)\b|\byou were the reason for (?:so much )?(?:joy|happiness|good)/,
        scope: 'clause',
        examples: {
          flag: ['you are the reason we broke up'],
          pass: ['you were the reason I smiled that whole year'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This lays the blame on them.',
    explanation:
      'Assigning fault re-opens the fight and makes them defend themselves. A breakup almost always has two ' +
      'sides; owning yours and saying how you felt invites them in instead (P1 P7 P13).',
    principles: ['P1', 'P7', 'P13'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Own your part instead',
        text: 'I have thought about how things ended, and I can see my part in it: [what you did].',
      },
      I_STATEMENT,
      LEAVE_OUT,
    ],
    examples: {
      flag: [
        'Nobody forced you to leave, you chose this.',

        'It takes two to break up, you know.',

        "You're throwing away the best thing that ever happened to you.",
        'You led me on for months and then dropped me like nothing.',
        "It's your fault we broke up",
        'this is all ur fault',
        'I blame you for all of it',
        'You ruined everything',
        'you threw it all away',
        "I can't believe you just threw away three years like they meant nothing.",
        "I'm not saying it was all your fault, but you did start every fight.",
        'You are the reason we fell apart',
        'you broke your promise',
        'You gave up on us',
        'you lied to me',
        'you chose your friends over me',
      ],
      pass: [
        'You chose this restaurant, so you pick the wine too.',

        'It takes two people to carry the sofa, can your brother help?',

        'You dropped me off at the station that morning, remember the rain?',
        "You're throwing a party? Have fun!",
        'You threw away the receipt, so the shop took it back anyway.',
        'I started most of our fights, and I am working on why.',
        "It's not your fault",
        "I don't blame you at all",
        'It was my fault, and I am sorry',
        'You were right',
        'You deserved better from me',
      ],
    },
  },
  {
    id: 'blame/you-dont-care',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.85,
    patterns: [
      /\byou (?:clearly |obviously |just |really |simply )?(?:dont|didnt|do not|did not|never|wont|cant|couldnt|wouldnt)(?: (?:even|ever|really|once|actually|truly))? (?:care|cared|appreciate|appreciated|respect|respected|value|valued|try|tried|support|supported|notice|noticed|think about (?:me|us|anyone)|give a (?:shit|damn|fuck|crap)|make (?:time|an effort|any effort)|made (?:time|an effort|any effort)|understand|understood|get it|got it|want to (?:try|work|change|listen|understand))\b/,
      /\byou (?:only|just) (?:care|cared|think|thought|worry|worried) about (?:yourself|you|your)\b/,
      /\byou care(?:d)? more about (?:\w+ ){1,3}than (?:me|us|our)\b/,
      /\byou (?:have|had|got) (?:no|zero) (?:heart|empathy|respect|shame|feelings|idea|clue|backbone|consideration|decency)\b/,
      /\byou (?:are|were|seem|seemed) (?:incapable|unable) of (?:love|loving|empathy|listening|caring|commitment|being honest)\b/,
      /\b(?:clearly|obviously) (?:i|we|this|our relationship) (?:never )?(?:meant|mean|matter|mattered) nothing to you\b|\bi (?:never )?meant nothing to you\b/,
    ],
    exceptions: [
      {
        reason: 'conditional or acceptance, not a charge: if you dont, I understand that you dont',
        pattern:
          /\bif you (?:\w+ )?(?:dont|didnt|cant|wont|do not)\b|\bi (?:understand|accept|respect|get|know) (?:that |why |if )?you (?:\w+ )?(?:dont|didnt|cant|wont|might not)\b[^.!?]*\b(?:and|but) (?:thats|that is|it is|its) (?:ok|okay|fine|alright|understandable|your right)\b|\b(?:hope|hoping) you dont\b/,
        scope: 'sentence',
        examples: {
          flag: ["you don't care about me"],
          pass: [
            "If you don't want to talk, I understand",
            "I know you don't love me anymore, and that's okay",
          ],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This tells them what they feel; say what you felt.',
    explanation:
      'No one can see into their heart: telling them they do not care or respect you invites a denial and a ' +
      'fight. Describe what you felt and what you needed instead (P7).',
    principles: ['P7'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Say what you needed',
        text: 'I felt alone at times and needed [what you needed]; I did not always say it clearly.',
      },
      LEAVE_OUT,
    ],
    examples: {
      flag: [
        "You don't care about me",
        'you never cared',
        'u dont even try',
        'You only care about yourself',
        'you have no respect for me',
        'clearly i meant nothing to you',
      ],
      pass: [
        "I don't care who was right anymore",
        'You cared for me when I was ill, and I never thanked you',
        "I hope you don't mind me writing",
      ],
    },
  },
  {
    id: 'blame/name-calling',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.9,
    patterns: [
      /\b(?:youre|you are|you were|your|ur) (?:a |such a |the )?(?:terrible|awful|horrible|bad|useless|lousy|pathetic|shit|crap|selfish) (?:mother|father|mom|mum|dad|parent|partner|husband|wife|girlfriend|boyfriend|friend)\b/,
      /\b(?:you are|youre|your|you were|you r|youve (?:always |just |only ever |never stopped )?been|you have (?:always |just )?been|you always have been|you act|you acted|you acting|you behave|you behaved|you sound|stop being|dont be|you always were|you can be|you could be|you became|youve become|you turned into) (?:so |such |an? |really |just |being |acting |like |the most |far |way |far too |way too |incredibly |extremely |unbelievably |ridiculously |overly |utterly |genuinely |massively |most |a complete |complete |a total |total |an absolute |absolute |fucking |fkn |freaking |always |very |too |seriously |honestly |pretty |kind of |kind of a |literally |still |a bit |a little |the |one )*(?:selfish|self centered|self-centered|self absorbed|self-absorbed|heartless|immature|childish|toxic|narcissist|narcissistic|manipulative|manipulator|liar|cheater|cheat|coward|cowardly|pathetic|useless|worthless|crazy|insane|psycho|psychotic|abusive|cruel|mean|stubborn|lazy|controlling|jealous|insecure|fake|ungrateful|inconsiderate|disrespectful|joke|bitch|asshole|arsehole|idiot|jerk|dick|loser|stupid|dumb|ridiculous|impossible|hypocrite|hypocritical|drama queen|baby|spoiled|spoilt|entitled|arrogant|rude|emotionally unavailable|player|fraud|snake|evil|monster|disgusting|disappointment|clueless|delusional|too sensitive|so sensitive|overly sensitive|oversensitive|over sensitive|defensive|dismissive|distant|closed off|judgemental|judgmental|critical|negative|moody|aggressive|harsh|unkind|nasty|vicious|spiteful|condescending|patronising|patronizing|passive aggressive|hot and cold|paranoid|needy|clingy|dramatic|hysterical|unstable|unreliable|dishonest|shallow|petty|bitter|vindictive|terrible person|horrible person|awful person|bad person|worst|careless|thoughtless|irresponsible|uncaring|unfair|cold|cold hearted|cold-hearted|emotionless|weak|spineless|gutless|clown|child|kid|brat|traitor|user|leech|parasite|creep|pig|slut|whore)\b/,
      /\b(?:selfish|heartless|pathetic|immature|toxic|manipulative|narcissistic|lying|cheating|stupid|useless|worthless|ungrateful|spineless|fake) (?:bitch|bastard|asshole|arsehole|prick|idiot|jerk|loser|liar|cheater|coward|narcissist|piece of (?:shit|crap|work)|person|human|man|woman|girl|boy|cow|pig)\b/,
      /\b(?:youre|you are|you were|ur|u r) (?:literally |honestly |seriously )?the (?:worst (?:thing|person|mistake|decision)|biggest mistake)(?: that)? (?:ive ever made|i ever made|(?:ever )?happened to me|of my life)\b/,
      /\byou (?:piece of (?:shit|crap|work)|bitch|bastard|asshole|arsehole|idiot|jerk|loser|liar|cheater|coward|narcissist|psycho|prick|moron|clown|snake)\b/,
    ],
    exceptions: [
      {
        reason: 'negated or kind: youre not selfish, you were never cruel',
        pattern: /\b(?:not|never|no longer|nothing like|far from|anything but)\b/,
        scope: 'match',
        examples: {
          flag: ['youre so selfish'],
          pass: ["you're not selfish, I was wrong to say that"],
        },
      },
      {
        reason: 'affectionate or self-directed: you are a good kid, dont be so hard on yourself',
        pattern:
          /\b(?:on yourself|to yourself|about it|a good (?:kid|child)|the worst (?:part|thing)(?! (?:that )?(?:ever )?happened to me| of my life| (?:that )?i(?:ve)? ever)|was the worst|crazy good|crazy about|insanely good|(?:silly|cute|funny|sweet|lucky|amazing) (?:kid|baby|goose))\b|\bdont be (?:so )?(?:hard|mean) on yourself\b/,
        scope: 'clause',
        examples: {
          flag: ['you were cruel to me'],
          pass: ["don't be so hard on yourself", 'you were crazy good at that game'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'Name-calling attacks who they are, not what happened.',
    explanation:
      'A label for their character ("selfish", "toxic", "a liar") hurts and shuts the conversation down; it ' +
      'is criticism, not communication. Describe one thing that happened and how it felt to you (P7 P8).',
    principles: ['P7', 'P8'],
    suggestions: [
      {
        type: 'rewrite-sentence',
        label: 'Describe what happened instead',
        text: 'When [one specific thing happened], I felt [how you felt].',
      },
      LEAVE_OUT,
    ],
    examples: {
      flag: [
        "You're a terrible mother and the kids will figure it out.",

        "you're literally the worst thing that ever happened to me",
        "You're so selfish",
        'your such a liar',
        'ur literally the most toxic person',
        'You were cold and heartless',
        'stop being so childish',
        'you acted like a child',
        'you narcissist',
        'selfish bitch',
        "you've always been way too defensive",
        'you were incredibly dismissive of my family',
      ],
      pass: [
        "You're a wonderful mother, the kids are lucky.",

        'Meeting you was the best thing that ever happened to me.',
        'You are amazing with the kids',
        "I was selfish and I'm sorry",
        "You're not a bad person",
        'You were kind to me',
        "You've always been sensitive to other people's moods, it's one of your best qualities",
      ],
    },
  },
  {
    id: 'blame/judging-them',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      /\b(?:did you|have you) ever (?:actually |really |even |truly )?(?:love|loved|care about|cared about) me\b|\bwas it all a lie\b/,
      /\byou (?:only )?(?:text|call|message|come back to|come running back to|reach out to) me (?:the minute|the moment|as soon as|only when|whenever) (?:things|it|he|she|they|something|youre)\b/,
      /\byou cant just (?:show up|come back|walk back in|text me|reappear)\b[^.!?]{0,40}\bexpect\b/,
      /\bdo you even (?:remember|care|miss me|think about (?:me|us))\b/,
      /\byou (?:were|are|have always been|always were|always) (?:always |so |too |very )*quick to (?:judge|blame|criticize|criticise|assume the worst|jump to)\b/,
      /\bwhy does (?:it|everything) always have to be about you\b|\bits always about you\b/,
      // verdicts on how they reacted or behaved
      /\b(?:you|u) (?:\w+ )?(?:overreacted|over reacted|always overreact|overreact|provoked me|provoke me|twist(?:ed|s)? (?:everything|my words|what i (?:say|said|mean|meant))|blew (?:it|everything|things|this) (?:way )?out of proportion|took it (?:way )?too far|went too far|crossed the line)\b/,
      /\bthe way (?:you|u) (?:treated|spoke to|talked to|handled|acted|behaved|left|dumped|ended|spoke about|talk to|treat)\b[^.!?]{0,60}\b(?:was|is|has been)\b[^.!?]{0,20}\b(?:disgusting|awful|horrible|cruel|unforgivable|wrong|shameful|pathetic|unacceptable|disrespectful|cold|heartless|appalling|vile|low)\b/,
      /\b(?:your|ur) (?:constant|endless|never ending|neverending|nonstop|non stop|incessant|stupid|pathetic|selfish|childish|jealous|toxic|ridiculous|petty|cold|silly) (?:criticism|criticising|criticizing|nagging|lies|lying|jealousy|complaining|moods?|drama|games|excuses|silence|silent treatment|coldness|temper|anger|control|controlling|behaviou?r|selfishness|attitude|insecurity|insecurities|judgement|judgment|sarcasm|put downs|comments|demands|neediness)\b/,
      /\b(?:you|u)(?:re| are)? (?:just )?(?:like|exactly like|no different from|the same as) (?:your|ur) (?:father|mother|dad|mum|mom|ex|brother|sister|family|parents)\b/,
      /\b(?:you|u) were the one (?:who|that) (?:stopped|gave up|left|ended|cheated|lied|ruined|started|walked|broke|quit|messed|pulled away|checked out|shut down|gave up on)\b/,
      // what they failed to do, said as a charge
      /\b(?:you|u) (?:couldnt|could not|wouldnt|would not|didnt|did not|never|cant|cannot) (?:even )?(?:be bothered|bother to|commit to|commit|make (?:an |any )?effort|show up for|care enough|apologi[sz]e|say sorry|say goodbye|take responsibility|own (?:up|it)|admit (?:it|anything|you))\b/,
      /\bstop pretending (?:that )?(?:you|u)\b|\b(?:just )?admit (?:that )?(?:you|u) (?:did it|did this|screwed|messed|ruined|hurt me|lied|cheated|started it)\b/,
      // sarcasm and reproach
      /\btypical (?:of )?(?:you|u)\b|\bso typical\b|\bhow (?:very )?typical\b|\bthats what (?:you|u)(?:re| are| r) good at\b|\bso now (?:you|u) (?:finally )?(?:decide|want|remember|care|bother|feel like)\b/,
      /\bwhy (?:are|r|were) (?:you|u) (?:still )?(?:ignoring|avoiding|ghosting|blanking|punishing|doing this to|treating) me\b/,
      /\b(?:you|u) could (?:at least|at the very least) (?:have )?(?:had |show |shown |have )?(?:the )?(?:decency|courtesy|respect|guts|balls)\b|\b(?:at least )?have the (?:decency|courtesy|guts) to\b/,
      /\b(?:think|know|believe|sure|maintain|feel) (?:that )?it was (?:all )?(?:you|u|your fault|your doing)\b(?! (?:who|that))/,
      /\bif (?:you|u)(?:d| had| would have)(?: just| only)?(?: [a-z]+){1,4} (?:like|when|as) i (?:asked|told you|said|begged|suggested)\b/,
      // an apology that turns into "but you…" (the exception below keeps it to apologies)
      /\bbut (?:you|u) (?:had|have|were|was|also|always|never|kept|started|stopped|totally|completely|really|provoked|made|pushed|didnt|did not|overreacted|knew|are|r)\b/,
    ],
    exceptions: [
      {
        reason: 'warmth or thanks about them, or owning it: you were the one who stayed kind',
        pattern:
          /\b(?:you|u) were the one (?:who|that) (?:stayed|kept (?:us|me|trying|going)|held|made|tried|always tried|showed up)\b|\bbut (?:you|u) (?:were|have been|are) (?:right|kind|patient|so kind|so patient|always kind|honest|fair|the best)\b/,
        scope: 'clause',
        examples: {
          flag: ['you were the one who gave up'],
          pass: ['I am sorry it took so long, but you were right about all of it'],
        },
      },
      {
        reason: '"but you…" judges them only after an apology; elsewhere it is ordinary talk',
        pattern: /^(?![\s\S]*\b(?:sorry|apologi[sz]e|apology)\b)[\s\S]*\bbut (?:you|u) /,
        scope: 'sentence',
        examples: {
          flag: ["I'm sorry I was late, but you also forgot to call"],
          pass: ['I wanted to come, but you were already asleep'],
        },
      },
      {
        reason: 'a conditional or an open door: if you could not make it, that is fine',
        pattern:
          /\b(?:if|whether|even if) (?:you|u) (?:couldnt|cant|didnt|wouldnt|cannot)\b|\b(?:no need|dont need|you dont have) to (?:apologi[sz]e|say sorry)\b/,
        scope: 'clause',
        examples: {
          flag: ["you couldn't even be bothered to call"],
          pass: ["if you couldn't make it to the party, that's completely fine"],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This passes judgement on them; say what happened and how it felt.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [I_STATEMENT, LEAVE_OUT],
    examples: {
      flag: [
        'Did you ever actually love me or was it all a lie?',

        'Great, so you text me the minute things go wrong with him.',
        "You can't just show up after everything and expect me to be fine.",

        'Do you even remember our anniversary? Probably not.',
        'You were always so quick to judge me.',
        'Why does it always have to be about you?',

        'honestly u overreacted about the concert',
        'The way you spoke to my mother that day was cruel.',
        'your constant sarcasm made everything harder',
        "you're just like your mum",
        'you were the one who checked out first',
        "you couldn't even be bothered to call",
        'stop pretending you did nothing',
        'so typical of u',
        'why are you avoiding me',
        'you could at least have the courtesy to reply',
        'I still believe it was your fault',
        'if you had just listened like I asked, none of this would have happened',
        "I'm sorry about the party, but you were flirting all night",
      ],
      pass: [
        'Did you ever find the charger you lost?',

        'The vet says you can just show up on Saturday mornings.',

        'Do you remember where we put the spare key?',
        'You were always quick to laugh, and I miss that.',

        "I think I overreacted that night, and I'm sorry",
        'The way you handled the move was brilliant',
        "You're so like your dad when you laugh",
        'If you had fun, I am glad',
        "I'm sorry I yelled. You didn't deserve that.",
        "I'm sorry for the late reply, but I wanted to think it through first.",
      ],
    },
  },
  {
    id: 'blame/contempt',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.85,
    patterns: [
      /\bwhy (?:wont|cant|dont|will not|can not|cannot) you (?:just )?(?:give (?:me )?a straight answer|be honest with me|tell the truth)(?: for once)?\b/,
      /\b(?:youre|you are|ur|u r) (?:just |so |truly |actually |honestly |absolutely )?unbelievable(?= *(?:[.!?]|$))/,
      /\bif you can (?:manage|be bothered|even manage) to\b|\b(?:be on time|show up|follow through|keep your word|tell the truth|give (?:me )?a straight answer|be honest) for once\b/,
      /\b(?:thats|that is) all you (?:have|had|got|ve got|have got) to say\b/,
      /\bdont flatter yourself\b/,
      /\byou should be (?:grateful|thankful|lucky) (?:that )?(?:im|i am|i) (?:even )?(?:replying|answering|talking to you|responding|speaking to you)\b/,
      /\blike (?:an? )?(?:adults?|grown ups?|grownups?) for once\b|\bfor once in your life\b/,
      /\b(?:whats|what is|what the hell is|what the fuck is|wtf is) wrong with you\b/,
      /\bhow (?:could|can|dare) you\b/,
      /\b(?:shame on you|you should be ashamed|you disgust me|you make me sick|screw you|fuck you|f you|go to hell|get over yourself|get a life|man up|typical you|so typical of you|classic you|who does that)\b/,
      /(?:^|[.!?,] |\b(?:just|please|seriously|oh|so|and|now) )grow up\b/,
      /\byou (?:seriously |really |clearly |desperately )?need (?:serious |professional )?(?:help|therapy|to grow up|to get help|to change|to get your (?:shit|act|life) together|to look at yourself)\b/,
      /\bwhy (?:didnt|did not|wouldnt|couldnt|cant|wont) you (?:just |even |ever )?(?:tell|call|listen|say|try|fight|care|stop|ask|come|answer|respond|reply|think|apologize|apologise|admit|be honest)\b/,
      /\bwhy would you (?:do|say|lie|cheat|treat|hurt|leave|ignore|throw|ruin)\b/,
      /\byou (?:should|shouldve|should have|could|couldve|could have) (?:at least |just |easily |been )?(?:have )?(?:known|been there|listened|called|told me|cared|tried|fought|said something|supported|stopped|stayed|asked|noticed|been honest|been more|apologized|apologised|made an effort|thought|done better|treated me better)\b/,
    ],
    exceptions: [
      {
        reason: 'forgiving or curious: how could you have known',
        pattern:
          /\bhow (?:could|can) you (?:have )?(?:known|know|tell|guess|guessed|see|seen|have seen|understand|forgive|ever forgive)\b|\byou (?:should|could) have (?:seen|heard) (?:the|my|it|how|what|this)\b|\bhow could you not\b/,
        scope: 'clause',
        examples: {
          flag: ['how could you do this to me'],
          pass: [
            'how could you have known what I was going through',
            'you should have seen the look on the dog',
          ],
        },
      },
      {
        reason: 'kind about help or growth: I hope you get the help you need, watching the kids grow up',
        pattern:
          /\b(?:kids|children|we|they|i|watching|see|saw) (?:\w+ )?grow up\b|\bhope you (?:\w+ )?(?:get|found|find|have) (?:the )?help\b|\bif you ever need help\b|\bthank you for being there\b/,
        scope: 'clause',
        examples: {
          flag: ['grow up'],
          pass: ['if you ever need help with the move, let me know'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This is contempt or reproach; it will only start a fight.',
    explanation:
      'Scorn and "why didn\'t you" questions are criticism in disguise: they push the other person to defend ' +
      'themselves and close the door. Say what you felt and what you would like now (P7).',
    principles: ['P7'],
    suggestions: [I_STATEMENT, LEAVE_OUT],
    examples: {
      flag: [
        "Why won't you just give me a straight answer for once?",

        'you are unbelievable',

        'Sure, the kids can stay with you, if you can manage to be on time for once.',
        "Wow. Three months of silence and that's all you have to say?",
        "Don't flatter yourself, I'm not waiting around for you.",
        "You should be grateful I'm even replying.",

        'Can we PLEASE just talk this through like adults for once?',

        "What's wrong with you?",
        'How could you do this to me',
        'just grow up',
        'You need help',
        "Why didn't you just tell me?",
        'you should have been there for me',
        'You could have at least called',
      ],
      pass: [
        'The view from the top was unbelievable.',

        'If you can make it on time on Saturday, the kids would love that.',
        'Is that all you need for the form? I can send more.',

        "Let's talk it through like adults, whenever you feel ready.",

        'I hope you get the help you deserve and find peace',
        'I should have been there for you',
        'Watching the kids grow up has been lovely',
        'Why did I react that way? I have thought about it a lot.',
      ],
    },
  },
  {
    id: 'blame/negative-evaluation',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      new RegExp(`\\b${alt(YOU_ARE)}(?: ${alt(FILLER)}){0,3} ${alt(NEGATIVE_EVALUATION, REALITY_DENIAL)}\\b`),
      // blame without "you": the writer or the couple as the one left wanting
      new RegExp(`\\b(?:we|i)(?: ${alt(FILLER)})? never(?: ${alt(FILLER)})? ${alt(WE_NEVER_DID)}\\b`),
    ],
    exceptions: [
      {
        reason: 'owned or fond: we never went out much, and that was on me',
        pattern:
          /\b(?:on me|my fault|my part|i loved|i miss|i didnt mind|didnt need|and thats ok|which is fine)\b/,
        scope: 'sentence',
        examples: {
          flag: ["you're making the biggest mistake of your life"],
          pass: ['we never went out much, and that was on me too'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This passes a verdict on them, or on the two of you, instead of saying how it felt.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [I_STATEMENT, LEAVE_OUT],
    examples: {
      flag: [
        "you're making the biggest mistake of your life",
        'ur making a huge mistake',
        "you're being ridiculous",
        'Our friends all agree you were too hasty.',
        'we never did anything together anyway',
        'I never get any help with anything',
        'we never went anywhere',
      ],
      pass: [
        'I think you made the right choice about the job',
        'we never went anywhere fancy, but I loved it',
        'I was making a mistake back then, and I know it now',
      ],
    },
  },
  {
    id: 'blame/mind-reading',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      new RegExp(
        `\\b${alt(MIND_READING)}(?: that)?(?: ${alt(YOU_ARE)})?(?: ${alt(FILLER)}){0,3}(?: (?:sitting|lying|out) (?:there|at home|somewhere))?(?: ${alt(FILLER)}){0,2} ${alt(IMAGINED_CONTEMPT)}\\b`,
      ),
      new RegExp(
        `\\b${alt(YOU_ARE)}(?: ${alt(FILLER)}){0,3} ${alt(IMAGINED_CONTEMPT.filter((p) => / me\b/.test(p)))}\\b`,
      ),
    ],
    exceptions: [
      {
        reason: 'a kind guess: I bet you are glad the exams are over',
        pattern:
          /\b(?:glad|relieved|thrilled|celebrating|enjoying this|love this) (?:about|that|the|your|with|to)\b/,
        scope: 'clause',
        examples: {
          flag: ['I bet you are relieved'],
          pass: ['I bet you are relieved the exams are over'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This guesses the worst about what they think of you.',
    explanation:
      'Telling them what they must be thinking ("laughing at me", "glad I am gone") accuses them of ' +
      'contempt they never expressed; they can only deny it. Say what you feel instead (P7).',
    principles: ['P7'],
    suggestions: [I_STATEMENT, LEAVE_OUT],
    examples: {
      flag: [
        "I bet you're just sitting there laughing at me",
        "you're probably loving this",
        'im sure ur glad im gone',
        'you must be enjoying this',
        'ur laughin at me arent you',
      ],
      pass: [
        "I bet you're busy with the new job",
        'I know you are doing your best',
        'We were laughing at the dog',
      ],
    },
  },
  {
    id: 'blame/sarcasm',
    category: 'you_blame',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.75,
    patterns: [new RegExp(`\\b${alt(SARCASM)}\\b`)],
    exceptions: [
      {
        reason: 'sincere: I would love that for me too',
        pattern: /\b(?:would love that for|thank you|thanks for)\b/,
        scope: 'clause',
        examples: { flag: ['wow. real mature'], pass: ['I would love that for me too one day'] },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'Sarcasm is criticism with a smile; they will hear the dig, not the hurt under it.',
    explanation: EXPLANATION,
    principles: ['P7'],
    suggestions: [I_STATEMENT, LEAVE_OUT],
    examples: {
      flag: [
        '3 days no reply. real mature',
        'cool cool cool',
        'love that for me',
        'Wow, congrats. Truly touching.',
      ],
      pass: [
        'That was a mature way to handle it',
        'Cool, see you at six',
        'The card was touching, thank you',
      ],
    },
  },
  {
    id: 'blame/counter-charge',
    category: 'you_blame',
    kind: 'problem',
    severity: 'high',
    confidence: 0.8,
    patterns: [
      new RegExp(`\\b${alt(COUNTER_CHARGE)}\\b`),
      new RegExp(
        `\\b(?:you|u)(?: (?:just|finally|even|actually|literally|conveniently|completely|totally))? ${alt(BAD_ACT)} ${alt(BAD_ACT_OBJECT)}\\b`,
      ),
      /\bnot that (?:you|u) (?:ever |even )?(?:read|listen|listened|notice|noticed|bother|bothered|remember|remembered|asked|gave|helped|tried)\b/,
      /\b(?:you|u) only (?:ever )?(?:text|call|message|reach out|come back|remember me|want me|care)(?: (?:to )?me)? (?:when|if) (?:youre|you are|you|your|its) (?:\w+ )?(?:lonely|bored|drunk|need|want|suits|convenient|sad|single)\b/,
    ],
    exceptions: [
      {
        reason: 'their words or a kindness: like you always did, you made it fun',
        pattern: /\blike (?:you|u) always (?:do|did),? (?:you|u) (?:made|make|brought|bring|kept|keep)\b/,
        scope: 'clause',
        examples: {
          flag: ["don't leave me hanging like you always do"],
          pass: ['like you always did, you made the day fun'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'This turns the talk into a charge against them.',
    explanation:
      'A counter-charge ("neither were you", "you know how you get") answers your own part with theirs; they ' +
      'will defend themselves and the point is lost. Keep to your side and how it felt (P7 P9).',
    principles: ['P7', 'P9'],
    suggestions: [I_STATEMENT, LEAVE_OUT],
    examples: {
      flag: [
        "I know I wasn't perfect, but neither were you",
        'sorry if i was a jerk but u werent perfect either',
        "Sorry the handover got tense, but you know how you get when you're running late.",
        'Not that you ever read the notes I leave.',
        'No no, it is totally fine that you forgot my birthday.',
        'five years and you binned it for someone you met on a stag do',
        "Honestly, you only message when you're lonely.",
        "I guess that's who you are now.",
      ],
      pass: [
        'Neither of us was perfect, and I own my part',
        'You only need to sign the second page',
        'Not that it matters now',
        'you forgot your scarf at mine',
      ],
    },
  },
  {
    id: 'blame/described-conduct',
    category: 'you_blame',
    kind: 'problem',
    severity: 'medium',
    confidence: 0.75,
    patterns: [
      new RegExp(`\\b${alt(PASSIVE_AGGRESSIVE, CONTEMPT_QUESTION)}\\b`),
      new RegExp(
        `\\b(?:you|some people)(?: (?:always|only|still|just|never))? (?:had|have|found|find|make|made) (?:the )?time for ${alt(OTHERS)}\\b`,
      ),
      new RegExp(`\\b(?:you were|youre|you are|it was you) the one (?:who|that) ${alt(ONE_WHO_ACTS)}\\b`),
      new RegExp(
        `\\b(?:you|u)(?: (?:just|also|even|really|actually|literally|simply|then|always))? ${alt(EX_CONDUCT)}\\b`,
      ),
      /\bif (?:you|u)(?:d| had)(?:nt| not)? (?:\w+ ){0,3}?(?:listened|told me|moved out|left|stayed|tried|bothered|helped|called|asked|been honest|been there|paid|shown up|showed up)\b[^.!?]{0,60}\b(?:i|we) (?:wouldnt|would not|would never)\b/,
      /\b(?:i|we) (?:wouldnt|would not) (?:\w+ ){1,8}?if (?:you|u)(?:d| had)(?:nt| not)? (?:\w+ ){0,2}?(?:listened|told me|moved out|left|stayed|tried|bothered|helped|called|asked|been honest|been there|paid|shown up|showed up)\b/,
      /(?:^|[.!?,] )happy now\?/,
    ],
    exceptions: [
      {
        reason: 'sincere: I know how hard it is, thank you',
        pattern: /\b(?:i know how hard|thank you|thanks for)\b/,
        scope: 'clause',
        examples: {
          flag: ['how hard is it to text back'],
          pass: ['I know how hard it is to text back, thank you'],
        },
      },
    ],
    negation: 'cancel',
    inQuotes: false,
    message: 'Polite words, a question or a description of what they did still carry the charge.',
    explanation:
      'A dig dressed as politeness ("but what do I know", "must be nice"), a contemptuous question ("who does ' +
      'that") or a description of their conduct ("you had time for everyone else") is heard as blame, and they ' +
      'will answer the charge, not the hurt. Say what you felt in one moment instead (P7).',
    principles: ['P7'],
    suggestions: [I_STATEMENT, LEAVE_OUT],
    examples: {
      flag: [
        'Would have been nice to hear it from you, but what do I know.',
        "Don't pretend you're fine.",
        'is this a game to you',
        'you always had time for your friends, never for me',
        'You were the one who stopped trying.',
        'Fine. Story of our marriage.',
        'I think you checked out after your dad died.',
        'you just let it go like it was nothing',
        "If you'd told me before Tuesday I wouldn't have booked swimming.",
        'Sorry, ok? Happy now?',
        'u hurt me too so',
      ],
      pass: [
        'You were the one who taught me to cook, and I still use it.',
        'Thanks for making time for the kids on Saturday.',
        "If you'd told me earlier I could have helped.",
        'Are you happy now in the new flat?',
        'you checked out the library books, right?',
      ],
    },
  },
];
