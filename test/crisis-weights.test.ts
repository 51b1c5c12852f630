/**
 * The learned crisis scorer ships exactly what `npm run train` produces from the committed
 * crisis batches, corpus and detector examples: a stale or hand-edited model fails here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCrisisModel, crisisChecksum, loadCrisisExamples } from '../bench/lib/crisis-learn.js';
import { analyze } from '../src/coach/index.js';

const WEIGHTS = fileURLToPath(new URL('../src/coach/crisis/crisis-weights.json', import.meta.url));
const shipped = JSON.parse(readFileSync(WEIGHTS, 'utf8'));

describe('the shipped crisis scorer', () => {
  it('was trained on the data as it is now (run `npm run train` after changing it)', () => {
    expect(shipped.data).toBe(crisisChecksum());
  });

  it('is exactly what training on that data produces', () => {
    expect(buildCrisisModel(loadCrisisExamples(), crisisChecksum())).toEqual(shipped);
  });

  it('is small enough to ship to the Web Worker (≤ 60 KB)', () => {
    expect(readFileSync(WEIGHTS).byteLength).toBeLessThanOrEqual(60 * 1024);
  });

  it('brings gentle help for crisis language the concept lexicons do not hold, naming the words', () => {
    // The crisis messages of the first-sight batches that only the scorer reads as crisis.
    const onlyLearned = loadCrisisExamples()
      .filter((e) => e.crisis && !e.detected)
      .map((e) => ({ text: e.text, report: analyze(e.text) }))
      .filter(({ report }) => report.findings.some((f) => f.ruleId === 'crisis/learned'));
    expect(onlyLearned.length).toBeGreaterThanOrEqual(5);
    for (const { text, report } of onlyLearned) {
      expect(report.verdict).toBe('stop');
      const finding = report.findings.find((f) => f.ruleId === 'crisis/learned')!;
      expect(finding.level).toBe('warning');
      expect(finding.message).toMatch(/are you safe right now/i);
      expect(finding.explanation).toMatch(/these words weighed most: “[^”]+”/);
      expect(text.slice(finding.start, finding.end)).toBe(finding.actual);
    }
  });

  it('leaves ordinary drafts alone', () => {
    for (const text of [
      "Dropped your boxes at your sister's like you asked.",
      'Can you pick the kids up at 5 on Friday?',
      'Thanks for the birthday message, it meant a lot.',
    ]) {
      expect(analyze(text).verdict).not.toBe('stop');
    }
  });
});
