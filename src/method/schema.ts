/**
 * The journey snapshot: everything one person records in Olive Branch, as one versioned,
 * documented JSON document. The method engine (`plan`, `timing`) reads it; the store builds
 * its tables from the record schemas below; the API exposes each array as a resource; the
 * same format is the account export.
 *
 * Conventions (hold for every record, so forms, tables and exports agree):
 * - `id`: a string of 1–64 characters from `[A-Za-z0-9_-]` (a UUID fits). Unique per array.
 * - Fields named `at` or ending in `At` are **instants**: ISO 8601 with `Z` or an offset,
 *   e.g. `2026-03-01T19:30:00Z`. Compared as instants, never as strings.
 * - Fields named `on` or ending in `On` are **local dates** `YYYY-MM-DD` in the user's own
 *   time zone (a check-in belongs to the day the user lived it, wherever the server is).
 * - Free text the user writes is *private*: every such field is listed in
 *   {@link PRIVATE_TEXT_FIELDS} and the store encrypts it at rest. Nothing else is free text.
 * - Enums are lowercase kebab-case string unions.
 * - Objects are strict: an unknown field is an error, so a typo never silently drops data.
 * - Every string and array is bounded, so a hostile file cannot exhaust memory.
 *
 * This module uses `zod/mini` so the web app can build its forms from it cheaply.
 */
import * as z from 'zod/mini';

/** Bumped on any incompatible change; old snapshots are migrated by the store, never guessed. */
export const SNAPSHOT_VERSION = 1 as const;

/** Bounds. Generous for ten years of daily use, small enough to refuse a hostile file. */
export const LIMITS = {
  shortText: 200,
  noteText: 2_000,
  longText: 20_000,
  safetyScreenings: 1_000,
  exRequests: 1_000,
  timeZoneChanges: 1_000,
  noContactPeriods: 5_000,
  contactBreaks: 10_000,
  necessaryContacts: 50_000,
  checkIns: 50_000,
  habitLogs: 200_000,
  confidenceRatings: 50_000,
  assessments: 1_000,
  contactEvents: 100_000,
  commitments: 20_000,
  apologies: 5_000,
  letters: 5_000,
  journalEntries: 50_000,
  drafts: 1_000,
  safetyPlanLines: 20,
  setbacks: 5_000,
  redLines: 50,
  reasons: 7,
  motives: 10,
  windows: 8,
} as const;

/**
 * The safety floor settings can never lower (P2 P6 P16): a setting may make the method
 * stricter, never looser. The engine also holds these floors for settings stored earlier.
 */
export const SAFETY_FLOOR = {
  /** P2: a no-contact period is at least this long. */
  noContactMinDays: 30,
  /** P2 P6 P16: never advise a third message without a reply. */
  maxUnansweredInARow: 2,
  /** P5: an assessment below this never counts as healthy. */
  readinessThreshold: 60,
  /** P6: late at night in the ex's zone, no window may open (from 22:00 to 07:00). */
  lateNight: { from: '22:00', to: '07:00' },
  /** P6: weekday working hours, no weekday window may open. */
  workingHours: { from: '09:00', to: '17:00' },
} as const;
const NO_CONTACT_MIN_DAYS = SAFETY_FLOOR.noContactMinDays;
const NO_CONTACT_MIN_MESSAGE = `at least ${NO_CONTACT_MIN_DAYS} days: the no-contact period can be made longer, never shorter`;

/* ----------------------------------------------------------------------------------------
 * Building blocks
 * -------------------------------------------------------------------------------------- */

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A record id (a UUID fits). */
export const idSchema = z.string().check(z.regex(ID_PATTERN, 'an id is 1–64 letters, digits, _ or -'));

/** An ISO 8601 instant with `Z` or an offset. */
export const instantSchema = z.iso.datetime({
  offset: true,
  error: 'expected an ISO instant like 2026-03-01T19:30:00Z',
});

/** A local calendar date `YYYY-MM-DD` (in the user's time zone). */
export const localDateSchema = z.iso.date({ error: 'expected a date like 2026-03-01' });

/** A clock time `HH:MM` (24 h), used by contact windows. `24:00` means end of day. */
export const clockTimeSchema = z
  .string()
  .check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time like 18:30'));

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone, e.g. `Europe/London`. */
export const timeZoneSchema = z
  .string()
  .check(z.maxLength(64), z.refine(isTimeZone, 'expected an IANA time zone like Europe/London'));

