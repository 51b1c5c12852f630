/**
 * `analyze`: the coach's one entry point. Synchronous, pure and deterministic: the same
 * draft and context always give the same report, and nothing leaves the machine.
 */
import { contextFindings } from './context.js';
import { crisisFindings } from './crisis/detector.js';
import { type CompiledRule, compileRules, dedupe, matchRules } from './engine.js';
import { withLearnedFindings } from './learned/scorer.js';
import { normalize } from './normalize.js';
import { placeholderFindings } from './placeholder.js';
import { allRules } from './rules/index.js';
import { segment } from './segment.js';
import {
  type DraftContext,
  DraftTooLongError,
  type Finding,
  MAX_DRAFT_LENGTH,
  MAX_FINDINGS,
  type Report,
  type Verdict,
} from './types.js';

/** Compiled once at module load: every call reuses the same regexes. */
const COMPILED: readonly CompiledRule[] = compileRules(allRules);

/**
 * `stop` when any finding says stop (crisis language, locked outreach); otherwise `revise`
 * when any problem; otherwise `send`. Strengths never change it.
 *
 * @example
 * verdictOf([]); // 'send'
 */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.kind === 'stop')) return 'stop';
  if (findings.some((f) => f.kind === 'problem')) return 'revise';
  return 'send';
}

/**
 * Coaches a draft to the ex: findings on exact spans of `text`, and a verdict.
 * Throws DraftTooLongError over MAX_DRAFT_LENGTH UTF-16 units, ContextError for an unusable
 * context field, TypeError when `text` is not a string.
 *
 * @example
 * const report = analyze('You never listen to me.');
 * report.verdict; // 'revise'
 * report.findings[0]?.category; // 'you_blame'
 * analyze('hey', { channel: 'text', unansweredInARow: 2 }).verdict; // 'revise'
 */
export function analyze(text: string, context?: DraftContext): Report {
  if (typeof text !== 'string') throw new TypeError('analyze expects the draft as a string.');
  if (text.length > MAX_DRAFT_LENGTH) throw new DraftTooLongError(text.length, MAX_DRAFT_LENGTH);
  const fromContext = contextFindings(text, context);
  if (text.trim() === '') {
    return { verdict: verdictOf(fromContext), findings: fromContext };
  }
  const n = normalize(text);
  const draft = { n, segments: segment(n) };
  const overflow = { findings: 0 };
  const fromText = withLearnedFindings(
    dedupe([
      ...matchRules(draft, COMPILED, 'auto', overflow),
      ...crisisFindings(n, draft.segments.sentences),
    ]),
    draft,
  );
  fromText.push(...placeholderFindings(text));
  fromText.sort((x, y) => x.start - y.start || x.end - y.end);
  // Context findings span the whole draft: list them first, then the text in reading order.
  return capped([...fromContext, ...fromText], overflow.findings);
}

/**
 * A report of at most MAX_FINDINGS findings, so a runaway draft ("pls answer me" ten
 * thousand times) cannot make a report of megabytes. Crisis findings always stay, and the
 * verdict is computed from everything found.
 */
function capped(findings: Finding[], uncounted = 0): Report {
  const verdict = verdictOf(findings);
  if (findings.length <= MAX_FINDINGS && uncounted === 0) return { verdict, findings };
  const crisis = findings.filter((f) => f.category === 'crisis').slice(0, MAX_FINDINGS);
  const room = MAX_FINDINGS - crisis.length;
  const others = findings.filter((f) => f.category !== 'crisis').slice(0, room);
  const keep = new Set([...crisis, ...others]);
  const kept = findings.filter((f) => keep.has(f));
  return { verdict, findings: kept, omitted: findings.length - kept.length + uncounted };
}

/**
 * True when a text holds self-harm or suicidal language: the crisis rules alone, the same
 * ones `analyze` runs, without the cost of every other rule. For notes and journals, where
 * only this question matters. Never throws; any length is read (in overlapping windows).
 *
 * @example
 * hasCrisisLanguage('I had a calm walk today') // false
 * hasCrisisLanguage('i dont want to be here anymore') // true
 */
export function hasCrisisLanguage(text: string): boolean {
  if (typeof text !== 'string' || text.trim() === '') return false;
  const step = MAX_DRAFT_LENGTH - 1_000;
  for (let from = 0; from < text.length; from += step) {
    const n = normalize(text.slice(from, from + MAX_DRAFT_LENGTH));
    if (crisisFindings(n, segment(n).sentences).length > 0) return true;
    if (from + MAX_DRAFT_LENGTH >= text.length) break;
  }
  return false;
}
