/**
 * argon2 behind a small concurrency limit. Each hash takes tens of milliseconds of a core
 * and 19 MiB; a registration flood starting hundreds at once would starve everything else
 * (logins included) of CPU and of libuv's four threads. Past the limit, hashes wait their
 * turn; past the queue, the request is answered 503 at once.
 */
import { availableParallelism } from 'node:os';
import {
  type AccountOptions,
  type Argon2,
  type CryptoDeps,
  cryptoDeps,
  getRandomValues,
} from '../store/index.js';
import { HttpProblem } from './problem.js';

export interface Argon2Limit {
  /** Hashes running at once. */
  concurrent: number;
  /** Hashes waiting beyond this are refused (503). */
  maxWaiting: number;
}

/**
 * One hash per core but one, at most two: a core stays free for the event loop (on a
 * two-core machine a flood of hashes would otherwise take both), and logins still take < 0.5 s.
 */
export const ARGON2_LIMIT: Argon2Limit = {
  concurrent: Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxWaiting: 256,
};

/**
 * A counting semaphore: `run` starts `task` when fewer than `concurrent` run, else queues
 * it in arrival order. (Fifteen lines here rather than a dependency: p-limit is only a
 * transitive package in this tree.)
 *
 * @example
 * const limit = createLimiter({ concurrent: 2, maxWaiting: 10 });
 * await limit(() => argon2.hash(password, options));
 */
export function createLimiter(limit: Argon2Limit): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async (task) => {
    if (running >= limit.concurrent) {
      if (waiting.length >= limit.maxWaiting) {
        throw new HttpProblem(
          'busy',
          'The server is busy checking passwords. Try again in a moment.',
          undefined,
          {
            'Retry-After': '5',
          },
        );
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/**
 * The account options with every argon2 call (hash, verify, KEK derivation) going
 * through one limiter; the given crypto primitives, or the real ones, underneath.
 *
 * @example
 * const accounts = limitArgon2(config.accounts ?? {}, ARGON2_LIMIT);
 */
export function limitArgon2(options: AccountOptions, limit: Argon2Limit): AccountOptions {
  const run = createLimiter(limit);
  const base: Promise<CryptoDeps> = options.deps ? Promise.resolve(options.deps) : cryptoDeps();
  const argon2: Argon2 = {
    hash: (password, o) => run(async () => (await base).argon2.hash(password, o)),
    verify: (hashed, password) => run(async () => (await base).argon2.verify(hashed, password)),
    hashRaw: (password, o) => run(async () => (await base).argon2.hashRaw(password, o)),
  };
  const deps: CryptoDeps = options.deps
    ? { ...options.deps, argon2 }
    : { subtle: globalThis.crypto.subtle, getRandomValues, argon2 };
  return { ...options, deps };
}
