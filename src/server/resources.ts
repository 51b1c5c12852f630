/**
 * The journey resources over HTTP, generated from ONE table instead of fifteen copy-pasted
 * files: each row names the URL path, the snapshot field (= the store's resource name), the
 * record schema from src/method/schema.ts, and what the resource allows. Routes, the OpenAPI
 * document and docs/api.md all read this table.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { recordDateIssues } from '../method/coherence.js';
import { reopeningCounts, stopRequestSince } from '../method/locks.js';
import {
  apologySchema,
  assessmentSchema,
  checkInSchema,
  commitmentSchema,
  confidenceRatingSchema,
  contactBreakSchema,
  contactEventSchema,
  draftSchema,
  exRequestSchema,
  habitLogSchema,
  type JourneySnapshot,
  journalEntrySchema,
  LIMITS,
  letterSchema,
  type NoContactPeriod,
  necessaryContactSchema,
  noContactPeriodSchema,
  outcomeSchema,
  profileSchema,
  reflectionSchema,
  safetyPlanSchema,
  safetyScreeningSchema,
  setbackSchema,
  settingsSchema,
  timeZoneChangeSchema,
} from '../method/schema.js';
import { viewAt } from '../method/view.js';
import type { CollectionName, Journal, SingletonName, StoredRecord } from '../store/index.js';
import { requireSession } from './auth.js';
import type { AppEnv, Deps } from './context.js';
import { currentJourney, refuseLiftingLocks } from './guard.js';
import { HttpProblem } from './problem.js';
import { parseWith, readJson, validationProblem } from './validate.js';

/** A journey write that must stay consistent with the user's other records (checked before storing). */
export type ConsistencyCheck = (
  journal: Journal,
  data: Record<string, unknown>,
  id: string | null,
) => Promise<void>;

export interface CollectionResource {
  kind: 'collection';
  /** URL segment under /api/v1. */
  path: string;
  /** Snapshot field and store resource name. */
  name: CollectionName;
  /** The record schema, `id` included (the API's `data` is this without `id`). */
  schema: z.ZodMiniType;
  /** One line for the docs. */
  summary: string;
  /** Safety history cannot be edited or erased: erasing it would lift a lock. */
  appendOnly?: boolean;
  check?: ConsistencyCheck;
  /** Runs before a delete; throws a problem to refuse it. */
  beforeDelete?: (journal: Journal, id: string) => Promise<void>;
  /** Writes here can change what locks outreach: each is tried on a copy first (guard.ts). */
  guardsLocks?: boolean;
}

export interface SingletonResource {
  kind: 'singleton';
  path: string;
  name: SingletonName;
  schema: z.ZodMiniType;
  summary: string;
}

export type Resource = CollectionResource | SingletonResource;

// ---------------------------------------------------------------------------
// consistency checks the snapshot schema states across records

/**
 * Refuses a new record once the collection holds as many as an import accepts (the
 * snapshot format's LIMITS), so a person's own export always imports again.
 *
 * @example
 * await assertRoomFor(journal, 'timeZoneChanges'); // 409 limit-reached at 1,000
 */
export async function assertRoomFor(journal: Journal, name: CollectionName): Promise<void> {
  const limit = (LIMITS as Record<string, number>)[name];
  if (limit === undefined || (await journal.count(name)) < limit) return;
  throw new HttpProblem(
    'limit-reached',
    `You already have ${limit.toLocaleString('en')} of these, the most an export can carry back in. Delete some you no longer need to add more.`,
  );
}

