/**
 * The learned scorer's model: one logistic regression per category over the features of
 * features.ts, shipped as data (weights.json, written by `npm run train`). Here: its data
 * format, and the compiled form that scores a sentence in one pass over its features.
 */
import type { SentenceFeatures } from './features.js';

/** The categories the scorer learns: every problem, and two strengths the rules under-find. */
export const LEARNED_CATEGORIES = [
  'you_blame',
  'begging',
  'over_promise',
  'blind_apology',
  'pressure',
  'manipulation',
  'rehash',
  'empathy',
  'i_statement',
] as const;

export type LearnedCategory = (typeof LEARNED_CATEGORIES)[number];

/** One category's weights as shipped. */
export interface CategoryWeights {
  bias: number;
  /**
   * The probability a sentence must reach to be reported, chosen by cross-validation for
   * precision ≥ 0.85; 1 when no threshold reached it (the category never fires).
   */
  threshold: number;
  /** `feature:weight` pairs separated by single spaces, features sorted (names never hold spaces). */
  weights: string;
}

/** The shipped file's shape (weights.json). */
export interface LearnedModelData {
  version: 1;
  /** SHA-256 of the training corpus files, so a model older than its corpus is detected. */
  corpus: string;
  /** How many messages it was trained on. */
  messages: number;
  categories: Record<LearnedCategory, CategoryWeights>;
}

/** Ready to score: per feature, its weight for every category, in LEARNED_CATEGORIES order. */
export interface CompiledModel {
  bias: Float64Array;
  /** ln(p / (1 − p)) of each threshold: comparing logits avoids an exp per sentence. */
  logitThreshold: Float64Array;
  threshold: Float64Array;
  weights: ReadonlyMap<string, Float64Array>;
}

const K = LEARNED_CATEGORIES.length;

/**
 * Turns the shipped data into per-feature weight vectors. Throws on a malformed entry, so
 * a bad weights file fails at load, not as a silently weaker coach.
 *
 * @example
 * const model = compileModel(data);
 */
export function compileModel(data: LearnedModelData): CompiledModel {
  const bias = new Float64Array(K);
  const threshold = new Float64Array(K);
  const logitThreshold = new Float64Array(K);
  const weights = new Map<string, Float64Array>();
  LEARNED_CATEGORIES.forEach((category, k) => {
    const c = data.categories[category];
    if (c === undefined) throw new Error(`learned model: no weights for ${category}`);
    bias[k] = c.bias;
    threshold[k] = c.threshold;
    logitThreshold[k] =
      c.threshold >= 1 ? Number.POSITIVE_INFINITY : Math.log(c.threshold / (1 - c.threshold));
    if (c.weights === '') return;
    for (const entry of c.weights.split(' ')) {
      const at = entry.lastIndexOf(':');
      const w = Number(entry.slice(at + 1));
      if (at <= 0 || !Number.isFinite(w))
        throw new Error(`learned model: bad entry ${entry} for ${category}`);
      const name = entry.slice(0, at);
      let vector = weights.get(name);
      if (!vector) {
        vector = new Float64Array(K);
        weights.set(name, vector);
      }
      vector[k] = w;
    }
  });
  return { bias, threshold, logitThreshold, weights };
}

/**
 * A sentence's logit for every category, in LEARNED_CATEGORIES order.
 *
 * @example
 * const logits = sentenceLogits(model, sentenceFeatures(n, sentence, []));
 */
export function sentenceLogits(model: CompiledModel, features: SentenceFeatures): Float64Array {
  const out = Float64Array.from(model.bias);
  for (const name of features.names) {
    const w = model.weights.get(name);
    if (w === undefined) continue;
    for (let k = 0; k < K; k++) out[k]! += w[k]!;
  }
  return out;
}

/** The logistic function: a logit as a probability. */
export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}
