/**
 * Taking the journey out and bringing it back: export as the snapshot JSON (decrypted, a
 * download) or Markdown, and import, validated in full and applied in one transaction.
 * Losing the password loses the data, so export is the user's own backup.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { JourneySnapshot } from '../method/schema.js';
import { COLLECTION_NAMES, replaceSnapshot } from '../store/index.js';
import { requireSession } from './auth.js';
import type { AppEnv, Deps } from './context.js';
import { stringifyInSlices } from './jobs.js';
import { HttpProblem } from './problem.js';
import { listAll } from './resources.js';
import { malformedJson, parseWith, readJsonText, tooDeep, validationProblem } from './validate.js';

/** How many records a journey holds (to tell a heavy job from a light one). */
export function recordCount(snapshot: JourneySnapshot): number {
  let n = 0;
  for (const name of COLLECTION_NAMES) n += (snapshot[name] as readonly unknown[]).length;
  return n;
}

/** An export of years of daily use is megabytes; this route alone reads more than 256 KB. */
export const IMPORT_LIMIT = 32 * 1024 * 1024;

export const exportQuery = z.strictObject({ format: z.optional(z.enum(['json', 'markdown'])) });

/**
 * Safety history survives an import: screenings and ex requests already recorded are kept
 * alongside the imported ones, so importing an older file cannot lift a lock (P16).
 *
 * @example
 * keepSafetyHistory(imported, current).exRequests.length >= current.exRequests.length // true
 */
export function keepSafetyHistory(
  imported: JourneySnapshot,
  current: Pick<JourneySnapshot, 'safetyScreenings' | 'exRequests'>,
): JourneySnapshot {
  const merge = <T extends { id: string }>(mine: readonly T[], theirs: readonly T[]): T[] => {
    const ids = new Set(mine.map((r) => r.id));
    return [...mine, ...theirs.filter((r) => !ids.has(r.id))];
  };
  return {
    ...imported,
    safetyScreenings: merge(imported.safetyScreenings, current.safetyScreenings),
    exRequests: merge(imported.exRequests, current.exRequests),
  };
}

/**
 * Export and import routes (behind a session), mounted at `/api/v1`.
 *
 * @example
 * api.route('/', transferRoutes(deps));
 */
export function transferRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/export', requireSession(deps));
  app.use('/import', requireSession(deps));
  const journalOf = (auth: AppEnv['Variables']['auth']) => deps.store.journal(auth.userId, auth.dataKey);

  app.get('/export', async (c) => {
    const { format } = parseWith(exportQuery, c.req.query());
    const { auth } = c.var;
    // Through the shared cache: exporting an unchanged journey again decrypts nothing.
    const snapshot = (await deps.jobs.within(
      deps.snapshots.load(journalOf(auth), auth.session.dataVersion),
    )) as JourneySnapshot | null;
    if (!snapshot) {
      throw new HttpProblem('profile-required', 'There is nothing to export until your profile is set up.');
    }
    const now = deps.now().toISOString();
    const day = now.slice(0, 10);
    c.header('Cache-Control', 'no-store');
    if (format === 'markdown') {
      c.header('Content-Type', 'text/markdown; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="olive-branch-${day}.md"`);
      const heavy = recordCount(snapshot) >= deps.jobs.limits.heavyRecords;
      const input = heavy ? await stringifyInSlices(snapshot) : snapshot;
      return c.body(await deps.jobs.run('markdown', { snapshot: input, exportedAt: now }, heavy));
    }
    c.header('Content-Disposition', `attachment; filename="olive-branch-${day}.json"`);
    c.header('Content-Type', 'application/json');
    return c.body(await stringifyInSlices(snapshot));
  });

  app.post('/import', async (c) => {
    // The nesting depth is checked by the parse job itself (on the pool for a big body).
    const text = await readJsonText(c, IMPORT_LIMIT, { checkDepth: false });
    const heavy = text.length >= deps.jobs.limits.heavyImportChars;
    const parsed = await deps.jobs.run('parseImport', { text: text === '' ? '{}' : text }, heavy);
    if ('tooDeep' in parsed) throw tooDeep();
    if ('malformed' in parsed) throw malformedJson(new SyntaxError(parsed.malformed));
    if (!parsed.ok) throw validationProblem(parsed.issues);
    const journal = journalOf(c.var.auth);
    const [screenings, requests] = await Promise.all([
      listAll<JourneySnapshot['safetyScreenings'][number]>(journal, 'safetyScreenings'),
      listAll<JourneySnapshot['exRequests'][number]>(journal, 'exRequests'),
    ]);
    const merged = keepSafetyHistory(parsed.snapshot, {
      safetyScreenings: screenings.map((r) => ({ ...r.data, id: r.id })),
      exRequests: requests.map((r) => ({ ...r.data, id: r.id })),
    });
    await deps.jobs.within(replaceSnapshot(journal, merged));
    const imported: Record<string, number> = {};
    for (const name of COLLECTION_NAMES) imported[name] = (merged[name] as unknown[]).length;
    return c.json({ imported });
  });

  return app;
}