/** Every record of a collection (all pages). */
export async function listAll<T>(journal: Journal, name: CollectionName): Promise<StoredRecord<T>[]> {
  const out: StoredRecord<T>[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<Journal['list']>> = await journal.list<T>(name, { limit: 500, cursor });
    out.push(...(page.items as StoredRecord<T>[]));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** P2: one clock at a time: at most one running period, and periods never overlap. */
const checkPeriods: ConsistencyCheck = async (journal, data, id) => {
  const others = (await listAll<Omit<NoContactPeriod, 'id'>>(journal, 'noContactPeriods'))
    .filter((r) => r.id !== id)
    .map((r) => r.data);
  const mine = data as Omit<NoContactPeriod, 'id'>;
  const all = [...others, mine].sort((a, b) =>
    a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0,
  );
  if (mine.endedOn === null && others.some((p) => p.endedOn === null)) {
    throw new HttpProblem(
      'conflict',
      'A no-contact period is already running; end it (endedOn, endReason) before starting another.',
      [{ path: 'data.endedOn', message: 'another period is still running' }],
    );
  }
  for (let i = 1; i < all.length; i++) {
    const prev = all[i - 1]!;
    const next = all[i]!;
    if (prev.endedOn === null || next.startedOn < prev.endedOn) {
      throw new HttpProblem('conflict', 'No-contact periods may not overlap: this one overlaps another.', [
        { path: 'data.startedOn', message: 'overlaps another period' },
      ]);
    }
  }
};

const checkBreakPeriod: ConsistencyCheck = async (journal, data) => {
  const periodId = String(data.periodId);
  if (!(await journal.get('noContactPeriods', periodId))) {
    throw validationProblem([
      { path: 'data.periodId', message: `no no-contact period with id '${periodId}'` },
    ]);
  }
};

/** A period with breaks recorded against it stays, so the breaks keep their meaning. */
async function refuseDeletingPeriodWithBreaks(journal: Journal, id: string): Promise<void> {
  const breaks = await listAll<{ periodId: string }>(journal, 'contactBreaks');
  if (breaks.some((b) => b.data.periodId === id)) {
    throw new HttpProblem(
      'conflict',
      'This period has breaks recorded against it; delete those breaks first.',
    );
  }
}

/** One check-in per local day (P3): a second one for the same day is an update of the first. */
const checkOneCheckInPerDay: ConsistencyCheck = async (journal, data, id) => {
  const clash = (await journal.idsOnSameDate('checkIns', data)).find((other) => other !== id);
  if (clash) {
    throw new HttpProblem(
      'conflict',
      `There is already a check-in for ${String(data.on)}; update that one.`,
      [{ path: 'data.on', message: `a check-in for this day exists (id ${clash})` }],
    );
  }
};

// ---------------------------------------------------------------------------
// the table

export const RESOURCES: readonly Resource[] = [
  {
    kind: 'singleton',
    path: 'profile',
    name: 'profile',
    schema: profileSchema,
    summary: 'Time zones, the ex’s preferred channel, the breakup',
  },
  {
    kind: 'singleton',
    path: 'reflection',
    name: 'reflection',
    schema: reflectionSchema,
    summary: 'Reflection on the breakup (P1)',
  },
  {
    kind: 'singleton',
    path: 'settings',
    name: 'settings',
    schema: settingsSchema,
    summary: 'Method defaults for this journey (never safety)',
  },
  {
    kind: 'singleton',
    path: 'outcome',
    name: 'outcome',
    schema: outcomeSchema,
    summary: 'Together again or moving on (P18)',
  },
  {
    kind: 'singleton',
    path: 'safety-plan',
    name: 'safetyPlan',
    schema: safetyPlanSchema,
    summary: 'The personal safety plan (P15)',
  },
  {
    kind: 'collection',
    path: 'safety-screenings',
    name: 'safetyScreenings',
    schema: safetyScreeningSchema,
    summary: 'Safety screening answers (append-only)',
    appendOnly: true,
    guardsLocks: true,
  },
  {
    kind: 'collection',
    path: 'ex-requests',
    name: 'exRequests',
    schema: exRequestSchema,
    summary: 'The ex’s explicit requests: stop or re-open contact (append-only)',
    appendOnly: true,
    guardsLocks: true,
  },
  {
    kind: 'collection',
    path: 'time-zone-changes',
    name: 'timeZoneChanges',
    schema: timeZoneChangeSchema,
    summary: 'Moves to another time zone',
  },
  {
    kind: 'collection',
    path: 'no-contact-periods',
    name: 'noContactPeriods',
    schema: noContactPeriodSchema,
    summary: 'No-contact periods (P2)',
    check: checkPeriods,
    beforeDelete: refuseDeletingPeriodWithBreaks,
  },
  {
    kind: 'collection',
    path: 'contact-breaks',
    name: 'contactBreaks',
    schema: contactBreakSchema,
    summary: 'Breaks of no contact (P2)',
    check: checkBreakPeriod,
  },
  {
    kind: 'collection',
    path: 'necessary-contacts',
    name: 'necessaryContacts',
    schema: necessaryContactSchema,
    summary: 'Strictly necessary contact (P2)',
  },
  {
    kind: 'collection',
    path: 'check-ins',
    name: 'checkIns',
    schema: checkInSchema,
    summary: 'Daily mood, urge and sleep (P3)',
    check: checkOneCheckInPerDay,
  },
  {
    kind: 'collection',
    path: 'habit-logs',
    name: 'habitLogs',
    schema: habitLogSchema,
    summary: 'Habits done (P3 P4)',
  },
  {
    kind: 'collection',
    path: 'confidence-ratings',
    name: 'confidenceRatings',
    schema: confidenceRatingSchema,
    summary: 'Confidence ratings (P4)',
  },
  {
    kind: 'collection',
    path: 'assessments',
    name: 'assessments',
    schema: assessmentSchema,
    summary: 'Decision assessments (P5)',
  },
  {
    kind: 'collection',
    path: 'contact-events',
    name: 'contactEvents',
    schema: contactEventSchema,
    summary: 'The contact log (P6 P17)',
    guardsLocks: true,
  },
  {
    kind: 'collection',
    path: 'commitments',
    name: 'commitments',
    schema: commitmentSchema,
    summary: 'Commitments and whether they were kept (P10)',
  },
  {
    kind: 'collection',
    path: 'apologies',
    name: 'apologies',
    schema: apologySchema,
    summary: 'Apologies (P9)',
  },
  {
    kind: 'collection',
    path: 'letters',
    name: 'letters',
    schema: letterSchema,
    summary: 'Unsent letters (P3 P13)',
  },
  {
    kind: 'collection',
    path: 'setbacks',
    name: 'setbacks',
    schema: setbackSchema,
    summary: 'Setbacks (P14)',
  },
  {
    kind: 'collection',
    path: 'journal-entries',
    name: 'journalEntries',
    schema: journalEntrySchema,
    summary: 'Journal entries, apart from check-ins (P3)',
  },
  {
    kind: 'collection',
    path: 'drafts',
    name: 'drafts',
    schema: draftSchema,
    summary: 'Message drafts kept with the coach (P6 P7)',
  },
];

// ---------------------------------------------------------------------------
// bodies

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Placeholder id so a record schema (which requires an id) can validate a body without one. */
const NEW_ID = 'new';

/** The outer shape of write bodies; `data` is checked against the record schema next. */
export const createBody = z.strictObject({ data: z.record(z.string(), z.unknown()) });
export const updateBody = z.strictObject({
  version: z.int().check(z.minimum(1, 'versions start at 1')),
  data: z.record(z.string(), z.unknown()),
});
export const singletonBody = z.strictObject({
  version: z.int().check(z.minimum(0, 'use 0 to create, else the version you read')),
  data: z.record(z.string(), z.unknown()),
});
export const listQuery = z.strictObject({
  limit: z.optional(
    z
      .pipe(
        z.string().check(z.regex(/^\d{1,3}$/, 'a whole number from 1 to 500')),
        z.transform((s) => Number(s)),
      )
      .check(z.refine((n) => n >= 1 && n <= 500, 'a whole number from 1 to 500')),
  ),
  cursor: z.optional(z.string().check(z.maxLength(512, 'not a cursor from this server'))),
});
const versionQuery = z.strictObject({
  version: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,12}$/, 'a version number')),
      z.transform((s) => Number(s)),
    ),
  ),
});

