/**
 * Context findings: what the coach can say from the send time, the contact log and the
 * journey rather than from the words. Each spans the whole trimmed draft (an empty span at
 * 0 for an empty draft), so `text.slice(start, end) === actual` holds here too.
 */
import { Temporal } from 'temporal-polyfill';
import type { Channel, DraftContext, Finding, PrincipleId, Rung, Severity } from './types.js';

/** Thrown (typed) when a DraftContext field is not usable: a clear message, never a crash. */
export class ContextError extends Error {
  override readonly name = 'ContextError';
  readonly code = 'INVALID_CONTEXT';
  constructor(
    readonly field: keyof DraftContext,
    message: string,
  ) {
    super(message);
  }
}

/** P6: the ladder from the most impersonal channel up. */
export const LADDER: readonly Rung[] = ['email', 'text', 'call', 'meeting'];

/** Which rung a draft's channel stands on. */
export const CHANNEL_RUNG: Readonly<Record<Channel, Rung>> = {
  email: 'email',
  letter: 'email',
  text: 'text',
  social: 'text',
  call_script: 'call',
};

/**
 * When a draft is far too long for its channel. Texts and social messages are read on a
 * phone in one glance, so they are counted in characters; emails, letters and call scripts
 * in words (a call script over ~450 words is more than three minutes of talking at them).
 */
export const LENGTH_LIMITS: Readonly<Record<Channel, { limit: number; unit: 'characters' | 'words' }>> = {
  text: { limit: 600, unit: 'characters' },
  social: { limit: 500, unit: 'characters' },
  email: { limit: 700, unit: 'words' },
  letter: { limit: 1200, unit: 'words' },
  call_script: { limit: 450, unit: 'words' },
};

/** Late at night: 22:00 until 07:00 in the ex's time zone (P6: pick a relaxed moment). */
export const LATE_NIGHT = { from: 22, until: 7 } as const;
/** Working hours: Monday to Friday, 09:00 until 17:00 in the ex's time zone. */
export const WORKING_HOURS = { from: 9, until: 17 } as const;

const CHANNELS = new Set<string>(Object.keys(CHANNEL_RUNG));

interface Whole {
  start: number;
  end: number;
  actual: string;
}

function wholeSpan(text: string): Whole {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (end <= start) return { start: 0, end: 0, actual: '' };
  return { start, end, actual: text.slice(start, end) };
}

