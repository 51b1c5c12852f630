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
    // From a first-sight batch (crisis-b19): a pet handed on by someone who does not expect to be around.
    const text =
      "Karen, would you be willing to take Rusty back? He needs somebody who's going to be around for the long haul, and I don't think that's me.";
    const report = analyze(text);
    expect(report.verdict).toBe('stop');
    const finding = report.findings.find((f) => f.ruleId === 'crisis/learned')!;
    expect(finding.level).toBe('warning');
    expect(finding.message).toMatch(/are you safe right now/i);
    expect(finding.explanation).toMatch(/these words weighed most: “[^”]+”/);
    expect(text.slice(finding.start, finding.end)).toBe(finding.actual);
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
