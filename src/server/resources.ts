/**
 * The journey resources over HTTP, generated from ONE table instead of fifteen copy-pasted
 * files: each row names the URL path, the snapshot field (= the store's resource name), the
 * record schema from src/method/schema.ts, and what the resource allows. Routes, the OpenAPI
 * document and docs/api.md all read this table.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
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
  journalEntrySchema,
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
import type { CollectionName, Journal, SingletonName, StoredRecord } from '../store/index.js';
import { requireSession } from './auth.js';
import type { AppEnv, Deps } from './context.js';
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
  },
  {
    kind: 'collection',
    path: 'ex-requests',
    name: 'exRequests',
    schema: exRequestSchema,
    summary: 'The ex’s explicit requests: stop or re-open contact (append-only)',
    appendOnly: true,
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
        const record = await journalOf(c.var.auth).putSingleton(resource.name, data, body.version);
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
      await resource.check?.(journal, data, null);
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
      await resource.check?.(journal, data, id);
      const record = await journal.update(resource.name, id, data, body.version);
      return c.json(recordView(record));
    });

    app.delete(`${base}/:id`, async (c) => {
      const id = c.req.param('id');
      if (!ID_PATTERN.test(id)) throw notFound(resource);
      const { version } = parseWith(versionQuery, query(c));
      const journal = journalOf(c.var.auth);
      await resource.beforeDelete?.(journal, id);
      if (!(await journal.delete(resource.name, id, version))) throw notFound(resource);
      return c.body(null, 204);
    });
  }
  return app;
}
