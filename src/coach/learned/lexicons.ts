/**
 * Concept lexicons for the learned scorer: small lists of words and phrases, each naming
 * one idea the problem categories are made of (issue 12, "Describe each problem category by
 * the concepts and shapes that make it"). A hit is a feature; the weights learn how much
 * each concept, alone or with a sentence shape, counts for each category.
 *
 * Entries are written in normalized form (see normalize.ts): lowercase, apostrophes
 * dropped (dont, youre, im), texting forms already expanded. Inflections are generated,
 * not listed: `verbs` gives ignore → ignores, ignored, ignoring; `nouns` gives liar → liars.
 * A miss becomes an entry here, never a sentence-long pattern.
 */

/** A concept: its name (a feature, `#name`) and every phrase that hits it, as word lists. */
export interface Concept {
  name: string;
  phrases: readonly (readonly string[])[];
}

const VOWEL = /[aeiou]/;

/** Doubles a final consonant after a single short vowel: stop → stopp(ed), beg → begg(ing). */
function stem(verb: string): string {
  const n = verb.length;
  const last = verb[n - 1]!;
  const doubles =
    n >= 3 &&
    n <= 4 &&
    !VOWEL.test(last) &&
    !'wxy'.includes(last) &&
    VOWEL.test(verb[n - 2]!) &&
    !VOWEL.test(verb[n - 3]!);
  return doubles ? verb + last : verb;
}

/**
 * A verb's regular forms: base, -s, -ed, -ing (cry → cries, cried; care → cared, caring;
 * beg → begged, begging). Irregular past forms are listed beside the verb where they matter.
 *
 * @example
 * verbForms('ignore'); // ['ignore', 'ignores', 'ignored', 'ignoring']
 */
export function verbForms(verb: string): string[] {
  if (verb.includes(' ')) {
    // "give up": inflect the first word, keep the particle.
    const [head, ...rest] = verb.split(' ');
    return verbForms(head!).map((form) => [form, ...rest].join(' '));
  }
  const last = verb[verb.length - 1]!;
  const beforeLast = verb[verb.length - 2] ?? '';
  if (last === 'e' && verb !== 'be') {
    const base = verb.slice(0, -1);
    return [verb, `${verb}s`, `${verb}d`, `${base}ing`];
  }
  if (last === 'y' && !VOWEL.test(beforeLast)) {
    const base = verb.slice(0, -1);
    return [verb, `${base}ies`, `${base}ied`, `${verb}ing`];
  }
  const third = /(?:s|x|z|ch|sh)$/.test(verb) ? `${verb}es` : `${verb}s`;
  const doubled = stem(verb);
  return [verb, third, `${doubled}ed`, `${doubled}ing`];
}

/**
 * A noun's singular and plural.
 *
 * @example
 * nounForms('liar'); // ['liar', 'liars']
 */
export function nounForms(noun: string): string[] {
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return [noun, `${noun}es`];
  if (/[^aeiou]y$/.test(noun)) return [noun, `${noun.slice(0, -1)}ies`];
  return [noun, `${noun}s`];
}

const words = (list: string): string[] => list.trim().split(/\s*,\s*|\s*\n\s*/);
const verbs = (list: string): string[] => words(list).flatMap(verbForms);
const nouns = (list: string): string[] => words(list).flatMap(nounForms);

function concept(name: string, ...groups: string[][]): Concept {
  const phrases = [...new Set(groups.flat().filter((p) => p !== ''))].sort();
  return { name, phrases: phrases.map((p) => p.split(' ')) };
}

