/**
 * The message coach's public types and the rule record format.
 *
 * Everything in `src/coach/` is pure TypeScript (no `node:*`, no DOM, no IO) so the
 * same code runs in the CLI, the server and a browser Web Worker.
 */

/** Problem categories from METHOD.md ("The message coach"). */
export type ProblemCategory =
  | 'you_blame'
  | 'begging'
  | 'over_promise'
  | 'blind_apology'
  | 'pressure'
  | 'manipulation'
  | 'rehash';

/** Strength categories: reported, never change the verdict. */
export type StrengthCategory =
  | 'i_statement'
  | 'specific_apology'
  | 'respects_space'
  | 'appreciation'
  | 'empathy';

/** Context categories: need the send time, the contact log or the journey, not just the text. */
export type ContextCategory = 'timing' | 'unanswered' | 'ladder' | 'length' | 'locked';

/** A suggestion's blank ("[what you did]") still in the draft: fill it in before sending. */
export type FormCategory = 'placeholder';

export type Category = ProblemCategory | StrengthCategory | ContextCategory | FormCategory | 'crisis';

export type FindingKind = 'problem' | 'strength' | 'stop';
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';
export type Verdict = 'send' | 'revise' | 'stop';

/** Principle ids from METHOD.md, P1…P18. */
export type PrincipleId =
  | 'P1'
  | 'P2'
  | 'P3'
  | 'P4'
  | 'P5'
  | 'P6'
  | 'P7'
  | 'P8'
  | 'P9'
  | 'P10'
  | 'P11'
  | 'P12'
  | 'P13'
  | 'P14'
  | 'P15'
  | 'P16'
  | 'P17'
  | 'P18';

export type Channel = 'email' | 'text' | 'call_script' | 'letter' | 'social';

/** The channel ladder (P6): email → text → call → meeting. */
export type Rung = 'email' | 'text' | 'call' | 'meeting';

export type LockReason =
  | 'abuse'
  | 'threats'
  | 'coercive_control'
  | 'stalking'
  | 'no_contact_request'
  | 'blocked'
  | 'court_order'
  | (string & {});

/** What the coach knows beyond the text. Every field optional. */
export interface DraftContext {
  channel?: Channel;
  /** ISO 8601 instant the user plans to send at. */
  sendAt?: string;
  /** IANA time zone of the ex, e.g. `Europe/London`. */
  exTimeZone?: string;
  /** The user's own messages since the ex last replied. */
  unansweredInARow?: number;
  /** The highest rung reached so far on the channel ladder. */
  currentRung?: Rung;
  outreachLocked?: boolean;
  lockReason?: LockReason;
  /** Human-readable explanation of the lock, shown as is. */
  lockExplanation?: string;
}

/** A typed edit the user may apply; the coach never applies it. */
export type Suggestion =
  | { type: 'replace'; start: number; end: number; text: string; label: string }
  | { type: 'remove'; start: number; end: number; label: string }
  | { type: 'insert'; at: number; text: string; label: string }
  | { type: 'rewrite-sentence'; start: number; end: number; text: string; label: string };

export interface Finding {
  /** Stable, path-like: `blame/you-always`. */
  ruleId: string;
  category: Category;
  kind: FindingKind;
  severity: Severity;
  /** 0…1: how sure the rule is. */
  confidence: number;
  /** Absolute half-open UTF-16 offsets into the exact input: `text.slice(start, end) === actual`. */
  start: number;
  end: number;
  actual: string;
  /** One short line. */
  message: string;
  /** Why, in plain words. */
  explanation: string;
  principles: PrincipleId[];
  suggestions: Suggestion[];
  /**
   * Crisis findings only: `explicit` for a statement, a plan or means at hand; `warning` for
   * hopelessness, being a burden, finality or a goodbye. Both stop the coaching; they are
   * worded differently.
   */
  level?: CrisisLevel;
}

export type CrisisLevel = 'explicit' | 'warning';

