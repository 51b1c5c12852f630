/**
 * Heavy work off the event loop: a coach report on a long draft, a plan over a huge
 * journey, the export of a big journey (read and decrypted on the thread), the checks of an
 * import run on a small pool of worker threads (piscina: a well-kept pool with queueing and
 * abortable tasks, rather than our own), so one person's big request never freezes
 * everybody else's. Small inputs stay inline, where a thread hop would cost more than the work.
 *
 * Every job has a time budget. Past it, the job is abandoned (a pool task is aborted,
 * which ends its thread; piscina starts a fresh one) and the client gets 503 with
 * Retry-After; a full queue answers the same at once. The server stays healthy either way.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { JobName, JobTypes } from './jobs-worker.js';
import { runJob } from './jobs-worker.js';
import { HttpProblem } from './problem.js';

export interface JobLimits {
  /** How long one job may take, ms. */
  budgetMs: number;
  /** Threads in the pool. */
  threads: number;
  /** Jobs waiting for a thread beyond this are refused at once (503). */
  maxQueue: number;
  /** A journey with at least this many records is planned and rendered on the pool. */
  heavyRecords: number;
  /** A draft with at least this many characters is analysed on the pool. */
  heavyDraftChars: number;
  /** An import body of at least this many characters is parsed on the pool. */
  heavyImportChars: number;
}

/**
 * Defaults: 20 s is far more than any legitimate job needs (a 100,000-contact plan takes
 * about 2 s on one core); the pool leaves a core for the event loop (one thread on two
 * cores), and its threads run at a lower priority (jobs-worker.ts), so heavy jobs queue and
 * slow down rather than take the CPU from everyone else's requests.
 */
export const JOB_LIMITS: JobLimits = {
  budgetMs: 20_000,
  threads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  maxQueue: 32,
  heavyRecords: 5_000,
  heavyDraftChars: 5_000,
  heavyImportChars: 256 * 1024,
};

export interface Jobs {
  /**
   * Runs a job on the pool when `heavy`, else inline, within the budget; throws a 503
   * HttpProblem past it or when the queue is full.
   */
  run<N extends JobName>(
    name: N,
    input: JobTypes[N]['input'],
    heavy: boolean,
  ): Promise<JobTypes[N]['output']>;
  /**
   * Waits for work that cannot be moved to a thread (reading and decrypting a journey)
   * at most the budget, then answers 503; the work itself goes on and fills the caches, so
   * the retry is quick.
   */
  within<T>(work: Promise<T>): Promise<T>;
  readonly limits: JobLimits;
  close(): Promise<void>;
}

/** Array items serialised between two turns of the event loop. */
const SLICE = 500;

/**
 * JSON.stringify of a journey snapshot, the same text, built in slices with a turn of the
 * event loop between them: 20 MB at once would hold every other request for a fifth of a
 * second. Also how a big journey travels to a pool thread (a string copies in one go,
 * where a structured clone of the objects would block as long as stringifying).
 *
 * @example
 * JSON.parse(await stringifyInSlices(snapshot)) // deep-equals snapshot
 */
export async function stringifyInSlices(snapshot: object): Promise<string> {
  const parts: string[] = [];
  let first = true;
  for (const [key, value] of Object.entries(snapshot)) {
    if (value === undefined || typeof value === 'function') continue;
    parts.push(`${first ? '{' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (!Array.isArray(value) || value.length <= SLICE) {
      parts.push(JSON.stringify(value));
      continue;
    }
    parts.push('[');
    for (let i = 0; i < value.length; i += SLICE) {
      if (i > 0) {
        parts.push(',');
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      parts.push(JSON.stringify(value.slice(i, i + SLICE)).slice(1, -1));
    }
    parts.push(']');
  }
  parts.push(first ? '{}' : '}');
  return parts.join('');
}

function busy(limits: JobLimits): HttpProblem {
  const seconds = Math.max(1, Math.ceil(limits.budgetMs / 1000));
  return new HttpProblem(
    'busy',
    'The server is busy with a large request. Nothing was lost; try again in a moment.',
    undefined,
    { 'Retry-After': String(seconds) },
  );
}

/** The worker's file: the built .js next to this one, or the .ts source under tsx (dev, tests). */
function workerFile(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return {
    filename: fileURLToPath(new URL(fromSource ? './jobs-worker.ts' : './jobs-worker.js', import.meta.url)),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  };
}

/**
 * The job runner; its pool starts on the first heavy job, its threads end when idle.
 *
 * @example
 * const jobs = createJobs();
 * const report = await jobs.run('analyze', { text, context }, text.length >= jobs.limits.heavyDraftChars);
 */
export function createJobs(overrides: Partial<JobLimits> = {}): Jobs {
  const limits: JobLimits = { ...JOB_LIMITS, ...overrides };
  let pool: Piscina | undefined;
  const poolOf = () => {
    pool ??= new Piscina({
      ...workerFile(),
      minThreads: 0,
      maxThreads: limits.threads,
      maxQueue: limits.maxQueue,
      idleTimeout: 30_000,
    });
    return pool;
  };

  return {
    limits,
    async run(name, input, heavy) {
      if (!heavy) return runJob({ name, input });
      try {
        return await poolOf().run({ name, input }, { signal: AbortSignal.timeout(limits.budgetMs) });
      } catch (error) {
        const message = error instanceof Error ? error.message : '';
        if ((error as Error | null)?.name === 'AbortError' || /queue is at limit/i.test(message)) {
          throw busy(limits);
        }
        throw error;
      }
    },
    async within(work) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(busy(limits)), limits.budgetMs);
      });
      // The work may still fail after the deadline answered; nobody is waiting for it then.
      work.catch(() => {});
      try {
        return await Promise.race([work, deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await pool?.destroy();
    },
  };
}
