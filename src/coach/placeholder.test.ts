import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { allRules } from './rules/index.js';

describe('a blank a suggestion left in the draft', () => {
  it('is its own finding until the person fills it in', () => {
    const draft = 'I am sorry for [what you did]. I know it hurt.';
    const report = analyze(draft);
    const blank = report.findings.find((f) => f.category === 'placeholder');
    expect(blank?.actual).toBe('[what you did]');
    expect(draft.slice(blank!.start, blank!.end)).toBe('[what you did]');
    expect(report.verdict).toBe('revise');
    const filled = analyze('I am sorry for missing your birthday dinner. I know it hurt.');
    expect(filled.findings.some((f) => f.category === 'placeholder')).toBe(false);
  });

  it('catches every blank the coach’s own suggestions can leave', () => {
    const blanks = new Set<string>();
    for (const rule of allRules)
      for (const s of rule.suggestions)
        for (const m of (s.text ?? '').matchAll(/\[[^\]]+\]/g)) blanks.add(m[0]);
    expect(blanks.size).toBeGreaterThan(0);
    for (const b of blanks) {
      expect(
        analyze(`Hi, ${b}.`).findings.some((f) => f.category === 'placeholder'),
        b,
      ).toBe(true);
    }
  });

  it('leaves brackets that are not a blank alone', () => {
    for (const text of [
      'As I said [1], I am fine.',
      'He wrote "their" [sic] twice.',
      'and then [...] we left',
    ]) {
      expect(
        analyze(text).findings.some((f) => f.category === 'placeholder'),
        text,
      ).toBe(false);
    }
  });
});
