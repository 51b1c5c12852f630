/**
 * The learned crisis scorer's held-out figures, for `npm run eval`: each crisis batch scored
 * by a model that never saw it (leave-one-batch-out), with the threshold `npm run train`
 * chose, beside the concept detector alone.
 */
import {
  CRISIS_SETTINGS,
  type CrisisExample,
  chooseCrisisThreshold,
  heldOut,
  loadCrisisExamples,
} from './crisis-learn.js';

export function crisisReport(examples: readonly CrisisExample[] = loadCrisisExamples()): string[] {
  const { scores, floors } = heldOut(examples);
  const chosen = chooseCrisisThreshold(examples, scores, CRISIS_SETTINGS.maxFalseAlarms);
  const lines: string[] = [];
  const row = (name: string, subset: readonly number[]) => {
    const pos = subset.filter((i) => examples[i]!.crisis);
    const neg = subset.filter((i) => !examples[i]!.crisis);
    const det = (i: number) => examples[i]!.detected;
    const both = (i: number) => det(i) || scores[i]! >= Math.max(chosen, floors[i]!);
    const pct = (k: number, of: number) => ` ${k}/${of}`.padStart(10);
    lines.push(
      `${name.padEnd(38)}${pct(pos.filter(det).length, pos.length)}${pct(neg.filter(det).length, neg.length)}` +
        `${pct(pos.filter(both).length, pos.length)}${pct(neg.filter(both).length, neg.length)}`,
    );
  };
  lines.push(
    `Crisis, held out (leave one batch out; learned threshold ${chosen}, or each fold's floor above its own look-alikes):`,
  );
  lines.push(`${''.padEnd(38)}${'detector'.padStart(20)}${'detector+learned'.padStart(20)}`);
  lines.push(
    `${'file'.padEnd(38)}${'caught'.padStart(10)}${'false'.padStart(10)}${'caught'.padStart(10)}${'false'.padStart(10)}`,
  );
  const files = [...new Set(examples.map((e) => e.file))];
  for (const f of files.filter((f) => !f.startsWith('coach-corpus/'))) {
    row(
      f,
      examples.flatMap((e, i) => (e.file === f ? [i] : [])),
    );
  }
  row(
    'coach-corpus (all files)',
    examples.flatMap((e, i) => (e.file.startsWith('coach-corpus/') ? [i] : [])),
  );
  row(
    'all',
    examples.map((_, i) => i),
  );
  return lines;
}
