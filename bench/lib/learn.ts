/**
 * Training and cross-validation of the learned scorer (src/coach/learned/), shared by
 * `npm run train` (bench/train-scorer.ts), `npm run eval` and the test that holds the
 * shipped weights to what training produces. Deterministic: fixed seed, fixed order, no clock.
 *
 * Why sentences, and how they get labels. The corpus labels whole messages, but a finding
 * spans one sentence and the scorer reads one sentence at a time. A message-level model
 * would learn from a whole letter's words and then be asked about one line of it. So the
 * model is trained on sentences as multiple-instance learning (mi-SVM style, with logistic
 * loss): every sentence of a message *without* the category is a negative, which is
 * reliable; a message *with* it says only that at least one of its sentences has it. For
 * the first epochs all its sentences count as positive; after that only its best-scoring
 * sentence (the witness) does and the rest sit out. Single-sentence messages, most of the
 * corpus, are exact either way. At run time a message is flagged when any of its sentences
 * passes the threshold, which is how the witness was chosen.
 *
 * The rules' findings are not used as labels: the scorer is meant to find what the rules
 * miss, so it learns from what people wrote and labelled: the corpus, and the rules' own
 * flag and pass examples, each for its rule's category only (see `ruleExamples`; a rule
 * example that nearly copies a held-out message is left out of that fold).
 *
 * Crisis-labelled messages are left out of training: their other categories are not
 * labelled (the draft is not coached), so their sentences would be false negatives.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze, verdictOf } from '../../src/coach/analyze.js';
import { sentenceFeatures } from '../../src/coach/learned/features.js';
import {
  type CategoryWeights,
  type CompiledModel,
  compileModel,
  LEARNED_CATEGORIES,
  type LearnedCategory,
  type LearnedModelData,
  sentenceLogits,
  sigmoid,
} from '../../src/coach/learned/model.js';
import { LEARNED_RULE_PREFIX, learnedFindings } from '../../src/coach/learned/scorer.js';
import { normalize } from '../../src/coach/normalize.js';
import { allRules } from '../../src/coach/rules/index.js';
import { segment } from '../../src/coach/segment.js';
import type { Rule } from '../../src/coach/types.js';
import { type CorpusItem, type LabelCategory, type Prediction, toPrediction } from './score.js';

/* ------------------------------------------------------------------------------------------
 * Settings
 * ---------------------------------------------------------------------------------------- */

export interface TrainSettings {
  seed: number;
  epochs: number;
  /** Epochs in which every sentence of a positive message counts as positive. */
  warmEpochs: number;
  /** Initial learning rate; it decays as eta0 / (1 + eta0 · l2 · t). */
  eta0: number;
  l2: number;
  /** Weight of a positive instance: the categories are rare, and recall is learned from few. */
  positiveWeight: number;
  /** A feature is kept only if it occurs in at least this many training sentences. */
  minCount: number;
  /** Weights smaller than this are dropped from the shipped file (and from every fold). */
  minWeight: number;
  folds: number;
  /** Thresholds aim at this precision on out-of-fold scores. */
  targetPrecision: number;
  /** ...with at least this many true positives behind it, or the category stays off. */
  minTruePositives: number;
}

export const SETTINGS: TrainSettings = {
  seed: 12,
  epochs: 16,
  warmEpochs: 3,
  eta0: 0.2,
  l2: 1e-3,
  positiveWeight: 2,
  minCount: 3,
  minWeight: 0.1,
  folds: 5,
  // The brief asks for precision ≥ 0.85. A threshold chosen on inner folds lands lower on
  // the fold it has not seen (0.77 to 0.90 when aiming at 0.85), so it aims at 0.90.
  targetPrecision: 0.9,
  minTruePositives: 3,
};

/* ------------------------------------------------------------------------------------------
 * Examples
 * ---------------------------------------------------------------------------------------- */

