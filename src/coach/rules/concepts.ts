/**
 * Concept lexicons the problem rules combine (issue 12: "describe each problem category by
 * the concepts and shapes that make it"). A concept is a list of words or short phrases in
 * normalized form (lowercase, no apostrophes, texting forms already expanded by
 * normalize.ts); verb inflections and the dropped-g texting form ("laughin") are generated,
 * not listed. A rule is a shape over concepts: who is the subject, which concept follows,
 * in which sentence type. A miss becomes an entry here, never one more sentence pattern.
 *
 * `alt` turns a concept into a regex group for a rule's pattern. Entries are plain words, so
 * every alternative starts with a known word and the engine's first-word index (see
 * first-words.ts) still tries each pattern only where one of its words occurs.
 */
import { verbForms } from '../learned/lexicons.js';

const list = (text: string): string[] =>
  text
    .trim()
    .split(/\s*,\s*|\s*\n\s*/)
    .filter((w) => w !== '');

/** Texting drops the g: laughing → laughin (the normalizer does not restore it). */
const withTexting = (forms: string[]): string[] =>
  forms.flatMap((f) => (/ing\b/.test(f) ? [f, f.replace(/ing\b/, 'in')] : [f]));

/** Every form of each verb phrase: base, -s, -ed, -ing, and the texting -in. */
const verbs = (text: string): string[] => withTexting(list(text).flatMap(verbForms));
/** Only the -ing forms (and texting -in): "you are laughing at me". */
const gerunds = (text: string): string[] => withTexting(list(text).map((v) => verbForms(v)[3]!));

const escapeRegex = (phrase: string): string => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A concept as a non-capturing regex group, longest phrase first so the longest reading wins.
 *
 * @example
 * new RegExp(`\\b${alt(['making a mistake', 'pathetic'])}\\b`).test('so pathetic'); // true
 */
export function alt(...concepts: readonly (readonly string[])[]): string {
  const phrases = [...new Set(concepts.flat())].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `(?:${phrases.map(escapeRegex).join('|')})`;
}

/* ---------------------------------------------------------------- who is the subject */

/** The ex as the subject of a state: "you are", "youre", "ur" (→ your), "you have been". */
export const YOU_ARE = list(`you are, youre, your, you were, youve been, you have been, you been, you`);

/** Hedges and intensifiers that may sit between the subject and what it is said to be. */
export const FILLER = list(`just, really, so, literally, honestly, actually, clearly, obviously, truly,
  seriously, basically, probably, still, always, being, acting, also, even, now, totally`);

/** Claims to know what the ex is thinking or doing: the frame of mind-reading contempt. */
export const MIND_READING = list(`i bet, bet, im sure, i am sure, i know, i just know, i guess,
  i suppose, i imagine, probably, no doubt, clearly, obviously, you must be`);

/* ---------------------------------------------------------------- blame */

/** A negative verdict on what the ex is or is doing (after a "you are" subject). */
export const NEGATIVE_EVALUATION = [
  ...list(`making a mistake, making a big mistake, making a huge mistake, making the biggest mistake,
    making the worst mistake, making a terrible mistake, making a massive mistake, making the wrong choice,
    making a fool of yourself, making it worse, making everything worse, making this harder,
    throwing it away, throwing everything away, wasting my time, being ridiculous, being dramatic,
    being childish, being petty, being unfair, being cruel, being selfish, being difficult,
    being a coward, being a child, being a baby, being so cold, acting like a child, acting like this,
    out of your mind, too hasty, foolish, delusional, in denial, kidding yourself, fooling yourself,
    lying to yourself, such a joke, a joke, a disappointment, an embarrassment, impossible to talk to,
    impossible to love, so full of yourself, full of it, full of shit, no better, all talk`),
];

/** What mind-reading contempt imagines the ex doing or feeling about the writer. */
export const IMAGINED_CONTEMPT = [
  ...gerunds(`laugh at me, laugh about me, laugh about this, laugh about it, love this, love every minute,
    enjoy this, enjoy every minute, enjoy watching me, celebrate, gloat, smirk, mock me, make fun of me,
    roll your eyes, talk about me, laugh with him, laugh with her`),
  ...list(`glad im gone, glad i am gone, happy im gone, relieved, loving life without me, over me already,
    not even thinking about me, forgot about me, forgotten about me, couldnt care less, dont even care,
    do not even care, dont care, never cared, never even cared, thrilled, proud of yourself`),
];