/**
 * Private free text (encrypted at rest). Every field built with this helper must be listed
 * in PRIVATE_TEXT_FIELDS; a test walks the schema to keep the two in sync.
 */
function privateText(max: number = LIMITS.noteText) {
  const schema = z.string().check(z.maxLength(max, `at most ${max} characters`));
  privateTextSchemas.add(schema);
  return schema;
}
/** The schema instances created by `privateText` (for the sync test; not part of the format). */
export const privateTextSchemas = new WeakSet<object>();

/** Who did something. */
export const partySchema = z.enum(['user', 'ex']);
export type Party = z.infer<typeof partySchema>;

/**
 * Every channel the contact log knows. The ladder (P6) uses email → text → call → meeting;
 * a letter counts as the email rung, a social-media message as the text rung.
 */
export const contactChannelSchema = z.enum(['email', 'text', 'call', 'meeting', 'letter', 'social', 'other']);
export type ContactChannel = z.infer<typeof contactChannelSchema>;

/** The channel ladder (P6), lowest first. */
export const rungSchema = z.enum(['email', 'text', 'call', 'meeting']);
export type LadderRung = z.infer<typeof rungSchema>;

/** A screening answer. `unsure` is taken seriously: it locks until clarified (safety first). */
export const answerSchema = z.enum(['yes', 'no', 'unsure']);
export type Answer = z.infer<typeof answerSchema>;

/** A safety question asked about both sides: the method applies either way. */
export const sidedAnswerSchema = z.strictObject({ byEx: answerSchema, byUser: answerSchema });
export type SidedAnswer = z.infer<typeof sidedAnswerSchema>;

function uniqueIds(items: readonly { id: string }[], ctx: { issues: unknown[] }, input: unknown): void {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const id = items[i]!.id;
    if (seen.has(id)) {
      (ctx.issues as z.core.$ZodRawIssue[]).push({
        code: 'custom',
        message: `duplicate id '${id}'`,
        path: [i, 'id'],
        input,
      });
    }
    seen.add(id);
  }
}

function arrayOf<T extends z.core.$ZodType<{ id: string }>>(item: T, max: number) {
  return z.array(item).check(
    z.maxLength(max, `at most ${max} records`),
    z.superRefine((items, ctx) => uniqueIds(items as { id: string }[], ctx, items)),
  );
}

function pushIssue(
  ctx: { issues: unknown[] },
  path: (string | number)[],
  message: string,
  input: unknown,
): void {
  (ctx.issues as z.core.$ZodRawIssue[]).push({ code: 'custom', message, path, input });
}

/* ----------------------------------------------------------------------------------------
 * Records
 * -------------------------------------------------------------------------------------- */

/**
 * Profile: who and where. The user's and the ex's IANA time zones (timing advice is given in
 * the ex's zone, P6), the channel the ex is most comfortable with (`unknown` starts the ladder
 * at email), the breakup day, who ended it, and how long the relationship lasted in months.
 * `exName` is an optional private nickname used only in the user's own screens.
 */
