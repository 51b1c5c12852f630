/**
 * The learned crisis scorer's training (`npm run train`): a logistic regression over the
 * same sentence features as the category scorer (words, word pairs, concept hits, sentence
 * shapes), trained on every crisis-labelled message the project holds: the crisis batches
 * written by helper sessions (test/fixtures/crisis-corpus/, crisis-first-sight/) and the
 * development corpus (test/fixtures/coach-corpus/) and the detector's own flag and pass examples
 * (test/fixtures/crisis-examples.json). It sits beside the concept detector,
 * which it never replaces: the detector's findings stand, and a sentence the detector let
 * through is a crisis when its probability reaches the threshold.
 *
 * The threshold is chosen for recall (a miss can cost a life, a false alarm costs a moment)
 * under a ceiling on false alarms, by leave-one-batch-out cross-validation: each crisis batch
 * is scored by a model that never saw it, as a new batch from new writers would be. The same
 * held-out scores are what `npm run eval` reports. Deterministic: the same data always gives
 * the same file, and a test retrains and compares.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCrisis } from '../../src/coach/crisis/detector.js';
import type { CrisisModelData } from '../../src/coach/crisis/learned.js';
import { sentenceFeatures } from '../../src/coach/learned/features.js';
import { normalize } from '../../src/coach/normalize.js';
import { segment } from '../../src/coach/segment.js';
import { type TrainSettings, trainCategory } from './learn.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
/** Where the training messages live, relative to test/fixtures/. */
export const CRISIS_SOURCES = ['crisis-corpus', 'crisis-first-sight', 'coach-corpus'] as const;
/** The detector's flag and pass examples, relative to test/fixtures/. */
const EXAMPLES = 'crisis-examples.json';

/** The category scorer's training settings (learn.ts), and how many false alarms may be added. */
export interface CrisisSettings
  extends Pick<
    TrainSettings,
    'seed' | 'epochs' | 'warmEpochs' | 'eta0' | 'l2' | 'positiveWeight' | 'minCount' | 'minWeight'
  > {
  /** Out-of-fold false alarms allowed among messages that are not crises, as a share. */
  maxFalseAlarms: number;
}

export const CRISIS_SETTINGS: CrisisSettings = {
  seed: 21,
  epochs: 16,
  warmEpochs: 3,
  eta0: 0.2,
  l2: 1e-3,
  positiveWeight: 1,
  minCount: 2,
  minWeight: 0.1,
  maxFalseAlarms: 0.005,
};

export interface CrisisExample {
  id: string;
  text: string;
  /** The file it came from: a crisis batch is held out whole. */
  file: string;
  crisis: boolean;
  /** What the concept detector says on its own. */
  detected: boolean;
  /** Each sentence's feature names. */
  sentences: string[][];
}

function features(text: string): { detected: boolean; sentences: string[][] } {
  const n = normalize(text);
  const { sentences } = segment(n);
  const { hits, cleared } = readCrisis(n, sentences);
  return {
    detected: hits.length > 0,
    // As the coach reads them: the sentences the detector cleared are left to it. Quoted
    // words count (crisis language in quotes is still read: when in doubt, it fires).
    sentences: sentences
      .filter((_, i) => !cleared.has(i))
      .map((s) => sentenceFeatures(n, s, []).names)
      .filter((f) => f.length > 0),
  };
}

/** Every labelled message under test/fixtures/{crisis-corpus,crisis-first-sight,coach-corpus}. */
export function loadCrisisExamples(root: string = FIXTURES): CrisisExample[] {
  const out: CrisisExample[] = [];
  for (const dir of CRISIS_SOURCES) {
    for (const name of readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.jsonl'))
      .sort()) {
      const lines = readFileSync(join(root, dir, name), 'utf8').split('\n');
      for (const line of lines) {
        if (line.trim() === '') continue;
        const d = JSON.parse(line) as { id: string; text: string; crisis?: boolean; categories?: string[] };
        const crisis = d.crisis ?? d.categories?.includes('crisis') ?? false;
        out.push({ id: d.id, text: d.text, file: `${dir}/${name}`, crisis, ...features(d.text) });
      }
    }
  }
  // The detector's own examples (crisis-examples.json): what it was built to flag and to pass.
  const examples = JSON.parse(readFileSync(join(root, EXAMPLES), 'utf8')) as {
    flag: string[];
    pass: string[];
  };
  for (const [crisis, list] of [
    [true, examples.flag],
    [false, examples.pass],
  ] as const) {
    list.forEach((text, i) => {
      out.push({ id: `${crisis ? 'flag' : 'pass'}-${i}`, text, file: EXAMPLES, crisis, ...features(text) });
    });
  }
  return out;
}

/** SHA-256 of every training file, so a model older than its data is detected. */
export function crisisChecksum(root: string = FIXTURES): string {
  const hash = createHash('sha256');
  for (const dir of CRISIS_SOURCES) {
    for (const name of readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.jsonl'))
      .sort()) {
      hash.update(`${dir}/${name}\n`);
      hash.update(readFileSync(join(root, dir, name)));
    }
  }
  hash.update(readFileSync(join(root, EXAMPLES)));
  return hash.digest('hex');
}

interface Trained {
  bias: number;
  weights: Map<string, number>;
}

/**
 * Look-alikes written to test the detector (its pass examples, and the corpus files of crisis
 * look-alikes) count this many times in training: the words of a figure of speech ("I don't
 * want to wake up early") are crisis words, and one copy is too little to learn the difference.
 */
const LOOK_ALIKE_WEIGHT = 3;
const isLookAlike = (e: CrisisExample): boolean =>
  !e.crisis && (e.file === EXAMPLES || /^coach-corpus\/.*crisis.*\.jsonl$/.test(e.file));

