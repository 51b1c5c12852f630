/**
 * Crisis: self-harm or suicidal language. These rules form their own set: no negation
 * policy, quote skipping, dismissal or setting silences them, and any match stops the
 * coaching (verdict `stop`) so the UI shows crisis resources at once.
 *
 * Patterns run on normalized text (lowercase, no apostrophes, no accents, shorthand
 * expanded), so "i dont wanna be here anymore", "I DON’T want to be here any more" and
 * "no quiero vivir" all reach them. They aim at what a person in danger actually writes,
 * including texting style and other languages; the exceptions hold only for clear figures
 * of speech ("dying to see it", "killing it at work", "kill myself laughing"). When in
 * doubt a crisis rule fires: a false alarm costs a moment, a miss can cost a life.
 */
import type { Rule, RuleException, SuggestionTemplate } from '../types.js';

const MESSAGE = 'This sounds like you might be thinking about hurting yourself or not wanting to live.';
const EXPLANATION =
  'You matter far more than this message or this relationship. Please talk to someone now: a crisis line, ' +
  'emergency services if you are in danger, or a person you trust. Help is listed right here. The coach ' +
  'will not work on this draft; your safety comes first (P3 P15 P18).';

const SUGGESTIONS: SuggestionTemplate[] = [];

/** "dying of laughter", "want to die of embarrassment": the body of the figure follows "die". */
const DIE_OF_FIGURE: RuleException = {
  reason: 'figure of speech: die of laughter, embarrassment, boredom',
  pattern:
    /\b(?:die|died|dying|dead|death)(?: (?:a little|a bit|inside))? (?:of|from|with|laughing|due to) (?:laughter|laughing|embarrassment|shame|boredom|cuteness|jealousy|envy|excitement|happiness|joy|cringe|hunger|thirst|heat|the heat|the cold)\b/,
  scope: 'clause',
  examples: {
    flag: ['i want to die, i cant take this'],
    pass: ['i wanted to die of embarrassment when i tripped on stage'],
  },
};

