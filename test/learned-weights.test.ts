/**
 * The learned scorer's shipped weights (src/coach/learned/weights.json) are exactly what
 * `npm run train` produces from the committed corpus and rule examples: a stale or
 * hand-edited model fails here (after changing the corpus, a rule's examples, the lexicons,
 * the normalizer or the segmenter, run `npm run train`). Training is deterministic and takes about a second, so the test simply retrains.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildModel, corpusChecksum, ruleExamples, toExamples } from '../bench/lib/learn.js';
import { loadCorpus } from '../bench/lib/score.js';
import { LEARNED_CATEGORIES, type LearnedModelData } from '../src/coach/learned/model.js';

const CORPUS = fileURLToPath(new URL('./fixtures/coach-corpus', import.meta.url));
const WEIGHTS = fileURLToPath(new URL('../src/coach/learned/weights.json', import.meta.url));
const shipped = JSON.parse(readFileSync(WEIGHTS, 'utf8')) as LearnedModelData;

describe('the shipped learned model', () => {
  it('was trained on the corpus as it is now (run `npm run train` after changing the corpus)', () => {
    expect(shipped.corpus).toBe(corpusChecksum(CORPUS));
  });

  it('is exactly what training on that corpus produces', () => {
    const items = loadCorpus(CORPUS);
    const trained = buildModel([...toExamples(items), ...ruleExamples(items)], corpusChecksum(CORPUS));
    expect(trained).toEqual(shipped);
  }, 120_000); // about a second on an idle machine; a shared one can be far slower

  it('is small enough to ship to the Web Worker (≤ 150 KB)', () => {
    expect(readFileSync(WEIGHTS).byteLength).toBeLessThanOrEqual(150 * 1024);
  });

  it('has weights and a threshold for every learned category', () => {
    for (const category of LEARNED_CATEGORIES) {
      const c = shipped.categories[category];
      expect(c.weights.length, category).toBeGreaterThan(0);
      expect(c.threshold, category).toBeGreaterThan(0);
      expect(c.threshold, category).toBeLessThanOrEqual(1);
    }
  });
});
