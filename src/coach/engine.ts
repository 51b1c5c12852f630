/**
 * The rule engine: compiles rule records once, runs them over a normalized draft and turns
 * matches into findings on the exact original spans.
 *
 * Cost is linear in the draft's length: every pattern scans the normalized text once (and
 * is skipped outright when a literal it requires is absent), and each match then looks up
 * its sentence and clause by binary search.
 */
import { type Normalized, toOriginal } from './normalize.js';
import { type Range, rangeAt, type Segments } from './segment.js';
import type { Finding, Rule, RuleException, Severity, Suggestion, SuggestionTemplate } from './types.js';

export interface CompiledPattern {
  re: RegExp;
  /** A lowercase literal every match must contain, checked with `includes` first; '' if none. */
  required: string;
  /** Words a match must start with (see leadingWords); null when the pattern always runs. */
  firstWords: string[] | null;
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

function hasTopLevelAlternation(source: string): boolean {
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
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * The words a pattern can start with, when its source begins with a plain word or a group
 * of plain-word alternatives (`\\b(?:you|u) …`); null when unsure. A pattern whose first
 * words are all absent from a draft cannot match it, so it is skipped: most drafts are
 * short and touch few rules. Conservative by construction: any construct it does not
 * understand returns null and the pattern always runs.
 *
 * @example
 * leadingWords('\\b(?:you|u) never') // ['you', 'u']
 */
export function leadingWords(source: string): string[] | null {
  if (hasTopLevelAlternation(source)) return null;
  let i = source.startsWith('\\b') ? 2 : 0;
  const isLetter = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);
  const wordEnd = (c: string | undefined) => c === ' ' || c === undefined || c === '|' || c === ')';
  if (isLetter(source[i])) {
    let word = '';
    while (isLetter(source[i])) word += source[i++];
    const next = source[i];
    if (next === '\\' && source[i + 1] === 'b') return [word];
    return wordEnd(next) && next !== '|' && next !== ')' ? [word] : null;
  }
  if (!source.startsWith('(?:', i)) return null;
  i += 3;
  const words: string[] = [];
  let depth = 1;
  let atAltStart = true;
  for (; i < source.length && depth > 0; i++) {
    const c = source[i]!;
    if (atAltStart) {
      let word = '';
      let j = i;
      while (isLetter(source[j])) word += source[j++];
      const next = source[j];
      const complete = wordEnd(next) || (next === '\\' && source[j + 1] === 'b');
      if (word === '' || !complete) return null;
      words.push(word);
      atAltStart = false;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      const close = source.indexOf(']', i);
      if (close < 0) return null;
      i = close;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 1) atAltStart = true;
  }
  if (depth !== 0) return null;
  // An optional or repeatable first group can be skipped entirely: no prefilter then.
  const after = source[i];
  if (after === '?' || after === '*' || after === '{') return null;
  // The word must end where the group ends (`(?:you|u) `), not run on (`(?:you|u)(?:re)?`).
  const endsWord = after === ' ' || after === undefined || (after === '\\' && source[i + 1] === 'b');
  return endsWord ? words : null;
}

function withFlags(re: RegExp, global: boolean): RegExp {
  const flags = re.flags.replace(/[gy]/g, '') + (global ? 'g' : '');
  return new RegExp(re.source, flags);
}

/**
 * Compiles rules once: global copies of patterns, non-global copies of exceptions, and the
 * literal prefilter.
 *
 * @example
 * const compiled = compileRules(allRules);
 */
export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  return rules.map((rule) => ({
    rule,
    patterns: rule.patterns.map((p) => ({
      re: withFlags(p, true),
      required: requiredLiteral(p.source),
      // Crisis rules always run in full: a prefilter bug must never cost a crisis finding.
      firstWords: rule.category === 'crisis' ? null : leadingWords(p.source),
    })),
    exceptions: rule.exceptions.map((exception) => ({ exception, re: withFlags(exception.pattern, false) })),
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
  return NEGATION.test(window);
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

/** Context every match needs: the draft, its normalized form and its segments. */
export interface Draft {
  n: Normalized;
  segments: Segments;
}

/**
 * Runs compiled rules over a normalized, segmented draft and returns every finding, before
 * overlapping findings of the same category are merged. Exported for the examples test.
 *
 * @example
 * const n = normalize('You never listen.');
 * matchRules({ n, segments: segment(n) }, compileRules(allRules));
 */
export function matchRules(draft: Draft, compiled: readonly CompiledRule[]): Finding[] {
  const { n, segments } = draft;
  const { text, source } = n;
  const findings: Finding[] = [];
  const words = new Set(text.split(/[^a-z0-9]+/));
  for (const c of compiled) {
    const { rule } = c;
    const seen = new Set<number>();
    for (const p of c.patterns) {
      if (p.required && !text.includes(p.required)) continue;
      if (p.firstWords && !p.firstWords.some((w) => words.has(w))) continue;
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
        if (m[0].length === 0) {
          p.re.lastIndex++;
          continue;
        }
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
        for (const e of c.exceptions) {
          if (e.re.test(scopeText(text, e.exception.scope, match, clause, sentence))) {
            excepted = true;
            break;
          }
        }
        if (excepted) continue;
        seen.add(match.start);
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
      const chosen: Finding[] = [];
      for (const f of cluster) {
        if (chosen.every((k) => f.end <= k.start || f.start >= k.end)) chosen.push(f);
      }
      kept.push(...chosen);
      i = j;
    }
  }
  return kept.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