/** A corpus message as the trainer sees it: its labels and each sentence's feature names. */
export interface Example {
  item: CorpusItem;
  /** The corpus file it came from (folds are stratified by file). */
  file: string;
  labels: ReadonlySet<LabelCategory>;
  /**
   * The categories its labels speak for: undefined for a corpus message (all of them); one
   * category for a rule example, which says only whether that category is present.
   */
  known?: ReadonlySet<LearnedCategory>;
  /**
   * For a rule example: ids of corpus messages it nearly copies (word-set Jaccard ≥
   * NEAR_COPY). Many rule examples were written from corpus messages, so a fold that holds
   * one of those messages out must leave the example out too, or it would be tested on
   * what it trained on.
   */
  near?: ReadonlySet<string>;
  sentences: string[][];
}

/** Word-set Jaccard similarity at which a rule example counts as a near copy of a message. */
export const NEAR_COPY = 0.5;

function wordSet(text: string): Set<string> {
  return new Set(
    normalize(text)
      .text.split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== ''),
  );
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** The rule examples a training set may use when `heldOut` (corpus messages) is held out. */
function usable(extra: readonly Example[], heldOut: readonly Example[]): Example[] {
  const ids = new Set(heldOut.map((e) => e.item.id));
  return extra.filter((e) => ![...(e.near ?? [])].some((id) => ids.has(id)));
}

/**
 * @example
 * const examples = toExamples(loadCorpus('test/fixtures/coach-corpus'));
 */
export function toExamples(items: readonly CorpusItem[]): Example[] {
  return items.map((item) => {
    const n = normalize(item.text);
    const segments = segment(n);
    const sentences = segments.sentences
      .map((s) => sentenceFeatures(n, s, segments.quoted).names)
      .filter((names) => names.length > 0);
    return { item, file: item.source.replace(/:\d+$/, ''), labels: new Set(item.categories), sentences };
  });
}

/**
 * The rules' own flag and pass examples (src/coach/rules/), as extra training sentences
 * for the category of their rule: a flag example has it, a pass example does not (unless
 * another rule of the category finds it there). They say nothing about other categories.
 * Crisis rules are left out: the scorer never decides crisis.
 *
 * @example
 * const extra = ruleExamples(corpusItems); // [{ labels: Set { 'you_blame' }, known: Set { 'you_blame' }, … }, …]
 */