function finding(
  whole: Whole,
  f: {
    ruleId: string;
    category: Finding['category'];
    kind?: Finding['kind'];
    severity: Severity;
    message: string;
    explanation: string;
    principles: PrincipleId[];
  },
): Finding {
  return {
    ruleId: f.ruleId,
    category: f.category,
    kind: f.kind ?? 'problem',
    severity: f.severity,
    confidence: 1,
    start: whole.start,
    end: whole.end,
    actual: whole.actual,
    message: f.message,
    explanation: f.explanation,
    principles: f.principles,
    suggestions: [],
  };
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The send time as the ex's wall clock, or a ContextError. */
export function localSendTime(sendAt: string, timeZone: string): Temporal.ZonedDateTime {
  let instant: Temporal.Instant;
  try {
    instant = Temporal.Instant.from(sendAt);
  } catch {
    throw new ContextError(
      'sendAt',
      `sendAt '${String(sendAt).slice(0, 40)}' is not an ISO 8601 instant with an offset, e.g. 2026-11-23T20:30:00Z.`,
    );
  }
  try {
    return instant.toZonedDateTimeISO(timeZone);
  } catch {
    throw new ContextError(
      'exTimeZone',
      `exTimeZone '${String(timeZone).slice(0, 40)}' is not an IANA time zone, e.g. Europe/London.`,
    );
  }
}

/** What the timing advice reads of the ex's local time. */
interface LocalClock {
  hour: number;
  minute: number;
  /** 1 Monday … 7 Sunday. */
  dayOfWeek: number;
}

/** Recent answers of localClock: the same send time and zone come back on every keystroke. */
const CLOCKS = new Map<string, LocalClock>();
const CLOCKS_KEPT = 256;

/** localSendTime's hour, minute and weekday, remembered for recent (instant, zone) pairs. */
function localClock(sendAt: string, timeZone: string): LocalClock {
  const key = `${sendAt}\u0000${timeZone}`;
  let clock = CLOCKS.get(key);
  if (!clock) {
    const local = localSendTime(sendAt, timeZone);
    clock = { hour: local.hour, minute: local.minute, dayOfWeek: local.dayOfWeek };
    if (CLOCKS.size >= CLOCKS_KEPT) CLOCKS.clear();
    CLOCKS.set(key, clock);
  }
  return clock;
}

function timing(ctx: DraftContext, whole: Whole): Finding[] {
  if (ctx.sendAt === undefined) return [];
  if (typeof ctx.sendAt !== 'string') throw new ContextError('sendAt', 'sendAt must be an ISO 8601 string.');
  if (ctx.exTimeZone === undefined) return []; // without their zone we cannot know their clock
  if (typeof ctx.exTimeZone !== 'string') {
    throw new ContextError('exTimeZone', 'exTimeZone must be an IANA time zone name.');
  }
  const local = localClock(ctx.sendAt, ctx.exTimeZone);
  const hh = String(local.hour).padStart(2, '0');
  const mm = String(local.minute).padStart(2, '0');
  const when = `${hh}:${mm} on a ${WEEKDAYS[local.dayOfWeek - 1]} for them (${ctx.exTimeZone})`;
  if (local.hour >= LATE_NIGHT.from || local.hour < LATE_NIGHT.until) {
    return [
      finding(whole, {
        ruleId: 'context/late-night',
        category: 'timing',
        severity: 'medium',
        message: 'This would arrive late at night for them.',
        explanation: `It would land at ${when}. A late-night message reads as impulsive or emotional and can wake or unsettle them; send it in a relaxed daytime moment instead (P6).`,
        principles: ['P6'],
      }),
    ];
  }
  if (local.dayOfWeek <= 5 && local.hour >= WORKING_HOURS.from && local.hour < WORKING_HOURS.until) {
    return [
      finding(whole, {
        ruleId: 'context/working-hours',
        category: 'timing',
        severity: 'low',
        message: 'This would arrive during their working hours.',
        explanation: `It would land at ${when}, when they are likely busy and cannot give it calm attention. An early evening or a weekend daytime is kinder (P6).`,
        principles: ['P6'],
      }),
    ];
  }
  return [];
}

function unanswered(ctx: DraftContext, whole: Whole): Finding[] {
  const count = ctx.unansweredInARow;
  if (count === undefined) return [];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw new ContextError('unansweredInARow', 'unansweredInARow must be a whole number, 0 or more.');
  }
  if (count < 2) return [];
  const nth = count + 1;
  return [
    finding(whole, {
      ruleId: 'context/unanswered',
      category: 'unanswered',
      severity: 'high',
      message: `This would be message ${nth} in a row without a reply from them.`,
      explanation: `Your last ${count} messages have had no answer. Silence is an answer for now: another message adds pressure and takes away the space they may need. Give it time and let them choose when to reply (P2 P6 P16).`,
      principles: ['P2', 'P6', 'P16'],
    }),
  ];
}

