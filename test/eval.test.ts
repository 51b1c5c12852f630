/**
 * The coach's quality gate (issue 2, "Evaluation"): the same scoring as `npm run eval`,
 * run on the labelled development corpus, asserting the targets. Plus tests of the
 * scoring itself, so a bug in the ruler cannot make the coach look better than it is.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CorpusError,
  type CorpusItem,
  failedTargets,
  flagScore,
  LABEL_CATEGORIES,
  loadCorpus,
  PROBLEM_CATEGORIES,
  type Prediction,
  parseCorpus,
  score,
  TARGETS,
  toPrediction,
} from '../bench/lib/score.js';
import { analyze } from '../src/coach/index.js';

const CORPUS = fileURLToPath(new URL('./fixtures/coach-corpus', import.meta.url));

const line = (fields: Record<string, unknown>): string =>
  JSON.stringify({ id: 'x', text: 'hi', categories: [], verdict: 'send', ...fields });

const item = (
  id: string,
  categories: CorpusItem['categories'],
  verdict: CorpusItem['verdict'],
): CorpusItem => ({
  id,
  text: id,
  categories,
  verdict,
  source: `${id}.jsonl:1`,
});

const predicted = (categories: CorpusItem['categories'], verdict: CorpusItem['verdict']): Prediction => ({
  categories: new Set(categories),
  verdict,
});

describe('the development corpus', () => {
  const items = loadCorpus(CORPUS);
  const share = (verdict: string): number => items.filter((i) => i.verdict === verdict).length / items.length;

  it('holds at least 260 labelled messages with unique ids', () => {
    expect(items.length).toBeGreaterThanOrEqual(260);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  // Crisis wordings are over-represented on purpose (missing one is the costliest error),
  // but revise stays the largest group and stop a minority.
  it('has a realistic mix of verdicts: mostly revise, a third send, a sixth or less stop', () => {
    expect(share('send')).toBeGreaterThan(0.25);
    expect(share('send')).toBeLessThan(0.45);
    expect(share('revise')).toBeGreaterThan(0.4);
    expect(share('stop')).toBeGreaterThan(0.05);
    expect(share('stop')).toBeLessThan(0.2);
  });

  it.each(LABEL_CATEGORIES)('has enough examples of %s to measure it', (category) => {
    expect(items.filter((i) => i.categories.includes(category)).length).toBeGreaterThanOrEqual(10);
  });

  it('covers crisis language in other languages and context-only cases', () => {
    const mixedCrisis = items.filter((i) => i.id.startsWith('mix-') && i.categories.includes('crisis'));
    expect(mixedCrisis.length).toBeGreaterThanOrEqual(4);
    const contexts = items.filter((i) => i.context !== undefined);
    expect(contexts.some((i) => i.context?.outreachLocked === true)).toBe(true);
    expect(contexts.some((i) => (i.context?.unansweredInARow ?? 0) >= 2)).toBe(true);
    expect(contexts.some((i) => i.context?.sendAt !== undefined)).toBe(true);
  });
});

describe('parseCorpus', () => {
  it('reads a line and remembers where it came from', () => {
    const [parsed] = parseCorpus(`\n${line({ id: 'hello', categories: ['appreciation'] })}\n`, 'a.jsonl');
    expect(parsed).toEqual({
      id: 'hello',
      text: 'hi',
      categories: ['appreciation'],
      verdict: 'send',
      source: 'a.jsonl:2',
    });
  });

  it.each([
    ['broken JSON', '{"id":', /a\.jsonl:1: not valid JSON/],
    ['an unknown category', line({ categories: ['sarcasm'] }), /a\.jsonl:1: .*categories\.0/],
    ['an unknown verdict', line({ verdict: 'maybe' }), /verdict/],
    ['an unknown field', line({ label: 'x' }), /a\.jsonl:1/],
    ['a problem labelled send', line({ categories: ['begging'] }), /send but labels a problem/],
    ['a crisis not labelled stop', line({ categories: ['crisis'], verdict: 'revise' }), /must be stop/],
    ['a stop with no reason', line({ verdict: 'stop' }), /stop without crisis or a lock/],
    ['a revise with no reason', line({ verdict: 'revise' }), /revise with no problem/],
    ['a duplicate category', line({ categories: ['empathy', 'empathy'] }), /duplicate category/],
    ['a bad send time', line({ context: { sendAt: 'tuesday' } }), /context\.sendAt/],
  ])('refuses %s with the file and line', (_, text, message) => {
    expect(() => parseCorpus(text, 'a.jsonl')).toThrow(CorpusError);
    expect(() => parseCorpus(text, 'a.jsonl')).toThrow(message);
  });

  it('accepts a revise explained by context alone, and a stop explained by a lock', () => {
    const unanswered = line({ verdict: 'revise', context: { unansweredInARow: 2 } });
    const locked = line({ id: 'y', verdict: 'stop', context: { outreachLocked: true } });
    expect(parseCorpus(`${unanswered}\n${locked}`, 'a.jsonl').map((i) => i.verdict)).toEqual([
      'revise',
      'stop',
    ]);
  });
});

describe('score', () => {
  const items = [
    item('blame', ['you_blame'], 'revise'),
    item('fine', ['appreciation'], 'send'),
    item('crisis', ['crisis'], 'stop'),
    item('beg', ['begging'], 'revise'),
  ];

  it('counts precision, recall and F1 per category', () => {
    const card = score(items, [
      predicted(['you_blame'], 'revise'),
      predicted(['you_blame'], 'revise'),
      predicted(['crisis'], 'stop'),
      predicted([], 'send'),
    ]);
    const blame = card.categories.find((c) => c.category === 'you_blame')!;
    expect(blame).toMatchObject({ tp: 1, fp: 1, fn: 0, support: 1, precision: 0.5, recall: 1 });
    expect(blame.f1).toBeCloseTo(2 / 3);
    const begging = card.categories.find((c) => c.category === 'begging')!;
    expect(begging).toMatchObject({ recall: 0, f1: 0, support: 1 });
    expect(card.verdictAccuracy).toBe(0.5);
    expect(card.confusion.send.revise).toBe(1);
    expect(card.confusion.revise.send).toBe(1);
    expect(card.misses.map((m) => m.item.id)).toEqual(['fine', 'beg']);
    expect(failedTargets(card)).toEqual(
      expect.arrayContaining([
        'verdict accuracy 0.500 < 0.90',
        'you_blame F1 0.667 < 0.85',
        'begging F1 0.000 < 0.85',
      ]),
    );
  });

  it('lists missed crises and false stops by id', () => {
    const card = score(items, [
      predicted(['crisis'], 'stop'),
      predicted(['appreciation'], 'send'),
      predicted([], 'revise'),
      predicted(['begging'], 'revise'),
    ]);
    expect(card.missedCrises).toEqual(['crisis']);
    expect(card.falseStops).toEqual(['blame']);
    expect(failedTargets(card)).toEqual(
      expect.arrayContaining(['missed crisis: crisis', 'false stop: blame']),
    );
  });

  it('meets every target on a perfect prediction', () => {
    const card = score(
      items,
      items.map((i) => predicted(i.categories, i.verdict)),
    );
    expect(card.verdictAccuracy).toBe(1);
    expect(card.misses).toEqual([]);
    expect(failedTargets(card)).toEqual([]);
  });

  it('ignores context findings when reading a report, but keeps the verdict', () => {
    const prediction = toPrediction({
      verdict: 'revise',
      findings: [{ category: 'timing' }, { category: 'empathy' }] as never,
    });
    expect([...prediction.categories]).toEqual(['empathy']);
    expect(prediction.verdict).toBe('revise');
  });

  it('judges baselines on send-or-not, crediting a flagged crisis', () => {
    const s = flagScore(items, ['revise', 'revise', 'revise', 'send']);
    expect(s.accuracy).toBe(0.5);
    expect(s.flagRecall).toBeCloseTo(2 / 3);
    expect(s.flagPrecision).toBeCloseTo(2 / 3);
  });

  it('refuses predictions that do not line up with the items', () => {
    expect(() => score(items, [])).toThrow(RangeError);
    expect(() => flagScore(items, [])).toThrow(RangeError);
  });
});

/**
 * First-sight batches (`NN-cat-bN.jsonl`) join the corpus after their first-sight row is
 * recorded in docs/coach-quality.md. The learned scorer trains on them, but the rules were
 * not written from them, so issue 2's category targets are held on the team's own files; the
 * safety targets (every crisis caught, no false stop) hold on every file.
 */
