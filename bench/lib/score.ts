/**
 * Scoring of the message coach against a labelled corpus, shared by `npm run eval`
 * (bench/eval.ts) and the Vitest gate (test/eval.test.ts) so both report the same numbers.
 *
 * The corpus format and the labelling guide live in test/fixtures/README.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DraftContext, Report, Verdict } from '../../src/coach/types.js';

/* ------------------------------------------------------------------------------------------
 * Types
 * ---------------------------------------------------------------------------------------- */

export const PROBLEM_CATEGORIES = [
  'you_blame',
  'begging',
  'over_promise',
  'blind_apology',
  'pressure',
  'manipulation',
  'rehash',
] as const;

export const STRENGTH_CATEGORIES = [
  'i_statement',
  'specific_apology',
  'respects_space',
  'appreciation',
  'empathy',
] as const;

/** Every text category a corpus line may label; context categories are judged through the verdict. */
export const LABEL_CATEGORIES = [...PROBLEM_CATEGORIES, 'crisis', ...STRENGTH_CATEGORIES] as const;

export type LabelCategory = (typeof LABEL_CATEGORIES)[number];

export const VERDICTS = ['send', 'revise', 'stop'] as const satisfies readonly Verdict[];

export interface CorpusItem {
  id: string;
  text: string;
  categories: LabelCategory[];
  verdict: Verdict;
  context?: DraftContext;
  note?: string;
  /** Which file and line it came from, for error messages and `--misses`. */
  source: string;
}

/** What a system said about one item: the label categories it found and its verdict. */
export interface Prediction {
  categories: ReadonlySet<LabelCategory>;
  verdict: Verdict;
}

export interface CategoryScore {
  category: LabelCategory;
  tp: number;
  fp: number;
  fn: number;
  /** Items labelled with the category. */
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  item: CorpusItem;
  predicted: Prediction;
  /** Labelled but not found. */
  missing: LabelCategory[];
  /** Found but not labelled. */
  extra: LabelCategory[];
  verdictWrong: boolean;
}

export interface Scorecard {
  total: number;
  categories: CategoryScore[];
  verdictAccuracy: number;
  /** confusion[expected][predicted] = count */
  confusion: Record<Verdict, Record<Verdict, number>>;
  /** Items labelled `crisis` where no crisis finding came back (P3, safety first). */
  missedCrises: string[];
  /** Items not expected to stop that got `stop`. */
  falseStops: string[];
  misses: Miss[];
}

/** Send-or-not view, the only thing a sentiment or style baseline can be judged on. */
export interface FlagScore {
  accuracy: number;
  /** Of the items that should not go out as written (revise or stop), how many were flagged. */
  flagRecall: number;
  /** Of the items flagged, how many really should not go out as written. */
  flagPrecision: number;
}

export interface Targets {
  verdictAccuracy: number;
  problemF1: number;
}

/** Issue 2, "Evaluation". */
export const TARGETS: Targets = { verdictAccuracy: 0.9, problemF1: 0.85 };

/* ------------------------------------------------------------------------------------------
 * Loading
 * ---------------------------------------------------------------------------------------- */

const channel = z.enum(['email', 'text', 'call_script', 'letter', 'social']);
const rung = z.enum(['email', 'text', 'call', 'meeting']);

const contextSchema = z.strictObject({
  channel: channel.optional(),
  sendAt: z.iso.datetime({ offset: true }).optional(),
  exTimeZone: z.string().min(1).optional(),
  unansweredInARow: z.number().int().min(0).optional(),
  currentRung: rung.optional(),
  outreachLocked: z.boolean().optional(),
  lockReason: z.string().min(1).optional(),
  lockExplanation: z.string().optional(),
});

const lineSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase kebab-case'),
  text: z.string(),
  categories: z.array(z.enum(LABEL_CATEGORIES)),
  verdict: z.enum(VERDICTS),
  context: contextSchema.optional(),
  note: z.string().optional(),
});

/** A corpus file or line that does not follow test/fixtures/README.md. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
}

/**
 * Parse JSON Lines corpus text. Blank lines are skipped; any other bad line throws a
 * CorpusError naming the file and line, since a silently dropped item would skew every figure.
 *
 * @example
 * parseCorpus('{"id":"a","text":"thank you","categories":["appreciation"],"verdict":"send"}', 'x.jsonl');
 * // → [{ id: 'a', text: 'thank you', categories: ['appreciation'], verdict: 'send', source: 'x.jsonl:1' }]
 */
