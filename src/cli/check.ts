/**
 * `olive check`: the message coach on the command line.
 *
 *   olive check "text"            human output; exit 0 send, 1 revise, 2 stop, 64 bad usage
 *   echo text | olive check       the same, text from stdin
 *   olive check --json "text"     the Report as JSON
 *   olive check --jsonl           batch: {"id","text","context"?} per line in, one
 *                                 {"id","verdict","findings"} or {"id","error"} per line out
 *
 * The --jsonl contract is fixed (other tools read it): same order as the input, a bad line
 * never stops the batch, exit 0 whatever the verdicts.
 */
import { createInterface } from 'node:readline';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { analyze, CHANNEL_RUNG, ContextError, LADDER } from '../coach/index.js';
import {
  type Channel,
  type DraftContext,
  DraftTooLongError,
  type Finding,
  MAX_DRAFT_LENGTH,
  type Report,
  type Rung,
  type Suggestion,
} from '../coach/types.js';
import { EMERGENCY_TEXT, HELP_LINES } from '../content/help.js';
import { type CliIO, type Command, UsageError } from './usage.js';

const HELP = `Usage: olive check [options] "draft to your ex"
       echo "draft" | olive check [options]
       olive check --jsonl < drafts.jsonl

Coaches a message before you send it. Exit code: 0 send, 1 revise, 2 stop, 64 bad usage.

  --channel C      email | text | call_script | letter | social
  --send-at ISO    when you plan to send it (ISO 8601 instant, e.g. 2026-11-23T21:30:00Z)
  --tz ZONE        your ex's IANA time zone (e.g. America/New_York), for timing advice
  --unanswered N   how many of your messages in a row have had no reply
  --rung R         the highest rung reached so far: email | text | call | meeting
  --locked         outreach is locked (a stop request, a block, a court order, abuse)
  --lock-reason R  why it is locked (implies --locked): abuse | threats | coercive_control |
                   stalking | no_contact_request | blocked | court_order
  --json           print the report as JSON
  --jsonl          batch mode: JSON Lines on stdin, one result line per input line
`;

const EXIT_FOR: Record<Report['verdict'], number> = { send: 0, revise: 1, stop: 2 };
/** A JSON Lines input line may carry a draft at the limit plus its context, no more. */
const MAX_LINE = MAX_DRAFT_LENGTH * 6 + 8_192;
/** An ISO 8601 instant with a zone: `Z` or an offset, seconds optional. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
/** The reasons the coach explains in words; --lock-reason takes one of these. */
const LOCK_REASONS = [
  'abuse',
  'threats',
  'coercive_control',
  'stalking',
  'no_contact_request',
  'blocked',
  'court_order',
] as const;

const CHANNELS = Object.keys(CHANNEL_RUNG) as Channel[];

const isInstant = (at: string): boolean => INSTANT.test(at) && Number.isFinite(Date.parse(at));

/** A DraftContext as another tool sends it in a --jsonl line: every field checked, no extras. */
const contextSchema = z.strictObject({
  channel: z.optional(z.enum(CHANNELS, `must be one of ${CHANNELS.join(', ')}`)),
  sendAt: z.optional(
    z
      .string('must be a string')
      .check(z.refine(isInstant, 'must be an ISO 8601 instant such as 2026-11-23T21:30:00Z')),
  ),
  exTimeZone: z.optional(
    z
      .string('must be a string')
      .check(z.refine(validTimeZone, 'must be an IANA time zone such as Europe/London')),
  ),
  unansweredInARow: z.optional(
    z
      .int('must be a whole number')
      .check(z.nonnegative('must be 0 or more'), z.lte(1_000_000, 'is too large')),
  ),
  currentRung: z.optional(z.enum(LADDER, `must be one of ${LADDER.join(', ')}`)),
  outreachLocked: z.optional(z.boolean('must be true or false')),
  lockReason: z.optional(z.string('must be a string').check(z.maxLength(200, 'is too long'))),
  lockExplanation: z.optional(z.string('must be a string').check(z.maxLength(2_000, 'is too long'))),
});

