/**
 * What every handler can reach: the store, the clock, randomness and the configuration
 * (injected by createApp so tests are deterministic), and, behind `requireSession`, the
 * logged-in user's session and data key.
 */
import type { AccountOptions, ActiveSession, DataKey, SessionKeyCache, Store } from '../store/index.js';

export interface ServerConfig {
  /** The package version reported by /healthz. */
  version: string;
  /** Trust X-Forwarded-Proto/-For/-Host (only behind a known reverse proxy: TRUST_PROXY=1). */
  trustProxy: boolean;
  /** The built web app (dist/web); null or missing → a small "not built" page at `/`. */
  webRoot: string | null;
  /** argon2id cost and crypto primitives; tests lower the cost. Default: OWASP. */
  accounts?: AccountOptions;
  /** A session ends after this long without a request. Default 7 days. */
  sessionIdleMs?: number;
  /** A session ends this long after login, whatever happens. Default 30 days. */
  sessionMaxMs?: number;
}

export interface Deps {
  store: Store;
  now: () => Date;
  /** `n` random bytes; default WebCrypto. */
  random: (n: number) => Uint8Array;
  config: ServerConfig;
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
  };
};

export const DAY_MS = 86_400_000;
