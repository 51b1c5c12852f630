/**
 * The rule engine: compiles rule records once, runs them over a normalized draft and turns
 * matches into findings on the exact original spans.
 *
 * Cost is linear in the draft's length. One pass over the draft's words finds, for every
 * pattern whose first words (or word pairs) are known (see first-words.ts), the places
 * where a match could start; a pattern with none is skipped, one with few is tried only
 * there, and the rest scan the normalized text once. Each match then looks up its sentence
 * and clause by binary search.
 *
 * Crisis patterns take the same path. The first-word analysis is conservative by
 * construction (null when unsure, and the pattern then scans in full), and the tests hold
 * the fast path to exactly what a full scan finds: on every rule example, on long drafts,
 * and on every corpus message and crisis example set in random surroundings.
 */
import { type FirstTokens, firstTokens } from './first-words.js';
import { type Normalized, toOriginal } from './normalize.js';
import { type Range, rangeAt, type Segments } from './segment.js';
import {
  type Finding,
  MAX_FINDINGS,
  type Rule,
  type RuleException,
  type Severity,
  type Suggestion,
  type SuggestionTemplate,
} from './types.js';

export interface CompiledPattern {
  /** Its place among all the patterns of the rule set it was compiled with. */
  id: number;
  /** Global: scans the whole text. */
  re: RegExp;
  /** Sticky: tried only where the pattern's first words start (see `first`). */
  sticky: RegExp;
  /** A lowercase literal every match must contain, checked with `includes` first; '' if none. */
  required: string;
  /** The words (or word pairs) a match must start with (see first-words.ts); null when unsure. */
  first: FirstTokens | null;
}

export interface CompiledRule {
  rule: Rule;
  patterns: CompiledPattern[];
  exceptions: { exception: RuleException; re: RegExp }[];
  /** Crisis rules ignore negation and quotes whatever their record says. */
  alwaysOn: boolean;
}

/** Negation cues: a match preceded by one of these in its clause is negated ("im not blaming you"). */
const NEGATION =
  /\b(?:not|dont|doesnt|didnt|never|no|cant|cannot|wont|isnt|arent|wasnt|werent|havent|hasnt|hadnt|shouldnt|wouldnt|couldnt|aint|nobody|nothing|none|neither|nor|without|hardly|no longer|stop|stopped)\b/;
/** Phrases with a negation cue that do not negate: "i cant believe you never listen". */
const DISBELIEF = /\b(?:cant|cannot|can not|couldnt|could not) believe\b/g;
/** How many words before a match a negation cue may sit and still count. */
const NEGATION_WINDOW_WORDS = 5;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/**
 * The longest literal a pattern's source must contain: a leading run of plain letters,
 * digits and spaces (after an optional `\b`) in a pattern without top-level alternation.
 * Returns '' when unsure; the prefilter is then skipped, never wrong.
 */
export function requiredLiteral(source: string): string {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return '';
  }
  let i = source.startsWith('\\b') ? 2 : 0;
  let literal = '';
  while (i < source.length && /[a-z0-9 ]/.test(source[i]!)) literal += source[i++];
  const next = source[i];
  // A quantifier makes the last character optional or repeatable: drop it.
  if (next === '?' || next === '*' || next === '{') literal = literal.slice(0, -1);
  else if (next === '+') literal = literal.slice(0, -1);
  return literal.length >= 2 ? literal : '';
}

function withFlags(re: RegExp, flag: '' | 'g' | 'y'): RegExp {
  return new RegExp(re.source, re.flags.replace(/[gy]/g, '') + flag);
}

/**
 * Compiles rules once: global copies of patterns, non-global copies of exceptions, and the
 * literal prefilter.
 *
 * @example
 * const compiled = compileRules(allRules);
 */
export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  let id = 0;
  return rules.map((rule) => ({
    rule,
    patterns: rule.patterns.map((p) => ({
      id: id++,
      re: withFlags(p, 'g'),
      sticky: withFlags(p, 'y'),
      required: requiredLiteral(p.source),
      first: firstTokens(p.source),
    })),
    exceptions: rule.exceptions.map((exception) => ({ exception, re: withFlags(exception.pattern, '') })),
    alwaysOn: rule.category === 'crisis',
  }));
}