/** The concepts, as data. Order is the feature order; names are stable feature ids. */
export const CONCEPTS: readonly Concept[] = [
  concept(
    'negative_trait',
    words(`selfish, cold, fake, heartless, cruel, childish, immature, lazy, useless, pathetic, toxic,
      manipulative, controlling, stubborn, arrogant, rude, mean, nasty, cowardly, coward, spineless,
      ungrateful, careless, inconsiderate, insensitive, dismissive, jealous, possessive, abusive,
      narcissistic, narcissist, psycho, crazy, insane, stupid, dumb, idiot, hypocrite, hypocritical,
      disgusting, impossible, unbearable, exhausting, embarrassing, shameless, dishonest, unreliable,
      two faced, fickle, cheap, petty, bitter, vindictive, spoiled, entitled, clueless, weak, loser,
      joke, mess, liar, cheater, monster, jerk, asshole, bitch, dick, prick`),
    nouns('liar, cheater, loser, coward, idiot, hypocrite, narcissist, jerk'),
  ),
  concept(
    'bad_act',
    verbs(`ignore, abandon, betray, cheat, lie, hurt, ruin, destroy, humiliate, blame, neglect, dismiss,
      manipulate, use, mislead, deceive, gaslight, insult, belittle, criticise, criticize, mock,
      ghost, dump, walk out, give up, shut out, push away, throw away, let down, waste, overreact,
      exaggerate, twist, scream, yell, shout, stonewall, cancel, forget, interrupt, flirt, embarrass`),
    words(`lied, left, gave up, threw away, broke, forgot, walked away, ran away, shut down, took`),
  ),
  concept(
    'absolute',
    words(`always, never, ever, every time, constantly, forever, all the time, nothing, everything,
      everyone, everybody, nobody, no one, not once, not even once, once again, again and again,
      any of it, every single, each time, whole time, entire, totally, completely`),
  ),
  concept(
    'fault',
    words(`fault, blame, your fault, because of you, thanks to you, responsible, on you, your choice,
      your decision, you did this, you made, you caused, you started, own it, admit`),
  ),
  concept(
    'contempt',
    words(`whatever, typical, of course, classic, wow, congrats, good for you, nice one, grow up,
      get over it, get a grip, as usual, yeah right, sure, obviously, clearly, seriously, lol, lmao,
      🙄, 😒, 🙃, 🤡, 😂, surprise surprise, shocker, big surprise, real mature, well done`),
  ),
  concept(
    'apology',
    words(`sorry, so sorry, apologise, apologize, apologies, apology, forgive, forgive me, my bad,
      i was wrong, my fault, regret, messed up, screwed up, fucked up, blew it, mistake, mistakes`),
    verbs('apologise, apologize, regret'),
  ),
  concept(
    'vague_scope',
    words(`everything, anything, all of it, whatever, for everything, for all, whatever i did,
      whatever happened, all that, the whole thing, stuff, things, if, if i, if you, if anything,
      you feel, you felt, that way, but, just, anyway, ok, okay`),
  ),
  concept(
    'excuse',
    words(`but, because, only because, if, if you, stressed, tired, drunk, had a lot going on,
      going through a lot, not myself, you know how i am, thats just how i am, didnt mean, i didnt mean,
      wasnt my fault, you made me, you pushed me, you started, both`),
  ),
  concept(
    'plead',
    words(`please, begging, beg, i beg you, im begging, on my knees, one more chance, another chance,
      last chance, one last chance, give me a chance, give us a chance, chance, take me back,
      come back, come home, dont leave, dont go, dont give up, need you, i need you, cant live,
      cant do this without you, without you, nothing without you, cant breathe, cant function,
      anything, whatever you want, ill do anything, just one, one more, try again, start over,
      please please, im nothing, miss you so much, want you back, need you back`),
    verbs('beg, plead'),
  ),
  concept(
    'dependence',
    words(`need you, cant live, without you, cant function, cant cope, cant sleep, cant eat, lost,
      empty, nothing, my everything, my world, only one, only you, only person, the one, soulmate,
      meant to be, cant move on, dying inside, falling apart, broken`),
  ),
  concept(
    'promise',
    words(`promise, i promise, swear, i swear, i will, ill, im going to, i am going to, going to,
      never again, from now on, from today, forever, for the rest of my life, rest of my life,
      every day, change, changed, different person, new person, better person, perfect, completely,
      whatever it takes, anything, everything, always, never ever, guarantee, 100, totally, i mean it`),
    verbs('change, fix, promise, swear'),
  ),
  concept(
    'demand',
    words(`answer, answer me, reply, respond, text back, call me, call back, pick up, tell me,
      decide, decision, need to know, deserve to know, deserve an answer, owe me, you owe, have to,
      got to, must, need you to, want you to, expect, demand, now, right now, immediately, asap,
      straight away, or else, or im, or i will, otherwise, ultimatum, last time, last chance,
      final, make up your mind, yes or no, either, stop ignoring, why arent you, why wont you,
      why havent you, meet me, see me, come over, talk to me, we need to talk, face to face`),
    verbs('answer, reply, respond, decide, demand, insist, expect'),
  ),
  concept(
    'time',
    words(`now, right now, tonight, today, tomorrow, this weekend, weekend, by, until, till, before,
      deadline, hours, hour, minutes, minute, days, day, week, weeks, midnight, morning, evening,
      friday, saturday, sunday, monday, tuesday, wednesday, thursday, end of the day, asap, soon,
      already, yet, still, waiting, wait, been waiting, o clock, oclock, pm, am`),
  ),
  concept(
    'presence',
    words(`outside, your place, your door, your house, your flat, your work, your office, at work,
      come over, coming over, drive over, show up, turn up, on my way, im coming, waiting outside,
      outside your, be there, ill be there, in person, see you, meet, meet up, drop by, stop by`),
    verbs('show up, turn up, drop by, stop by, wait'),
  ),
  concept(
    'silence',
    words(`ignore, ignoring, ignored, silence, silent, no reply, no answer, no response, not replying,
      not answering, left on read, on read, read my, seen my, saw my, havent heard, not heard,
      messages, texts, calls, times, days now, still nothing, nothing back, ghosting, ghosted,
      unblock, blocked, blocking`),
  ),
  concept(
    'guilt',
    words(`hope youre happy, hope your happy, happy now, proud of yourself, after everything,
      after all, all i did, everything i did, i gave, gave up, sacrificed, wasted, best years,
      because of you, look what, what you did to me, cant sleep, cant eat, havent eaten, crying,
      cried, cry, tears, sick, hospital, alone, all alone, lonely, no one cares, nobody cares,
      must be nice, must be easy, you dont care, you never cared, guess i, guess you, i guess,
      thanks for nothing, owe, owe me, debt, paid, pay, kids, the kids, children, your mum,
      your mom, your family, everyone knows, everyone thinks, people know, tell everyone, ruined`),
  ),
  concept(
    'jealousy_bait',
    words(`date, dating, went out, night out, asked me out, someone, somebody, someone new, new guy,
      new girl, guy, girl, met someone, seeing someone, with someone, hot, cute, flirting, flirted,
      moved on, moving on, better than you, treats me better, just saying, fyi, not that you care,
      in case you were wondering, wondering, 😏, 😉, 😘, 🔥, 💅, 🥂, 🍷, party, amazing night,
      best night, having fun, so much fun, ex, my ex, new number`),
  ),
  concept(
    'self_worth_attack',
    words(`no one else, nobody else, no one will, nobody will, never find, wont find, lucky, lucky to,
      good luck, good luck finding, put up with you, deserve, dont deserve, not good enough,
      youll regret, you will regret, regret this, biggest mistake, mistake of your life, youll see,
      end up alone, die alone, be alone, nobody would, who would, worthless, unlovable, damaged,
      you need me, without me, you cant, youre nothing`),
  ),
  concept(
    'gaslight',
    words(`never happened, didnt happen, thats not what happened, not how it happened, not how it went,
      remembering it wrong, remember it wrong, misremember, imagining things, making it up, made it up,
      crazy, overreacting, too sensitive, so sensitive, dramatic, youre imagining, in your head,
      you always exaggerate, its all in your head, thats not true, not true, wrong`),
  ),
  concept(
    'wrong_person',
    words(`wrong number, wrong person, wrong chat, meant to send, wasnt meant for you, not meant for you,
      oops, whoops, ignore that, sorry wrong, sent to the wrong`),
  ),
  concept(
    'past_conflict',
    words(`fight, fights, argument, arguments, row, rows, breakup, break up, broke up, broken up,
      ended, ended it, ended things, ending, split, split up, left, leaving, walked out, that night,
      last night, the night, back then, that time, that day, what happened, happened, history,
      for the record, on record, point by point, reasons, reason, why, who was right, who started,
      who was wrong, whose fault, your side, my side, the truth, really happened, go over, go through,
      talk about it, talk it through, explain, explanation, closure, understand why, makes no sense,
      no sense, unfair, over nothing, over something, blown out of proportion, should have, shouldnt have,
      if only, still think, still dont understand, still cant believe, replaying, rereading, remember when`),
  ),
  concept(
    'feeling',
    words(`feel, feeling, feelings, felt, hurt, sad, lonely, alone, scared, afraid, anxious, nervous,
      ashamed, embarrassed, guilty, angry, upset, frustrated, disappointed, confused, lost, overwhelmed,
      heartbroken, miserable, happy, glad, grateful, relieved, proud, hopeful, calm, peaceful, worried,
      jealous, insecure, unheard, unseen, invisible, small, sorry, regret, miss, missed, missing`),
  ),
  concept(
    'other_feelings',
    words(`your feelings, you feel, you felt, you were feeling, must have been, must be, must feel,
      sounds, sounded, seems, hard for you, tough for you, difficult for you, for you, on you,
      understand, understandable, makes sense, made sense, i can see, i see, i hear you, i get it,
      i get why, valid, fair enough, youre right, you were right, you had every right, right to be,
      of course you, no wonder, i imagine, i can imagine, cant imagine, how hard, how painful,
      how lonely, how scary, how much, your side, your point, your perspective, what you went through,
      what youre going through, going through, been through, im sorry about, sorry to hear, so sorry about`),
  ),
  concept(
    'space',
    words(`no need to reply, no need, no pressure, take your time, whenever, if you want, if you like,
      only if, when youre ready, if youre ready, up to you, your call, totally fine, its fine,
      i understand if, understand if not, no rush, in your own time, dont have to, you dont have to`),
  ),
  concept(
    'kindness',
    words(`thank you, thanks, grateful, appreciate, appreciated, congrats, congratulations, well done,
      proud of you, happy for you, glad, hope youre well, hope you are well, hope youre ok, take care,
      all the best, best wishes, wish you, kind, kindness, lovely, wonderful, good luck`),
  ),
];
