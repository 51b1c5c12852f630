/**
 * The learned crisis scorer (issue 11): a second reader beside the concept detector, for
 * crisis language no lexicon holds yet ("Thirty-two in the coffee tin now. Should be
 * plenty."). A logistic regression over the same sentence features as the category scorer
 * (words, word pairs, concept hits, sentence shapes), trained at build time by `npm run
 * train` on every crisis-labelled message the project holds and shipped as data
 * (crisis-weights.json). Its threshold was chosen for recall by leave-one-batch-out
 * cross-validation (bench/lib/crisis-learn.ts).
 *
 * It only ever adds: a sentence the detector let through whose probability reaches the
 * threshold becomes a crisis finding at the warning level ("this sounds heavy — are you
 * safe right now?"), naming the words that weighed most. Nothing lowers a detector finding.
 * Pure, synchronous, linear in the draft's length.
 */
import { sentenceFeatures } from '../learned/features.js';
import { type CompiledModel, compileWeights, scoreSentence } from '../learned/model.js';
import { weightiest } from '../learned/scorer.js';
import type { Normalized } from '../normalize.js';
import type { Range } from '../segment.js';
import data from './crisis-weights.json' with { type: 'json' };

/** The shipped file's shape (crisis-weights.json). */
export interface CrisisModelData {
  version: 1;
  /** SHA-256 of the training files, so a model older than its data is detected. */
  data: string;
  messages: number;
  /** The probability a sentence must reach to be reported. */
  threshold: number;
  bias: number;
  /** `feature:weight` pairs separated by single spaces, sorted by feature. */
  weights: string;
}

/** Throws on a malformed entry, so a bad file fails at load, not as a weaker safety net. */
export function compileCrisisModel(d: CrisisModelData): CompiledModel {
  if (!(d.threshold > 0 && d.threshold < 1)) throw new Error('crisis model: threshold out of range');
  return compileWeights([{ name: 'crisis', bias: d.bias, threshold: d.threshold, weights: d.weights }]);
}

export const CRISIS_MODEL: CompiledModel = compileCrisisModel(data as CrisisModelData);

/** Sentences up to this many characters are remembered by their text within one draft. */
const SHORT_SENTENCE = 120;
/** Words too common to explain anything on their own. */
const FUNCTION_WORDS = new Set(
  (
    'a an the of to in on at for and or but so it its this that these those them they he she we you i me my ' +
    'is am are was were be been do did does have has had just not no'
  ).split(' '),
);

export interface LearnedCrisisHit {
  /** Normalized offsets of the sentence. */
  start: number;
  end: number;
  probability: number;
  /** The words that weighed most, as typed, strongest first. */
  words: string[];
}

/**
 * The sentences of `n` the scorer reads as crisis language.
 *
 * @example
 * const n = normalize('Thirty-two in the coffee tin now. Should be plenty.');
 * learnedCrisis(n, segment(n).sentences); // [{ start, end, probability: 0.9…, words: [...] }] when it fires
 */
export function learnedCrisis(
  n: Normalized,
  sentences: readonly Range[],
  model: CompiledModel = CRISIS_MODEL,
): LearnedCrisisHit[] {
  const out: LearnedCrisisHit[] = [];
  // A sentence typed again scores the same: a draft of one line repeated thousands of times
  // is scored once per distinct line (short lines only, so the keys stay small).
  const seen = new Map<string, number>();
  for (const sentence of sentences) {
    const short = sentence.end - sentence.start <= SHORT_SENTENCE;
    const key = short ? n.text.slice(sentence.start, sentence.end) : '';
    let logit = short ? seen.get(key) : undefined;
    if (logit === undefined) {
      // One walk over the sentence's words, no names built; names only for a sentence reported.
      logit = scoreSentence(model, n, sentence, [])[0]!;
      if (short) seen.set(key, logit);
    }
    if (!(logit >= model.logitThreshold[0]!)) continue;
    const words = weightiest(n, model, sentenceFeatures(n, sentence, []), 0, FUNCTION_WORDS);
    out.push({ start: sentence.start, end: sentence.end, probability: 1 / (1 + Math.exp(-logit)), words });
  }
  return out;
}