function isQuoted(segments: Segments, start: number, end: number): boolean {
  const r = rangeAt(segments.quoted, start) ?? rangeAt(segments.quoted, Math.max(start, end - 1));
  return r !== undefined;
}

function isNegated(text: string, clause: Range, start: number): boolean {
  if (start <= clause.start) return false;
  const before = text.slice(Math.max(clause.start, start - 80), start);
  const words = before.split(' ').filter((w) => w.length > 0);
  const window = words.slice(-NEGATION_WINDOW_WORDS).join(' ');
  // "I can't believe you…" is disbelief that intensifies what follows, not a negation of it.
  return NEGATION.test(window.replace(DISBELIEF, ''));
}

function scopeText(
  text: string,
  scope: RuleException['scope'],
  match: Range,
  clause: Range,
  sentence: Range,
): string {
  if (scope === 'match') return text.slice(match.start, match.end);
  if (scope === 'clause') return text.slice(clause.start, clause.end);
  return text.slice(sentence.start, sentence.end);
}

function fill(template: string | undefined, values: Record<string, string>): string {
  return (template ?? '').replace(/\{(match|sentence|rest|before)\}/g, (_, key: string) => values[key] ?? '');
}

function makeSuggestion(
  t: SuggestionTemplate,
  values: Record<string, string>,
  match: { start: number; end: number },
  sentence: { start: number; end: number },
): Suggestion {
  const text = fill(t.text, values).replace(/\s+/g, ' ').trim();
  switch (t.type) {
    case 'replace':
      return { type: 'replace', start: match.start, end: match.end, text, label: t.label };
    case 'remove':
      return { type: 'remove', start: match.start, end: match.end, label: t.label };
    case 'insert':
      return { type: 'insert', at: sentence.end, text, label: t.label };
    case 'rewrite-sentence':
      return { type: 'rewrite-sentence', start: sentence.start, end: sentence.end, text, label: t.label };
  }
}

/**
 * How many characters a full scan reads in the time one sticky attempt takes, roughly: a
 * pattern with fewer first-word places than `length / STICKY_COST` is tried at those places.
 */
const STICKY_COST = 24;

/**
 * For a compiled rule set, how many patterns it has and which of them (by id) start with
 * each word, or, for patterns whose first two words are known, with each word pair (first
 * word → second word → ids).
 */
interface FirstTokenIndex {
  count: number;
  byWord: Map<string, number[]>;
  byPair: Map<string, Map<string, number[]>>;
}

const FIRST_TOKEN_INDEXES = new WeakMap<readonly CompiledRule[], FirstTokenIndex>();

function add<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function firstTokenIndex(compiled: readonly CompiledRule[]): FirstTokenIndex {
  let index = FIRST_TOKEN_INDEXES.get(compiled);
  if (!index) {
    const patterns = compiled.flatMap((c) => c.patterns);
    const byWord = new Map<string, number[]>();
    const byPair = new Map<string, Map<string, number[]>>();
    for (const { id, first } of patterns) {
      if (!first) continue;
      if (!first.pairs) {
        for (const word of first.words) add(byWord, word, id);
        continue;
      }
      for (const pair of first.pairs) {
        const [word, second] = pair.split(' ') as [string, string];
        let seconds = byPair.get(word);
        if (!seconds) {
          seconds = new Map();
          byPair.set(word, seconds);
        }
        add(seconds, second, id);
      }
    }
    index = { count: patterns.length, byWord, byPair };
    FIRST_TOKEN_INDEXES.set(compiled, index);
  }
  return index;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * For every pattern with known first words (by id), the offsets in the text where one of
 * them (or one of its word pairs: two words with exactly one space between) starts, in
 * order; undefined when none does, so the pattern cannot match. One pass over the draft's
 * words, whatever the number of patterns.
 */
function startsByPattern(compiled: readonly CompiledRule[], text: string): (number[] | undefined)[] {
  const { count, byWord, byPair } = firstTokenIndex(compiled);
  const starts: (number[] | undefined)[] = new Array(count);
  const push = (ids: readonly number[], at: number) => {
    for (const id of ids) {
      const list = starts[id];
      if (list) list.push(at);
      else starts[id] = [at];
    }
  };
  const length = text.length;
  // The previous word, while it may still be the first of a pair.
  let pairs: Map<string, number[]> | undefined;
  let pairStart = -1;
  let i = 0;
  while (i < length) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < length && isWordCode(text.charCodeAt(j))) j++;
    const word = text.slice(i, j);
    const ids = byWord.get(word);
    if (ids) push(ids, i);
    if (pairs && pairStart >= 0) {
      const pairIds = pairs.get(word);
      if (pairIds) push(pairIds, pairStart);
    }
    // This word starts a pair only when exactly one space and another word follow it.
    const followed = text.charCodeAt(j) === 32 && isWordCode(text.charCodeAt(j + 1));
    pairs = followed ? byPair.get(word) : undefined;
    pairStart = pairs ? i : -1;
    i = j;
  }
  return starts;
}