/**
 * Validates a record body's `data` against the resource's schema. The server owns ids: a
 * new record must not bring one, an update may repeat its own (a read-modify-write round
 * trip) but not another. Returns the data without `id` (the store adds the row id).
 */
export function parseRecordData(
  resource: Resource,
  data: Record<string, unknown>,
  id: string | null = null,
): Record<string, unknown> {
  if (resource.kind === 'singleton')
    return parseWith(resource.schema, data, 'data.') as Record<string, unknown>;
  if (Object.hasOwn(data, 'id') && data.id !== id) {
    throw validationProblem([
      {
        path: 'data.id',
        message:
          id === null ? 'the id is chosen by the server; leave it out' : 'does not match the id in the URL',
      },
    ]);
  }
  const parsed = parseWith(resource.schema, { ...data, id: id ?? NEW_ID }, 'data.') as Record<
    string,
    unknown
  >;
  const { id: _id, ...rest } = parsed;
  return rest;
}

/** The JSON a record is answered with; `data` without the id, which is the envelope's. */
export function recordView(record: StoredRecord): {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  data: unknown;
} {
  let data = record.data;
  if (data !== null && typeof data === 'object' && Object.hasOwn(data, 'id')) {
    const { id: _id, ...rest } = data as Record<string, unknown>;
    data = rest;
  }
  return {
    id: record.id,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    data,
  };
}