function ladder(ctx: DraftContext, whole: Whole): Finding[] {
  if (ctx.channel === undefined || ctx.currentRung === undefined) return [];
  if (!CHANNELS.has(ctx.channel)) {
    throw new ContextError('channel', `channel must be one of ${[...CHANNELS].join(', ')}.`);
  }
  const current = LADDER.indexOf(ctx.currentRung);
  if (current < 0) throw new ContextError('currentRung', `currentRung must be one of ${LADDER.join(', ')}.`);
  const target = CHANNEL_RUNG[ctx.channel];
  const wanted = LADDER.indexOf(target);
  if (wanted <= current + 1) return [];
  const next = LADDER[current + 1]!;
  return [
    finding(whole, {
      ruleId: 'context/skips-rung',
      category: 'ladder',
      severity: 'medium',
      message: `A ${target} skips a step: the next one is ${next}.`,
      explanation: `So far you have reached ${ctx.currentRung}. Going straight to ${target} can feel like too much too soon; move up one step at a time, and only when you are both at ease on the current one (P6).`,
      principles: ['P6'],
    }),
  ];
}

function length(ctx: DraftContext, whole: Whole): Finding[] {
  if (ctx.channel === undefined || whole.actual === '') return [];
  const rule = LENGTH_LIMITS[ctx.channel];
  if (!rule) throw new ContextError('channel', `channel must be one of ${[...CHANNELS].join(', ')}.`);
  const size =
    rule.unit === 'characters'
      ? [...whole.actual].length
      : whole.actual.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (size <= rule.limit) return [];
  const what = ctx.channel === 'call_script' ? 'call script' : ctx.channel;
  return [
    finding(whole, {
      ruleId: 'context/too-long',
      category: 'length',
      severity: 'low',
      message: `Long for a ${what}: ${size} ${rule.unit}, aim for under ${rule.limit}.`,
      explanation: `A long ${what} asks a lot of them at once and can feel heavy. Keep the first steps short and light; say the one thing that matters and leave room for them to answer (P6 P12).`,
      principles: ['P6', 'P12'],
    }),
  ];
}

function locked(ctx: DraftContext, whole: Whole): Finding[] {
  if (ctx.outreachLocked === undefined || ctx.outreachLocked === false) return [];
  if (ctx.outreachLocked !== true)
    throw new ContextError('outreachLocked', 'outreachLocked must be true or false.');
  const reasons: Record<string, string> = {
    abuse: 'the relationship involved abuse',
    threats: 'the relationship involved threats',
    coercive_control: 'the relationship involved coercive control',
    stalking: 'the relationship involved stalking',
    no_contact_request: 'they asked you not to contact them',
    blocked: 'they blocked you',
    court_order: 'a court order is in place',
  };
  const why =
    typeof ctx.lockExplanation === 'string' && ctx.lockExplanation.trim() !== ''
      ? ctx.lockExplanation.trim()
      : ctx.lockReason !== undefined && reasons[ctx.lockReason] !== undefined
        ? `Outreach is locked because ${reasons[ctx.lockReason]}.`
        : 'Outreach is locked.';
  return [
    finding(whole, {
      ruleId: 'context/locked',
      category: 'locked',
      kind: 'stop',
      severity: 'critical',
      message: 'Do not send this: contact with them is locked.',
      explanation: `${why} Their safety and their choice come first, so the coach will not help with messages to them. The moving-on path is there for you, and so is support for you (P16 P18).`,
      principles: ['P16', 'P18'],
    }),
  ];
}

/**
 * Findings that come from the context rather than the words. Throws ContextError for a
 * field that is present but unusable.
 *
 * @example
 * contextFindings('hey', { unansweredInARow: 2 })[0]?.category; // 'unanswered'
 * contextFindings('hey', { sendAt: '2026-03-08T07:30:00Z', exTimeZone: 'America/New_York' }); // late night
 */
export function contextFindings(text: string, ctx: DraftContext | undefined): Finding[] {
  if (ctx === undefined || ctx === null) return [];
  if (typeof ctx !== 'object') throw new ContextError('channel', 'The context must be an object.');
  const whole = wholeSpan(text);
  return [
    ...locked(ctx, whole),
    ...timing(ctx, whole),
    ...unanswered(ctx, whole),
    ...ladder(ctx, whole),
    ...length(ctx, whole),
  ];
}