export const profileSchema = z.strictObject({
  userTimeZone: timeZoneSchema,
  exTimeZone: timeZoneSchema,
  exPreferredChannel: z.enum(['email', 'text', 'call', 'meeting', 'unknown']),
  breakupOn: localDateSchema,
  endedBy: z.enum(['user', 'ex', 'mutual', 'unclear']),
  monthsTogether: z.int().check(z.minimum(0), z.maximum(1_200)),
  exName: z.optional(privateText(LIMITS.shortText)),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * Safety screening: one record per time the user answered the safety questions. Screenings
 * are append-only history: a `yes` to violence, threats, coercive control or stalking (from
 * either side), a block or a court order locks outreach for good, and a later screening does
 * not erase it. `unsure` locks until a later screening answers `no`. `exAskedNoContact` counts
 * as a "stop contacting me" (see exRequests). `note` is private.
 */
export const safetyScreeningSchema = z.strictObject({
  id: idSchema,
  answeredAt: instantSchema,
  violence: sidedAnswerSchema,
  threats: sidedAnswerSchema,
  coerciveControl: sidedAnswerSchema,
  stalking: sidedAnswerSchema,
  exAskedNoContact: answerSchema,
  exBlockedUser: answerSchema,
  courtOrder: answerSchema,
  note: z.optional(privateText()),
});
export type SafetyScreening = z.infer<typeof safetyScreeningSchema>;
/** Alias: the API calls the resource "safety". */
export const safetySchema = safetyScreeningSchema;

/**
 * An explicit request from the ex, over time. `stop-contact` ("stop contacting me") locks
 * outreach until a later `reopen-contact` — the ex re-opening contact themselves (P16). The
 * user cannot lift it any other way. `note` (private) records what was said, in the user's words.
 */
export const exRequestSchema = z.strictObject({
  id: idSchema,
  at: instantSchema,
  kind: z.enum(['stop-contact', 'reopen-contact']),
  channel: z.optional(contactChannelSchema),
  note: z.optional(privateText()),
});
export type ExRequest = z.infer<typeof exRequestSchema>;

/**
 * A move to another time zone, by the user or the ex, from `at` on. Before the first change
 * the profile's zones apply. Timing advice (P6) uses the ex's zone in force at the moment asked.
 */
export const timeZoneChangeSchema = z.strictObject({
  id: idSchema,
  at: instantSchema,
  who: partySchema,
  timeZone: timeZoneSchema,
});
export type TimeZoneChange = z.infer<typeof timeZoneChangeSchema>;

/** The breakup-reason taxonomy (P1). */
export const breakupReasonSchema = z.enum([
  'communication',
  'trust',
  'infidelity',
  'values-goals',
  'commitment',
  'constant-conflict',
  'other',
]);
export type BreakupReason = z.infer<typeof breakupReasonSchema>;

/**
 * Reflection (P1): the reasons for the breakup from the taxonomy, and the user's own words on
 * their part in it, the patterns they see, the relationship's strengths and weaknesses, and
 * what drew them together. All text fields are private; empty string means "not written yet".
 */
export const reflectionSchema = z.strictObject({
  reasons: z.array(breakupReasonSchema).check(
    z.maxLength(LIMITS.reasons),
    z.refine((r) => new Set(r).size === r.length, 'each reason at most once'),
  ),
  reasonsNote: privateText(LIMITS.longText),
  ownRole: privateText(LIMITS.longText),
  patterns: privateText(LIMITS.longText),
  strengths: privateText(LIMITS.longText),
  weaknesses: privateText(LIMITS.longText),
  whatDrewUsTogether: privateText(LIMITS.longText),
  updatedAt: z.nullable(instantSchema),
});
export type Reflection = z.infer<typeof reflectionSchema>;

/**
 * A no-contact period (P2): the clock runs from `startedOn` (counted as day 0) towards
 * `goalDays`. `endedOn` is null while it runs. A period ends with a `break` (a relapse: the
 * clock restarts with a new period, history kept, never shamed), `reconnect` (the user chose
 * to reach out once the gates opened) or `stopped` (the user paused the method). At most one
 * period is open, and periods do not overlap.
 */
export const noContactPeriodSchema = z
  .strictObject({
    id: idSchema,
    startedOn: localDateSchema,
    goalDays: z.int().check(z.minimum(NO_CONTACT_MIN_DAYS, NO_CONTACT_MIN_MESSAGE), z.maximum(365)),
    endedOn: z.nullable(localDateSchema),
    endReason: z.nullable(z.enum(['break', 'reconnect', 'stopped'])),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (p.endedOn !== null && p.endedOn < p.startedOn) {
        pushIssue(ctx, ['endedOn'], 'a period cannot end before it starts', p);
      }
      if ((p.endedOn === null) !== (p.endReason === null)) {
        pushIssue(ctx, ['endReason'], 'endReason is set exactly when endedOn is', p);
      }
    }),
  );
export type NoContactPeriod = z.infer<typeof noContactPeriodSchema>;

/**
 * A break of no contact (P2): who initiated it, on which channel, and a private note. It
 * belongs to the period it ended (`periodId`). Logged to learn from, never to shame.
 */
export const contactBreakSchema = z.strictObject({
  id: idSchema,
  periodId: idSchema,
  at: instantSchema,
  initiatedBy: partySchema,
  channel: contactChannelSchema,
  note: z.optional(privateText()),
});
export type ContactBreak = z.infer<typeof contactBreakSchema>;

/**
 * Strictly necessary contact (P2): children, shared housing, money or safety. It does not
 * break the no-contact clock. `note` is private.
 */
export const necessaryContactSchema = z.strictObject({
  id: idSchema,
  at: instantSchema,
  reason: z.enum(['children', 'housing', 'money', 'safety']),
  channel: contactChannelSchema,
  note: z.optional(privateText()),
});
export type NecessaryContact = z.infer<typeof necessaryContactSchema>;

/**
 * A daily check-in (P3): mood 1–10 (10 = very good), urge to contact the ex 0–10, hours of
 * sleep (0–24, optional) and a private note. At most one per local day.
 */
export const checkInSchema = z.strictObject({
  id: idSchema,
  on: localDateSchema,
  mood: z.int().check(z.minimum(1), z.maximum(10)),
  urge: z.int().check(z.minimum(0), z.maximum(10)),
  sleepHours: z.nullable(z.number().check(z.minimum(0), z.maximum(24))),
  note: z.optional(privateText()),
});
export type CheckIn = z.infer<typeof checkInSchema>;

/** Habit kinds (P3 P4). `custom` carries a private `customName`. */
export const habitKindSchema = z.enum([
  'exercise',
  'sleep',
  'food',
  'meditation',
  'social',
  'therapy',
  'hobby',
  'custom',
]);
export type HabitKind = z.infer<typeof habitKindSchema>;

/** One habit done on one local day (P3 P4), optionally with minutes and a private name. */
export const habitLogSchema = z
  .strictObject({
    id: idSchema,
    on: localDateSchema,
    habit: habitKindSchema,
    customName: z.optional(privateText(LIMITS.shortText)),
    minutes: z.optional(z.int().check(z.minimum(0), z.maximum(1_440))),
  })
  .check(
    z.superRefine((h, ctx) => {
      if (h.habit === 'custom' && !h.customName?.trim()) {
        pushIssue(ctx, ['customName'], 'a custom habit needs a name', h);
      }
    }),
  );
export type HabitLog = z.infer<typeof habitLogSchema>;

/** A confidence rating (P4), 1–10, on a local day, with a private note. */
export const confidenceRatingSchema = z.strictObject({
  id: idSchema,
  on: localDateSchema,
  score: z.int().check(z.minimum(1), z.maximum(10)),
  note: z.optional(privateText()),
});
export type ConfidenceRating = z.infer<typeof confidenceRatingSchema>;

/**
 * Why the user wants the relationship back (P5). `the-person`, `shared-future` and `family`
 * are motives that can carry a relationship; the others are named honestly as unhealthy
 * reasons on their own (loneliness, ego, jealousy, fear of being alone, habit, pressure).
 */
export const motiveSchema = z.enum([
  'the-person',
  'shared-future',
  'family',
  'loneliness',
  'ego',
  'jealousy',
  'fear-of-being-alone',
  'habit',
  'pressure-from-others',
]);
export type Motive = z.infer<typeof motiveSchema>;

/** A 1–5 agreement scale: 1 = not at all, 5 = fully. */
export const scaleSchema = z.int().check(z.minimum(1), z.maximum(5));

/** A red line of the user's own (private text) and whether it is crossed today. */
export const redLineSchema = z.strictObject({
  text: privateText(LIMITS.shortText),
  crossed: answerSchema,
});
export type RedLine = z.infer<typeof redLineSchema>;

/**
 * The decision assessment (P5), one record each time the user takes it (after a setback the
 * method asks for a new one, P14). Each question is answered on a 1–5 scale; the questions
 * and how each weighs are in `src/content/assessment.ts`. `motives` says why the user wants
 * this back; `redLines` are the user's own limits. `note` is private.
 */
export const assessmentSchema = z.strictObject({
  id: idSchema,
  at: instantSchema,
  compatibility: scaleSchema,
  longTermGoals: scaleSchema,
  mutualWishToChange: scaleSchema,
  ownChange: scaleSchema,
  trustRepairable: scaleSchema,
  respect: scaleSchema,
  emotionalSteadiness: scaleSchema,
  lifeOutside: scaleSchema,
  motives: z.array(motiveSchema).check(
    z.minLength(1, 'pick at least one motive'),
    z.maxLength(LIMITS.motives),
    z.refine((m) => new Set(m).size === m.length, 'each motive at most once'),
  ),
  redLines: z.array(redLineSchema).check(z.maxLength(LIMITS.redLines)),
  note: z.optional(privateText()),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** How an exchange felt to the user. `easy` and `warm` count towards the next ladder rung (P6). */
export const toneSchema = z.enum(['warm', 'easy', 'neutral', 'awkward', 'tense', 'hostile']);
export type Tone = z.infer<typeof toneSchema>;

/**
 * One message or conversation in the contact log (P6 P17): when (`at`), the channel, its
 * direction, who initiated the exchange it belongs to, whether and when the other side
 * answered, the tone as the user felt it, and a short private note. Strictly necessary
 * contact goes to necessaryContacts instead.
 */
export const contactEventSchema = z
  .strictObject({
    id: idSchema,
    at: instantSchema,
    channel: contactChannelSchema,
    direction: z.enum(['user-to-ex', 'ex-to-user']),
    initiatedBy: partySchema,
    answered: z.boolean(),
    answeredAt: z.nullable(instantSchema),
    tone: toneSchema,
    note: z.optional(privateText(LIMITS.noteText)),
  })
  .check(
    z.superRefine((e, ctx) => {
      if (e.answeredAt !== null && !e.answered) {
        pushIssue(ctx, ['answeredAt'], 'answeredAt is set but answered is false', e);
      }
      if (e.answeredAt !== null && Date.parse(e.answeredAt) < Date.parse(e.at)) {
        pushIssue(ctx, ['answeredAt'], 'answered before it was sent', e);
      }
    }),
  );
export type ContactEvent = z.infer<typeof contactEventSchema>;

/**
 * A commitment (P10): what was promised (private text), to the ex or to oneself, an optional
 * due day, and its status. `resolvedAt` is set when it was kept, broken or released. Make
 * only commitments you can keep: the engine flags vague and overdue ones and too many open.
 */
export const commitmentSchema = z
  .strictObject({
    id: idSchema,
    createdAt: instantSchema,
    text: privateText(LIMITS.noteText),
    to: partySchema,
    dueOn: z.nullable(localDateSchema),
    status: z.enum(['open', 'kept', 'broken', 'released']),
    resolvedAt: z.nullable(instantSchema),
  })
  .check(
    z.superRefine((c, ctx) => {
      if ((c.status === 'open') !== (c.resolvedAt === null)) {
        pushIssue(ctx, ['resolvedAt'], 'resolvedAt is set exactly when the status is not open', c);
      }
      if (c.resolvedAt !== null && Date.parse(c.resolvedAt) < Date.parse(c.createdAt)) {
        pushIssue(ctx, ['resolvedAt'], 'resolved before it was made', c);
      }
    }),
  );
export type Commitment = z.infer<typeof commitmentSchema>;

/**
 * An apology (P9), drafted and maybe sent: the specific behaviour, the hurt it caused, what
 * the user learned and does differently, and the full text (all private). `sentAt` is set
 * once sent.
 */
export const apologySchema = z
  .strictObject({
    id: idSchema,
    createdAt: instantSchema,
    behaviour: privateText(LIMITS.noteText),
    impact: privateText(LIMITS.noteText),
    learned: privateText(LIMITS.noteText),
    text: privateText(LIMITS.longText),
    status: z.enum(['draft', 'sent']),
    sentAt: z.nullable(instantSchema),
  })
  .check(
    z.superRefine((a, ctx) => {
      if ((a.status === 'sent') !== (a.sentAt !== null)) {
        pushIssue(ctx, ['sentAt'], 'sentAt is set exactly when the status is sent', a);
      }
      if (a.sentAt !== null && Date.parse(a.sentAt) < Date.parse(a.createdAt)) {
        pushIssue(ctx, ['sentAt'], 'sent before it was written', a);
      }
    }),
  );
export type Apology = z.infer<typeof apologySchema>;

/**
 * An unsent letter (P3 P13): written to get feelings out, never sent by the app. It stays
 * sealed (the UI hides it) until `sealedUntilOn`, if set. Title and text are private.
 */
export const letterSchema = z.strictObject({
  id: idSchema,
  createdAt: instantSchema,
  title: privateText(LIMITS.shortText),
  text: privateText(LIMITS.longText),
  sealedUntilOn: z.nullable(localDateSchema),
});
export type Letter = z.infer<typeof letterSchema>;

/**
 * A journal entry (P3): words written on a local day. It is its own record, apart from that
 * day's check-in, so saving one never changes the other. `promptId` names the daily prompt
 * it answered (our words, not the user's); the text is private.
 */
export const journalEntrySchema = z.strictObject({
  id: idSchema,
  on: localDateSchema,
  writtenAt: instantSchema,
  text: privateText(LIMITS.longText),
  promptId: z.optional(idSchema),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** The channels a coach draft is written for (the coach's own list). */
export const draftChannelSchema = z.enum(['email', 'text', 'call_script', 'letter', 'social']);

/**
 * A message draft kept with the coach (P6 P7), saved as the person types so a reload loses
 * nothing. Never a letter and never sent by the app. The text is private.
 */
export const draftSchema = z.strictObject({
  id: idSchema,
  updatedAt: instantSchema,
  channel: draftChannelSchema,
  text: privateText(LIMITS.longText),
});
export type Draft = z.infer<typeof draftSchema>;

function planLines() {
  return z
    .array(privateText(LIMITS.noteText))
    .check(z.maxLength(LIMITS.safetyPlanLines, `at most ${LIMITS.safetyPlanLines} lines`));
}

/**
 * The personal safety plan (P15), written on a calmer day for a hard one: a few short lines
 * per section (see src/content/help.ts for the questions). Every line is private.
 */
export const safetyPlanSchema = z.strictObject({
  updatedAt: instantSchema,
  'warning-signs': planLines(),
  'coping-steps': planLines(),
  'places-and-people': planLines(),
  'people-to-ask': planLines(),
  'professionals-and-lines': planLines(),
  'safe-environment': planLines(),
});
export type SafetyPlanRecord = z.infer<typeof safetyPlanSchema>;

/**
 * A setback (P14): the day it happened, optionally the moment (`at`), what kind, and what
 * happened (private). A setback while reconnecting, rebuilding or together again sends the
 * user back to Decide until a new assessment taken after it. Without `at`, a setback counts
 * as happening at the end of its day, so an assessment earlier that day does not answer it.
 */
export const setbackSchema = z.strictObject({
  id: idSchema,
  on: localDateSchema,
  at: z.optional(instantSchema),
  kind: z.enum(['argument', 'broken-commitment', 'ex-withdrew', 'old-pattern', 'other']),
  what: privateText(LIMITS.noteText),
});
export type Setback = z.infer<typeof setbackSchema>;

/**
 * The outcome, if any (P18): together again, or moving on, decided at `decidedAt`, with a
 * private note. Null while the journey is open.
 */
export const outcomeSchema = z.strictObject({
  decidedAt: instantSchema,
  kind: z.enum(['together', 'moving-on']),
  note: z.optional(privateText()),
});
export type Outcome = z.infer<typeof outcomeSchema>;

/** A contact window in local time, `from` inclusive, `to` exclusive; `to` after `from`. */
export const contactWindowSchema = z
  .strictObject({ from: clockTimeSchema, to: clockTimeSchema })
  .check(z.refine((w) => w.from < w.to, { message: 'a window ends after it starts', path: ['to'] }));
export type ContactWindow = z.infer<typeof contactWindowSchema>;

/** Whether a window stays clear of late night (and, on weekdays, of working hours). */
export function windowWithinFloor(w: ContactWindow, weekday: boolean): boolean {
  const { lateNight, workingHours } = SAFETY_FLOOR;
  if (w.from < lateNight.to || w.to > lateNight.from) return false;
  return !weekday || w.to <= workingHours.from || w.from >= workingHours.to;
}

const windowsSchema = (weekday: boolean) =>
  z.array(contactWindowSchema).check(
    z.maxLength(LIMITS.windows),
    z.refine(
      (ws) => ws.every((w) => windowWithinFloor(w, weekday)),
      weekday
        ? 'a relaxed moment on a weekday lies between 07:00 and 22:00 and outside working hours (09:00–17:00)'
        : 'a relaxed moment lies between 07:00 and 22:00, never late at night',
    ),
  );

/**
 * Per-journey overrides of the defaults in `defaults.ts` (every field optional). Safety rules
 * are deliberately absent: no setting can lift a lock. Settings only tighten: the no-contact
 * minimum, the advice against another message, the late-night and working-hours floor and
 * the readiness bar can be made stricter, never looser (SAFETY_FLOOR).
 */
export const settingsSchema = z.strictObject({
  noContactGoalDays: z.optional(
    z.int().check(z.minimum(NO_CONTACT_MIN_DAYS, NO_CONTACT_MIN_MESSAGE), z.maximum(365)),
  ),
  maxUnansweredInARow: z.optional(
    z
      .int()
      .check(
        z.minimum(1),
        z.maximum(
          SAFETY_FLOOR.maxUnansweredInARow,
          `at most ${SAFETY_FLOOR.maxUnansweredInARow}: the advice against another message can come sooner, never later`,
        ),
      ),
  ),
  weekdayWindows: z.optional(windowsSchema(true)),
  weekendWindows: z.optional(windowsSchema(false)),
  /** ISO weekday numbers (1 = Monday … 7 = Sunday) that count as weekend in the ex's zone. */
  weekendDays: z.optional(z.array(z.int().check(z.minimum(1), z.maximum(7))).check(z.maxLength(7))),
  ladderEasyExchanges: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
  ladderBalanceMin: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  readinessThreshold: z.optional(
    z
      .int()
      .check(
        z.minimum(
          SAFETY_FLOOR.readinessThreshold,
          `at least ${SAFETY_FLOOR.readinessThreshold}: the bar for a healthy assessment can be raised, never lowered`,
        ),
        z.maximum(100),
      ),
  ),
  reflectionMinChars: z.optional(z.int().check(z.minimum(1), z.maximum(2_000))),
  lowMoodThreshold: z.optional(z.number().check(z.minimum(1), z.maximum(10))),
  highUrgeThreshold: z.optional(z.number().check(z.minimum(0), z.maximum(10))),
  maxOpenCommitments: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
  consistencyHalfLifeDays: z.optional(z.int().check(z.minimum(1), z.maximum(3_650))),
});
export type Settings = z.infer<typeof settingsSchema>;

/* ----------------------------------------------------------------------------------------
 * The snapshot
 * -------------------------------------------------------------------------------------- */

const snapshotShape = z.strictObject({
  version: z.literal(SNAPSHOT_VERSION, {
    error: `unknown snapshot version (this build reads ${SNAPSHOT_VERSION})`,
  }),
  createdAt: instantSchema,
  settings: settingsSchema,
  profile: profileSchema,
  safetyScreenings: arrayOf(safetyScreeningSchema, LIMITS.safetyScreenings),
  exRequests: arrayOf(exRequestSchema, LIMITS.exRequests),
  timeZoneChanges: arrayOf(timeZoneChangeSchema, LIMITS.timeZoneChanges),
  reflection: reflectionSchema,
  noContactPeriods: arrayOf(noContactPeriodSchema, LIMITS.noContactPeriods),
  contactBreaks: arrayOf(contactBreakSchema, LIMITS.contactBreaks),
  necessaryContacts: arrayOf(necessaryContactSchema, LIMITS.necessaryContacts),
  checkIns: arrayOf(checkInSchema, LIMITS.checkIns),
  habitLogs: arrayOf(habitLogSchema, LIMITS.habitLogs),
  confidenceRatings: arrayOf(confidenceRatingSchema, LIMITS.confidenceRatings),
  assessments: arrayOf(assessmentSchema, LIMITS.assessments),
  contactEvents: arrayOf(contactEventSchema, LIMITS.contactEvents),
  commitments: arrayOf(commitmentSchema, LIMITS.commitments),
  apologies: arrayOf(apologySchema, LIMITS.apologies),
  letters: arrayOf(letterSchema, LIMITS.letters),
  setbacks: arrayOf(setbackSchema, LIMITS.setbacks),
  outcome: z.nullable(outcomeSchema),
  // Added after the first exports were written: a file without them still imports.
  journalEntries: z._default(arrayOf(journalEntrySchema, LIMITS.journalEntries), () => []),
  drafts: z._default(arrayOf(draftSchema, LIMITS.drafts), () => []),
  safetyPlan: z._default(z.nullable(safetyPlanSchema), null),
});

/** Cross-record rules: periods in order and not overlapping, breaks inside their period. */
function checkCrossRecord(s: z.infer<typeof snapshotShape>, ctx: { issues: unknown[] }): void {
  const periods = s.noContactPeriods;
  let open = 0;
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i]!;
    if (p.endedOn === null) open++;
    if (p.endedOn === null && i !== periods.length - 1) {
      pushIssue(ctx, ['noContactPeriods', i, 'endedOn'], 'only the last period may still be running', s);
    }
    const prev = periods[i - 1];
    if (prev && (prev.endedOn === null || p.startedOn < prev.endedOn)) {
      pushIssue(
        ctx,
        ['noContactPeriods', i, 'startedOn'],
        'periods are in order and do not overlap: this one starts before the previous one ended',
        s,
      );
    }
  }
  if (open > 1) pushIssue(ctx, ['noContactPeriods'], 'at most one period may be running', s);
  const byId = new Map(periods.map((p) => [p.id, p]));
  s.contactBreaks.forEach((b, i) => {
    const period = byId.get(b.periodId);
    if (!period) pushIssue(ctx, ['contactBreaks', i, 'periodId'], `no period with id '${b.periodId}'`, s);
  });
  const days = new Set<string>();
  s.checkIns.forEach((c, i) => {
    if (days.has(c.on)) pushIssue(ctx, ['checkIns', i, 'on'], `a second check-in for ${c.on}`, s);
    days.add(c.on);
  });
}

/**
 * The whole journey, version 1. Arrays may come in any order except `noContactPeriods`
 * (chronological); the engine sorts what it needs.
 *
 * @example
 * const result = journeySnapshotSchema.safeParse(JSON.parse(text));
 * if (!result.success) console.error(formatIssues(result.error.issues)[0]);
 */
export const journeySnapshotSchema = snapshotShape.check(z.superRefine(checkCrossRecord));
export type JourneySnapshot = z.infer<typeof journeySnapshotSchema>;

/**
 * Every private free-text field, as a path: `checkIns[].note` means the `note` of each
 * check-in. The store encrypts exactly these at rest; a test keeps the list in sync.
 */
export const PRIVATE_TEXT_FIELDS = [
  'profile.exName',
  'safetyScreenings[].note',
  'exRequests[].note',
  'reflection.reasonsNote',
  'reflection.ownRole',
  'reflection.patterns',
  'reflection.strengths',
  'reflection.weaknesses',
  'reflection.whatDrewUsTogether',
  'contactBreaks[].note',
  'necessaryContacts[].note',
  'checkIns[].note',
  'habitLogs[].customName',
  'confidenceRatings[].note',
  'assessments[].redLines[].text',
  'assessments[].note',
  'contactEvents[].note',
  'commitments[].text',
  'apologies[].behaviour',
  'apologies[].impact',
  'apologies[].learned',
  'apologies[].text',
  'letters[].title',
  'letters[].text',
  'setbacks[].what',
  'outcome.note',
  'journalEntries[].text',
  'drafts[].text',
  'safetyPlan.warning-signs[]',
  'safetyPlan.coping-steps[]',
  'safetyPlan.places-and-people[]',
  'safetyPlan.people-to-ask[]',
  'safetyPlan.professionals-and-lines[]',
  'safetyPlan.safe-environment[]',
] as const;
export type PrivateTextField = (typeof PRIVATE_TEXT_FIELDS)[number];

/** A parse problem in one clear line: `checkIns[3].mood: expected at most 10`. */
export interface SnapshotIssue {
  path: string;
  message: string;
}

/** Formats a zod path as `checkIns[3].mood` (or `(root)`). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
      return issue.origin === 'array' ? `at most ${issue.maximum} items` : `at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${issue.minimum} items` : `at least ${issue.minimum}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `invalid ${issue.format}`;
    default:
      return 'invalid value';
  }
}

/**
 * Turns zod issues into plain lines with paths, for the CLI and the API.
 *
 * @example
 * formatIssues(journeySnapshotSchema.safeParse(x).error?.issues ?? [])
 * // [{ path: 'checkIns[0].mood', message: 'at most 10' }]
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): SnapshotIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: describe(issue) }));
}

/**
 * Parses untrusted JSON into a snapshot, or returns the problems with paths. Never throws.
 *
 * @example
 * const r = parseSnapshot(JSON.parse(text));
 * if (r.ok) plan(r.snapshot, now); else console.error(`${r.issues[0].path}: ${r.issues[0].message}`);
 */
export function parseSnapshot(
  input: unknown,
): { ok: true; snapshot: JourneySnapshot } | { ok: false; issues: SnapshotIssue[] } {
  const result = journeySnapshotSchema.safeParse(input);
  if (result.success) return { ok: true, snapshot: result.data };
  return { ok: false, issues: formatIssues(result.error.issues) };
}