/** The first problem zod found, as one line naming the field. */
function firstIssue(error: z.core.$ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return `${prefix}: invalid`;
  if (issue.code === 'unrecognized_keys') return `${prefix}: unknown field '${issue.keys[0]}'`;
  const path = [prefix, ...issue.path.map(String)].join('.');
  return `${path} ${issue.message}`;
}

interface Flags {
  channel?: string | undefined;
  'send-at'?: string | undefined;
  tz?: string | undefined;
  unanswered?: string | undefined;
  rung?: string | undefined;
  locked?: boolean | undefined;
  'lock-reason'?: string | undefined;
  json?: boolean | undefined;
  jsonl?: boolean | undefined;
  help?: boolean | undefined;
}

function parse(argv: string[]): { flags: Flags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        channel: { type: 'string' },
        'send-at': { type: 'string' },
        tz: { type: 'string' },
        unanswered: { type: 'string' },
        rung: { type: 'string' },
        locked: { type: 'boolean' },
        'lock-reason': { type: 'string' },
        json: { type: 'boolean' },
        jsonl: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
    return { flags: values, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The context the flags describe; analyze() validates each value and names a bad one. */
function contextFromFlags(flags: Flags): DraftContext {
  const context: DraftContext = {};
  if (flags.channel !== undefined) context.channel = flags.channel as Channel;
  if (flags['send-at'] !== undefined) {
    const at = flags['send-at'];
    if (!isInstant(at)) {
      throw new UsageError(`--send-at must be an ISO 8601 instant such as 2026-11-23T21:30:00Z, not '${at}'`);
    }
    context.sendAt = at;
  }
  if (flags.tz !== undefined) {
    if (!validTimeZone(flags.tz))
      throw new UsageError(`--tz must be an IANA time zone such as Europe/London, not '${flags.tz}'`);
    context.exTimeZone = flags.tz;
    // Timing advice needs a moment: without --send-at, it is about sending now.
    context.sendAt ??= new Date().toISOString();
  }
  if (flags.unanswered !== undefined) {
    if (!/^\d{1,6}$/.test(flags.unanswered)) {
      throw new UsageError(`--unanswered must be a whole number, 0 or more, not '${flags.unanswered}'`);
    }
    context.unansweredInARow = Number(flags.unanswered);
  }
  if (flags.rung !== undefined) {
    if (!(LADDER as readonly string[]).includes(flags.rung)) {
      throw new UsageError(`--rung must be one of ${LADDER.join(', ')}, not '${flags.rung}'`);
    }
    context.currentRung = flags.rung as Rung;
  }
  if (flags.locked) context.outreachLocked = true;
  const reason = flags['lock-reason'];
  if (reason !== undefined) {
    if (!(LOCK_REASONS as readonly string[]).includes(reason)) {
      throw new UsageError(`--lock-reason must be one of ${LOCK_REASONS.join(', ')}, not '${reason}'`);
    }
    // Giving a reason says the outreach is locked.
    context.outreachLocked = true;
    context.lockReason = reason;
  }
  return context;
}

/** exactOptionalPropertyTypes: a parsed optional field may come back as an own `undefined`. */
function stripUndefined<T extends object>(value: T): DraftContext {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as DraftContext;
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

const FLAG_FOR: Record<string, string> = {
  channel: '--channel',
  sendAt: '--send-at',
  exTimeZone: '--tz',
  unansweredInARow: '--unanswered',
  currentRung: '--rung',
  outreachLocked: '--locked',
};

/** Runs the coach; the typed errors become one clear sentence. */
function coach(text: string, context: DraftContext | undefined, flagNames: boolean): Report {
  try {
    return analyze(text, context);
  } catch (error) {
    if (error instanceof ContextError) {
      const name = FLAG_FOR[error.field] ?? error.field;
      throw new UsageError(flagNames ? error.message.replace(error.field, name) : error.message);
    }
    if (error instanceof DraftTooLongError) throw new UsageError(error.message);
    throw error;
  }
}

/** All of stdin as text; a character split across two chunks is decoded whole. */
async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text.length > MAX_DRAFT_LENGTH * 4) return text; // far over the limit: analyze() will say so
  }
  return text + decoder.end();
}

