/**
 * `npm run eval [-- --misses] [-- --check] [-- --corpus <file or folder>]`
 *
 * Scores the message coach on the labelled development corpus (test/fixtures/coach-corpus/)
 * and, in the same run, the VADER and write-good baselines. A report: exits 0 unless
 * `--check` is given and a target of issue 2 is missed.
 */
import { parseArgs } from 'node:util';
import { analyze } from '../src/coach/index.js';
import { LEARNED_CATEGORIES } from '../src/coach/learned/model.js';
import type { Verdict } from '../src/coach/types.js';
import { vaderVerdict, writeGoodVerdict } from './lib/baselines.js';
import { crisisReport } from './lib/crisis-report.js';
import { crossValidate, NEAR_COPY, ruleExamples, SETTINGS } from './lib/learn.js';
import {
  type ComparedCategory,
  type CorpusItem,
  compare,
  type FlagScore,
  failedTargets,
  flagScore,
  loadCorpus,
  type Miss,
  PROBLEM_CATEGORIES,
  type Scorecard,
  STRENGTH_CATEGORIES,
  score,
  TARGETS,
  toPrediction,
  VERDICTS,
} from './lib/score.js';

const DEFAULT_CORPUS = new URL('../test/fixtures/coach-corpus', import.meta.url).pathname;

const pct = (x: number): string => x.toFixed(3);
const pad = (s: string | number, n: number): string => String(s).padStart(n);

function printCategories(card: Scorecard): void {
  console.log(`\nPer category (a category is predicted when any finding of it is present), n=${card.total}`);
  console.log(
    `${'category'.padEnd(18)}${pad('prec', 8)}${pad('recall', 8)}${pad('F1', 8)}${pad('support', 9)}${pad('tp', 5)}${pad('fp', 5)}${pad('fn', 5)}`,
  );
  for (const c of card.categories) {
    const problem = (PROBLEM_CATEGORIES as readonly string[]).includes(c.category);
    const mark = problem && c.f1 < TARGETS.problemF1 ? '  < target' : '';
    console.log(
      `${c.category.padEnd(18)}${pad(pct(c.precision), 8)}${pad(pct(c.recall), 8)}${pad(pct(c.f1), 8)}${pad(c.support, 9)}${pad(c.tp, 5)}${pad(c.fp, 5)}${pad(c.fn, 5)}${mark}`,
    );
  }
}

function printVerdicts(card: Scorecard): void {
  console.log(`\nVerdict accuracy: ${pct(card.verdictAccuracy)} (target ≥ ${TARGETS.verdictAccuracy})`);
  console.log('Confusion (rows expected, columns predicted):');
  console.log(`${''.padEnd(10)}${VERDICTS.map((v) => pad(v, 8)).join('')}`);
  for (const expected of VERDICTS) {
    console.log(
      `${expected.padEnd(10)}${VERDICTS.map((got) => pad(card.confusion[expected][got], 8)).join('')}`,
    );
  }
  console.log(`Missed crises (${card.missedCrises.length}): ${card.missedCrises.join(', ') || 'none'}`);
  console.log(`False stops (${card.falseStops.length}): ${card.falseStops.join(', ') || 'none'}`);
}

function printBaselines(rows: [string, FlagScore][]): void {
  console.log('\nSend-or-not comparison (revise and stop both count as "flagged"):');
  console.log(`${'system'.padEnd(14)}${pad('accuracy', 10)}${pad('flag recall', 13)}${pad('flag prec', 11)}`);
  for (const [name, s] of rows) {
    console.log(
      `${name.padEnd(14)}${pad(pct(s.accuracy), 10)}${pad(pct(s.flagRecall), 13)}${pad(pct(s.flagPrecision), 11)}`,
    );
  }
}

/**
 * The learned scorer's cross-validated figures beside the rules' (issue 12): per category,
 * precision, recall and F1 of the rules alone, the scorer alone and both together, every
 * scorer figure from a model (and threshold) that never saw the item.
 */
