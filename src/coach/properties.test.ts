/**
 * Invariants of the coach over any input a person (or a paste) can produce: it never
 * throws below the limit, every span points at exactly the characters it quotes, the same
 * input always gives the same report, and text added in front shifts every span by its
 * length and changes nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, hasCrisisLanguage } from './analyze.js';
import { DraftTooLongError, MAX_DRAFT_LENGTH } from './types.js';

/** Words and marks that reach the rules, mixed with the characters that break naive code. */
const PIECES = [
  'you never listen',
  'you always',
  "I'm sorry",
  'for everything',
  'please',
  'take me back',
  'I want to die',
  'kill myself',
  'thank you',
  'no need to reply',
  "I'll never hurt you again",
  'u',
  'ur',
  'pls',
  'sry',
  'soooo',
  '💔',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  'e\u0301',
  '\u200b',
  '\u202e',
  '\u2066',
  '\r\n',
  '\n\n',
  '\u0000',
  '\ud800',
  '\udc00',
  '"',
  '“',
  '”',
  "'",
  '’',
  '.',
  '!',
  '?',
  ',',
  ' ',
  'она сказала',
  '我爱你',
];

const draft = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(' ')),
  },
  {
    weight: 2,
    arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);

describe('analyze, on any text', () => {
  it('never throws and keeps every span inside the text, quoting it exactly', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const report = analyze(text);
        expect(['send', 'revise', 'stop']).toContain(report.verdict);
        for (const f of report.findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThanOrEqual(f.end);
          expect(text.slice(f.start, f.end)).toBe(f.actual);
          for (const s of f.suggestions) {
            if ('start' in s) {
              expect(s.start).toBeGreaterThanOrEqual(0);
              expect(s.end).toBeLessThanOrEqual(text.length);
            }
            if ('at' in s) expect(s.at).toBeLessThanOrEqual(text.length);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same report for the same text, every time', () => {
    fc.assert(
      fc.property(draft, (text) => {
        expect(analyze(text)).toEqual(analyze(text));
      }),
      { numRuns: 200 },
    );
  });

  it('shifts every span by exactly the length of a prefix that ends a sentence', () => {
    const prefix = fc.constantFrom('Hi.\n\n', 'Hey Sam,\n\n', '💔 Hello.\r\n\r\n', 'Dear Alex,\n\n');
    fc.assert(
      fc.property(prefix, draft, (head, text) => {
        const plain = analyze(text).findings;
        const shifted = analyze(head + text).findings.filter((f) => f.start >= head.length);
        const strip = (fs: typeof plain, by: number) =>
          fs.map((f) => ({ ruleId: f.ruleId, start: f.start - by, end: f.end - by, actual: f.actual }));
        expect(strip(shifted, head.length)).toEqual(strip(plain, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('stops any draft that contains crisis language, whatever surrounds it', () => {
    const crisis = fc.constantFrom('I want to kill myself', 'i dont wanna be here anymore', 'quiero morir');
    fc.assert(
      fc.property(draft, crisis, draft, (before, line, after) => {
        const report = analyze(`${before}\n\n${line}.\n\n${after}`);
        expect(report.verdict).toBe('stop');
        expect(report.findings.some((f) => f.category === 'crisis')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('hasCrisisLanguage', () => {
  it('agrees with analyze on whether a text holds crisis language', () => {
    const withCrisis = fc.oneof(
      draft,
      fc
        .tuple(draft, fc.constantFrom('I want to kill myself', 'quiero morir', 'I hope I never wake up'))
        .map(([a, b]) => `${a} ${b}`),
    );
    fc.assert(
      fc.property(withCrisis, (text) => {
        expect(hasCrisisLanguage(text)).toBe(analyze(text).findings.some((f) => f.category === 'crisis'));
      }),
      { numRuns: 300 },
    );
  });

  it('reads past the draft limit, so a long journal is never skipped', () => {
    const long = `${'A quiet day at the allotment. '.repeat(4_000)}I want to end it all.`;
    expect(long.length).toBeGreaterThan(MAX_DRAFT_LENGTH);
    expect(hasCrisisLanguage(long)).toBe(true);
    expect(hasCrisisLanguage('A quiet day at the allotment.')).toBe(false);
  });
});

describe('the limits', () => {
  it('reads a draft of exactly the limit, and refuses one unit more with a typed error', () => {
    const atLimit = 'You never listen. '.repeat(MAX_DRAFT_LENGTH / 18 + 1).slice(0, MAX_DRAFT_LENGTH);
    expect(atLimit.length).toBe(MAX_DRAFT_LENGTH);
    expect(analyze(atLimit).verdict).toBe('revise');
    expect(() => analyze(`${atLimit}x`)).toThrow(DraftTooLongError);
  });

  it('answers empty and whitespace-only drafts with send and no findings', () => {
    for (const text of ['', ' ', '\n\n', '\t \r\n', '\u200b']) {
      expect(analyze(text)).toEqual({ verdict: 'send', findings: [] });
    }
  });
});
