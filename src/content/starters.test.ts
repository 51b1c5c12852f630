import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../coach/index.js';
import { isPrincipleId } from './lessons.js';
import {
  apologyDraft,
  fillPlaceholders,
  placeholdersIn,
  STARTER_MOMENTS,
  STARTERS,
  type StarterMoment,
  starterById,
  startersFor,
} from './starters.js';

const describeFindings = (text: string, channel: Parameters<typeof analyze>[1]) =>
  analyze(text, channel)
    .findings.filter((f) => f.kind !== 'strength')
    .map((f) => `${f.ruleId} "${f.actual}"`);

describe('starter drafts', () => {
  it.each(STARTERS.map((s) => [s.id, s] as const))(
    '%s asks only for its blanks to be filled in: the coach finds nothing else on its channel',
    (_, starter) => {
      const report = analyze(starter.text, { channel: starter.channel });
      const problems = report.findings.filter((f) => f.kind !== 'strength');
      // Every problem is a blank left to fill in (issue 12: "fill this in"), one per blank.
      expect(problems.every((f) => f.category === 'placeholder')).toBe(true);
      expect(problems.map((f) => f.actual.slice(1, -1))).toEqual(placeholdersIn(starter.text));
      expect(report.verdict).toBe(problems.length > 0 ? 'revise' : 'send');
    },
  );

  it('still gets "send" once the placeholders are filled with plain words', () => {
    const values: Record<string, string> = {
      name: 'Sam',
      'your name': 'Alex',
      'something you have been working on': 'how I handle stress at work',
      'A short, honest answer to what they wrote.': 'Yes, the new job is going well so far.',
      'the specific thing I did': 'the way I cancelled our plans at the last minute',
      'the hurt it caused': 'a lot of disappointment',
      'what I do differently now': 'started planning my week ahead and keeping to it',
      'a neutral place, such as a quiet café': 'the café by the park',
      'something good you shared': 'the years we spent together',
    };
    for (const starter of STARTERS) {
      const filled = fillPlaceholders(starter.text, values);
      expect(placeholdersIn(filled), starter.id).toEqual([]);
      expect(describeFindings(filled, { channel: starter.channel }), starter.id).toEqual([]);
      expect(analyze(filled, { channel: starter.channel }).verdict, starter.id).toBe('send');
    }
  });

  it('offers a starter for every moment, with email and text versions of the first message', () => {
    for (const moment of Object.keys(STARTER_MOMENTS) as StarterMoment[]) {
      expect(startersFor(moment).length, moment).toBeGreaterThan(0);
    }
    expect(
      startersFor('first-after-no-contact')
        .map((s) => s.channel)
        .sort(),
    ).toEqual(['email', 'text']);
  });

  it('has unique kebab-case ids, valid principles and advice for each draft', () => {
    expect(new Set(STARTERS.map((s) => s.id)).size).toBe(STARTERS.length);
    for (const s of STARTERS) {
      expect(s.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(starterById(s.id)).toBe(s);
      expect(s.principles.length).toBeGreaterThan(0);
      for (const p of s.principles) expect(isPrincipleId(p)).toBe(true);
      expect(s.notes.length).toBeGreaterThan(0);
    }
    expect(starterById('nope')).toBeUndefined();
  });

  it('proposes a meeting in a neutral place, and the apology names behaviour and impact', () => {
    expect(startersFor('propose-meeting')[0]!.text).toMatch(/neutral place/);
    const apology = startersFor('apology')[0]!.text;
    expect(placeholdersIn(apology)).toEqual(
      expect.arrayContaining(['the specific thing I did', 'the hurt it caused', 'what I do differently now']),
    );
  });
});

describe('placeholders', () => {
  it('lists each placeholder once, in order', () => {
    expect(placeholdersIn('Hi [name], about [the thing]. Bye [name]')).toEqual(['name', 'the thing']);
    expect(placeholdersIn('no placeholders [] here')).toEqual([]);
  });

  it('fills only the placeholders given a non-blank value', () => {
    expect(fillPlaceholders('Hi [name], [x]', { name: 'Sam', x: '   ' })).toBe('Hi Sam, [x]');
    // Keys inherited from Object.prototype are not values.
    expect(fillPlaceholders('[constructor] [toString]', {})).toBe('[constructor] [toString]');
  });

  it('never loses text around the placeholders, whatever the values', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const out = fillPlaceholders('Hi [name], take care.', { name: value });
        expect(out.startsWith('Hi ')).toBe(true);
        expect(out.endsWith(', take care.')).toBe(true);
        expect(out).toContain(value.trim() === '' ? '[name]' : value.trim());
      }),
    );
  });
});

describe('apology builder', () => {
  it('turns the builder’s parts into a specific apology the coach is happy with', () => {
    const text = apologyDraft({
      name: 'Sam',
      behaviour: 'cancelled our plans at the last minute, more than once.',
      impact: 'you felt let down and unimportant',
      change: 'I plan my week on Sundays now and keep to it',
    });
    expect(text).toContain('Hi Sam,');
    expect(text).toContain('when I cancelled our plans at the last minute, more than once, and');
    expect(text).toContain('you felt let down and unimportant');
    expect(describeFindings(text, { channel: 'email' })).toEqual([]);
    expect(analyze(text, { channel: 'email' }).verdict).toBe('send');
  });

  it('keeps blank parts as placeholders, which the coach asks to fill in, and nothing else', () => {
    const text = apologyDraft({ behaviour: ' ', impact: '', change: '' });
    expect(placeholdersIn(text)).toEqual([
      'the specific thing I did',
      'the hurt it caused',
      'what I do differently now',
    ]);
    const report = analyze(text, { channel: 'email' });
    expect(report.verdict).toBe('revise');
    const problems = report.findings.filter((f) => f.kind !== 'strength');
    expect(problems.map((f) => f.category)).toEqual(['placeholder', 'placeholder', 'placeholder']);
  });
});