const NO_MATCHES: RegExpExecArray[] = [];
/** Shared and never added to: `seen` is replaced by a fresh set before the first add. */
const NO_SEEN = new Set<number>();

/** Every non-empty, non-overlapping match, leftmost first: what a global scan finds. */
function scanAll(re: RegExp, text: string): RegExpExecArray[] {
  let out = NO_MATCHES;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else if (out === NO_MATCHES) out = [m];
    else out.push(m);
  }
  return out;
}

/**
 * The same matches as scanAll, found by trying the sticky pattern only at `starts` (sorted),
 * where its first words (or pairs) start: every match begins at one of them, so the first
 * success at or after the previous match's end is exactly the match a scan from there
 * would find.
 */
function tryAt(re: RegExp, text: string, starts: readonly number[]): RegExpExecArray[] {
  let out = NO_MATCHES;
  let from = 0;
  for (const at of starts) {
    if (at < from) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null || m[0].length === 0) continue;
    from = at + m[0].length;
    if (out === NO_MATCHES) out = [m];
    else out.push(m);
  }
  return out;
}

/** Context every match needs: the draft, its normalized form and its segments. */
export interface Draft {
  n: Normalized;
  segments: Segments;
}

/**
 * Runs compiled rules over a normalized, segmented draft and returns every finding, before
 * overlapping findings of the same category are merged. Exported for the examples test.
 * `scan: 'full'` scans every pattern over the whole text, skipping none and never trying
 * first-word places alone: the same findings, slower; tests use it to check the fast path.
 *
 * @example
 * const n = normalize('You never listen.');
 * matchRules({ n, segments: segment(n) }, compileRules(allRules));
 */