/* ------------------------------------------------------------------------------------------
 * Human output
 * ---------------------------------------------------------------------------------------- */

interface Paint {
  span: (s: string, kind: Finding['kind']) => string;
  bold: (s: string) => string;
  dim: (s: string) => string;
  verdict: (s: string, v: Report['verdict']) => string;
}

const PLAIN: Paint = { span: (s) => `[${s}]`, bold: (s) => s, dim: (s) => s, verdict: (s) => s };
const esc = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const COLOR: Paint = {
  span: (s, kind) =>
    kind === 'strength' ? esc('4;32')(s) : kind === 'stop' ? esc('1;4;31')(s) : esc('4;33')(s),
  bold: esc('1'),
  dim: esc('2'),
  verdict: (s, v) => (v === 'send' ? esc('1;32')(s) : v === 'stop' ? esc('1;31')(s) : esc('1;33')(s)),
};

/** Context findings (timing, unanswered, ladder, length, lock) cover the whole draft: no span to mark. */
const aboutWholeDraft = (f: Finding): boolean => f.ruleId.startsWith('context/');

/** The draft with each problem, stop and strength span marked (outermost first, no overlaps). */
function highlight(text: string, findings: Finding[], paint: Paint): string {
  const spans = findings
    .filter((f) => f.end > f.start && !aboutWholeDraft(f))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + paint.span(text.slice(f.start, f.end), f.kind);
    at = f.end;
  }
  return out + text.slice(at);
}

function suggestionText(s: Suggestion): string {
  if (s.type === 'remove') return `${s.label}`;
  return s.text ? `${s.label}: "${s.text}"` : s.label;
}

const VERDICT_LINE: Record<Report['verdict'], string> = {
  send: 'send: nothing here works against you; it is your choice whether and when to send it.',
  revise: 'revise: work through the points above before you send this.',
  stop: 'stop: do not send this.',
};

/**
 * Crisis language always brings up help, in the terminal too: lines from the help content.
 * A warning sign is asked about gently; an explicit statement, plan or means is answered
 * plainly.
 */
function crisisHelp(paint: Paint, level: 'explicit' | 'warning'): string[] {
  const opening =
    level === 'warning'
      ? 'This sounds heavy. Are you safe right now? If you have a safety plan, open it now. If not, reach out:'
      : 'You do not have to go through this alone. Reach out now:';
  const lines = [paint.bold(opening), EMERGENCY_TEXT];
  for (const line of HELP_LINES.filter((l) => l.kind === 'crisis' || l.kind === 'directory')) {
    const ways = line.ways.map((w) => (w.how === 'web' ? w.value : `${w.how} ${w.value}`)).join(', ');
    lines.push(`  ${line.country === 'INT' ? 'Anywhere' : line.country}: ${line.name}: ${ways}`);
  }
  return lines;
}