/** Blame without "you": "we never did anything", "I never get any help". */
export const WE_NEVER_DID = list(`did anything, do anything, did anything together, went anywhere,
  go anywhere, went out, go out, had fun, have fun, talked, talk, spent time, spend time, did stuff,
  got any help, get any help, got any support, get any support, got any thanks, get any thanks,
  got any credit, get any credit, got a say, get a say, had a say, have a say, came first, come first`);

/** What the ex did, said as a charge when the ex is the subject: "you forgot my birthday". */
export const BAD_ACT = list(`forgot, skipped, ditched, dumped, binned, blanked, ghosted, abandoned, betrayed,
  humiliated, belittled, mocked, insulted, embarrassed, neglected, bailed on, walked out on, lied to,
  cheated on, stood me up, stood up`);
/** Whom or what the charge is about. */
export const BAD_ACT_OBJECT = list(`me, my, us, our, her, him, it, everything, them`);

/** Sarcastic applause: "real mature", "love that for me", "cool cool cool". */
export const SARCASM = list(`real classy, very classy, so classy,
  real mature, really mature, love that for me, cool cool, truly touching, how touching, nice going, big of you,
  what a surprise, surprise surprise, shocker, color me shocked, colour me shocked,
  who could have guessed, who would have guessed,
  far too busy to, way too busy to, much too busy to`);

/* ---------------------------------------------------------------- pressure */

/** Contact the writer asks of the ex's time or presence. */
export const CONTACT_ASK = list(`talk, meet, meet up, see you, see each other, call, call me, facetime,
  hang out, grab a coffee, get a coffee, grab coffee, get coffee, get a drink, grab a drink, have a drink,
  come over, come round, come by, video call, speak, chat, have dinner, get dinner, get lunch, do dinner`);

/** Near times that make a request a demand on their time. */
export const SOON = list(`tonight, today, now, right now, tomorrow, tmrw, this evening, this afternoon,
  this weekend, this week, later, later today, asap, soon, in an hour, after work, first thing`);

/** Ways of not answering: what the writer counts or foresees the ex doing. */
export const SILENCE = [
  ...verbs(`ignore me, ghost me, blank me, leave me on read, block me, mute me, freeze me out`),
  ...list(`not answer, not reply, not respond, not text back, not talk to me, not speak to me,
    pretend i dont exist, act like i dont exist, give me the silent treatment`),
];

/** Counting the ex's silence: "3 days no reply", "five weeks and not a word", "read 2:14pm". */
export const NO_ANSWER = list(`no reply, no replies, no answer, no response, no word, not a word,
  not one word, not one reply, not a single reply, not a single word, nothing, nothing back,
  still nothing, and nothing, zero replies, zero response, no text back, not even a reply,
  not even a text, not even a thumbs up, with no reply, without a reply, without a word`);
export const SPANS = list(`days, weeks, months, hours, texts, messages, calls, emails, letters,
  voicemails, times, day, week, month, hour`);

/* ---------------------------------------------------------------- manipulation */

/** Denying the ex's memory or perception (gaslighting). */
export const REALITY_DENIAL = list(`remembering it wrong, remembering things wrong, remember it wrong,
  remember it all wrong, remembering it all wrong, misremembering, making it up, making that up,
  making stuff up, making things up, made it up, made that up, made stuff up, made all that up,
  making it all up, imagining things, imagining it, imagining that, mixing it up, mixing things up,
  confusing it with, rewriting history, rewritten history, twisting it, selective memory,
  all in your head, up in your head, not how it went, not how it happened, not what happened,
  never happened, didnt happen, did not happen, not how it was`);

/** A night out or a new person, the event jealousy bait is built on. */
export const JEALOUSY_EVENT = withTexting(
  list(`night out, went out, going out, out with, drinks with, drinks w,
  a date, on a date, went on a date, date with, dinner with, hanging out with, hanging out w,
  hung out with, party with, threw me a party, someone new, a new guy, a new girl, new guy, new girl,
  gave me her number, gave me his number, asked for my number, asked me out, hit on me,
  wont stop talking to me, flirting with me, met someone, met this guy, met this girl, hanging out,
  having drinks, going on a date, was talking with me, were talking with me, were talking to me,
  with someone, a drink with someone, drinks with someone, dinner with someone, someone from work`),
);

/** The boast or wink that turns news about a night out into bait. */
export const BOAST = list(`amazing, incredible, so much fun, best night, great night, the best,
  really sweet, so sweet, so cute, really cute, hot, gorgeous, charming, attentive, pretty great,
  really close, so close, just saying, just fyi, fyi, just so you know, just thought you should know,
  thought you should know, in case you were wondering, not that you care, just shows, just to say,
  hear it from me, first time in ages, laughed like that, nothing serious`);
