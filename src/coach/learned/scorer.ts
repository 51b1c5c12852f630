/**
 * The learned scorer beside the rules (issue 12): every sentence of the draft is scored by
 * a linear model per category (model.ts, weights.json). A sentence whose probability for a
 * category reaches that category's threshold becomes a finding spanning the sentence, when
 * the rules found nothing of that category there. Its explanation names the words that
 * weighed most, so the coach still says which words and why.
 *
 * It never decides a crisis and never coaches a crisis draft: when the rules found crisis
 * language the draft is not coached (stop), so nothing is added. Pure, synchronous, linear
 * in the draft's length: one pass over each sentence's words and one map lookup per feature.
 */
import type { Draft } from '../engine.js';
import { type Normalized, toOriginal } from '../normalize.js';
import type { Range } from '../segment.js';
import type { Finding, Suggestion } from '../types.js';
import { LEARNED_TEXT } from './categories.js';
import { type SentenceFeatures, sentenceFeatures } from './features.js';
import {
  type CompiledModel,
  compileModel,
  LEARNED_CATEGORIES,
  type LearnedModelData,
  scoreSentence,
  sigmoid,
} from './model.js';
import data from './weights.json' with { type: 'json' };

/** The shipped model, compiled once at module load. */
export const LEARNED_MODEL: CompiledModel = compileModel(data as LearnedModelData);

/** Sentences up to this many characters are remembered by their text within one draft. */
const SHORT_SENTENCE = 120;
const NOTHING: ReadonlySet<string> = new Set();
/** How many words an explanation names at most. */
const NAMED_WORDS = 3;
/** At or above this probability a learned problem is medium, below it low: rules keep high. */
const MEDIUM_AT = 0.9;

/** Rule ids of learned findings: `learned/you-blame`. */
export const LEARNED_RULE_PREFIX = 'learned/';

/**
 * The words of a sentence that pushed its score for category `k` up the most, as typed,
 * strongest first, without naming the same words twice ("you never" and "never"), nor a
 * word of `skip` (normalized) on its own.
 */
export function weightiest(
  n: Normalized,
  model: CompiledModel,
  features: SentenceFeatures,
  k: number,
  skip: ReadonlySet<string> = NOTHING,
): string[] {
  const ranked: { at: number; w: number }[] = [];
  for (let f = 0; f < features.names.length; f++) {
    if (features.starts[f]! < 0) continue;
    if (skip.size > 0 && skip.has(n.text.slice(features.starts[f]!, features.ends[f]!))) continue;
    const w = model.weights.get(features.names[f]!)?.[k] ?? 0;
    if (w > 0) ranked.push({ at: f, w });
  }
  ranked.sort((a, b) => b.w - a.w || a.at - b.at);
  const chosen: Range[] = [];
  const named: string[] = [];
  for (const { at } of ranked) {
    const start = features.starts[at]!;
    const end = features.ends[at]!;
    if (chosen.some((r) => start < r.end && end > r.start)) continue;
    chosen.push({ start, end });
    const span = toOriginal(n, start, end);
    const typed = n.source.slice(span.start, span.end).replace(/\s+/g, ' ');
    if (!named.includes(typed)) named.push(typed);
    if (named.length === NAMED_WORDS) break;
  }
  return named;
}

