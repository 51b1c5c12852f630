/**
 * Rules are data, and their examples are their tests: every rule flags each of its `flag`
 * examples and stays silent on each `pass` example; every exception lets the rule fire on
 * its `flag` examples and silences it on its `pass` examples. A rule or exception cannot
 * land without both kinds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { compileRules, matchRules } from './engine.js';
import { firstTokens, firstWords } from './first-words.js';
import { normalize } from './normalize.js';
import { allRules } from './rules/index.js';
import { segment } from './segment.js';
import type { Rule } from './types.js';

const METHOD_CATEGORIES = new Set([
  'you_blame',
  'begging',
  'over_promise',
  'blind_apology',
  'pressure',
  'manipulation',
  'rehash',
  'crisis',
  'i_statement',
  'specific_apology',
  'respects_space',
  'appreciation',
  'empathy',
]);

/**
 * Did `rule` fire on `text`? Overlapping findings of one category are merged into one (the
 * most specific rule names it), so a flag example counts when its category is found.
 */
function flags(rule: Rule, text: string): boolean {
  return analyze(text).findings.some((f) => f.ruleId === rule.id || f.category === rule.category);
}
function silent(rule: Rule, text: string): boolean {
  return !analyze(text).findings.some((f) => f.ruleId === rule.id);
}

describe('the rule set', () => {
  it('has unique, path-like ids whose prefix names a method category file', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of allRules) {
      expect(rule.id).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
      expect(METHOD_CATEGORIES.has(rule.category), rule.id).toBe(true);
      expect(rule.principles.length, rule.id).toBeGreaterThan(0);
      expect(rule.message.length, rule.id).toBeLessThan(140);
      expect(rule.explanation.length, rule.id).toBeGreaterThan(20);
    }
  });

  it('gives every rule and every exception at least one flag and one pass example', () => {
    for (const rule of allRules) {
      expect(rule.examples.flag.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.pass.length, rule.id).toBeGreaterThan(0);
      for (const exception of rule.exceptions) {
        expect(exception.examples.flag.length, `${rule.id}: ${exception.reason}`).toBeGreaterThan(0);
        expect(exception.examples.pass.length, `${rule.id}: ${exception.reason}`).toBeGreaterThan(0);
      }
    }
  });

  it('offers problems a suggestion a person can click', () => {
    for (const rule of allRules.filter((r) => r.kind === 'problem')) {
      expect(rule.suggestions.length, rule.id).toBeGreaterThan(0);
    }
  });
});

