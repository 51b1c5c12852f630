/**
 * Taking the journey out and bringing it back: export as the snapshot JSON (decrypted, a
 * download) or Markdown, and import, validated in full and applied in one transaction.
 * Losing the password loses the data, so export is the user's own backup.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { type JourneySnapshot, parseSnapshot } from '../method/schema.js';
import { COLLECTION_NAMES, loadSnapshot, replaceSnapshot } from '../store/index.js';
import { requireSession } from './auth.js';
import type { AppEnv, Deps } from './context.js';
import { toMarkdown } from './markdown.js';
import { HttpProblem } from './problem.js';
import { listAll } from './resources.js';
import { parseWith, readJson, validationProblem } from './validate.js';

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
    const snapshot = await loadSnapshot(journalOf(c.var.auth));
    if (!snapshot) {
      throw new HttpProblem('profile-required', 'There is nothing to export until your profile is set up.');
    }
    const now = deps.now().toISOString();
    const day = now.slice(0, 10);
    c.header('Cache-Control', 'no-store');
    if (format === 'markdown') {
      c.header('Content-Type', 'text/markdown; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="olive-branch-${day}.md"`);
      return c.body(toMarkdown(snapshot, now));
    }
    c.header('Content-Disposition', `attachment; filename="olive-branch-${day}.json"`);
    return c.json(snapshot);
  });

  app.post('/import', async (c) => {
    const parsed = parseSnapshot(await readJson(c, IMPORT_LIMIT));
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
    await replaceSnapshot(journal, merged);
    const imported: Record<string, number> = {};
    for (const name of COLLECTION_NAMES)
      imported[name] = (merged[name] as unknown[] | undefined)?.length ?? 0;
    return c.json({ imported });
  });

  return app;
}
