/**
 * What every handler can reach: the store, the clock, randomness and the configuration
 * (injected by createApp so tests are deterministic), and, behind `requireSession`, the
 * logged-in user's session and data key.
 */
import type {
  AccountOptions,
  ActiveSession,
  DataKey,
  SessionKeyCache,
  SnapshotCache,
  Store,
} from '../store/index.js';
import type { Argon2Limit } from './argon2-limit.js';
import type { JobLimits, Jobs } from './jobs.js';

export interface ServerConfig {
  /** The package version reported by /healthz. */
  version: string;
  /**
   * How many reverse proxies in front of the server to trust (TRUST_PROXY=N; `true` is
   * one): their X-Forwarded-For/-Proto/-Host are read that many hops from the right.
   */
  trustProxy: boolean | number;
  /**
   * The host names the server answers to (against DNS rebinding); 0.0.0.0 or :: also admit
   * any IP address. Default: 127.0.0.1, ::1 and localhost.
   */
  allowedHosts?: string[];
  /**
   * The server secret behind throttle keys, CSRF tokens and device cookies (at least 32
   * bytes, the same for every process). Default: random per app, fine for one process.
   */
  secret?: Uint8Array;
  /** How many argon2 hashes run at once; default ARGON2_LIMIT (argon2-limit.ts). */
  argon2?: Argon2Limit;
  /** Time budget, pool size and what counts as heavy; defaults in jobs.ts (JOB_LIMITS). */
  jobs?: Partial<JobLimits>;
  /** Limits on new accounts; defaults in throttle.ts (REGISTRATION_LIMITS). */
  registrations?: RegistrationLimits;
  /** The built web app (dist/web); null or missing → a small "not built" page at `/`. */
  webRoot: string | null;
  /** argon2id cost and crypto primitives; tests lower the cost. Default: OWASP. */
  accounts?: AccountOptions;
  /** A session ends after this long without a request. Default 7 days. */
  sessionIdleMs?: number;
  /** A session ends this long after login, whatever happens. Default 30 days. */
  sessionMaxMs?: number;
}

/** How many accounts may be created per hour, from one address and in all. */
export interface RegistrationLimits {
  perAddressPerHour: number;
  totalPerHour: number;
}

export interface Deps {
  store: Store;
  now: () => Date;
  /** `n` random bytes; default WebCrypto. */
  random: (n: number) => Uint8Array;
  config: ServerConfig;
  /** The server secret (config.secret or a random one). */
  secret: Uint8Array;
  /** Waits `ms` (a login from a busy address is slowed); tests record it instead. */
  sleep: (ms: number) => Promise<void>;
  /** Decrypted journeys, checked against the data version on every use (plan, timing, export). */
  snapshots: SnapshotCache;
  /** Heavy work off the event loop, each job within a time budget. */
  jobs: Jobs;
  /** Unwrapped session keys this process has seen (the session row is still checked each time). */
  sessionKeys: SessionKeyCache;
}

/** The logged-in request's identity, set by `requireSession`. */
export interface Auth {
  /** With the user's data version read in the same query (see ActiveSession). */
  session: ActiveSession;
  dataKey: DataKey;
  userId: string;
  /** The cookie secret (to revoke this session at logout). */
  secret: string;
}

export type AppEnv = {
  Variables: {
    auth: Auth;
    /** Set when this answer starts (the new secret) or ends (null) the session cookie. */
    sessionChange?: string | null;
  };
};

export const DAY_MS = 86_400_000;