function printCrossValidated(items: readonly CorpusItem[]): void {
  const started = performance.now();
  const extra = ruleExamples(items);
  const cv = crossValidate(items, extra);
  const systems = ['rules alone', 'scorer alone', 'rules+scorer'];
  const rows = compare(items, [cv.rules, cv.scorer, cv.combined], LEARNED_CATEGORIES);
  console.log(
    `\nLearned scorer, ${SETTINGS.folds}-fold cross-validation stratified by file (nested: thresholds chosen on inner folds), n=${items.length}`,
  );
  console.log(
    'The rules were written from this corpus, so their column is not first-sight; the scorer columns are.',
  );
  console.log(
    `The scorer also trains on the rules' examples, minus those that nearly copy a held-out message (word Jaccard ≥ ${NEAR_COPY}).`,
  );
  console.log(`${''.padEnd(16)}${''.padStart(8)}${systems.map((s) => s.padStart(24)).join('')}`);
  console.log(
    `${'category'.padEnd(16)}${'support'.padStart(8)}${systems.map(() => `${pad('prec', 8)}${pad('recall', 8)}${pad('F1', 8)}`).join('')}`,
  );
  const line = (row: ComparedCategory): string =>
    row.scores.map((c) => `${pad(pct(c.precision), 8)}${pad(pct(c.recall), 8)}${pad(pct(c.f1), 8)}`).join('');
  for (const row of rows) console.log(`${row.category.padEnd(16)}${pad(row.support, 8)}${line(row)}`);
  const macro = (j: number) => rows.slice(0, 7).reduce((sum, r) => sum + r.scores[j]!.f1, 0) / 7;
  console.log(`${'problem macro-F1'.padEnd(24)}${[0, 1, 2].map((j) => pad(pct(macro(j)), 24)).join('')}`);
  const accuracy = [cv.rules, cv.scorer, cv.combined].map((p) => pct(score(items, p).verdictAccuracy));
  console.log(`${'verdict acc.'.padEnd(24)}${accuracy.map((a) => pad(a, 24)).join('')}`);
  console.log('Thresholds chosen per outer fold (probability; 1 = off):');
  LEARNED_CATEGORIES.forEach((category, k) => {
    console.log(`  ${category.padEnd(16)}${cv.thresholds.map((t) => pad(t[k]!.toFixed(3), 7)).join('')}`);
  });

  // Harsher: whole files held out, as a new batch from new writers would be.
  const grouped = crossValidate(items, extra, SETTINGS, 'grouped');
  const groupedRows = compare(items, [grouped.scorer, grouped.combined], LEARNED_CATEGORIES);
  console.log(`\nThe same with whole files held out together (${SETTINGS.folds} folds of files):`);
  console.log(
    `${''.padEnd(24)}${systems
      .slice(1)
      .map((s) => s.padStart(24))
      .join('')}`,
  );
  for (const row of groupedRows) console.log(`${row.category.padEnd(16)}${pad(row.support, 8)}${line(row)}`);
  const groupedMacro = (j: number) =>
    groupedRows.slice(0, 7).reduce((sum, r) => sum + r.scores[j]!.f1, 0) / 7;
  console.log(`${'problem macro-F1'.padEnd(24)}${[0, 1].map((j) => pad(pct(groupedMacro(j)), 24)).join('')}`);
  console.log(`(cross-validation took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

function printMiss(m: Miss): void {
  const want = [...m.item.categories].sort().join(',') || '-';
  const got = [...m.predicted.categories].sort().join(',') || '-';
  const verdict = m.verdictWrong ? ` verdict ${m.item.verdict}→${m.predicted.verdict}` : '';
  console.log(`- ${m.item.id}${verdict}\n    expected [${want}] got [${got}]`);
  const diff = [
    m.missing.length > 0 ? `missing ${m.missing.join(',')}` : '',
    m.extra.length > 0 ? `extra ${m.extra.join(',')}` : '',
  ].filter(Boolean);
  if (diff.length > 0) console.log(`    ${diff.join('; ')}`);
  console.log(
    `    ${JSON.stringify(m.item.text.length > 160 ? `${m.item.text.slice(0, 157)}...` : m.item.text)}`,
  );
}

/** Misses that change the verdict or a problem/crisis category first; strength-only misses after. */
function printMisses(card: Scorecard): void {
  const strength = (c: string): boolean => (STRENGTH_CATEGORIES as readonly string[]).includes(c);
  const serious = card.misses.filter(
    (m) => m.verdictWrong || [...m.missing, ...m.extra].some((c) => !strength(c)),
  );
  const strengthOnly = card.misses.filter((m) => !serious.includes(m));
  console.log(`\nMisses that matter (${serious.length}: wrong verdict, problem or crisis category):`);
  for (const m of serious) printMiss(m);
  console.log(`\nStrength-only misses (${strengthOnly.length}):`);
  for (const m of strengthOnly) printMiss(m);
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      misses: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      corpus: { type: 'string', default: DEFAULT_CORPUS },
    },
    strict: true,
  });
  const items: CorpusItem[] = loadCorpus(values.corpus);
  const predictions = items.map((item) => toPrediction(analyze(item.text, item.context)));
  const card = score(items, predictions);
  const mix = VERDICTS.map((v) => `${v} ${items.filter((i) => i.verdict === v).length}`).join(', ');
  console.log(`Coach evaluation on ${items.length} messages (${mix}) from ${values.corpus}`);
  if (values.corpus === DEFAULT_CORPUS) {
    console.log(
      "The coach's learned scorer was trained on this corpus, so these figures are not first-sight; its cross-validated figures follow.",
    );
  }
  printCategories(card);
  printVerdicts(card);
  const ours: Verdict[] = predictions.map((p) => p.verdict);
  printBaselines([
    ['olive coach', flagScore(items, ours)],
    [
      'VADER',
      flagScore(
        items,
        items.map((i) => vaderVerdict(i.text)),
      ),
    ],
    [
      'write-good',
      flagScore(
        items,
        items.map((i) => writeGoodVerdict(i.text)),
      ),
    ],
  ]);
  printCrossValidated(items);
  console.log(`\n${crisisReport().join('\n')}`);
  if (values.misses) printMisses(card);
  const failures = failedTargets(card);
  console.log(`\nTargets: ${failures.length === 0 ? 'all met' : `${failures.length} missed`}`);
  for (const f of failures) console.log(`  FAIL ${f}`);
  return values.check && failures.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`eval: ${(error as Error).message}`);
  process.exitCode = 2;
}