export function matchRules(
  draft: Draft,
  compiled: readonly CompiledRule[],
  scan: 'auto' | 'full' = 'auto',
  overflow?: Overflow,
): Finding[] {
  const { n, segments } = draft;
  const { text, source } = n;
  const findings: Finding[] = [];
  const firstWordStarts = scan === 'auto' ? startsByPattern(compiled, text) : [];
  for (const c of compiled) {
    const { rule } = c;
    // Match starts already reported for this rule (made only when a pattern matches).
    let seen = NO_SEEN;
    // Exception results by exception and clause or sentence start, for this rule.
    const tested = new Map<number, boolean>();
    for (const p of c.patterns) {
      let matches: RegExpExecArray[];
      if (scan === 'full') matches = scanAll(p.re, text);
      else if (p.first) {
        const starts = firstWordStarts[p.id];
        if (!starts) continue;
        if (p.required && !text.includes(p.required)) continue;
        // Few places to try against the text: try them, rather than scan every character.
        const sticky = starts.length * STICKY_COST < text.length;
        matches = sticky ? tryAt(p.sticky, text, starts) : scanAll(p.re, text);
      } else {
        if (p.required && !text.includes(p.required)) continue;
        matches = scanAll(p.re, text);
      }
      if (matches.length > 0 && seen === NO_SEEN) seen = new Set<number>();
      // Past a report's worth from one pattern, matches are counted, not built: a hostile
      // draft ("pls answer me" ten thousand times) would otherwise build thousands of
      // findings, each with its sentence and suggestions, only for the report to drop them.
      let built = 0;
      for (const m of matches) {
        const match = { start: m.index, end: m.index + m[0].length };
        // Trim spaces a pattern may have swallowed at its edges.
        while (match.end > match.start && text.charCodeAt(match.end - 1) === 32) match.end--;
        while (match.start < match.end && text.charCodeAt(match.start) === 32) match.start++;
        if (match.end === match.start || seen.has(match.start)) continue;
        const sentence = rangeAt(segments.sentences, match.start) ?? { start: match.start, end: match.end };
        const clause = rangeAt(segments.clauses, match.start) ?? sentence;
        if (!c.alwaysOn) {
          if (!rule.inQuotes && isQuoted(segments, match.start, match.end)) continue;
          if (rule.negation === 'cancel' && isNegated(text, clause, match.start)) continue;
        }
        let excepted = false;
        for (let k = 0; k < c.exceptions.length && !excepted; k++) {
          const e = c.exceptions[k]!;
          const scope = e.exception.scope;
          if (scope === 'match') {
            excepted = e.re.test(text.slice(match.start, match.end));
            continue;
          }
          // An exception is tested once per clause or sentence, however many matches it
          // holds: re-testing the same sentence for every match was quadratic.
          const range = scope === 'clause' ? clause : sentence;
          const key = k * 4_294_967_296 + range.start;
          let result = tested.get(key);
          if (result === undefined) {
            result = e.re.test(scopeText(text, scope, match, clause, sentence));
            tested.set(key, result);
          }
          excepted = result;
        }
        if (excepted) continue;
        seen.add(match.start);
        if (overflow && built >= MAX_FINDINGS) {
          overflow.findings++;
          continue;
        }
        built++;
        const span = toOriginal(n, match.start, match.end);
        const sent = toOriginal(n, sentence.start, Math.max(sentence.end, match.end));
        const values = {
          match: source.slice(span.start, span.end),
          sentence: source.slice(sent.start, sent.end),
          rest: source.slice(span.end, sent.end).trim(),
          before: source.slice(sent.start, span.start).trim(),
        };
        findings.push({
          ruleId: rule.id,
          category: rule.category,
          kind: rule.kind,
          severity: rule.severity,
          confidence: rule.confidence,
          start: span.start,
          end: span.end,
          actual: values.match,
          message: rule.message,
          explanation: rule.explanation,
          principles: [...rule.principles],
          suggestions: rule.suggestions.map((t) => makeSuggestion(t, values, span, sent)),
        });
      }
    }
  }
  return findings;
}

/** What matchRules counted without building, past MAX_FINDINGS from one pattern. */
export interface Overflow {
  findings: number;
}

function outranks(a: Finding, b: Finding): boolean {
  const sa = SEVERITY_RANK[a.severity];
  const sb = SEVERITY_RANK[b.severity];
  if (sa !== sb) return sa > sb;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  if (a.start !== b.start) return a.start < b.start;
  return a.ruleId < b.ruleId;
}

/**
 * Keeps one finding per overlapping group of the same category: the most severe, then the
 * most confident, then the longest. Different categories on the same words all stay (a
 * line can be both blame and pressure). Sorted by position, then rule id.
 *
 * @example
 * dedupe(findings);
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const byCategory = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCategory.get(f.category);
    if (list) list.push(f);
    else byCategory.set(f.category, [f]);
  }
  const kept: Finding[] = [];
  for (const list of byCategory.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    // Sweep clusters of overlapping findings; inside a cluster pick greedily by rank.
    let i = 0;
    while (i < list.length) {
      let j = i + 1;
      let clusterEnd = list[i]!.end;
      while (j < list.length && list[j]!.start < clusterEnd) {
        clusterEnd = Math.max(clusterEnd, list[j]!.end);
        j++;
      }
      const cluster = list.slice(i, j);
      cluster.sort((a, b) => (outranks(a, b) ? -1 : outranks(b, a) ? 1 : 0));
      // Chosen findings never overlap, so kept sorted by start a binary search finds the
      // only neighbours a new one could touch: a long chain of overlaps stays n log n.
      const chosen: Finding[] = [];
      for (const f of cluster) {
        let lo = 0;
        let hi = chosen.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (chosen[mid]!.start < f.start) lo = mid + 1;
          else hi = mid;
        }
        const before = chosen[lo - 1];
        const after = chosen[lo];
        if (
          (before === undefined || before.end <= f.start) &&
          (after === undefined || f.end <= after.start)
        ) {
          chosen.splice(lo, 0, f);
        }
      }
      for (const f of chosen) kept.push(f);
      i = j;
    }
  }
  return kept.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