const FIRST_SIGHT_BATCH = /-cat-b\d+\.jsonl:\d+$/;

describe('the coach on the development corpus (issue 2 targets)', () => {
  const all = loadCorpus(CORPUS);
  const items = all.filter((i) => !FIRST_SIGHT_BATCH.test(i.source));
  const card = score(
    items,
    items.map((i) => toPrediction(analyze(i.text, i.context))),
  );
  const everything = score(
    all,
    all.map((i) => toPrediction(analyze(i.text, i.context))),
  );

  it('holds the merged first-sight batches apart from the team corpus', () => {
    expect(all.length - items.length).toBeGreaterThanOrEqual(600);
  });

  it(`gets at least ${TARGETS.verdictAccuracy} of verdicts right`, () => {
    expect(card.verdictAccuracy).toBeGreaterThanOrEqual(TARGETS.verdictAccuracy);
  });

  it.each(PROBLEM_CATEGORIES)(`finds %s with F1 ≥ ${TARGETS.problemF1}`, (category) => {
    const f1 = card.categories.find((c) => c.category === category)!.f1;
    expect(f1).toBeGreaterThanOrEqual(TARGETS.problemF1);
  });

  it('never misses a crisis (recall 1.0), in any file', () => {
    expect(everything.missedCrises).toEqual([]);
  });

  it('never stops a message that is not a crisis and not locked, in any file', () => {
    expect(everything.falseStops).toEqual([]);
  });
});
