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
import { currentJourney, refuseLiftingLocks } from './guard.js';
import { stringifyInSlices } from './jobs.js';
import { HttpProblem } from './problem.js';
import { malformedJson, parseWith, readJsonText, tooDeep, validationProblem } from './validate.js';

/** How many records a journey holds (to tell a heavy job from a light one). */
export function recordCount(snapshot: JourneySnapshot): number {
  let n = 0;
  for (const name of COLLECTION_NAMES) n += (snapshot[name] as readonly unknown[]).length;
  return n;
}

const nothingToExport = () =>
  new HttpProblem('profile-required', 'There is nothing to export until your profile is set up.');

/** An export of years of daily use is megabytes; this route alone reads more than 256 KB. */
export const IMPORT_LIMIT = 32 * 1024 * 1024;

export const exportQuery = z.strictObject({ format: z.optional(z.enum(['json', 'markdown'])) });

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
    const journal = journalOf(auth);
    const now = deps.now().toISOString();
    const day = now.slice(0, 10);
    const markdown = format === 'markdown';
    const download = () => {
      c.header('Cache-Control', 'no-store');
      c.header('Content-Type', markdown ? 'text/markdown; charset=utf-8' : 'application/json');
      c.header(
        'Content-Disposition',
        `attachment; filename="olive-branch-${day}.${markdown ? 'md' : 'json'}"`,
      );
    };
    // A big journey is read, decrypted and written out on the pool, through the thread's
    // own read-only connection: on the event loop, 100,000 rows held everyone else for
    // seconds. The row count is one cheap query.
    const { reader } = deps.store;
    if (reader && (await journal.size()) >= deps.jobs.limits.heavyRecords) {
      const out = await deps.jobs.run(
        'exportJourney',
        {
          reader,
          userId: auth.userId,
          dataKey: auth.dataKey,
          format: markdown ? 'markdown' : 'json',
          exportedAt: now,
        },
        true,
      );
      if ('noProfile' in out) throw nothingToExport();
      download();
      return c.body(out.body);
    }
    // Through the shared cache: exporting an unchanged journey again decrypts nothing.
    const snapshot = (await deps.jobs.within(
      deps.snapshots.load(journal, auth.session.dataVersion),
    )) as JourneySnapshot | null;
    if (!snapshot) throw nothingToExport();
    download();
    if (markdown) {
      // Without a reader (an in-memory database), a big journey is still rendered on the pool.
      const heavy = recordCount(snapshot) >= deps.jobs.limits.heavyRecords;
      const input = heavy ? await stringifyInSlices(snapshot) : snapshot;
      return c.body(await deps.jobs.run('markdown', { snapshot: input, exportedAt: now }, heavy));
    }
    return c.body(await stringifyInSlices(snapshot));
  });

  app.post('/import', async (c) => {
    // The nesting depth is checked by the job itself (on the pool for a big body).
    const text = await readJsonText(c, IMPORT_LIMIT, { checkDepth: false });
    const heavy = text.length >= deps.jobs.limits.heavyImportChars;
    const now = deps.now();
    const journal = journalOf(c.var.auth);
    const current = await currentJourney(journal, now);
    // Parsing, the date checks and the merge with the safety history run as one job (on the
    // pool for a big body): on the event loop they held everyone for a second at 100,000 records.
    const history = { safetyScreenings: current.safetyScreenings, exRequests: current.exRequests };
    const prepared = await deps.jobs.run(
      'prepareImport',
      { text: text === '' ? '{}' : text, history, now: now.toISOString() },
      heavy,
    );
    if ('tooDeep' in prepared) throw tooDeep();
    if ('malformed' in prepared) throw malformedJson(new SyntaxError(prepared.malformed));
    if ('issues' in prepared) throw validationProblem(prepared.issues);
    const merged = prepared.snapshot;
    refuseLiftingLocks(current, merged, now);
    await deps.jobs.within(replaceSnapshot(journal, merged));
    const imported: Record<string, number> = {};
    for (const name of COLLECTION_NAMES)
      imported[name] = (merged[name] as unknown[] | undefined)?.length ?? 0;
    return c.json({ imported });
  });

  return app;
}
