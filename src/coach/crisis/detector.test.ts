/**
 * The crisis detector (issue 11), held to what a person would notice: crisis language gets
 * help whatever its phrasing, language or surroundings; figures of speech and ordinary
 * messages that merely look risky do not.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, hasCrisisLanguage } from '../analyze.js';
import { MAX_FINDINGS } from '../types.js';
import { CONCEPTS, IDIOMS, typos, verbForms } from './lexicon.js';

const crisisOf = (text: string) => analyze(text).findings.filter((f) => f.category === 'crisis');
const fires = (text: string) => crisisOf(text).length > 0;

describe('crisis language a new user wrote, that the phrase rules missed', () => {
  it.each([
    ["i'd be better off dead", 'explicit'],
    ["I wish I wasn't alive", 'warning'],
    ["I can't do this anymore", 'warning'],
    ["I'm such a burden to everyone", 'warning'],
    ["don't think I wanna wake up tomorrow", 'warning'],
    ['I keep looking at the rope in the garage', 'explicit'],
    ["honestly what's the point of me anymore", 'warning'],
    ["if you leave I'll hurt myself", 'explicit'],
    ["please don't leave me alone tonight, I don't trust myself", 'warning'],
    ["you'll regret this when I'm gone", 'warning'],
  ])('%j stops the coaching, as %s', (text, level) => {
    const report = analyze(text);
    expect(report.verdict).toBe('stop');
    const found = crisisOf(text);
    expect(found.length).toBeGreaterThan(0);
    // the most serious level found is the one named
    const levels = new Set(found.map((f) => f.level));
    expect(levels.has(level as 'explicit' | 'warning')).toBe(true);
  });

  it('words a warning sign gently and an explicit statement plainly', () => {
    const warning = crisisOf("I'm such a burden to everyone")[0]!;
    const explicit = crisisOf('I want to kill myself')[0]!;
    expect(warning.message).toMatch(/are you safe right now/i);
    expect(explicit.message).not.toEqual(warning.message);
    expect(explicit.severity).toBe('critical');
  });

  it('marks the exact words, in the original text', () => {
    const text = 'Hey. Honestly I would be better off DEAD, sorry.';
    const [f] = crisisOf(text);
    expect(f).toBeDefined();
    expect(text.slice(f!.start, f!.end)).toBe(f!.actual);
    expect(f!.actual.toLowerCase()).toContain('dead');
  });
});

describe('nothing silences it', () => {
  it.each([
    "I'm not saying I want to die, but I think about it",
    'she asked if I want to kill myself and honestly yes',
    '"I want to die" is all I can think',
    'lol jk... unless? i wanna die',
    'I want to die. Anyway how was your weekend?',
  ])('%j still brings help', (text) => {
    expect(analyze(text).verdict).toBe('stop');
  });

  it('reads texting forms, elongations and typos', () => {
    for (const text of [
      'i wanna dieeee',
      'im gonna kms',
      'thinking about suicdie again',
      'idc anymore i cant go onnn',
      'ill be gone soon tbh',
    ]) {
      expect(fires(text), text).toBe(true);
    }
  });

  it('reads Spanish, French, German and Portuguese', () => {
    for (const text of [
      'ya no quiero vivir',
      'me quiero morir',
      "j'ai envie d'en finir",
      'je veux mourir',
      'ich will nicht mehr leben',
      'ich kann nicht mehr',
      'não quero mais viver',
      'vou me matar hoje',
      'sou um peso para todos',
    ]) {
      expect(fires(text), text).toBe(true);
    }
  });
});

describe('figures of speech and ordinary messages', () => {
  it.each([
    "I'd die for a coffee",
    "I'm dying to hear how it went",
    'dead tired after the night shift',
    'bored to death in this meeting',
    'my phone died, sorry for the late reply',
    'killing it at work this week',
    'I could murder a pizza',
    'I was killing myself laughing at the dog',
    'the plant you gave me died',
    "the car's dead again",
    'my grandma died last week and the funeral is on Friday',
    "I have to give the dog his tablets for the trip, there's enough for a week",
    "I'm giving away my old clothes before I move abroad",
    'my character died on the last level of the game',
    'the news said the death toll is rising',
    "I don't want to wake up early tomorrow",
    'I wrote a letter for you that I will never send',
    'Please look after my cat when I am away next week',
    'omg i literally died when i saw ur tiktok 💀',
  ])('%j is not crisis language', (text) => {
    expect(crisisOf(text)).toEqual([]);
  });
});

describe('the examples the phrase rules were built from', () => {
  const { flag, pass } = JSON.parse(
    readFileSync(new URL('../../../test/fixtures/crisis-examples.json', import.meta.url), 'utf8'),
  ) as { flag: string[]; pass: string[] };

  it('flags every crisis example', () => {
    expect(flag.length).toBeGreaterThan(100);
    expect(flag.filter((t) => !fires(t))).toEqual([]);
  });

  it('passes every figure-of-speech example', () => {
    expect(pass.length).toBeGreaterThan(60);
    expect(pass.filter((t) => fires(t))).toEqual([]);
  });
});

describe('the lexicons', () => {
  it('generates the forms a person types', () => {
    expect(verbForms('die')).toEqual(expect.arrayContaining(['die', 'dies', 'died', 'dying', 'dyin']));
    expect(verbForms('cut')).toEqual(expect.arrayContaining(['cut', 'cuts', 'cutting']));
    expect(verbForms('take')).toEqual(expect.arrayContaining(['took', 'taken', 'taking']));
    expect(typos('suicide')).toContain('suicdie');
    expect(typos('suicide')).not.toContain('suicide');
    expect(typos('myself')).toContain('myslef');
  });

  it('gives every concept a meaning, a level and phrases, and every phrase compiles', () => {
    const ids = CONCEPTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CONCEPTS) {
      expect(c.meaning.length, c.id).toBeGreaterThan(5);
      expect(['explicit', 'warning']).toContain(c.level);
      expect(c.phrases.length, c.id).toBeGreaterThan(0);
    }
    expect(IDIOMS.length).toBeGreaterThan(10);
    // compiling happens on first use: any analysis compiles every phrase
    expect(() => analyze('hello')).not.toThrow();
  });
});

describe('any input', () => {
  it('never throws and keeps every crisis span exact', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 40 }), (a, b) => {
        const text = `${a} i want to die ${b}`;
        const found = crisisOf(text);
        expect(found.length).toBeGreaterThan(0);
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(f.start, f.end)).toBe(f.actual);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads words that name an object’s own properties as plain words', () => {
    for (const text of [
      'the constructor called',
      'toString and valueOf',
      '__proto__ prototype hasOwnProperty',
    ]) {
      expect(() => analyze(text), text).not.toThrow();
    }
    expect(fires('constructor: i want to die')).toBe(true);
  });

  it('caps a runaway report and says how much it left out, keeping every crisis finding', () => {
    const text = `${'pls answer me '.repeat(3_000)} i want to die`;
    const report = analyze(text);
    expect(report.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
    expect(report.omitted).toBeGreaterThan(0);
    // Every one of the 3,000 pleas is accounted for: listed, or counted as left out.
    expect(report.findings.length + report.omitted!).toBeGreaterThanOrEqual(3_000);
    expect(report.verdict).toBe('stop');
    expect(report.findings.some((f) => f.category === 'crisis')).toBe(true);
  });

  it('finds crisis language anywhere in a note longer than a draft', () => {
    const long = `${'We walked by the sea and talked about the garden. '.repeat(4_000)}I want to end my life.`;
    expect(long.length).toBeGreaterThan(150_000);
    expect(hasCrisisLanguage(long)).toBe(true);
    expect(hasCrisisLanguage('We walked by the sea. '.repeat(8_000))).toBe(false);
  });
});

describe('typing slips', () => {
  it('reads a slip of a lexicon word as that word, and a real word as itself', () => {
    expect(fires('i dont wanna be here anymre')).toBe(true);
    expect(fires('i wanna stop existin')).toBe(true);
    expect(fires('whats the poitn of wakin up tmrw')).toBe(true);
    expect(fires('I am dyeing my hair purple tonight')).toBe(false);
  });

  it('ships the real words near the lexicon as generated from the word list', async () => {
    const { readFileSync: read } = await import('node:fs');
    const wordListPath = (await import('word-list')).default;
    const { realWordsNearLexicon } = await import('../../../bench/lib/real-words.js');
    const { REAL_WORDS_NEAR_LEXICON } = await import('./real-words.js');
    const expected = realWordsNearLexicon(read(wordListPath, 'utf8').split('\n'));
    // stale after a lexicon change: run `npm run build:real-words`
    expect([...REAL_WORDS_NEAR_LEXICON]).toEqual(expected);
  });
});