/** Emoji that wink at the reader; matched at the end of the bait, never as its first word. */
export const WINK = ['😏', '😉', '😘', '👀', '😜', '💅'];

/** A "message for someone else", sent to the ex on purpose. */
export const WRONG_RECIPIENT = list(`wrong chat, wrong number, wrong person, wrong convo, wrong thread,
  wrong conversation, meant for someone else, meant to send this to, was for my cousin,
  was meant for my friend, was not for you, wasnt for you, wasnt meant for you, that was meant for,
  this was meant for, force of habit`);

/** Nobody else will want them: an attack on their worth. */
export const NOBODY = list(`no one else, nobody else, no one, nobody, no other guy, no other girl,
  no other man, no other woman, whoever you end up with, whoever youre with`);
export const PUT_UP_WITH = [
  ...verbs(`put up with you, put up with your, want you, love you like i, love you the way i,
    deal with you, handle you, tolerate you, stand you, want a woman, want a man`),
];

/** Debts: "the least you could do", "you owe me". */
export const DEBT = list(`the least you could do, the least you can do, the least you could have done,
  you owe me at least, owe me a convo at least, count for something, counts for something,
  surely that counts, surely those count`);

/* ---------------------------------------------------------------- rehash */

/** Verbs and phrases for how the relationship ended. */
export const ENDED = list(`break up, broke up, split up, end it, ended it, end things, ended things,
  end us, ended us, leave me, left me, leave us, left us, walk out, walked out, move out, moved out,
  give up on us, gave up on us, fall apart, fell apart, get with me, got with me, date me, dated me,
  cheat, cheated, stop loving me, stopped loving me, fall out of love, fell out of love, get bored,
  got bored, throw it away, threw it away, throw us away, threw us away`);

/** Who did it: a blaming question about the past ("who started it", "who cheated again"). */
export const WHO_DID_IT = list(`started it, started the fight, started that fight, started the argument,
  ended it, ended things, ended the good times, ended us, cheated, cheated first, walked out,
  gave up, gave up first, ruined it, ruined everything, messed it up, screwed it up, broke it,
  lied, lied first, walked away`);

/** Cause markers that turn the breakup into an argued case. */
export const CAUSE = list(`over, because, because of, cause, cos, due to, thanks to`);

/* ---------------------------------------------------------------- blind apology */

/** A bare admission: owning up in words that name no behaviour. */
export const BARE_ADMISSION = list(`messed up, messed it up, messed things up, messed everything up,
  screwed up, screwed it up, screwed things up, fucked up, fucked it up, effed up, blew it, was wrong,
  made a mistake, made mistakes, got it wrong, got things wrong, did wrong, was an idiot, was a jerk,
  was stupid, was an asshole`);

/** Dismissive tags that close a bare admission: "I messed up, ok?". */
export const DISMISSIVE_TAG = list(`ok, okay, alright, all right, fine, happy now, so what, whatever,
  get over it, move on, what more do you want, enough, there i said it, i said it, you win`);

/* ---------------------------------------------------------------- more shapes */

/** A counter-charge that answers an admission with theirs: "but neither were you". */
export const COUNTER_CHARGE = list(`neither were you, neither did you, nor were you, neither are you,
  you werent perfect, you werent perfect either, you werent exactly, you werent innocent,
  you werent a saint, you arent perfect, you arent perfect either, you arent exactly a saint,
  youd have done worse, youd have done way worse, you would have done worse, you would have done the same,
  youd have done the same, what did you expect, you know how you get, unlike some people,
  thats who you are, i guess thats who you are, like you always do, like you always did`);

/** Someone else recruited to the writer's side: the third party of triangulation. */
export const THIRD_PARTY = list(`your mum, your mom, your mother, your dad, your father, your sister,
  your brother, your aunt, your uncle, your nan, your grandma, your family, your friends, your parents,
  my mum, my mom, my mother, my dad, my sister, my brother, my family, my friends, my parents,
  our friends, all our friends, everyone, everybody, the kids, our kids, the children, even your brother,
  even your sister, even your mum, even your mom`);
/** What the third party is said to think or feel about the two of you. */
export const THIRD_PARTY_VERDICT = list(`all agree, agrees with me, all said so, said so, thinks youre,
  thinks you are, thinks youve been, thinks you were,
  would be disappointed, would be so disappointed, would be really disappointed, is devastated, was devastated,
  looked really sad, looked so sad, is so sad about us, wants us back together, want us back together,
  wants us together, told me we were, told me you still, told me you are still, keeps asking why,
  is kinda mad at you, is mad at you, is angry with you, took my side, is on my side`);