export interface Report {
  verdict: Verdict;
  findings: Finding[];
  /**
   * How many findings were left out because the report reached MAX_FINDINGS (a hostile or
   * runaway draft). Crisis findings are never left out. Absent when nothing was.
   */
  omitted?: number;
}

/** The most findings a report lists; past it, `omitted` counts the rest. */
export const MAX_FINDINGS = 200;

/** Thrown (typed) when the input is over the limit; never a crash. */
export class DraftTooLongError extends Error {
  override readonly name = 'DraftTooLongError';
  readonly code = 'DRAFT_TOO_LONG';
  constructor(
    readonly length: number,
    readonly limit: number,
  ) {
    super(`The draft is ${length} characters long; the coach reads at most ${limit}.`);
  }
}

export const MAX_DRAFT_LENGTH = 100_000;

/* ------------------------------------------------------------------------------------------
 * Rules are data (retext-equality / LanguageTool style). Every rule and every exception
 * carries examples; each example runs as a test, so none lands without both kinds.
 *
 * Patterns run on the *normalized* text (see normalize.ts), never on the raw input:
 *   - lowercase; typographic quotes folded (’ → ', “ ” → ");
 *   - apostrophes inside words removed: don't → dont, you're → youre, I'm → im, I'll → ill;
 *   - texting shorthand expanded word by word: u → you, ur → your, r → are, ya → you,
 *     pls/plz → please, sry/soz → sorry, bc/cuz/coz → because, ily → i love you, …;
 *   - elongations reduced (pleeeease → please, neeeed → need, sooo → so);
 *   - zero-width and bidi controls dropped, every whitespace run (CRLF, NBSP, tabs) → one space.
 * The normalizer keeps an offset map, so a match is reported on the exact original span.
 * Write patterns lowercase, without apostrophes, with \b word boundaries.
 * ---------------------------------------------------------------------------------------- */

/**
 * How a negation cue ("not", "dont", "never", "no longer", …) shortly before a match in
 * the same clause affects the rule:
 *   - `cancel`: the match is dropped ("im not blaming you" is not blame);
 *   - `ignore`: negation does not matter ("you never listen" is still blame).
 * Crisis rules are always `ignore`: nothing silences them.
 */
export type NegationPolicy = 'cancel' | 'ignore';

/**
 * Where a rule looks for an exception's pattern: the clause or the whole sentence
 * around the match, or only the matched span itself.
 */
export type ExceptionScope = 'match' | 'clause' | 'sentence';

export interface RuleException {
  /** Why this exception exists, in a few words: "neutral you: thank you". */
  reason: string;
  pattern: RegExp;
  scope: ExceptionScope;
  examples: {
    /** The rule still fires here: the exception is not too broad. */
    flag: string[];
    /** The exception suppresses the rule here. */
    pass: string[];
  };
}

/**
 * A suggestion template. Placeholders filled by the engine:
 *   {match}    the matched original text
 *   {sentence} the original sentence around the match
 *   {rest}     the sentence after the match (original text, trimmed)
 *   {before}   the sentence before the match (original text, trimmed)
 * `replace` and `remove` act on the match; `insert` inserts `text` after the sentence;
 * `rewrite-sentence` replaces the whole sentence with `text`.
 */
export interface SuggestionTemplate {
  type: Suggestion['type'];
  label: string;
  text?: string;
}

export interface Rule {
  /** Stable, path-like: `blame/you-always`. The prefix names the rule's file. */
  id: string;
  category: Exclude<Category, ContextCategory>;
  kind: FindingKind;
  severity: Severity;
  confidence: number;
  /** Run with the `g` flag on the normalized text. */
  patterns: RegExp[];
  exceptions: RuleException[];
  negation: NegationPolicy;
  /** Whether the rule applies inside quoted or reported speech. Crisis rules: always true. */
  inQuotes: boolean;
  message: string;
  explanation: string;
  principles: PrincipleId[];
  suggestions: SuggestionTemplate[];
  examples: { flag: string[]; pass: string[] };
}
