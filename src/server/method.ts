/**
 * The method and the coach over HTTP: the plan and timing advice for the logged-in user at
 * the current time, the coach with context the server fills from the user's own data, and
 * "I sent it", refused while outreach is locked. The client never supplies the locks, the
 * unanswered count or the rung, so no request can talk the server out of a lock.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { analyze, ContextError } from '../coach/index.js';
import { type Channel, type DraftContext, DraftTooLongError, MAX_DRAFT_LENGTH } from '../coach/types.js';
import { recordDateIssues } from '../method/coherence.js';
import { plan, timing } from '../method/index.js';
import {
  type ContactChannel,
  contactChannelSchema,
  contactEventSchema,
  instantSchema,
  type JourneySnapshot,
  LIMITS,
  partySchema,
  toneSchema,
} from '../method/schema.js';
import { zoneAt } from '../method/time.js';
import type { Plan } from '../method/types.js';
import { COLLECTION_NAMES, type CollectionName, emptySnapshot, type Journal } from '../store/index.js';
import { requireSession } from './auth.js';
import type { AppEnv, Deps } from './context.js';
import { stringifyInSlices } from './jobs.js';
import { HttpProblem } from './problem.js';
import { assertRoomFor, recordView } from './resources.js';
import { recordCount } from './transfer.js';
import { parseWith, readJson, validationProblem } from './validate.js';

// ---------------------------------------------------------------------------
// bodies

export const coachChannelSchema = z.enum(['email', 'text', 'call_script', 'letter', 'social']);

export const analyzeBody = z.strictObject({
  text: z.string().check(z.maxLength(MAX_DRAFT_LENGTH, `at most ${MAX_DRAFT_LENGTH} characters`)),
  channel: z.optional(coachChannelSchema),
  sendAt: z.optional(instantSchema),
});

export const sentBody = z.strictObject({
  channel: contactChannelSchema,
  at: z.optional(instantSchema),
  initiatedBy: z.optional(partySchema),
  tone: z.optional(toneSchema),
  note: z.optional(z.string().check(z.maxLength(LIMITS.noteText, `at most ${LIMITS.noteText} characters`))),
  /** The person has been told that recording this ends (or breaks) the running no-contact period. */
  acknowledgeNoContact: z.optional(z.boolean()),
});

export const timingQuery = z.strictObject({ at: z.optional(instantSchema) });

// ---------------------------------------------------------------------------
// the user's journey, with locks even before the profile exists

/**
 * Before onboarding writes the profile there is no valid snapshot, but safety answers may
 * already exist and must lock outreach all the same. This snapshot stands in a neutral
 * profile (UTC, unknown channel) ONLY to compute locks and counts; it is never shown or stored.
 */
export async function provisionalSnapshot(journal: Journal, now: Date): Promise<JourneySnapshot> {
  const contents = await journal.loadAll();
  const today = now.toISOString().slice(0, 10);
  const snapshot = emptySnapshot(
    {
      userTimeZone: 'UTC',
      exTimeZone: 'UTC',
      exPreferredChannel: 'unknown',
      breakupOn: today,
      endedBy: 'unclear',
      monthsTogether: 0,
    },
    now.toISOString(),
  );
  const target = snapshot as unknown as Record<CollectionName, unknown[]>;
  for (const name of COLLECTION_NAMES) {
    target[name] = (contents.collections[name] ?? [])
      .map((r) => ({ id: r.id, ...(r.data as object) }))
      .reverse();
  }
  return snapshot;
}

export interface JourneyNow {
  snapshot: JourneySnapshot;
  /** False when the profile is missing and the snapshot is provisional. */
  complete: boolean;
  plan: Plan;
}

/**
 * The journey and its plan at `now`, from the shared snapshot cache (which checks the
 * user's data version in the database on every call, so several processes stay correct).
 * A plan over a huge journey runs on the job pool, within the time budget.
 */
export function journeyLoader(deps: Pick<Deps, 'snapshots' | 'jobs'>) {
  const { snapshots: cache, jobs } = deps;
  // The plan for an unchanged snapshot is reused within the same minute: nothing in it
  // (days, streaks, good moments to write) moves at a finer grain, and GET /plan and every
  // coach keystroke would otherwise recompute a year of metrics.
  const plans = new WeakMap<object, { minute: number; plan: Promise<Plan> }>();
  const planOf = async (snapshot: JourneySnapshot, now: Date) => {
    if (recordCount(snapshot) < jobs.limits.heavyRecords) {
      return jobs.run('plan', { snapshot, now: now.toISOString() }, false);
    }
    return jobs.run('plan', { snapshot: await stringifyInSlices(snapshot), now: now.toISOString() }, true);
  };
  return async (journal: Journal, now: Date, version?: number): Promise<JourneyNow> => {
    const cached = (await jobs.within(cache.load(journal, version))) as JourneySnapshot | null;
    if (cached) {
      const minute = Math.floor(now.getTime() / 60_000);
      let hit = plans.get(cached);
      if (!hit || hit.minute !== minute) {
        const planned = planOf(cached, now);
        hit = { minute, plan: planned };
        plans.set(cached, hit);
        // A failed or abandoned plan is not kept: the next request tries again.
        planned.catch(() => {
          if (plans.get(cached) === hit) plans.delete(cached);
        });
      }
      return { snapshot: cached, complete: true, plan: await hit.plan };
    }
    const provisional = await provisionalSnapshot(journal, now);
    return { snapshot: provisional, complete: false, plan: await planOf(provisional, now) };
  };
}

