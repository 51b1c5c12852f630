/**
 * The learned scorer as a person meets it: a finding on a whole sentence the rules missed,
 * an explanation naming the words that weighed most, never a second mark where a rule
 * already marked the same category, never anything on a crisis draft, and the same answer
 * every time, for any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { type Draft, dedupe } from '../engine.js';
import { normalize, toOriginal } from '../normalize.js';
import { segment } from '../segment.js';
import type { Finding } from '../types.js';
import { sentenceFeatures } from './features.js';
import { nounForms, verbForms } from './lexicons.js';
import {
  compileModel,
  LEARNED_CATEGORIES,
  type LearnedModelData,
  scoreSentence,
  sentenceLogits,
} from './model.js';
import { LEARNED_MODEL, LEARNED_RULE_PREFIX, learnedFindings } from './scorer.js';

const draftOf = (text: string): Draft => {
  const n = normalize(text);
  return { n, segments: segment(n) };
};
/** Words and marks the model has weights for, glued into drafts by the property tests. */
const CORPUS_LIKE = [
  'you never listen',
  'YOU ALWAYS',
  'ur so selfish',
  "I'm sorry",
  'for everything',
  'please come back',
  'I need you',
  'answer me tonight',
  'why did we break up?',
  'hope youre happy',
  'with Tom 😏',
  'I felt lonely',
  'that must have been hard',
  'so just tell me',
  '"you always"',
  'she said you never',
  '!!',
  '?',
  '.',
  '\n',
];
const isLearned = (f: Finding): boolean => f.ruleId.startsWith(LEARNED_RULE_PREFIX);

/** Original spans of the draft's sentences. */
function sentenceSpans(text: string): { start: number; end: number }[] {
  const { n, segments } = draftOf(text);
  return segments.sentences.map((s) => toOriginal(n, s.start, s.end));
}

/** Every learned finding holds: a whole sentence, the exact text, words it names from that sentence. */
function expectWellFormed(text: string, findings: readonly Finding[]): void {
  const sentences = sentenceSpans(text);
  for (const f of findings.filter(isLearned)) {
    expect(text.slice(f.start, f.end)).toBe(f.actual);
    expect(sentences).toContainEqual({ start: f.start, end: f.end });
    const named = /these words weighed most: (.+?)\. /.exec(f.explanation)?.[1];
    expect(named, f.explanation).toBeDefined();
    for (const [, word] of named!.matchAll(/“([^”]+)”/g)) expect(f.actual).toContain(word);
    expect(f.explanation).toContain(f.principles[0]);
    expect(['low', 'medium', 'info']).toContain(f.severity);
    if (f.kind === 'problem') expect(f.suggestions.length).toBeGreaterThan(0);
  }
}