export function parseCorpus(jsonl: string, file: string): CorpusItem[] {
  const items: CorpusItem[] = [];
  const lines = jsonl.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const source = `${file}:${index + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      throw new CorpusError(`${source}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = lineSchema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
      throw new CorpusError(`${source}: ${first?.message ?? 'invalid line'}${where}`);
    }
    const { context, note, ...rest } = parsed.data;
    const item: CorpusItem = { ...rest, source };
    if (context !== undefined) item.context = context;
    if (note !== undefined) item.note = note;
    checkConsistent(item);
    items.push(item);
  }
  return items;
}

/** Labels that contradict the verdict rules of METHOD.md are labelling mistakes: refuse them. */
function checkConsistent(item: CorpusItem): void {
  const problems = item.categories.some((c) => (PROBLEM_CATEGORIES as readonly string[]).includes(c));
  const crisis = item.categories.includes('crisis');
  const locked = item.context?.outreachLocked === true;
  if (new Set(item.categories).size !== item.categories.length) {
    throw new CorpusError(`${item.source}: duplicate category in ${item.id}`);
  }
  if ((crisis || locked) && item.verdict !== 'stop') {
    throw new CorpusError(`${item.source}: ${item.id} has crisis or a lock, so its verdict must be stop`);
  }
  if (item.verdict === 'stop' && !crisis && !locked) {
    throw new CorpusError(`${item.source}: ${item.id} is stop without crisis or a lock`);
  }
  if (item.verdict === 'send' && problems) {
    throw new CorpusError(`${item.source}: ${item.id} is send but labels a problem category`);
  }
  if (item.verdict === 'revise' && !problems && item.context === undefined) {
    throw new CorpusError(`${item.source}: ${item.id} is revise with no problem category and no context`);
  }
}

/**
 * Load a corpus from one .jsonl file or every .jsonl file of a folder (sorted by name).
 * Ids must be unique across files.
 *
 * @example
 * const items = loadCorpus('test/fixtures/coach-corpus');
 */
export function loadCorpus(path: string): CorpusItem[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith('.jsonl'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  const items = files.flatMap((file) => parseCorpus(readFileSync(file, 'utf8'), file));
  const seen = new Map<string, string>();
  for (const item of items) {
    const other = seen.get(item.id);
    if (other !== undefined) throw new CorpusError(`${item.source}: id ${item.id} already used at ${other}`);
    seen.set(item.id, item.source);
  }
  return items;
}

/* ------------------------------------------------------------------------------------------
 * Scoring
 * ---------------------------------------------------------------------------------------- */

const LABELS = new Set<string>(LABEL_CATEGORIES);

/**
 * Turn a coach Report into a Prediction: a category is predicted when any finding of that
 * category is present; context categories (timing, unanswered, …) only count through the verdict.
 *
 * @example
 * toPrediction({ verdict: 'revise', findings: [{ category: 'you_blame', … }] });
 * // → { categories: Set { 'you_blame' }, verdict: 'revise' }
 */
export function toPrediction(report: Report): Prediction {
  const categories = new Set<LabelCategory>();
  for (const finding of report.findings) {
    if (LABELS.has(finding.category)) categories.add(finding.category as LabelCategory);
  }
  return { categories, verdict: report.verdict };
}

function ratio(numerator: number, denominator: number, whenEmpty: number): number {
  return denominator === 0 ? whenEmpty : numerator / denominator;
}

function emptyConfusion(): Record<Verdict, Record<Verdict, number>> {
  const row = (): Record<Verdict, number> => ({ send: 0, revise: 0, stop: 0 });
  return { send: row(), revise: row(), stop: row() };
}

/**
 * Score predictions against the corpus. `predictions[i]` belongs to `items[i]`.
 * A category nobody labelled and nobody predicted scores 1 (nothing to get wrong);
 * one with labels but no predictions scores recall 0 and F1 0.
 *
 * @example
 * const card = score(items, items.map((item) => toPrediction(analyze(item.text, item.context))));
 * card.verdictAccuracy; // 0.93
 */
export function score(items: readonly CorpusItem[], predictions: readonly Prediction[]): Scorecard {
  if (items.length !== predictions.length) {
    throw new RangeError(`${items.length} items but ${predictions.length} predictions`);
  }
  const counts = new Map<LabelCategory, { tp: number; fp: number; fn: number }>(
    LABEL_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]),
  );
  const confusion = emptyConfusion();
  const missedCrises: string[] = [];
  const falseStops: string[] = [];
  const misses: Miss[] = [];
  let correct = 0;

  items.forEach((item, i) => {
    const predicted = predictions[i]!;
    const expected = new Set(item.categories);
    for (const category of LABEL_CATEGORIES) {
      const count = counts.get(category)!;
      const want = expected.has(category);
      const got = predicted.categories.has(category);
      if (want && got) count.tp++;
      else if (got) count.fp++;
      else if (want) count.fn++;
    }
    confusion[item.verdict][predicted.verdict]++;
    const verdictWrong = item.verdict !== predicted.verdict;
    if (!verdictWrong) correct++;
    if (expected.has('crisis') && !predicted.categories.has('crisis')) missedCrises.push(item.id);
    if (item.verdict !== 'stop' && predicted.verdict === 'stop') falseStops.push(item.id);
    const missing = item.categories.filter((c) => !predicted.categories.has(c));
    const extra = [...predicted.categories].filter((c) => !expected.has(c));
    if (verdictWrong || missing.length > 0 || extra.length > 0) {
      misses.push({ item, predicted, missing, extra, verdictWrong });
    }
  });

  const categories = LABEL_CATEGORIES.map((category): CategoryScore => {
    const { tp, fp, fn } = counts.get(category)!;
    const precision = ratio(tp, tp + fp, 1);
    const recall = ratio(tp, tp + fn, 1);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { category, tp, fp, fn, support: tp + fn, precision, recall, f1 };
  });

  return {
    total: items.length,
    categories,
    verdictAccuracy: ratio(correct, items.length, 1),
    confusion,
    missedCrises,
    falseStops,
    misses,
  };
}