function train(given: readonly CrisisExample[], settings: CrisisSettings): Trained {
  const examples = given.flatMap((e) =>
    isLookAlike(e) ? new Array<CrisisExample>(LOOK_ALIKE_WEIGHT).fill(e) : [e],
  );
  const counts = new Map<string, number>();
  for (const e of examples)
    for (const s of e.sentences) for (const f of s) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts.entries()]
    .filter(([, c]) => c >= settings.minCount)
    .map(([f]) => f)
    .sort();
  const id = new Map(vocabulary.map((f, i) => [f, i]));
  const bags = examples.map((e) =>
    e.sentences.map((s) => Int32Array.from(s.flatMap((f) => id.get(f) ?? []))),
  );
  const trained = trainCategory(
    bags,
    examples.map((e) => (e.crisis ? 1 : 0)),
    vocabulary.length,
    { ...settings, folds: 1, targetPrecision: 1, minTruePositives: 1 },
    settings.seed,
  );
  const weights = new Map<string, number>();
  trained.weights.forEach((w, i) => {
    const rounded = Math.round(w * 1000) / 1000;
    if (Math.abs(rounded) >= settings.minWeight) weights.set(vocabulary[i]!, rounded);
  });
  return { bias: Math.round(trained.bias * 1000) / 1000, weights };
}

/** A message's probability: the best of its sentences'. */
export function probability(model: Trained, e: CrisisExample): number {
  let best = 0;
  for (const names of e.sentences) {
    let logit = model.bias;
    for (const f of names) logit += model.weights.get(f) ?? 0;
    best = Math.max(best, 1 / (1 + Math.exp(-logit)));
  }
  return best;
}

/**
 * Leave-one-batch-out: every crisis batch file is a fold of its own; the development corpus
 * files are dealt round five more folds. Returns each message's out-of-fold probability.
 */
export function crossValidatedScores(
  examples: readonly CrisisExample[],
  settings: CrisisSettings = CRISIS_SETTINGS,
): number[] {
  return heldOut(examples, settings).scores;
}

/**
 * Out-of-fold scores, and for each message the floor its fold's model had: the highest score
 * that model gave a labelled look-alike it trained on (first-sight batches aside). The shipped threshold is never
 * below its own floor, so a look-alike the project labelled never stops the coach.
 */
export function heldOut(
  examples: readonly CrisisExample[],
  settings: CrisisSettings = CRISIS_SETTINGS,
): { scores: number[]; floors: number[] } {
  const files = [...new Set(examples.map((e) => e.file))].sort();
  const corpusFiles = files.filter((f) => f.startsWith('coach-corpus/'));
  const foldOf = new Map<string, string>();
  for (const f of files)
    foldOf.set(f, f.startsWith('coach-corpus/') ? `corpus-${corpusFiles.indexOf(f) % 5}` : f);
  const scores = new Array<number>(examples.length).fill(0);
  const floors = new Array<number>(examples.length).fill(0);
  for (const fold of [...new Set(foldOf.values())].sort()) {
    const training = examples.filter((e) => foldOf.get(e.file) !== fold);
    const model = train(training, settings);
    const floor = floorOf(model, training);
    examples.forEach((e, i) => {
      if (foldOf.get(e.file) !== fold) return;
      scores[i] = probability(model, e);
      floors[i] = floor;
    });
  }
  return { scores, floors };
}

/** Just above the highest score `model` gives a message of `training` that is not a crisis. */
function floorOf(model: Trained, training: readonly CrisisExample[]): number {
  let top = 0;
  for (const e of training) {
    // The look-alikes the project holds the coach to (the detector's examples, the crisis
    // corpus, the development corpus); one hard look-alike of a first-sight batch must not
    // lift the threshold for every message.
    if (e.crisis || e.detected || e.file.startsWith('crisis-first-sight/')) continue;
    top = Math.max(top, probability(model, e));
  }
  return Math.round((top + 1e-4) * 1e4) / 1e4;
}

/**
 * The lowest threshold (most recall) at which the scorer, added to the detector, raises no
 * more than `maxFalseAlarms` of the non-crisis messages on out-of-fold scores.
 */
export function chooseCrisisThreshold(
  examples: readonly CrisisExample[],
  scores: readonly number[],
  maxFalseAlarms: number,
): number {
  const negatives = examples.map((e, i) => ({ e, s: scores[i]! })).filter(({ e }) => !e.crisis);
  // Alarms the scorer adds: negatives the detector let through.
  const added = negatives
    .filter(({ e }) => !e.detected)
    .map(({ s }) => s)
    .sort((a, b) => b - a);
  const allowed = Math.floor(maxFalseAlarms * negatives.length);
  if (added.length <= allowed) return 0.5;
  // Just above the (allowed + 1)-th highest negative score.
  const at = added[allowed]!;
  return Math.min(0.999, Math.round((at + 1e-4) * 1e4) / 1e4);
}

/** The model `npm run train` ships. */
export function buildCrisisModel(
  examples: readonly CrisisExample[],
  checksum: string,
  settings: CrisisSettings = CRISIS_SETTINGS,
): CrisisModelData {
  const chosen = chooseCrisisThreshold(
    examples,
    crossValidatedScores(examples, settings),
    settings.maxFalseAlarms,
  );
  const model = train(examples, settings);
  const threshold = Math.min(0.999, Math.max(chosen, floorOf(model, examples)));
  return {
    version: 1,
    data: checksum,
    messages: examples.length,
    threshold,
    bias: model.bias,
    weights: [...model.weights.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([f, w]) => `${f}:${w}`)
      .join(' '),
  };
}