describe('the first-word prefilter', () => {
  it('reads the words a pattern starts with, and gives up on anything unsure', () => {
    expect(firstWords(String.raw`\b(?:you|u) never`)).toEqual(['u', 'you']);
    expect(firstWords(String.raw`\bmy bad\b`)).toEqual(['my']);
    expect(firstWords(String.raw`\b(?:just |please )?take me back\b`)).toEqual(['just', 'please', 'take']);
    expect(firstWords(String.raw`\bapologi[sz]e\b`)).toEqual(['apologise', 'apologize']);
    expect(firstWords(String.raw`\b(?:i )?need\b`)).toEqual(['i', 'need']);
    expect(firstWords(String.raw`(?<!x )\bsuicide\b`)).toEqual(['suicide']);
    expect(firstWords(String.raw`\b(?:ill|i(?:ll)?) wait`)).toEqual(['i', 'ill']);
    // A word that may run on, a start inside a word or on a non-letter, a class of letters.
    expect(firstWords(String.raw`\bsorr`)).toBeNull();
    expect(firstWords('you never')).toBeNull();
    expect(firstWords(String.raw`,? but\b`)).toBeNull();
    expect(firstWords(String.raw`\b[a-z]+ from work\b`)).toBeNull();
    expect(firstWords(String.raw`\bso+ sorry`)).toBeNull();
    expect(firstWords(String.raw`\b(?:you|u)? never`)).toBeNull(); // can start on the space
    expect(firstWords(String.raw`\bsorry(?:[\s,.!]+sorry){2,}\b`)).toEqual(['sorry']);
  });

  it('reads the first two words when every match has them', () => {
    expect(firstTokens(String.raw`\bi (?:will|would) never\b`)).toEqual({
      words: ['i'],
      pairs: ['i will', 'i would'],
    });
    expect(firstTokens(String.raw`\bim (?:so )?sorry\b`)).toEqual({
      words: ['im'],
      pairs: ['im so', 'im sorry'],
    });
    // The second word may run on, may be missing, or may follow punctuation: words only.
    expect(firstTokens(String.raw`\bi\b (?:will|wont)`)?.pairs).toBeNull();
    expect(firstTokens(String.raw`\bsorry\b`)?.pairs).toBeNull();
    expect(firstTokens(String.raw`\bsorry,? but\b`)?.pairs).toBeNull();
  });

  it('never skips a pattern on text it matches: every match starts with one of its first words (and pairs)', () => {
    const texts = allRules.flatMap((r) => [
      ...r.examples.flag,
      ...r.examples.pass,
      ...r.exceptions.flatMap((e) => [...e.examples.flag, ...e.examples.pass]),
    ]);
    let checked = 0;
    let pairsChecked = 0;
    for (const rule of allRules) {
      for (const pattern of rule.patterns) {
        const first = firstTokens(pattern.source);
        if (!first) continue;
        const re = new RegExp(pattern.source, 'g');
        for (const text of texts) {
          const n = normalize(text).text;
          for (const m of n.matchAll(re)) {
            if (m[0] === '') continue;
            const where = `${rule.id} on ${JSON.stringify(text)}`;
            expect(/[a-z0-9]/.test(n.charAt(m.index - 1)), where).toBe(false);
            const [, word, pair] = /^([a-z0-9]+)((?: [a-z0-9]+)?)/.exec(n.slice(m.index)) ?? [];
            expect(first.words, where).toContain(word);
            checked++;
            if (first.pairs) {
              expect(first.pairs, where).toContain(`${word}${pair}`);
              pairsChecked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(pairsChecked).toBeGreaterThan(300);
  });

  it('finds the same in every example whether it tries first-word places or scans everything', () => {
    const compiled = compileRules(allRules);
    for (const text of allRules.flatMap((r) => [...r.examples.flag, ...r.examples.pass])) {
      const n = normalize(text);
      const d = { n, segments: segment(n) };
      expect(matchRules(d, compiled), text).toEqual(matchRules(d, compiled, 'full'));
    }
  });

  it('finds the same in a long draft whether it tries first-word places or scans everything', () => {
    const compiled = compileRules(allRules);
    const texts = allRules.flatMap((r) => r.examples.flag);
    // Long drafts of every flag example, in three orders, so each pattern meets its words.
    for (const shift of [0, 7, 31]) {
      const draft = texts.map((_, i) => texts[(i + shift) % texts.length]).join('\n');
      const n = normalize(draft);
      const d = { n, segments: segment(n) };
      const fast = matchRules(d, compiled);
      expect(fast.length).toBeGreaterThan(texts.length / 2);
      expect(fast).toEqual(matchRules(d, compiled, 'full'));
    }
  });
});

describe('the fast path', () => {
  const corpusDir = new URL('../../test/fixtures/coach-corpus/', import.meta.url);
  const corpus = readdirSync(corpusDir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(new URL(name, corpusDir), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const examples = allRules.flatMap((r) => [
    ...r.examples.flag,
    ...r.examples.pass,
    ...r.exceptions.flatMap((e) => [...e.examples.flag, ...e.examples.pass]),
  ]);
  const compiled = compileRules(allRules);
  const same = (text: string) => {
    const n = normalize(text);
    const d = { n, segments: segment(n) };
    const fast = matchRules(d, compiled);
    expect(fast, text).toEqual(matchRules(d, compiled, 'full'));
    return fast.length;
  };

  it('finds exactly what a full scan finds in every corpus message and rule example', () => {
    expect(corpus.length).toBeGreaterThan(700);
    let found = 0;
    for (const text of [...corpus, ...examples]) found += same(text) > 0 ? 1 : 0;
    // the comparison has teeth: a good share of these texts hold findings
    expect(found).toBeGreaterThan(500);
  });

  it('finds exactly what a full scan finds whatever surrounds, splits or dresses the words', () => {
    // Glued letters and digits, underscores, apostrophes, quotes, emoji, line breaks, odd
    // spaces and invisible characters around and inside the message.
    const bit = fc.constantFrom(
      ...` |  |\n|.|...|,|!|?|'|’|"|“|_|-|—|x|i|m|2|ok | so |😔|\u200b|\u00a0|é|:(|lol | and | but |#`.split(
        '|',
      ),
    );
    const noise = fc.array(bit, { maxLength: 4 }).map((parts) => parts.join(''));
    const text = fc.constantFrom(...corpus, ...examples);
    const cased = fc
      .tuple(text, fc.constantFrom('as is', 'upper', 'lower', 'title'))
      .map(([t, how]) =>
        how === 'upper'
          ? t.toUpperCase()
          : how === 'lower'
            ? t.toLowerCase()
            : how === 'title'
              ? t.replace(/\b\w/g, (c) => c.toUpperCase())
              : t,
      );
    fc.assert(
      fc.property(noise, cased, noise, fc.nat(), noise, (before, t, after, cut, inside) => {
        // Noise also lands inside the message, at any position, splitting a word or not.
        const at = cut % (t.length + 1);
        same(`${before}${t}${after}`);
        same(`${t.slice(0, at)}${inside}${t.slice(at)}`);
      }),
      { numRuns: 3000 },
    );
  });
});

describe.each(allRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  it.each(rule.examples.flag)('flags %j', (text) => {
    expect(flags(rule, text)).toBe(true);
  });
  it.each(rule.examples.pass)('passes %j', (text) => {
    expect(silent(rule, text)).toBe(true);
  });
  for (const exception of rule.exceptions) {
    it(`exception "${exception.reason}" is neither too broad nor too narrow`, () => {
      for (const text of exception.examples.flag) expect(flags(rule, text), text).toBe(true);
      for (const text of exception.examples.pass) expect(silent(rule, text), text).toBe(true);
    });
  }
});