/** The children (or a pet) made to carry the writer's plea. */
export const CHILD_LEVERAGE = list(`keeps asking why, keep asking why, asking why daddy, asking why mummy,
  asking why mommy, asking why you, cried herself to sleep, cried himself to sleep, cried themselves to sleep,
  needs their father back, needs their mother back, need their father back, need their mother back,
  need their dad back, need their mum back, need their parents together, deserves his parents together,
  deserves her parents together, deserve their parents together, wants you to come home,
  want you to come home, for the kids sake, for the childrens sake, think about him for once,
  think about her for once, think about them for once, grow up in two houses, cries at the door,
  keep asking when, keeps asking when, kept looking for you, kept asking for you, keeps asking for you,
  what am i supposed to tell them, what am i supposed to tell her, what am i supposed to tell him,
  what am i supposed to tell the kids, the kids will remember, so will the kids, asking why youre ignoring,
  asking why you are ignoring`);

/** Martyrdom: suffering displayed so they feel it. */
export const MARTYRDOM = list(`dont mind me, sorry for existing, glad one of us is, glad someone is,
  im used to it, used to it by now, not that you care, not that you would care, not that youd care,
  hope youre proud, hope your proud, hope youre proud of yourself,
  hope you can sleep, ill just be here, ill just sit here, just sit here and wait, like a good little,
  how well youre doing, this is how you treat me, this is how you thank me, this is how you repay me,
  is that how you treat, is that really how you treat, how you treat someone, while i pick up the pieces,
  must be nice, thanks for nothing, good for one of us, hope youre happy now, hope you are happy now,
  nobody can stand me, no one can stand me, not that youll care, not that you will care, the only one that tries,
  the only one who tries, the only one trying, i was always the one who, i was always the one that,
  im always the one who, you are my only family, youre my only family, i dont have nobody, i have nobody here,
  i have no one here, not that anyones counting, not that anyone is counting, destroyed the whole family,
  destroyed this family, destroyed our family, tore this family apart, broke this family, havent eaten since,
  havent slept since, lost nearly a stone, lost a stone, i gave up my job, gave up my job to, gave up everything for you,
  i gave up everything, i moved here for you, came here for you, left everything for you,
  i always got back to you, i always replied, i always answered`);

/** A deadline word after "by", "before", "past", "within". */
export const DEADLINE = list(`tonight, tomorrow, today, the weekend, this weekend, the end of the week,
  the end of the day, the end of the month, midnight, noon, monday, tuesday, wednesday, thursday, friday,
  saturday, sunday, the week, a week, the month, next week`);

/** A conditional ultimatum: "if I don't hear back", "or I'm asking someone else". */
export const ULTIMATUM =
  list(`if i dont hear back, if i dont hear from you, if you dont reply, if you dont answer,
  if you dont respond, taking it as a no, take that as a no, take it as a no, or im asking someone else,
  or ill ask someone else, or im moving on, or im done, all or nothing, just say yes, please say yes,
  not waiting past, not waiting beyond, not waiting after, the offer expires, offer ends`);

/** A counterfactual about the past: the case for what should have been. */
export const COUNTERFACTUAL = list(`none of this would have happened, none of this wouldve happened,
  this would never have happened, that would never have happened, it would never have happened,
  wouldnt have happened, would not have happened, we would still be together, wed still be together,
  we would still be married, wed still be married, we wouldve still been together, wed still be a couple, we wouldnt be in this mess, we would not be in this mess,
  wouldnt be in this mess, wouldnt be in this situation`);

/* ---------------------------------------------------------------- meaning, second pass (cat-b11 to b14) */

/** Passive-aggressive politeness: a courteous or resigned frame around a dig. */
export const PASSIVE_AGGRESSIVE = list(`but what do i know, what do i know, not that anyones counting,
  not that anyone is counting, not that im counting, story of our marriage, story of our relationship,
  story of us, make it make sense, genuine question, very mature, so mature, per my last email,
  per my last message, as per my last, would have been nice to hear, wouldve been nice to hear,
  would have been nice to know, wouldve been nice to know, would have been nice rather than,
  thats how its always been, how its always been, thats how it always is, funny how you,
  funny how some people, some people always`);