export function ruleExamples(corpus: readonly CorpusItem[]): Example[] {
  const learned = new Set<string>(LEARNED_CATEGORIES);
  const messages = corpus.map((item) => ({ id: item.id, words: wordSet(item.text) }));
  const seen = new Set<string>();
  const out: Example[] = [];
  const add = (rule: Rule, text: string, has: boolean) => {
    const category = rule.category as LearnedCategory;
    const key = `${category}\n${has}\n${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    const found = analyze(text).findings.some(
      (f) => f.category === category && !f.ruleId.startsWith(LEARNED_RULE_PREFIX),
    );
    if (!has && found) return;
    const item: CorpusItem = {
      id: rule.id,
      text,
      categories: has ? [category] : [],
      verdict: 'send',
      source: 'rules',
    };
    const [example] = toExamples([item]);
    const words = wordSet(text);
    const near = new Set(messages.filter((m) => jaccard(words, m.words) >= NEAR_COPY).map((m) => m.id));
    out.push({ ...example!, file: 'rules', known: new Set([category]), near });
  };
  for (const rule of allRules) {
    if (!learned.has(rule.category)) continue;
    for (const text of [...rule.examples.flag, ...rule.exceptions.flatMap((e) => e.examples.flag)]) {
      add(rule, text, true);
    }
    for (const text of [...rule.examples.pass, ...rule.exceptions.flatMap((e) => e.examples.pass)]) {
      add(rule, text, false);
    }
  }
  return out;
}

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same sequence everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/**
 * Fold of each example, stratified by file: each file's messages are shuffled (seeded) and
 * dealt round the folds, continuing where the previous file stopped, so every fold holds a
 * share of every file and the folds differ in size by at most one.
 *
 * @example
 * foldsByFile(examples, 5, 12); // [3, 0, 4, …]
 */
export function foldsByFile(examples: readonly Example[], k: number, seed: number): number[] {
  const random = prng(seed);
  const byFile = new Map<string, number[]>();
  examples.forEach((e, i) => {
    const list = byFile.get(e.file);
    if (list) list.push(i);
    else byFile.set(e.file, [i]);
  });
  const fold = new Array<number>(examples.length).fill(0);
  let next = 0;
  for (const file of [...byFile.keys()].sort()) {
    for (const i of shuffle(byFile.get(file)!, random)) {
      fold[i] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}

/**
 * Fold of each example, whole files at a time: every file is held out in one piece, as a new
 * batch from new writers would be. Files are dealt largest first to the fold with the fewest
 * messages so far (ties to the lower fold), so the folds stay close in size.
 *
 * @example
 * foldsGroupedByFile(examples, 5); // every message of 08-crisis.jsonl in the same fold
 */
export function foldsGroupedByFile(examples: readonly Example[], k: number): number[] {
  const sizes = new Map<string, number>();
  for (const e of examples) sizes.set(e.file, (sizes.get(e.file) ?? 0) + 1);
  const files = [...sizes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [file, size] of files) {
    const f = load.indexOf(Math.min(...load));
    foldOf.set(file, f);
    load[f]! += size;
  }
  return examples.map((e) => foldOf.get(e.file)!);
}

/* ------------------------------------------------------------------------------------------
 * Training
 * ---------------------------------------------------------------------------------------- */

const isCrisis = (e: Example): boolean => e.labels.has('crisis');

/** One category's logistic regression: bias and weight per kept feature. */
interface Trained {
  bias: number;
  weights: Float64Array;
}

/**
 * Trains every category's weights on `examples` (crisis ones skipped), rounded and pruned
 * exactly as they are shipped. Thresholds are not set here (see `buildModel`).
 */
export function trainWeights(
  examples: readonly Example[],
  settings: TrainSettings = SETTINGS,
): Record<LearnedCategory, Omit<CategoryWeights, 'threshold'>> {
  const train = examples.filter((e) => !isCrisis(e));
  const counts = new Map<string, number>();
  for (const e of train)
    for (const s of e.sentences) for (const f of s) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts.entries()]
    .filter(([, c]) => c >= settings.minCount)
    .map(([f]) => f)
    .sort();
  const id = new Map(vocabulary.map((f, i) => [f, i]));
  const bags = train.map((e) => e.sentences.map((s) => Int32Array.from(s.flatMap((f) => id.get(f) ?? []))));
  const out = {} as Record<LearnedCategory, Omit<CategoryWeights, 'threshold'>>;
  LEARNED_CATEGORIES.forEach((category, k) => {
    const label = train.map((e) => (e.known && !e.known.has(category) ? -1 : e.labels.has(category) ? 1 : 0));
    const trained = trainCategory(bags, label, vocabulary.length, settings, settings.seed + k);
    const entries: string[] = [];
    trained.weights.forEach((w, i) => {
      const rounded = Math.round(w * 1000) / 1000;
      if (Math.abs(rounded) >= settings.minWeight) entries.push(`${vocabulary[i]}:${rounded}`);
    });
    out[category] = { bias: Math.round(trained.bias * 1000) / 1000, weights: entries.join(' ') };
  });
  return out;
}

function dot(w: Float64Array, scale: number, bias: number, x: Int32Array): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) s += w[x[j]!]!;
  return s * scale + bias;
}

/**
 * Multiple-instance logistic regression by SGD with L2 (the weights kept as scale × v so
 * decay costs O(1) per step, Bottou's trick).
 */
export function trainCategory(
  bags: readonly Int32Array[][],
  /** 1 has the category, 0 has not, -1 unknown (left out). */
  label: readonly number[],
  size: number,
  settings: TrainSettings,
  seed: number,
): Trained {
  const random = prng(seed);
  const v = new Float64Array(size);
  let scale = 1;
  let bias = 0;
  let t = 0;
  const order = bags.map((_, i) => i);
  const step = (x: Int32Array, y: number, weight: number): void => {
    const eta = settings.eta0 / (1 + settings.eta0 * settings.l2 * t++);
    const p = sigmoid(dot(v, scale, bias, x));
    const g = (y - p) * weight;
    scale *= 1 - eta * settings.l2;
    if (scale < 1e-9) {
      for (let j = 0; j < size; j++) v[j]! *= scale;
      scale = 1;
    }
    const delta = (eta * g) / scale;
    for (let j = 0; j < x.length; j++) v[x[j]!]! += delta;
    bias += eta * g;
  };
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (const i of shuffle(order, random)) {
      const sentences = bags[i]!;
      if (sentences.length === 0 || label[i] === -1) continue;
      if (label[i] === 0) {
        for (const x of sentences) step(x, 0, 1);
      } else if (epoch < settings.warmEpochs) {
        for (const x of sentences) step(x, 1, settings.positiveWeight);
      } else {
        let witness = sentences[0]!;
        let best = Number.NEGATIVE_INFINITY;
        for (const x of sentences) {
          const s = dot(v, scale, bias, x);
          if (s > best) {
            best = s;
            witness = x;
          }
        }
        step(witness, 1, settings.positiveWeight);
      }
    }
  }
  return { bias, weights: v.map((w) => w * scale) };
}

/** A message's score per category: the best of its sentences' probabilities. */
export function messageScores(model: CompiledModel, example: Example): Float64Array {
  const best = new Float64Array(LEARNED_CATEGORIES.length);
  for (const names of example.sentences) {
    const logits = sentenceLogits(model, { names });
    for (let k = 0; k < logits.length; k++) best[k] = Math.max(best[k]!, sigmoid(logits[k]!));
  }
  return best;
}

/**
 * The lowest threshold whose out-of-fold precision reaches the target (most recall for
 * that precision), halfway to the next lower score so it does not sit on one message;
 * 1 (never fires) when no threshold reaches it with enough true positives behind it.
 *
 * @example
 * chooseThreshold([0.9, 0.8, 0.3], [true, true, false], 0.85, 2); // 0.55
 */
export function chooseThreshold(
  scores: readonly number[],
  labels: readonly boolean[],
  targetPrecision: number,
  minTruePositives: number,
): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let tp = 0;
  let fp = 0;
  let chosen = -1;
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    if (labels[i]) tp++;
    else fp++;
    const next = order[r + 1];
    // Only between distinct scores: a threshold cannot split ties.
    if (next !== undefined && scores[next] === scores[i]) continue;
    if (tp >= minTruePositives && tp / (tp + fp) >= targetPrecision) chosen = r;
  }
  if (chosen < 0) return 1;
  const at = scores[order[chosen]!]!;
  const below = order[chosen + 1] === undefined ? 0 : scores[order[chosen + 1]!]!;
  return Math.round(((at + below) / 2) * 1e4) / 1e4;
}

/**
 * The model `npm run train` ships for `examples`: thresholds from `folds`-fold
 * cross-validated scores on those examples, then weights trained on all of them.
 *
 * @example
 * const data = buildModel(toExamples(items), corpusChecksum(CORPUS));
 */
export function buildModel(
  examples: readonly Example[],
  corpus: string,
  settings: TrainSettings = SETTINGS,
): LearnedModelData {
  const train = examples.filter((e) => !isCrisis(e) && e.known === undefined);
  const extra = examples.filter((e) => e.known !== undefined);
  const fold = foldsByFile(train, settings.folds, settings.seed);
  const scores: Float64Array[] = train.map(() => new Float64Array(LEARNED_CATEGORIES.length));
  for (let f = 0; f < settings.folds; f++) {
    const model = compileModel(
      withThresholds(
        trainWeights(
          [
            ...train.filter((_, i) => fold[i] !== f),
            ...usable(
              extra,
              train.filter((_, i) => fold[i] === f),
            ),
          ],
          settings,
        ),
        () => 1,
        corpus,
        0,
      ),
    );
    train.forEach((e, i) => {
      if (fold[i] === f) scores[i] = messageScores(model, e);
    });
  }
  // Thresholds are set on corpus messages only: they are what the coach will be shown.
  const thresholds = LEARNED_CATEGORIES.map((category, k) =>
    chooseThreshold(
      scores.map((s) => s[k]!),
      train.map((e) => e.labels.has(category)),
      settings.targetPrecision,
      settings.minTruePositives,
    ),
  );
  return withThresholds(
    trainWeights([...train, ...extra], settings),
    (k) => thresholds[k]!,
    corpus,
    train.length,
  );
}

function withThresholds(
  weights: Record<LearnedCategory, Omit<CategoryWeights, 'threshold'>>,
  threshold: (k: number) => number,
  corpus: string,
  messages: number,
): LearnedModelData {
  const categories = {} as Record<LearnedCategory, CategoryWeights>;
  LEARNED_CATEGORIES.forEach((category, k) => {
    const { bias, weights: w } = weights[category];
    categories[category] = { bias, threshold: threshold(k), weights: w };
  });
  return { version: 1, corpus, messages, categories };
}

/**
 * SHA-256 over the corpus folder's .jsonl files (names and contents, sorted by name): the
 * shipped weights record it, and a test fails when the corpus changed without retraining.
 */
export function corpusChecksum(folder: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    hash.update(`${basename(name)}\n`);
    hash.update(readFileSync(join(folder, name)));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/* ------------------------------------------------------------------------------------------
 * Cross-validation of rules, scorer and both
 * ---------------------------------------------------------------------------------------- */

/** Out-of-fold predictions for every corpus item, three ways. */
export interface CrossValidated {
  rules: Prediction[];
  scorer: Prediction[];
  combined: Prediction[];
  /** The threshold each outer fold chose, per category (from its own inner folds). */
  thresholds: number[][];
}

/**
 * Nested k-fold cross-validation, stratified by file (or, `grouped`, whole files held out
 * together, closer to a first sight of a new batch): for each outer fold, a model is built
 * on the other folds exactly as `npm run train` builds the shipped one (thresholds from
 * inner folds of that training part, then weights on all of it) and applied to the held-out
 * fold. No item is ever scored by a model that saw it, nor by a threshold chosen on it.
 * The rules are the same in every fold (they are not trained), so their figures are their
 * figures on the whole corpus, which they were written from.
 *
 * @example
 * const cv = crossValidate(loadCorpus(CORPUS));
 */
export function crossValidate(
  items: readonly CorpusItem[],
  extra: readonly Example[] = [],
  settings: TrainSettings = SETTINGS,
  folds: 'stratified' | 'grouped' = 'stratified',
): CrossValidated {
  const examples = toExamples(items);
  const fold =
    folds === 'grouped'
      ? foldsGroupedByFile(examples, settings.folds)
      : foldsByFile(examples, settings.folds, settings.seed + 1);
  const rules: Prediction[] = [];
  const scorer: Prediction[] = [];
  const combined: Prediction[] = [];
  const thresholds: number[][] = [];
  const ruleFindings = items.map((item) =>
    analyze(item.text, item.context).findings.filter((f) => !f.ruleId.startsWith(LEARNED_RULE_PREFIX)),
  );
  const models: CompiledModel[] = [];
  for (let f = 0; f < settings.folds; f++) {
    const heldOut = examples.filter((_, i) => fold[i] === f);
    const data = buildModel(
      [...examples.filter((_, i) => fold[i] !== f), ...usable(extra, heldOut)],
      '',
      settings,
    );
    thresholds.push(LEARNED_CATEGORIES.map((c) => data.categories[c].threshold));
    models.push(compileModel(data));
  }
  items.forEach((item, i) => {
    const model = models[fold[i]!]!;
    const n = normalize(item.text);
    const draft = { n, segments: segment(n) };
    const fromRules = ruleFindings[i]!;
    const crisisOnly = fromRules.filter((f) => f.category === 'crisis');
    const alone = item.text.trim() === '' ? [] : learnedFindings(draft, crisisOnly, model);
    const added = item.text.trim() === '' ? [] : learnedFindings(draft, fromRules, model);
    const own = [...crisisOnly, ...alone];
    const both = [...fromRules, ...added];
    rules.push(toPrediction({ verdict: verdictOf(fromRules), findings: fromRules }));
    scorer.push(toPrediction({ verdict: verdictOf(own), findings: own }));
    combined.push(toPrediction({ verdict: verdictOf(both), findings: both }));
  });
  return { rules, scorer, combined, thresholds };
}