function query(c: { req: { query(): Record<string, string> } }) {
  return c.req.query();
}

function notFound(resource: Resource): HttpProblem {
  return new HttpProblem('not-found', `No ${resource.path.replace(/-/g, ' ')} record with this id.`);
}

// ---------------------------------------------------------------------------
// dates and locks on writes

/**
 * Refuses a record dated in the future, or a no-contact clock that starts before the
 * breakup (and a breakup moved after a clock already running), with the field named.
 */
async function refuseIncoherentDates(
  journal: Journal,
  name: string,
  data: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const needsProfile = name === 'noContactPeriods';
  const profile = needsProfile ? await journal.getSingleton('profile') : null;
  const breakupOn = (profile?.data as { breakupOn?: string } | undefined)?.breakupOn;
  const issues = recordDateIssues(name, data, now.getTime(), { breakupOn, prefix: 'data.' });
  if (name === 'profile' && typeof data.breakupOn === 'string') {
    const periods = await listAll<{ startedOn: string }>(journal, 'noContactPeriods');
    const first = periods.map((p) => p.data.startedOn).sort()[0];
    if (first !== undefined && first < data.breakupOn) {
      issues.push({
        path: 'data.breakupOn',
        message: `your no-contact clock already starts on ${first}; the breakup cannot come after it`,
      });
    }
  }
  if (issues.length > 0) throw validationProblem(issues);
}

/**
 * Whether a write could lift a lock, so it is worth trying on a copy of the journey. A
 * contact-log entry matters only as a message the ex started (the ground for a re-opening):
 * logging the person's own messages, or deleting any entry, can only keep a lock in place.
 */
function mayLiftLock(resource: CollectionResource, data: Record<string, unknown> | null): boolean {
  if (!resource.guardsLocks) return false;
  if (resource.name !== 'contactEvents') return true;
  return data !== null && data.initiatedBy === 'ex' && data.direction === 'ex-to-user';
}

/** Stands in for the id of a record not created yet (no stored id has this shape). */
const PENDING_ID = '(pending)';

type Write = { kind: 'put'; id: string; data: Record<string, unknown> } | { kind: 'delete'; id: string };

/**
 * Tries a write to a lock-bearing collection on a copy of the journey and refuses it if it
 * would lift a lock only the ex can lift. A new re-opening from the ex must also rest on a
 * message the ex started after their "stop", or it is refused with the reason.
 */
async function guardLocks(journal: Journal, name: CollectionName, write: Write, now: Date): Promise<void> {
  const before = await currentJourney(journal, now);
  const after = structuredClone(before) as unknown as Record<string, { id: string }[]>;
  const rest = after[name]!.filter((r) => r.id !== write.id);
  after[name] = write.kind === 'put' ? [...rest, { ...write.data, id: write.id }] : rest;
  const reopening = name === 'exRequests' && write.kind === 'put' && write.data.kind === 'reopen-contact';
  if (reopening) {
    const view = viewAt(before, now.getTime());
    const stop = stopRequestSince(view);
    if (stop === null) {
      throw new HttpProblem(
        'conflict',
        'There is no request for no contact to lift, so there is nothing to re-open.',
      );
    }
    const at = Date.parse(String(write.data.at));
    if (!reopeningCounts(view.events, stop.lastStopMs, at)) {
      throw new HttpProblem(
        'conflict',
        'Only your ex can re-open contact. Log the message your ex sent you first (started by them, after they asked for no contact), then confirm the re-opening.',
        [
          {
            path: 'data.at',
            message: 'no message your ex started after their request is logged before this',
          },
        ],
      );
    }
  }
  refuseLiftingLocks(before, after as unknown as JourneySnapshot, now, { reopening });
}

// ---------------------------------------------------------------------------
// routes