/** Contempt put as a question or a verdict on the ex's conduct: "who does that". */
export const CONTEMPT_QUESTION = list(`is this a game to you, is this a joke to you, who does that,
  who even does that, who does this, what kind of person, what kind of mother, what kind of father,
  whats wrong with you, what is wrong with you, do you even care, do you actually care, do you even know,
  do you actually know, do you even remember, are you even listening, how hard is it, how hard can it be,
  is it really that hard, meant nothing to you, meant nothing for you, and im the one with,
  and i am the one with, and im the problem, and im the bad guy, im the one explaining, im the one who has to, stop pretending,
  quit pretending, dont pretend youre, dont pretend you are`);

/** What the ex did, as a verb phrase with the ex as its subject: "you checked out", "you let it go". */
export const EX_CONDUCT = [
  ...verbs(`stop trying, throw everything away, throw everything in, throw it all away,
    let them ruin, let it go like, replace people, push and push, put the headphones on, never fight for us,
    let your friends`),
  ...list(`checked out after, checked out on us, checked out on me, checked out of us, checked out of the marriage,
    checked out of the relationship, checked out emotionally, checked out long, hurt me too, didnt fight for us, did not fight for us, didnt even fight, never fought for us,
    put the headphones`),
];

/** Whom the ex made time for instead: the contrast that turns a description into a charge. */
export const OTHERS = list(`everyone, everyone else, everybody, everybody else, your friends, the friends,
  your mates, the lads, the girls, work, them, other people, anyone else, anybody else`);

/** What the ex is charged with being "the one who" did. */
export const ONE_WHO_ACTS = verbs(`stop trying, give up, want space, want out, leave, end it, walk out, cheat,
  decide, choose, quit, check out, pull away, move out, lie, start it`);

/** Debts of the past: "after everything I did for you". */
export const AFTER_ALL =
  list(`after everything i did, after everything ive done, after all i did, after all ive done,
  after all i have done, after everything i have done, after everything i paid, after all i paid,
  after everything i gave, after all i gave up, after everything i gave up, after all ive given,
  after all the times i`);

/** Telling the ex what they feel or do: the claim to know their mind. */
export const FEELING_CLAIM = list(`i know you still love me, i know you still care, i know you still miss me,
  i know you still want me, i always know, ill know you never cared, ill know you dont care,
  ill know you never loved me, then ill know you never, ill know it meant nothing, was any of that real, was any of it real, was it ever real, was it all fake,
  all of it was fake, it was all fake, was i just convenient, i was just convenient`);

/** A threat dressed as news: "I'll find out anyway", "you'll regret it". */
export const THREAT =
  list(`ill find out anyway, ill find out eventually, ill find out either way, im telling everyone,
  ill tell everyone, i will tell everyone, everyone will know, youll regret it, you will regret it, youll regret this,
  you will regret this, youll be sorry, you will be sorry, just not bring them, not bring the kids,
  wont bring the kids, not let you see the kids, not let you see them, you wont see the kids`);

/** Insisting on an answer or on contact, whatever the ex wants. */
export const INSIST = list(`reply please, please reply, pick up this time, answer this time, i need an answer,
  i have right to know, i have a right to know, i deserve to know, so which is it, to know where i stand,
  whether you want to or not, like it or not, doesnt matter if its inconvenient, doesnt matter if its not convenient,
  if you come you come, ill keep texting, i will keep texting, ill keep calling, ill keep messaging,
  not stopping til, not stopping till, not stopping until, im not stopping, not giving up until,
  if i hear nothing, if i dont hear anything, ill take it youre not bothered, ill take it you dont care,
  but cant text me back, but cant text back, but cant reply, on seen, if you dont give us another,
  if you dont give me another, if you dont give us a second, if you wont give us another`);

/** What the writer has sent: counted, as a charge. */
export const SENT = list(
  `texts, text, emails, email, messages, message, calls, call, voicemails, voicemail, letters, letter`,
);

/** Pleading that bargains for any terms: "I'll do whatever you want". */
export const PLEAD = list(`i do anything for you to, just say yes, can we just go back, cant we just go back,
  go back to normal, what if we just, what if we tried, a trial thing, thats all im asking, all im asking is, just one coffee,
  one coffee, dont give up of us, dont leave me alone`);

/** Recalling what the ex said or did, to argue it again. */
export const PAST_RECALL = list(`remember when you said, remember when you told me, remember what you said,
  remember what you told me, remember the night you, remember the day you, remember the time you,
  still remember the night, still remember what you, i remember every word,
  it was never about, hold what i said against me, hold it against me, hold that against me,
  tell me what i did wrong, tell me at least what i did wrong, what did i do wrong, was never really about, it was never really about,
  who was too much, how last summer went, how last time went, how last christmas went`);