export const rules: Rule[] = [
  {
    id: 'crisis/suicide',
    category: 'crisis',
    kind: 'stop',
    severity: 'critical',
    confidence: 0.97,
    patterns: [
      /\b(?:made up my mind|decided)\b.{0,30}\b(?:ending|end) (?:things|it|everything) (?:tonight|today|now)\b(?! with\b)/,
      /\bi (?:cant|cannot|can not) go on(?= *(?:[.!?]|$|any ?more|like this))/,
      /\b(?:ill|i will|i am going to|im going to) (?:finally )?be at peace (?:soon|tonight|forever|at last)\b/,
      /\b(?:im going to|im gonna|i will|ill|i want to) end (?:everything|it all)\b(?= *(?:[.!?,;]|$))/,
      /\b(?:youll|you will|everyone will|youll all|you all will) be (?:free|rid) of me (?:soon|forever|for good|at last|tonight)\b/,
      /\btell (?:my )?(?:mum|mom|dad|mother|father|sister|brother|kids|family|parents) (?:that )?(?:im|i am|i was) sorry\b|\btell (?:my )?(?:mum|mom|dad|kids|family) (?:that )?i love (?:her|him|them)\b/,
      /\b(?:standing|stood|sitting|sat) (?:at|on|near) the edge of (?:the )?(?:platform|bridge|roof|cliff|building|balcony|tracks)\b(?! (?:path|walk|top))/,
      /\b(?:take|took|taking|swallow|swallowed|swallowing) every (?:single )?(?:pill|tablet|painkiller)\b/,
      /\b(?:cant|cannot|can not|dont) see myself (?:being )?(?:alive|here|around) (?:next|by|in|at the end of|this time next)\b/,
      /\b(?:wrote|written|writing|made|finished|sorted) my will (?:last night|tonight|today|this morning|yesterday)\b/,
      /\b(?:im|i am) (?:at|on) the (?:bridge|cliff|cliffs|tracks|railway|roof)(?= *(?:[.!?,;]|$|now|right now))/,
      /\b(?:would|will|d) be (?:so much |much |a lot )?(?:easier|better|simpler) for (?:everyone|everybody|you|all of you|my family) if i (?:was|were) (?:dead|gone|not here|not around)\b/,
      /\bno point (?:to|in) (?:any of this|anything|any of it) any ?more\b.{0,30}\b(?:im|i am) (?:finished|done)\b/,
      /\b(?:saying|said|say) goodbye to (?:everyone|everybody|all the people|the people) i love\b/,
      /\b(?:dont|do not|cant|cannot|can not|no longer) see (?:a|any) future for (?:myself|me)\b/,
      /\b(?:it )?(?:wasnt|was not|isnt|is not|its not) your fault,? (?:whatever|no matter what) happens\b/,
      /\b(?:tonights|tonight is|today is|todays) the (?:night|day),? (?:ive|i have) decided\b/,
      /\b(?:drowning|suffocating|cant breathe|so much pain|unbearable|hurts too much)\b.{0,40}\bwant (?:it|this|it all|the pain) to (?:end|stop)\b/,
      /\bgiving (?:all )?(?:my|away my) (?:stuff|things|belongings|possessions) away\b(?! (?:before|because|to charity|when i move))|\bgiving away (?:all )?my (?:stuff|things|belongings|possessions) to (?:friends|people|everyone)\b/,
      /\b(?:thinking about|think about|thought about|want to|going to|gonna) jump(?:ing)?\b(?= *(?:[.!?,;]|$|off|from|in front))/,
      /\b(?:look after|take care of|feed|walk) (?:my|the) (?:cat|dog|kids|children|plants|pets?)\b[^.!?]{0,20}\bwhen (?:im|i am) gone\b/,
      /\bdisappear (?:for good|forever|for ever|permanently)\b|\bdont (?:come )?look(?:ing)? for me\b/,
      /\bi (?:have|ve got|have got|made) a plan\b[^.!?]{0,40}\b(?:going to|gonna|will) do it\b/,
      /\b(?:you|nobody|no one|they|everyone) (?:wont|will not|dont|do not) (?:have to|need to) (?:worry about|deal with|put up with|see) me (?:much longer|for much longer|any ?more|ever again|soon)\b/,
      /\btired of (?:everything|it all|life|living|being alive)\b.{0,60}\bwant (?:it|this|it all|everything) to (?:be over|end|stop)\b/,
      /\b(?:drank|drunk|had) (?:a |half a |the whole |a whole )?(?:bottle|lot|load)\b[^.!?]{0,30}\b(?:took|taken|swallowed) (?:some |a few |a bunch of |my |all my )?(?:pills|tablets|painkillers|sleeping pills)\b/,
      /\b(?:its|it is|it would be|itd be|maybe its|maybe it would be) (?:probably |just )?better (?:for everyone |for you |for everybody )?if (?:im|i am|i was|i were) (?:not |no longer )?(?:around|here|alive|gone)(?: any ?more)?\b(?! (?:when|while|for the|at the|during|on)\b)/,
      /\b(?:picturing|imagining|planning|thinking about|think about|thought about) my (?:own )?funeral\b/,
      /\b(?:wish i could|want to|wanna|i could) (?:just )?(?:stop existing|not exist|cease to exist|vanish for good)\b/,
      /\b(?:thought|thinking|think) about how (?:i(?:d| would)|to) do it\b(?! (?:differently|better|again|right|properly|next time|the|with)\b)/,
      /\b(?:hold|holding|held|looking at|look at|stare at|staring at) (?:the |a |my )?(?:knife|blade|razor|pills|rope|gun)\b[^.!?]{0,30}\bthink(?:ing)? about (?:it|doing it|using it)\b/,
      /\b(?:im going to|im gonna|i will|ill|i want to|i need to|i just want to) make (?:it|the pain|everything|this|it all) stop\b/,
      /\b(?:looking up|looked up|googling|googled|searching|searched|researching|reading about) (?:how (?:many|much)|ways to|the best way to|how to) (?:\w+ ){0,3}?(?:pills|tablets|it takes to die|die|kill myself|end it|overdose)\b/,
      /\b(?:i dont think|im not sure|not sure) (?:ill|i will|i can|im going to) (?:make it|survive|last|get) through (?:tonight|the night|today|this night)\b(?! (?:shift|without|at work|meeting)\b)/,
      /\bthis is (?:my )?goodbye\b.{0,60}\b(?:thank you for everything|forever|for good|forgive me|take care of (?:mum|mom|the kids|my|everyone))\b/,
      /\b(?:im|i am) (?:so )?(?:scared|afraid|frightened|terrified|worried) (?:of )?what i (?:might|could|will|would|am going to|may) do\b(?! (?:at|in|with|about|if|to (?:him|her|them|you))\b)/,
      /\b(?:given|giving|gave) away (?:all )?(?:my|most of my) (?:things|stuff|belongings|possessions)\b[^.!?]{0,30}\bi (?:wont|will not) need (?:them|it|anything)\b/,
      /\bno (?:other )?way out (?:except|but|other than) (?:ending it|dying|death|to die|to end it|killing myself)\b|\bthe only way out is (?:to )?(?:die|death|ending it|end it)\b/,
      /\b(?:voices?|something|someone|they|it) (?:keep |keeps |is |are )?(?:telling|tell|tells|told) me to (?:hurt|kill|harm|cut|end) (?:myself|my self|me)\b/,
      /\b(?:i )?(?:bought|got|found|tied|made|have got|ive got) (?:myself )?(?:a |the |some )?(?:noose|rope)\b(?! (?:for|ladder|swing|light|toy|bridge|course|climb)\b)/,
      /\b(?:im|i am) (?:standing|sitting) on (?:the |a )?(?:roof|ledge|edge|bridge|railing|parapet)\b(?! (?:terrace|garden|bar|top bar|fixing|clearing|cleaning|repairing|painting|with)\b)/,
      /\b(?:ive |i have |i )?(?:written|wrote|writing) (?:letters|notes|goodbyes|a letter|a note) (?:to|for) (?:everyone|everybody|all of you|my family|my kids|each of you|the people i love)\b(?= *(?:[.!?,;]|$|and|so|already|now|just in case))/,
      /\b(?:kill|killing|killed|end|ending|off|offing|hang|hanging|shoot|shooting|unalive|unaliving) (?:my ?self|me self)\b/,
      /\b(?:kms|unalive|unaliving|unalived)\b/,
      // "suicide" itself, but not the figures and institutions around it: career suicide,
      // Suicide Squad, a suicide-prevention run. Lookarounds, so a real crisis in the same
      // clause still fires.
      /(?<!\b(?:social|career|political|commercial|professional|financial) )\bsuicid(?:e|al|ally)\b(?! (?:squad|doors?|run|mission|prevention|hotline|helpline|line|awareness|charity|research|rates?|statistics|bombers?|bombing|watch)\b)/,
      /\b(?:take|taking|took|end|ending|ended) my (?:own )?life\b/,
      /\b(?:end|ending) it all\b/,
      /\bend (?:everything|things) (?:for good|tonight|forever|permanently)\b/,
      /\b(?:overdose|overdosing|od on|swallow (?:all )?(?:the|my) pills|take all (?:the|my) pills|took all (?:the|my) pills)\b/,
      /\b(?:jump|jumping) (?:off|from|in front of) (?:a |the |that )?(?:bridge|building|roof|cliff|train|balcony|window|car|bus)\b/,
      /\bslit (?:my )?wrists?\b/,
      // pills taken or hoarded in quantity
      /\b(?:took|take|taking|taken|swallowed|swallow|swallowing|downed|popped) (?:a handful of|handfuls of|a bunch of|a bottle of|a whole (?:bottle|box|pack|packet) of|the whole (?:bottle|box|pack|packet)(?: of)?|all (?:of )?(?:my|the|those)|too many|way too many|a lot of|loads of|lots of|extra) (?:\w+ )?(?:pills|tablets|painkillers|meds|medication|medicine|sleeping pills|antidepressants)\b/,
      /\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|stashing|stashed) (?:up )?(?:my |some |all my |the |a lot of |enough )?(?:\w+ )?(?:pills|tablets|painkillers|meds|medication|sleeping pills|antidepressants)\b/,
      // driving or throwing oneself off, into or in front of something
      /\b(?:drive|driving|drove|crash|crashing|crashed|steer|steering|swerve|swerving|throw myself|throwing myself|step|stepping|walk|walking) (?:my car |the car )?(?:off|from|in front of|into) (?:a |the |that |some |oncoming )?(?:bridge|building|roof|cliff|train|balcony|window|tree|wall|traffic|lorry|truck|river|sea|lake|bus)\b/,
      // carbon monoxide: the car, the garage, the engine left on
      /\b(?:garage|exhaust)\b.{0,80}\bengine (?:running|on)\b|\bengine (?:running|on)\b.{0,80}\b(?:garage|not turn(?:ing)? it off|never turn(?:ing)? it off)\b/,
      /\b(?:wrote|written|writing|write|left|leave|leaving) (?:my |a |some |the )?(?:goodbye|farewell|suicide|last) (?:letters?|notes?)\b/,
      /\b(?:dont|do not|no longer|not) (?:even )?(?:think i )?deserve to (?:live|be alive|exist|be here|keep living)\b/,
      /\b(?:dont know|do not know|no idea|not sure|cant promise) what (?:ill|i will|i might|i would|id|im going to|im gonna|i could) do to my ?self\b/,
      /\b(?:i|ill|i will) (?:might )?(?:do something|do anything) (?:stupid |drastic |bad )?to my ?self\b/,
      /\bby the time you (?:read|see|get) this,? (?:i will|ill|im going to|i will already) (?:be )?(?:gone|dead)\b/,
      /\bthis is my (?:last|final) (?:message|goodbye|note) (?:ever|to anyone|before i go)\b/,
      // the means already at hand
      /\b(?:i have|ive got|i got|i have got|ive bought|i bought|i am holding|im holding) (?:the |my |all the |all my |enough |a )?(?:\w+ )?(?:pills|tablets|painkillers|rope|noose|razors?|blades?|gun)\b(?= (?:ready|right here|here with me|next to me|in front of me|lined up|counted out|in my hand|beside me)\b(?! for (?:your|his|her|their|the) (?:mum|mom|mother|dad|father|nan|gran|grandma|grandmother|grandad|grandpa|grandfather|sister|brother|son|daughter|kids|children|baby|patient|partner|wife|husband|friend|neighbour|neighbor)\b))/,
      /\b(?:the|my) (?:\w+ )?(?:pills|tablets|painkillers|rope|noose|razors?|blades?|gun) (?:is|are) (?:ready|right here|next to me|in front of me|lined up|counted out|in my hand|beside me)\b/,
    ],
    exceptions: [
      {
        reason: 'a small accident told after the fact',
        pattern:
          /\b(?:just a (?:scratch|dent|bump)|no one was hurt|nobody was hurt|nobody got hurt|minor (?:accident|bump)|the insurance|parking)\b/,
        scope: 'sentence',
        examples: {
          flag: ["I'm going to drive my car into a wall"],
          pass: ["I drove the car into the wall of the garage, just a scratch, don't worry."],
        },
      },
      {
        reason: "a pet's or a trip's medicine made ready",
        pattern:
          /\b(?:for (?:the|my|your|our) (?:dog|cat|puppy|kitten|pet|trip|holiday|flight|journey)|(?:the|my|your|our) (?:dogs|cats|puppys|pets)|vet)\b/,
        scope: 'sentence',
        examples: {
          flag: ['I have the pills ready.'],
          pass: ["I have the pills ready for the dog's trip to the kennel"],
        },
      },
      {
        reason: 'figure of speech: kill myself laughing',
        pattern: /\bkill(?:ing|ed)? (?:my ?self|me self) (?:laughing|with laughter|from laughing)\b/,
        scope: 'clause',
        examples: {
          flag: ['i want to kill myself'],
          pass: ['I nearly killed myself laughing at your dog video'],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: true,
    message: MESSAGE,
    explanation: EXPLANATION,
    principles: ['P3', 'P15', 'P18'],
    suggestions: SUGGESTIONS,
    examples: {
      flag: [
        "I've made up my mind, I'm ending things tonight",
        "I can't go on. I'm sorry.",
        "don't worry about me, I'll be at peace soon",
        "i'm so done, i'm going to end everything",
        "you'll be free of me soon",
        "tell my mum I'm sorry",

        "I've been standing at the edge of the platform watching the trains",
        "I'm going to take every pill in the cabinet",
        "i can't see myself being alive next year",
        'I wrote my will last night',
        "I'm at the bridge",
        'it would be easier for everyone if I was dead',
        "there's no point to any of this anymore, I'm finished",
        "I'm saying goodbye to everyone I love",

        "I don't see a future for myself anymore",
        "I'm writing this because I want you to know it wasn't your fault, whatever happens",
        "tonight's the night, I've decided",
        "I feel like I'm drowning and I want it to end",
        "I've started giving my stuff away to friends",
        "I'm thinking about jumping",
        "please look after my cat when I'm gone",
        "I'm going to disappear for good, don't look for me",

        "I have a plan and I'm going to do it this weekend",
        "you won't have to worry about me much longer",
        "I'm so tired of everything. I just want it to be over.",
        'I drank a bottle of wine and took some pills',
        "maybe it's better if I'm not around anymore",
        'I keep picturing my own funeral and who would come',
        'i wish i could just stop existing',
        "I've thought about how I'd do it",
        'sometimes I hold the knife and think about it',

        "I can't do this anymore. I'm going to make it stop.",
        "I've been looking up how many pills it takes",
        "I don't think I'll make it through tonight",
        'this is goodbye. thank you for everything you gave me.',
        "I'm scared of what I might do",
        "i've given away my things, i won't need them",
        "there's no way out except ending it",

        'The voices keep telling me to hurt myself',
        'i bought a rope today',
        "I'm standing on the roof right now",

        "I've written letters to everyone. I'm so tired.",

        'I want to kill myself',
        'honestly i might just kms',
        'im gonna unalive myself',
        'I have been feeling suicidal since you left',
        'took a whole bottle of painkillers an hour ago',
        'ive been stockpiling my meds',
        'i keep picturing steering into oncoming traffic',
        'i wrote a goodbye note for my sister',
        'i dont deserve to live',
        "if you leave i don't know what ill do to myself",
        "I'm going to end it all tonight",
        "I've thought about taking my own life",
        'by the time you read this ill be gone',
        "I'm not going to kill myself, I just wanted you to know how bad it is",
        'she said "i want to kill myself" and I said the same',
        'I called the suicide hotline because I want to kill myself',
        "I have the pills ready. I just wanted you to know it's not your fault.",
        'the rope is ready',
      ],
      pass: [
        "I've made up my mind, I'm taking the job in Leeds.",
        "I can't go to the parents' evening, could you?",
        "Dad's finally at peace after a long illness, thank you for the flowers.",
        "You'll be free of my boxes by Friday, promise.",
        'Tell your mum I said hello.',

        "I'm at the bridge club, back at nine.",
        "I wrote my will last year with the solicitor, it's all in order for the kids.",
        "I can't see myself living in the city next year, I want the coast.",
        'Standing at the edge of the cliff path at sunset was breathtaking.',
        'It would be easier for everyone if we swapped weekends in May.',
        'My grandad is saying goodbye to his old house this weekend.',

        "I don't see a future for us, and I've made my peace with that.",
        "Tonight's the night of the big match, wish me luck!",
        "I feel like I'm drowning in paperwork this month.",
        "I'm thinking about jumping at the chance to move to Lisbon.",
        "Please look after my cat when I'm away next week?",
        "I'm going to disappear for a week to the mountains.",
        "I'm giving my stuff away before I move to Canada.",

        'I have a plan for the garden this weekend, finally.',
        "I took some pills for my headache and I'm fine now, thanks for asking.",
        "It's better if I'm not around when you pick up the kids.",
        "I've thought about how I'd do it differently next time.",
        'The funeral was beautiful, your aunt would have loved it.',

        'I looked up how many tablets the vet said the dog needs.',
        "I don't think I'll make it through the night shift without coffee.",
        'This is goodbye from me on the group chat, I am leaving it.',
        "I'm scared of what I might do at the interview, I always freeze.",
        "I've given away my things to charity before the move.",

        'I bought a rope for the tent and a new ground sheet.',
        "I'm sitting on the roof terrace with a coffee, the view is lovely.",
        'My physio keeps telling me to stretch more.',

        "I've written letters to everyone on the committee about the bake sale.",

        "I'm killing it at work these days",
        'we watched Suicide Squad last night',
        'I nearly killed myself laughing at your dog video',
        'Quitting my job now would be career suicide',
        'I have the tablets ready for your mum, she asked me to pick them up at the pharmacy',
        'This week is killing me',
        'I took too many photos of the sunset, sorry for spamming you',
        'Mum is saving up for a new car',
        "I'm not sure what I'll do this weekend",
        "I'm running for a suicide prevention charity in memory of my cousin",
      ],
    },
  },
  {
    id: 'crisis/wish-to-die',
    category: 'crisis',
    kind: 'stop',
    severity: 'critical',
    confidence: 0.95,
    patterns: [
      /\b(?:im|i am) (?:so |just )?done with (?:life|living|being alive|this life|this world)\b/,
      /\b(?:want|wanna|wanted|wish i could|just want|need) to (?:go to )?sleep (?:forever|for ever|permanently)\b/,
      /\b(?:im |i am )?(?:gonna|going to|will|ill|about to) end it (?:tonight|today|now|all)\b(?! with\b)/,
      /\bwant (?:it all|everything|the pain|all of it|all this|this all) to (?:stop|end) (?:for good|forever|permanently)\b|\bno point (?:in|to) anything any ?more\b/,
      /\b(?:i|i just|i really|i honestly|part of me|sometimes i|i kind of|i kinda) (?:want|wanted|wish|need) to (?:die|be dead|not exist|not be alive|not wake up|disappear forever|stop existing)\b/,
      /\bwant to die\b/,
      /\b(?:i wish|wish) i (?:was|were|could be) (?:dead|gone for good|never born)\b/,
      /\bwish i (?:had never been|hadnt been|was never|wasnt) born\b/,
      /\b(?:id|i would|i had) rather (?:be dead|die|not exist|not be alive|not be here)\b/,
      /\b(?:dont|do not|no longer|dont even|not) want to (?:live|be alive|exist|wake up(?! (?:early|at|before|until|in time|on time|for|so))|keep living|go on living)\b(?! without (?:you|him|her|them)\b)/,
      /\b(?:dont|do not|no longer|not) want to be (?:here|around|on this earth|in this world)(?: (?:anymore|any more|no more|much longer))\b/,
      /\b(?:cant|cannot|can not|dont want to) (?:go on|keep going|carry on) (?:living|with (?:my )?life)\b/,
      /\bcant (?:do this|take (?:it|this)|handle (?:it|this)|cope) any ?more\b(?=.{0,60}\b(?:living|alive|die|dead)\b)/,
      /\b(?:no|nothing|no one|nobody) (?:reason |point )?(?:left )?(?:to live for|in living|living for)\b/,
      /\b(?:no|whats the) (?:point|reason) (?:in |of )?(?:me )?(?:even )?(?:living|being alive|being here|going on|life)\b/,
      /\blife (?:without (?:you|him|her|them) )?(?:isnt|is not|aint) worth (?:living|it anymore)\b|\bnot worth living\b/,
      // "I don't see the point in going on": passive wishes not to live, not plans or outings.
      /\b(?:dont|do not|cant|cannot|can not|no longer) see (?:the|any|a) (?:point|reason) (?:in|of|to) (?:living|being alive|waking up|(?:going on|carrying on|being here|life)(?= *(?:$|[.!?,;]|without\b|like this\b|any ?more\b)))/,
      /\b(?:hope|hoping|pray|praying|wish|wishing) (?:that )?i (?:dont|do not|never|wont|will not|wouldnt|would not) wake up\b/,
      /\b(?:i|im|i am|ill|i will) (?:wont|will not|am not going to|not going to|not gonna|wont be|will not be)(?: be)? (?:around|here|alive) (?:much longer|for much longer|for long|any ?more|by (?:tomorrow|morning|next week))\b/,
      /\b(?:no|not any|no more) (?:reason|point|purpose) (?:for me )?(?:to|in|of) (?:keep going(?! (?:back|to|there|with|out))|keep on going|keep living|go on|carry on|living|stay alive|staying alive|be here|being here|wake up|waking up)\b/,
      /\b(?:cant|cannot|can not|dont want to) (?:keep going|go on|carry on|do this|live like this) any ?(?:more|longer)\b(?=.{0,80}\b(?:tired|done|end|over|gone|die|dead|living|alive|pointless|no point)\b)/,
      /\b(?:go to sleep|fall asleep|sleep) and (?:never|not) wake up\b/,
      /\b(?:want|wanted|wish|wishing|need|hope|hoping|just want) (?:to )?(?:\w+ ){0,4}?(?:and )?(?:never|not) wake up\b(?! (?:early|before|until|at|in time|on time))/,
      /\b(?:i should|should i|maybe i should|i might as well) (?:just )?(?:die|be dead|disappear for good|not be here)\b/,
      /\b(?:i hope|hope) i die\b/,
      /\bwanting to die\b|\bready to die\b|\btired of (?:living|being alive|life|existing)\b/,
    ],
    exceptions: [
      DIE_OF_FIGURE,
      {
        reason: 'not wanting to live without them is begging, not a wish to die',
        pattern: /\b(?:dont|do not) want to live without you\b|\bcant (?:live|go on) without you\b/,
        scope: 'match',
        examples: {
          flag: ['i dont want to live anymore'],
          pass: ["I don't want to live without you"],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: true,
    message: MESSAGE,
    explanation: EXPLANATION,
    principles: ['P3', 'P15', 'P18'],
    suggestions: SUGGESTIONS,
    examples: {
      flag: [
        "I'm not going to be here much longer, just so you know",

        "life without you isn't worth living",

        "I can't keep going like this, I'm done with life",

        "honestly what's the point of me even being here anymore",

        'i just want to sleep forever tbh',
        'gonna end it tonight, sorry for everything',

        "what's the point of anything, i just want it all to stop for good",
        'I want to disappear and never wake up',
        'i just want to die',
        'i dont wanna be here anymore',
        "I don't want to live anymore",
        'Sometimes I wish I was dead',
        "there's no point in living without you",
        "I can't go on living like this",
        "I'd rather be dead than feel this",
        'i hope i dont wake up tomorrow',
        'i want to go to sleep and never wake up',
        'im so tired of living',
        'WHATS THE POINT OF LIVING',
        'sometimes i go to bed hoping i wont wake up',
        'i wont be around much longer anyway',
        "there's no reason for me to keep going",
        'honestly i dont see the point in going on without you',
        "I can't see any point in living anymore",
      ],
      pass: [
        "I won't be around much this weekend, I'm at a wedding.",

        "I don't want to wake up early tomorrow, it's my day off.",

        "I'm done with the gym for today.",

        "What's the point of the meeting if they decided already?",

        'I could sleep forever in that hammock',
        'We are going to end it tonight with fireworks at the beach party',

        "I want the arguing to stop for good, so let's keep our messages about the kids.",
        'I want it all to stop raining so we can finally have the barbecue',
        'I want to sleep in on Sunday and never wake up early again',
        "I'd die for a coffee right now",
        "I'm dying to see the new film",
        'I could have died of embarrassment at that party',
        "I don't want to be here at this job anymore, it's boring",
        'I want to live somewhere by the sea one day',
        "I won't be around much this weekend, I'm at my sister's",
        'no reason to keep going back to that gym',
        "I don't see the point in going on holiday this year",
        "I can't see the point of life coaching",
      ],
    },
  },
  {
    id: 'crisis/self-harm',
    category: 'crisis',
    kind: 'stop',
    severity: 'critical',
    confidence: 0.93,
    patterns: [
      /\bcutting (?:deeper|myself)\b|\bcut (?:deeper|myself)\b/,
      /\bself[- ]?harm(?:ing|ed)?\b/,
      /\b(?:want|wanted|going|gonna|tempted|urge|urges|thinking about|thought about|trying not|try not|started|start|keep|kept|been) (?:to )?(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving|punish|punishing) (?:my ?self)\b/,
      /\b(?:hurt|hurting|harm|harming|cut|cutting|burned|burning) my ?self (?:again|on purpose|tonight|every night|to feel|because)\b/,
      /\b(?:cutting|started cutting|relapsed|relapse) (?:again|on self harm)\b/,
      /\bcut my (?:wrists?|arms?|legs?|thighs?)\b/,
    ],
    exceptions: [
      {
        reason: 'an accident, not self-harm: cut myself shaving or cooking',
        pattern:
          /\b(?:cut|hurt|burned|burnt) my ?self (?:shaving|cooking|chopping|on (?:a|the) (?:knife|glass|paper|stove|oven))\b/,
        scope: 'clause',
        examples: {
          flag: ['i keep cutting myself again'],
          pass: ['I cut myself shaving this morning'],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: true,
    message: MESSAGE,
    explanation: EXPLANATION,
    principles: ['P3', 'P15', 'P18'],
    suggestions: SUGGESTIONS,
    examples: {
      flag: [
        "I'm cutting deeper every night",

        "I've started cutting myself again",
        'I want to hurt myself',
        'i keep thinking about hurting myself',
        "I've been self harming since the breakup",
        'im trying not to hurt myself tonight',
      ],
      pass: [
        "I'm cutting back on coffee, it's rough.",
        'I hurt my back at the gym',
        'Did you cut your hair?',
        'I burned the toast again',
      ],
    },
  },
  {
    id: 'crisis/burden',
    category: 'crisis',
    kind: 'stop',
    severity: 'critical',
    confidence: 0.9,
    patterns: [
      /\b(?:everyone|everybody|you|they|my family|the world|people)(?: all)? (?:would|will|d) be (?:so )?(?:happier|better|fine|relieved) (?:off )?(?:if i (?:just )?(?:disappeared|was gone|were gone|wasnt here|wasnt around|died|didnt exist))\b/,
      /\b(?:(?:you|everyone|everybody|the world|people|they|my family|you all|yall|all of you)(?: (?:would|will|d|are|is))? (?:be |all be )?)?better off (?:without me|if i (?:was|were|wasnt|werent|died|was gone|were gone|was dead|were dead|disappeared|didnt exist|wasnt here|wasnt around))\b/,
      /\b(?:nobody|no one|noone|would anyone|would you|who) (?:would|will|d)? ?(?:even )?(?:miss|notice|care) (?:me )?if i (?:died|was gone|were gone|disappeared|was dead|were dead|wasnt here|killed)\b/,
      /\bthe world (?:would be|is) better without me\b/,
      /\bim (?:just )?a burden to (?:everyone|everybody|you all|the world|my family)\b/,
    ],
    exceptions: [],
    negation: 'ignore',
    inQuotes: true,
    message: MESSAGE,
    explanation: EXPLANATION,
    principles: ['P3', 'P15', 'P18'],
    suggestions: SUGGESTIONS,
    examples: {
      flag: [
        'everyone would be happier if i just disappeared',

        'everyone would be better off without me',
        "you'd be better off if I was gone",
        'nobody would even notice if i disappeared',
        'im just a burden to everyone',
      ],
      pass: [
        'Everyone would be happier if I just brought dessert instead of cooking.',

        'You are better off with someone who can give you what you need',
        'I am better off without alcohol',
      ],
    },
  },
  {
    id: 'crisis/other-languages',
    category: 'crisis',
    kind: 'stop',
    severity: 'critical',
    confidence: 0.93,
    patterns: [
      // Spanish
      /\b(?:me quiero morir|quiero morir(?:me)?|ganas de morir(?:me)?|me voy a matar|voy a matarme|quiero matarme|ganas de matarme|pienso en matarme|suicidarme|suicidio|quitarme la vida|no quiero (?:seguir )?vivir|no quiero estar aqui|mejor (?:estarian|estarias|estaria|estan|estas) sin mi|(?:estarias|estarian|estaran|estaras) mejor sin mi|acabar con (?:todo|mi vida)|(?:quiero|ganas de) hacerme dano|me quiero matar|ya no quiero vivir|no vale la pena vivir)\b/,
      /(?<!\b(?:va|van|vas|voy) a )\b(?:matarme|suicidarme|quitarme la vida)\b/,
      // French
      /\b(?:je veux mourir|envie de mourir|me suicider|je vais me tuer|envie de me tuer|veux me tuer|pense a me tuer|(?:d ?)?en finir avec (?:la vie|tout|ma vie)|d ?en finir\b|je veux en finir|ne veux plus vivre|veux plus vivre|plus envie de vivre|mettre fin a (?:mes jours|ma vie)|mieux sans moi|(?:envie de|veux) me faire du mal|je me fais du mal)\b/,
      // German
      /\b(?:ich will sterben|ich mochte sterben|will nicht mehr leben|mochte nicht mehr leben|nicht mehr leben will|mich umbringen|mich toten|mir das leben nehmen|mir etwas antun|mir was antun|selbstmord|suizid|besser ohne mich|nicht mehr da sein will|allem ein ende (?:machen|setzen))\b/,
      // Portuguese
      /\b(?:quero morrer|vou me matar|quero me matar|vontade de me matar|penso em me matar|suicidar|nao quero (?:mais )?viver|acabar com (?:tudo|a minha vida|minha vida)|tirar (?:a )?minha (?:propria )?vida|melhor sem mim|(?:quero|vontade de) me machucar)\b/,
      // Italian
      /\b(?:voglio morire|(?:voglio|vorrei|penso di) (?:uccidermi|ammazzarmi)|suicidarmi|non voglio piu vivere|farla finita|togliermi la vita|meglio senza di me|voglio farmi del male)\b/,
    ],
    exceptions: [
      {
        reason: 'figure of speech: die of laughter or shame in another language',
        pattern:
          /\b(?:morir|mourir|sterben|morrer|morire)(?:me)? (?:de|di|vor|dal|dalla) (?:risa|rire|rir|lachen|ridere|verguenza|honte|vergonha|vergogna|scham|hambre|faim|fome|fame|hunger|ganas|envie)\b/,
        scope: 'clause',
        examples: {
          flag: ['je veux mourir'],
          pass: ['quero morrer de rir com esse video'],
        },
      },
    ],
    negation: 'ignore',
    inQuotes: true,
    message: MESSAGE,
    explanation: EXPLANATION,
    principles: ['P3', 'P15', 'P18'],
    suggestions: SUGGESTIONS,
    examples: {
      flag: [
        'ya no quiero vivir sin ti',
        'me quiero morir',
        'pienso mucho en el suicidio',
        'sorry, je veux mourir, je suis tellement fatigué',
        "j'ai plus envie de vivre",
        'Ich will nicht mehr leben',
        'manchmal denke ich an Selbstmord',
        'não quero mais viver',
        'vou me matar',
        'non voglio più vivere',
        'voglio farla finita',
        'honestly idk, a veces quiero morir',
        'i keep thinking about matarme',
        "j'ai envie d'en finir",
      ],
      pass: [
        'me muero de ganas de verte',
        'mi mamá va a matarme si llego tarde',
        'minha mãe vai me matar',
        'je meurs de faim',
        'ich sterbe vor Lachen',
        'morrendo de saudade',
        'muoio dal ridere',
        'quiero vivir en Madrid',
      ],
    },
  },
];
