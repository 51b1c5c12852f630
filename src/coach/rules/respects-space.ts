/**
 * Respecting space (P2 P16), a strength: "no need to reply", "take your time", "I'll
 * respect whatever you decide". Leaving the timing and the choice with them.
 *
 * These phrases contain negations of their own ("no need", "dont have to"), so negation
 * never cancels them. "No pressure, but…" is a softener in front of pressure, and does not
 * count. Patterns run on normalized text (see types.ts).
 */
import type { Rule, RuleException } from '../types.js';

/** "No pressure, but answer me by tonight": the softener is taken back. */
const takenBack = (flag: string, pass: string): RuleException => ({
  reason: 'the softener is taken back by what follows',
  pattern:
    /\b(?:no (?:pressure|rush)|take your time|no need to (?:reply|respond))(?: at all)?,? but (?:i (?:need|want|expect|really need)|you (?:need|have|should|must)|please (?:answer|reply|respond|call)|answer|reply|respond|(?:by|before) (?:tonight|tomorrow|\w+day))\b|\b(?:but|though) (?:i need|answer|reply|you need to|please answer|please reply) (?:by|before|asap|now|today|tonight)\b/,
  scope: 'sentence',
  examples: { flag: [flag], pass: [pass] },
});

export const rules: Rule[] = [
  {
    id: 'respects-space/no-need-to-reply',
    category: 'respects_space',
    kind: 'strength',
    severity: 'info',
    confidence: 0.9,
    patterns: [
      /\bno (?:need|obligation|pressure) (?:at all )?(?:to|for you to) (?:reply|respond|answer|write back|text back|get back|say anything|call|do anything|read this|reach out)\b/,
      /\byou (?:dont|do not|really dont|dont ever) (?:have|need|owe me|need to feel obligated) (?:to )?(?:reply|respond|answer|write back|text back|get back to me|say anything|do anything|explain|anything|a reply|a response|an answer|an explanation)\b/,
      /\bno (?:reply|response|answer) (?:is )?(?:needed|necessary|expected|required)\b|\b(?:im|i am) not (?:expecting|asking for|looking for) (?:a |an |any )?(?:reply|response|answer|anything)\b|\bi (?:dont|do not) expect (?:a |an |any )?(?:reply|response|answer|anything(?: back| in return)?)\b/,
      /\b(?:dont|do not|please dont) feel (?:like you (?:have|need) to|obligated to|any pressure to|pressured to|you have to) (?:reply|respond|answer|write back|get back|do anything|say anything)\b|\bfeel free (?:not to|to ignore|to not)\b|\bno pressure(?: at all| whatsoever)?\b|\bno strings(?: attached)?\b|\bno expectations\b/,
    ],
    exceptions: [
      takenBack('No need to reply.', 'No pressure, but I need an answer by Friday.'),
      {
        reason: 'about something other than replying to this message',
        pattern: /\bno pressure (?:on|to|from) (?:me|the kids|myself|work)\b/,
        scope: 'clause',
        examples: {
          flag: ['No pressure at all.'],
          pass: ['There is no pressure on me at work these days.'],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'You make clear they owe you no reply.',
    explanation:
      'Saying outright that no answer is needed takes the weight off the message. It is easier ' +
      'to read, and any reply that comes is freely given.',
    principles: ['P16', 'P2'],
    suggestions: [],
    examples: {
      flag: [
        'No need to reply.',
        "You don't have to respond to this.",
        "I'm not expecting anything back.",
        "Please don't feel obligated to answer.",
        'no pressure at all',
      ],
      pass: ['I need you to reply about the lease.', "There's a need for a new plan for pickups."],
    },
  },
  {
    id: 'respects-space/take-your-time',
    category: 'respects_space',
    kind: 'strength',
    severity: 'info',
    confidence: 0.85,
    patterns: [
      /\bwhenever you feel like (?:it|sharing|talking|chatting|writing)\b/,
      /\btake (?:all (?:the )?|your |as much |whatever )time(?: you need| you want)?\b|\btake the time you need\b/,
      /\b(?:when(?:ever)?|if (?:and when|ever)?) you(?:re| are| feel)? (?:ever )?(?:ready|up (?:for|to) it|feel (?:ready|like it|up to it)|want to (?:talk|reach out|catch up|hear from me)|d like to (?:talk|catch up)|would like to (?:talk|catch up)|are ready)\b/,
      /\b(?:in your own time|at your own pace|on your (?:own )?terms|no rush(?: at all)?|theres no rush|there is no rush|no hurry|theres no hurry|whenever (?:works|suits) (?:for )?you|whenever you (?:want|like|can))\b/,
      /\bif you (?:ever )?(?:want|would like|d like|feel like|decide you want) to (?:talk|reach out|catch up|get (?:a )?coffee|hear from me)\b|\bonly if you (?:want|feel|are|re)\b|\bif (?:youre|you are) (?:ever )?open to (?:it|that|talking)\b/,
    ],
    exceptions: [
      takenBack('Take your time.', 'Take your time, but answer me by tonight.'),
      {
        reason: 'sarcasm: "take your time" as a complaint',
        pattern:
          /\b(?:take your (?:sweet )?time(?: then)?,? (?:its not like|not like|i guess|whatever|apparently))|\btake your sweet time\b/,
        scope: 'sentence',
        examples: {
          flag: ['Take your time, I will be here.'],
          pass: ["Take your sweet time, it's not like I'm waiting."],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'You leave the timing to them.',
    explanation:
      'Letting them set the pace respects their space and takes the pressure off, which is the ' +
      'only way a reply can be a free one.',
    principles: ['P16', 'P2', 'P12'],
    suggestions: [],
    examples: {
      flag: [
        "I'd love to hear how you are, whenever you feel like sharing.",

        'Take all the time you need.',
        "Whenever you're ready.",
        'If you ever want to talk, I am here.',
        'no rush at all',
        'Only if you want to.',
      ],
      pass: [
        'Whenever I feel like talking I call my sister.',
        'It will take time to sell the house.',
        'I was ready by six.',
      ],
    },
  },
  {
    id: 'respects-space/respects-decision',
    category: 'respects_space',
    kind: 'strength',
    severity: 'info',
    confidence: 0.85,
    patterns: [
      /\b(?:ill|i will|i|i promise to|i want to|i fully|i completely|i totally) (?:fully |completely |totally |always )?(?:respect|accept|honor|honour) (?:whatever|your (?:decision|choice|wishes|space|boundaries|need for space|feelings|answer)|that|it|any (?:decision|answer)|what(?:ever)? you (?:decide|choose|want|need))\b/,
      /\b(?:its|it is|thats|that is) (?:completely |totally |entirely |of course |always )?(?:your (?:decision|choice|call)|up to you)\b|\bwhatever you (?:decide|choose)(?:,)? (?:is|ill|i will|i|im)\b/,
      /\bif you(?:d)? (?:dont|do not|would rather not|d rather not|rather not|would prefer not to|prefer not to|decide not to)(?: want to)? (?:reply|respond|talk|answer|hear from me|be in touch|write back|meet|see me)(?: \w+){0,3}?,? (?:i|ill|i will|i totally|i completely) (?:understand|respect|get it|accept)\b|\bi (?:completely |totally |fully )?understand if you (?:dont|do not|need|would rather|d rather|cant|want)\b/,
      /\bi (?:wont|will not) (?:contact|text|message|bother|call|email|write to) you (?:again|anymore|any more)\b|\bi (?:wont|will not) reach out (?:again|anymore)\b|\bill (?:leave|put) (?:it|the ball|the decision|things|the next step) (?:with you|in your (?:hands|court))\b|\bill give you (?:space|all the space|some space|the space)\b|\bthe ball is in your court\b/,
    ],
    exceptions: [
      {
        reason: 'grudging or conditional, not real respect',
        pattern:
          /\b(?:respect|accept) (?:it|that|your decision)(?: \w+){0,3}?,? but\b|\b(?:i (?:cant|will never|wont) accept)\b|\bup to you (?:whether|if) (?:you want to )?(?:lose me|ruin)/,
        scope: 'sentence',
        examples: {
          flag: ["I'll respect whatever you decide."],
          pass: ["I respect your decision, but I think you're wrong."],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: false,
    message: 'You leave the decision with them.',
    explanation:
      'Saying plainly that you will respect their choice protects their autonomy and shows you ' +
      'are reaching out without strings.',
    principles: ['P16', 'P5', 'P18'],
    suggestions: [],
    examples: {
      flag: [
        "I'll respect whatever you decide.",
        "It's completely your decision.",
        "If you'd rather not reply, I understand.",
        "I won't contact you again.",
        "I'll leave it with you.",
      ],
      pass: ['I respect you a lot as a parent.', 'The decision about the car is still pending.'],
    },
  },
];
