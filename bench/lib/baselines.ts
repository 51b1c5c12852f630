/**
 * The two naive baselines the issue compares the coach against. Neither knows anything
 * about reconciliation; they show what a generic sentiment or style checker would say.
 */
import vader from 'vader-sentiment';
import writeGood from 'write-good';
import type { Verdict } from '../../src/coach/types.js';

/** VADER's usual cut-off for "negative". */
const VADER_NEGATIVE = -0.05;

/**
 * VADER sentiment: a negative compound score means revise, anything else send.
 *
 * @example
 * vaderVerdict('I miss you so much'); // 'revise' (VADER reads "miss" as negative)
 */
export function vaderVerdict(text: string): Verdict {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text).compound < VADER_NEGATIVE ? 'revise' : 'send';
}

/**
 * write-good: any style suggestion means revise.
 *
 * @example
 * writeGoodVerdict('I was hurt.'); // 'revise' (passive voice)
 */
export function writeGoodVerdict(text: string): Verdict {
  return writeGood(text).length > 0 ? 'revise' : 'send';
}