describe('learned findings', () => {
  it('marks a whole sentence the rules missed and names the words that weighed most', () => {
    const text = "Good luck with the move. You're the one who should be apologising, not me.";
    const report = analyze(text);
    const blame = report.findings.find((f) => f.ruleId === 'learned/you-blame')!;
    expect(blame.category).toBe('you_blame');
    expect(blame.actual).toBe("You're the one who should be apologising, not me.");
    expect(blame.explanation).toMatch(/these words weighed most: “[^”]+”/);
    expect(report.verdict).toBe('revise');
    expectWellFormed(text, report.findings);
  });

  it('adds nothing where a rule already marked the same category in that sentence', () => {
    for (const text of [
      'You never listen to me.',
      "I'm sorry for everything.",
      'Please, I beg you, take me back.',
    ]) {
      const { findings } = analyze(text);
      for (const f of findings.filter(isLearned)) {
        const ruled = findings.filter((r) => !isLearned(r) && r.category === f.category);
        expect(
          ruled.every((r) => r.end <= f.start || r.start >= f.end),
          text,
        ).toBe(true);
      }
    }
  });

  it('reads a bare "I\'m sorry." after an apology that names what was done as part of it', () => {
    const text = "I'm sorry I forgot your birthday dinner; it left you waiting alone. I'm sorry.";
    const { findings, verdict } = analyze(text);
    expect(findings.map((f) => f.category)).toContain('specific_apology');
    expect(findings.filter((f) => f.category === 'blind_apology')).toEqual([]);
    expect(verdict).toBe('send');
    expect(analyze("I'm sorry.").findings.map((f) => f.category)).toContain('blind_apology');
  });

  it('never coaches a crisis draft: crisis is the rules’ call alone', () => {
    const text = "You never cared. I messed up, ok? I want to end it all, I'm sorry for everything.";
    const report = analyze(text);
    expect(report.verdict).toBe('stop');
    expect(report.findings.filter(isLearned)).toEqual([]);
    expect(report.findings.filter((f) => f.category === 'crisis').every((f) => !isLearned(f))).toBe(true);
  });

  it('leaves quoted and reported speech alone', () => {
    const text = 'My sister said "I messed up, ok?" and we laughed about it.';
    expect(analyze(text).findings.filter(isLearned)).toEqual([]);
  });

  it('gives the same findings every time', () => {
    const text = 'so you are just going to ignore me now\nI messed up, ok?\nI felt lonely all winter.';
    const first = learnedFindings(draftOf(text), []);
    expect(first.length).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect(learnedFindings(draftOf(text), [])).toEqual(first);
  });

  it('keeps spans on sentence bounds for any Unicode input, and never throws', () => {
    const pieces = fc.constantFrom(
      'I messed up, ok?',
      'you never',
      'sorry!!',
      'so you are just going to ignore me now',
      'selfish',
      'please',
      '😏',
      '\ud83d',
      '\ude0f',
      '\u200b',
      '\n',
      '. ',
      '"',
      '’',
      'ǅ',
      'İ',
    );
    const text = fc.oneof(
      fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(' ')),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const draft = draftOf(t);
        const rules = dedupe([]);
        const findings = learnedFindings(draft, rules);
        expect(learnedFindings(draftOf(t), rules)).toEqual(findings);
        expectWellFormed(t, findings);
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(t.length);
        }
        expectWellFormed(t, analyze(t).findings);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the model file', () => {
  const empty = (weights: string): LearnedModelData => ({
    version: 1,
    corpus: '',
    messages: 0,
    categories: Object.fromEntries(
      LEARNED_CATEGORIES.map((c) => [c, { bias: -1, threshold: 0.5, weights }]),
    ) as LearnedModelData['categories'],
  });

  it('refuses a malformed weight rather than coaching with a silently weaker model', () => {
    expect(() => compileModel(empty('never:1.5 you_never:oops'))).toThrow(/bad entry you_never:oops/);
    expect(compileModel(empty('never:1.5 you_never:-0.25')).weights.get('you_never')?.[0]).toBe(-0.25);
  });

  it('turns a threshold of 1 into a category that never fires', () => {
    const data = empty('never:50');
    data.categories.you_blame.threshold = 1;
    const model = compileModel(data);
    const found = learnedFindings(draftOf('never never never'), [], model).map((f) => f.category);
    expect(found).not.toContain('you_blame');
    expect(found).toContain('begging');
  });
});

describe('lexicon forms', () => {
  it('generates inflections instead of listing them', () => {
    expect(verbForms('ignore')).toEqual(['ignore', 'ignores', 'ignored', 'ignoring']);
    expect(verbForms('beg')).toEqual(['beg', 'begs', 'begged', 'begging']);
    expect(verbForms('cry')).toEqual(['cry', 'cries', 'cried', 'crying']);
    expect(verbForms('walk out')).toEqual(['walk out', 'walks out', 'walked out', 'walking out']);
    expect(nounForms('liar')).toEqual(['liar', 'liars']);
    expect(nounForms('mess')).toEqual(['mess', 'messes']);
  });
});

describe('run-time scoring', () => {
  it('sums exactly the weights of the features training reads, for any input', () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...CORPUS_LIKE), { maxLength: 20 }).map((parts) => parts.join(' ')),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const { n, segments } = draftOf(t);
        for (const sentence of segments.sentences) {
          const fast = scoreSentence(LEARNED_MODEL, n, sentence, segments.quoted).slice();
          const named = sentenceLogits(LEARNED_MODEL, sentenceFeatures(n, sentence, segments.quoted));
          expect(fast).toEqual(named);
        }
      }),
      { numRuns: 300 },
    );
  });
});