/**
 * The journey resource routes (all behind a session), mounted at `/api/v1`.
 *
 * @example
 * api.route('/', resourceRoutes(deps));
 */
export function resourceRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = requireSession(deps);
  const journalOf = (auth: AppEnv['Variables']['auth']) => deps.store.journal(auth.userId, auth.dataKey);

  for (const resource of RESOURCES) {
    const base = `/${resource.path}`;
    // In Hono `/x/*` also matches `/x` itself: one `use` guards the collection and its
    // records, so the session is checked once per request, not twice.
    app.use(`${base}/*`, guard);

    if (resource.kind === 'singleton') {
      app.get(base, async (c) => {
        const record = await journalOf(c.var.auth).getSingleton(resource.name);
        return c.json(record ? recordView(record) : { version: 0, data: null });
      });
      app.put(base, async (c) => {
        const body = parseWith(singletonBody, await readJson(c));
        const data = parseRecordData(resource, body.data);
        const journal = journalOf(c.var.auth);
        await refuseIncoherentDates(journal, resource.name, data, deps.now());
        const record = await journal.putSingleton(resource.name, data, body.version);
        return c.json(recordView(record), body.version === 0 ? 201 : 200);
      });
      app.delete(base, async (c) => {
        const { version } = parseWith(versionQuery, query(c));
        const journal = journalOf(c.var.auth);
        const current = await journal.getSingleton(resource.name);
        if (!current) throw notFound(resource);
        if (version !== undefined && version !== current.version) {
          throw new HttpProblem(
            'conflict',
            `It was changed elsewhere: you have version ${version}, it is now ${current.version}.`,
          );
        }
        await journal.deleteSingleton(resource.name);
        return c.body(null, 204);
      });
      continue;
    }

    app.get(base, async (c) => {
      const q = parseWith(listQuery, query(c));
      const page = await journalOf(c.var.auth).list(resource.name, {
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      });
      return c.json({ items: page.items.map(recordView), nextCursor: page.nextCursor });
    });

    app.post(base, async (c) => {
      const body = parseWith(createBody, await readJson(c));
      const data = parseRecordData(resource, body.data);
      const journal = journalOf(c.var.auth);
      const now = deps.now();
      await refuseIncoherentDates(journal, resource.name, data, now);
      await assertRoomFor(journal, resource.name);
      await resource.check?.(journal, data, null);
      if (mayLiftLock(resource, data))
        await guardLocks(journal, resource.name, { kind: 'put', id: PENDING_ID, data }, now);
      const record = await journal.create(resource.name, data);
      c.header('Location', `/api/v1/${resource.path}/${record.id}`);
      return c.json(recordView(record), 201);
    });

    app.get(`${base}/:id`, async (c) => {
      const id = c.req.param('id');
      const record = ID_PATTERN.test(id) ? await journalOf(c.var.auth).get(resource.name, id) : null;
      if (!record) throw notFound(resource);
      return c.json(recordView(record));
    });

    if (resource.appendOnly) continue;

    app.put(`${base}/:id`, async (c) => {
      const id = c.req.param('id');
      if (!ID_PATTERN.test(id)) throw notFound(resource);
      const body = parseWith(updateBody, await readJson(c));
      const data = parseRecordData(resource, body.data, id);
      const journal = journalOf(c.var.auth);
      if (!(await journal.get(resource.name, id))) throw notFound(resource);
      const now = deps.now();
      await refuseIncoherentDates(journal, resource.name, data, now);
      await resource.check?.(journal, data, id);
      if (mayLiftLock(resource, data))
        await guardLocks(journal, resource.name, { kind: 'put', id, data }, now);
      const record = await journal.update(resource.name, id, data, body.version);
      return c.json(recordView(record));
    });

    app.delete(`${base}/:id`, async (c) => {
      const id = c.req.param('id');
      if (!ID_PATTERN.test(id)) throw notFound(resource);
      const { version } = parseWith(versionQuery, query(c));
      const journal = journalOf(c.var.auth);
      await resource.beforeDelete?.(journal, id);
      if (mayLiftLock(resource, null))
        await guardLocks(journal, resource.name, { kind: 'delete', id }, deps.now());
      if (!(await journal.delete(resource.name, id, version))) throw notFound(resource);
      return c.body(null, 204);
    });
  }
  return app;
}