function learnedFinding(
  draft: Draft,
  model: CompiledModel,
  features: SentenceFeatures,
  sentence: Range,
  k: number,
  probability: number,
): Finding {
  const category = LEARNED_CATEGORIES[k]!;
  const text = LEARNED_TEXT[category];
  const span = toOriginal(draft.n, sentence.start, sentence.end);
  const actual = draft.n.source.slice(span.start, span.end);
  const words = weightiest(draft.n, model, features, k);
  const named = words.length > 0 ? words.map((w) => `“${w}”`).join(', ') : 'the sentence as a whole';
  const principles = text.principles.join(' ');
  const suggestions: Suggestion[] = text.suggestions.map((s) => ({
    type: 'rewrite-sentence',
    start: span.start,
    end: span.end,
    text: s.text ?? '',
    label: s.label,
  }));
  return {
    ruleId: `${LEARNED_RULE_PREFIX}${category.replace('_', '-')}`,
    category,
    kind: text.kind,
    severity: text.kind === 'strength' ? 'info' : probability >= MEDIUM_AT ? 'medium' : 'low',
    confidence: Math.round(probability * 100) / 100,
    start: span.start,
    end: span.end,
    actual,
    message: text.message,
    explanation: `Read by the learned scorer; these words weighed most: ${named}. ${text.why} (${principles})`,
    principles: [...text.principles],
    suggestions,
  };
}

/**
 * The learned findings for a draft, given what the rules found: one per sentence and
 * category whose score reaches the threshold, where the rules found nothing of that
 * category in that sentence. Empty when the rules found crisis language.
 *
 * @example
 * const n = normalize('Good luck with the move. I messed up, ok?');
 * learnedFindings({ n, segments: segment(n) }, []);
 * // [{ category: 'blind_apology', actual: 'I messed up, ok?', explanation: '… these words weighed most: “messed up”, …' }]
 */
export function learnedFindings(
  draft: Draft,
  ruleFindings: readonly Finding[],
  model: CompiledModel = LEARNED_MODEL,
): Finding[] {
  if (ruleFindings.some((f) => f.category === 'crisis')) return [];
  // A sentence is scored alone, so a bare "I'm sorry." closing an apology that names what
  // was done would read as blind; when the rules found such an apology, it is part of it.
  const apologised = ruleFindings.some((f) => f.category === 'specific_apology');
  const { n, segments } = draft;
  const out: Finding[] = [];
  // A sentence typed again scores the same (unless quotes cut into it): a draft of one line
  // repeated thousands of times is scored once per distinct line.
  const seen = new Map<string, Float64Array>();
  const { quoted } = segments;
  let q = 0; // quoted regions and sentences are both in reading order: one walk over each
  for (const sentence of segments.sentences) {
    while (q < quoted.length && quoted[q]!.end <= sentence.start) q++;
    const plain =
      sentence.end - sentence.start <= SHORT_SENTENCE &&
      !(q < quoted.length && quoted[q]!.start < sentence.end);
    const key = plain ? n.text.slice(sentence.start, sentence.end) : '';
    let logits = plain ? seen.get(key) : undefined;
    if (logits === undefined) {
      logits = scoreSentence(model, n, sentence, segments.quoted);
      if (plain) {
        logits = logits.slice();
        seen.set(key, logits);
      }
    }
    let span: Range | undefined;
    let features: SentenceFeatures | undefined;
    for (let k = 0; k < LEARNED_CATEGORIES.length; k++) {
      if (!(logits[k]! >= model.logitThreshold[k]!)) continue;
      span ??= toOriginal(n, sentence.start, sentence.end);
      const { start, end } = span;
      const category = LEARNED_CATEGORIES[k];
      if (category === 'blind_apology' && apologised) continue;
      const covered = ruleFindings.some((f) => f.category === category && f.start < end && f.end > start);
      if (covered) continue;
      // Names are built only for a sentence that is reported, to say which words weighed most.
      features ??= sentenceFeatures(n, sentence, segments.quoted);
      out.push(learnedFinding(draft, model, features, sentence, k, sigmoid(logits[k]!)));
    }
  }
  return out;
}

/**
 * The rules' findings with the learned ones merged in, in reading order (position, then
 * rule id), as `analyze` reports them.
 *
 * @example
 * const findings = withLearnedFindings(dedupe(matchRules(draft, COMPILED)), draft);
 */
export function withLearnedFindings(ruleFindings: Finding[], draft: Draft): Finding[] {
  const learned = learnedFindings(draft, ruleFindings);
  if (learned.length === 0) return ruleFindings;
  return [...ruleFindings, ...learned].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