function human(text: string, report: Report, paint: Paint): string {
  const lines: string[] = [];
  if (text.length <= 4_000 && report.findings.some((f) => f.end > f.start && !aboutWholeDraft(f)))
    lines.push(highlight(text, report.findings, paint), '');
  const order: Finding['kind'][] = ['stop', 'problem', 'strength'];
  for (const kind of order) {
    for (const f of report.findings.filter((x) => x.kind === kind)) {
      const quote =
        f.actual && !aboutWholeDraft(f)
          ? ` "${f.actual.length > 80 ? `${f.actual.slice(0, 77)}…` : f.actual}"`
          : '';
      const mark = kind === 'strength' ? '+' : kind === 'stop' ? '!' : '-';
      lines.push(
        `${mark} ${paint.bold(f.category)}${quote}: ${f.message} ${paint.dim(`(${f.principles.join(' ')})`)}`,
      );
      const best = f.suggestions[0];
      if (best && kind !== 'strength') lines.push(`    try: ${suggestionText(best)}`);
      if (kind === 'stop') lines.push(`    ${f.explanation}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(paint.verdict(VERDICT_LINE[report.verdict], report.verdict));
  const crisis = report.findings.filter((f) => f.category === 'crisis');
  if (crisis.length > 0) {
    const level = crisis.some((f) => f.level !== 'warning') ? 'explicit' : 'warning';
    lines.push('', ...crisisHelp(paint, level));
  }
  if (report.omitted)
    lines.push(paint.dim(`(${report.omitted} more findings left out: the draft repeats itself)`));
  return `${lines.join('\n')}\n`;
}

/* ------------------------------------------------------------------------------------------
 * JSON Lines
 * ---------------------------------------------------------------------------------------- */

function lineResult(line: string): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: 'this line is not valid JSON' };
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { id: null, error: 'each line must be a JSON object {"id", "text", "context"?}' };
  }
  const record = input as Record<string, unknown>;
  const id = typeof record.id === 'string' ? record.id : null;
  if (id === null) return { id: null, error: 'id must be a string' };
  if (typeof record.text !== 'string') return { id, error: 'text must be a string' };
  for (const key of Object.keys(record)) {
    if (key !== 'id' && key !== 'text' && key !== 'context') return { id, error: `unknown field '${key}'` };
  }
  let context: DraftContext | undefined;
  if (record.context !== undefined) {
    const parsed = contextSchema.safeParse(record.context);
    if (!parsed.success) {
      const shape =
        record.context === null || typeof record.context !== 'object' || Array.isArray(record.context);
      return { id, error: shape ? 'context must be an object' : firstIssue(parsed.error, 'context') };
    }
    context = stripUndefined(parsed.data);
  }
  try {
    const report = coach(record.text, context, false);
    return { id, verdict: report.verdict, findings: report.findings };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Watches stdout for the reader going away (`olive check --jsonl … | head -1`): an EPIPE
 * ends the output quietly instead of as an unhandled stream error with a stack trace.
 */
function watchOutput(stdout: CliIO['stdout']): { gone: () => boolean; writable: () => Promise<void> } {
  let gone = false;
  let failure: Error | undefined;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    gone = true;
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') failure = error;
  });
  return {
    gone: () => {
      if (failure) throw new Error(`could not write the output: ${failure.message}`);
      return gone;
    },
    writable: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          stdout.off('drain', done);
          stdout.off('error', done);
          stdout.off('close', done);
          resolve();
        };
        stdout.on('drain', done);
        stdout.on('error', done);
        stdout.on('close', done);
      }),
  };
}

async function batch(io: CliIO): Promise<number> {
  const output = watchOutput(io.stdout);
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const raw of lines) {
      if (output.gone()) break;
      const line = raw.trim();
      if (line === '') continue;
      const result =
        line.length > MAX_LINE
          ? { id: null, error: `the line is longer than ${MAX_LINE} characters` }
          : lineResult(line);
      const ok = io.stdout.write(`${JSON.stringify(result)}\n`);
      if (!ok) await output.writable();
    }
  } finally {
    lines.close();
  }
  output.gone(); // a write error other than EPIPE becomes one clear line
  return 0;
}

/* ------------------------------------------------------------------------------------------
 * The command
 * ---------------------------------------------------------------------------------------- */

export const run: Command = async (argv, io) => {
  const { flags, positionals } = parse(argv);
  if (flags.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (flags.jsonl) {
    if (positionals.length > 0 || flags.json) throw new UsageError('--jsonl reads drafts from stdin only');
    const contextFlags = ['channel', 'send-at', 'tz', 'unanswered', 'rung', 'locked', 'lock-reason'] as const;
    if (contextFlags.some((f) => flags[f] !== undefined)) {
      throw new UsageError('with --jsonl, give each draft its own "context" in its line');
    }
    return batch(io);
  }
  if (positionals.length > 1) {
    throw new UsageError('give the draft as one argument (in quotes), or on stdin');
  }
  let text: string;
  if (positionals.length === 1) text = positionals[0]!;
  else if (io.stdin.isTTY) throw new UsageError('no draft given: olive check "your message" (or pipe it in)');
  else text = (await readAll(io.stdin)).replace(/\r?\n$/, ''); // the newline echo adds is not part of the draft

  const report = coach(text, contextFromFlags(flags), true);
  watchOutput(io.stdout); // `olive check … | head -1` ends quietly
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
    io.stdout.write(human(text, report, color ? COLOR : PLAIN));
  }
  return EXIT_FOR[report.verdict];
};