const PROFILE_REQUIRED = new HttpProblem(
  'profile-required',
  'Set up your profile first (PUT /api/v1/profile): the plan needs your and your ex’s time zones.',
);

/** The coach's channel as the contact log's channel. */
export function contactChannelOf(channel: Channel): ContactChannel {
  return channel === 'call_script' ? 'call' : channel;
}

/**
 * What the coach is told about this draft, all from the user's data; the client only picks
 * the channel and the send time.
 *
 * @example
 * coachContext(journey, { channel: 'text' }, now).outreachLocked // true after a court order
 */
export function coachContext(
  journey: JourneyNow,
  body: { channel?: Channel | undefined; sendAt?: string | undefined },
  now: Date,
): DraftContext {
  const { plan: p } = journey;
  // Sending now: the current minute (the timing advice reads the ex's clock to the minute).
  const sendAt = body.sendAt ?? new Date(now.getTime() - (now.getTime() % 60_000)).toISOString();
  const context: DraftContext = {
    sendAt,
    unansweredInARow: p.metrics.engagement.unansweredInARow,
    currentRung: p.metrics.ladder.currentRung,
    outreachLocked: p.outreachLocked,
  };
  if (body.channel) context.channel = body.channel;
  if (journey.complete) context.exTimeZone = zoneAt(journey.snapshot, 'ex', Date.parse(sendAt));
  const lock = p.locks[0];
  if (p.outreachLocked && lock) {
    context.lockReason = lock.reason;
    context.lockExplanation = lock.explanation;
  }
  return context;
}

// ---------------------------------------------------------------------------
// routes

/**
 * Plan, timing and coach routes (behind a session), mounted at `/api/v1`.
 *
 * @example
 * api.route('/', methodRoutes(deps));
 */
export function methodRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const load = journeyLoader(deps);
  const journalOf = (auth: AppEnv['Variables']['auth']) => deps.store.journal(auth.userId, auth.dataKey);
  // The journey as of the session check: its data version came with the session row.
  const journeyOf = (auth: AppEnv['Variables']['auth'], now: Date, journal = journalOf(auth)) =>
    load(journal, now, auth.session.dataVersion);
  app.use('/plan', requireSession(deps));
  app.use('/timing', requireSession(deps));
  app.use('/coach/*', requireSession(deps));

  app.get('/plan', async (c) => {
    const journey = await journeyOf(c.var.auth, deps.now());
    if (!journey.complete) throw PROFILE_REQUIRED;
    return c.json(journey.plan);
  });

  app.get('/timing', async (c) => {
    const { at } = parseWith(timingQuery, c.req.query());
    const now = deps.now();
    const journey = await journeyOf(c.var.auth, now);
    if (!journey.complete) throw PROFILE_REQUIRED;
    return c.json(timing(journey.snapshot, at ? new Date(at) : now));
  });

  app.post('/coach/analyze', async (c) => {
    const body = parseWith(analyzeBody, await readJson(c));
    const now = deps.now();
    const journey = await journeyOf(c.var.auth, now);
    const context = coachContext(journey, body, now);
    const heavy = body.text.length >= deps.jobs.limits.heavyDraftChars;
    const result = await deps.jobs.run('analyze', { text: body.text, context }, heavy);
    if ('refused' in result)
      throw validationProblem([{ path: result.refused.field, message: result.refused.message }]);
    return c.json({ report: result.report, context });
  });

  app.post('/coach/sent', async (c) => {
    const body = parseWith(sentBody, await readJson(c));
    const now = deps.now();
    const journal = journalOf(c.var.auth);
    const journey = await journeyOf(c.var.auth, now, journal);
    if (journey.plan.outreachLocked) {
      const lock = journey.plan.locks[0];
      throw new HttpProblem(
        'outreach-locked',
        lock?.explanation ??
          'Outreach to your ex is locked, so Olive Branch will not record a message as sent.',
      );
    }
    if (journey.plan.crisis) {
      throw new HttpProblem(
        'outreach-locked',
        'You wrote something recently that sounds like you are going through a very hard time. Please reach out for support first; your ex can wait. Help lines are on the Help screen.',
      );
    }
    const noContact = journey.plan.metrics.noContact;
    if (noContact.running && body.acknowledgeNoContact !== true) {
      throw new HttpProblem(
        'conflict',
        noContact.goalReached
          ? `Your no-contact period is still running (goal reached: ${noContact.currentStreak} days). Recording this message ends it: you are reaching out again. Confirm (acknowledgeNoContact) to record it.`
          : `Your no-contact period is running (day ${noContact.currentStreak} of ${noContact.goalDays}). Recording this message counts as a break and the clock starts again today. Confirm (acknowledgeNoContact) to record it.`,
        [{ path: 'acknowledgeNoContact', message: 'confirm that this message ends the no-contact period' }],
      );
    }
    const event = {
      at: body.at ?? now.toISOString(),
      channel: body.channel,
      direction: 'user-to-ex' as const,
      initiatedBy: body.initiatedBy ?? ('user' as const),
      answered: false,
      answeredAt: null,
      tone: body.tone ?? ('neutral' as const),
      ...(body.note ? { note: body.note } : {}),
    };
    parseWith(contactEventSchema, { id: 'new', ...event }, 'data.');
    const dates = recordDateIssues('contactEvents', event, now.getTime());
    if (dates.length > 0) throw validationProblem(dates);
    await assertRoomFor(journal, 'contactEvents');
    const record = await journal.create('contactEvents', event);
    c.header('Location', `/api/v1/contact-events/${record.id}`);
    return c.json(recordView(record), 201);
  });

  return app;
}
