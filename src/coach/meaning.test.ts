/**
 * Issue 12's named misses: drafts a new user tried that the coach judged fine to send. Each
 * is now caught by a concept in rules/concepts.ts combined by a shape in a rule, and each
 * finding is a rule's (a span on the words, not the learned scorer's whole sentence), with
 * the category a kind friend would name. Their kind twins still pass.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import type { ProblemCategory } from './types.js';

const MISSES: [string, ProblemCategory][] = [
  ["you're making the biggest mistake of your life", 'you_blame'],
  ["that's not how it went, you're remembering it wrong", 'manipulation'],
  ["I bet you're just sitting there laughing at me", 'you_blame'],
  ['why did we even break up?', 'rehash'],
  ["so you're just going to ignore me now", 'pressure'],
  ['we never did anything together anyway', 'you_blame'],
  ['had an amazing night out with Tom 😏', 'manipulation'],
  ['can we talk tonight?', 'pressure'],
  ['I messed up, ok?', 'blind_apology'],
];

const KIND_TWINS = [
  'I think you made the right call about the job.',
  'Maybe I am remembering it wrong, it was a long time ago.',
  "I bet you're busy with the new flat.",
  'I understand now why you left.',
  "I know you're not ignoring me, take your time.",
  'We never went anywhere fancy, but I loved it.',
  'Had an amazing night out with the kids at the fair.',
  'Can we talk about the school forms tomorrow?',
  'I messed up when I read your journal, and I know it hurt you.',
];

describe("issue 12's named misses", () => {
  it.each(MISSES)('%s → %s, found by a rule', (text, category) => {
    const report = analyze(text);
    expect(report.verdict).toBe('revise');
    const finding = report.findings.find((f) => f.category === category && !f.ruleId.startsWith('learned/'));
    expect(finding, JSON.stringify(report.findings.map((f) => f.ruleId))).toBeDefined();
    expect(text.slice(finding!.start, finding!.end)).toBe(finding!.actual);
  });

  it.each(KIND_TWINS)('their kind twin passes: %s', (text) => {
    const problems = analyze(text).findings.filter((f) => f.kind === 'problem');
    expect(problems.map((f) => f.ruleId)).toEqual([]);
  });
});