/**
 * Judge verdicts on the send-or-not axis only: a baseline that can say "revise" but never
 * "stop" is still credited for flagging a crisis message, since it did not let it through.
 *
 * @example
 * flagScore(items, items.map(() => 'send')); // { accuracy: 0.35, flagRecall: 0, flagPrecision: 1 }
 */
export function flagScore(items: readonly CorpusItem[], verdicts: readonly Verdict[]): FlagScore {
  if (items.length !== verdicts.length) {
    throw new RangeError(`${items.length} items but ${verdicts.length} verdicts`);
  }
  let correct = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  items.forEach((item, i) => {
    const want = item.verdict !== 'send';
    const got = verdicts[i] !== 'send';
    if (want === got) correct++;
    if (want && got) tp++;
    else if (got) fp++;
    else if (want) fn++;
  });
  return {
    accuracy: ratio(correct, items.length, 1),
    flagRecall: ratio(tp, tp + fn, 1),
    flagPrecision: ratio(tp, tp + fp, 1),
  };
}

/**
 * The issue's targets, as human-readable failures (empty when all are met): verdict
 * accuracy, every problem category's F1, crisis recall 1.0 and no false stop.
 *
 * @example
 * failedTargets(card); // ['verdict accuracy 0.871 < 0.90', 'missed crisis: crisis-kms-lower']
 */
export function failedTargets(card: Scorecard, targets: Targets = TARGETS): string[] {
  const failures: string[] = [];
  if (card.verdictAccuracy < targets.verdictAccuracy) {
    failures.push(
      `verdict accuracy ${card.verdictAccuracy.toFixed(3)} < ${targets.verdictAccuracy.toFixed(2)}`,
    );
  }
  for (const c of card.categories) {
    if ((PROBLEM_CATEGORIES as readonly string[]).includes(c.category) && c.f1 < targets.problemF1) {
      failures.push(`${c.category} F1 ${c.f1.toFixed(3)} < ${targets.problemF1.toFixed(2)}`);
    }
  }
  for (const id of card.missedCrises) failures.push(`missed crisis: ${id}`);
  for (const id of card.falseStops) failures.push(`false stop: ${id}`);
  return failures;
}

/** One category's scores from several systems on the same items, for a side-by-side table. */
export interface ComparedCategory {
  category: LabelCategory;
  support: number;
  /** In the order the systems were given. */
  scores: CategoryScore[];
}

/**
 * Score several systems on the same items and line their per-category figures up, for the
 * categories asked (all label categories by default).
 *
 * @example
 * compare(items, [rules, scorer, combined], ['you_blame', 'pressure']);
 * // → [{ category: 'you_blame', support: 92, scores: [rulesScore, scorerScore, combinedScore] }, …]
 */
export function compare(
  items: readonly CorpusItem[],
  systems: readonly (readonly Prediction[])[],
  categories: readonly LabelCategory[] = LABEL_CATEGORIES,
): ComparedCategory[] {
  const cards = systems.map((predictions) => score(items, predictions));
  return categories.map((category) => {
    const scores = cards.map((card) => card.categories.find((c) => c.category === category)!);
    return { category, support: scores[0]?.support ?? 0, scores };
  });
}
