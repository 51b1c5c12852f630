/**
 * The journey snapshot (src/method/schema.ts) to and from a user's journal: what the plan
 * engine reads, what export writes and what import replaces.
 */
import { type JourneySnapshot, type Reflection, type Settings, SNAPSHOT_VERSION } from '../method/schema.js';
import { COLLECTION_NAMES, type CollectionName } from './resources.js';
import { JOURNEY_META } from './store.js';
import type { Journal, JournalContents } from './types.js';

/** The reflection before the user has written anything (P1 prompts still open). */
const EMPTY_REFLECTION: Reflection = {
  reasons: [],
  reasonsNote: '',
  ownRole: '',
  patterns: '',
  strengths: '',
  weaknesses: '',
  whatDrewUsTogether: '',
  updatedAt: null,
};

/**
 * A snapshot with no records yet around a profile (useful for a fresh account and tests).
 *
 * @example
 * const s = emptySnapshot(profile, '2026-03-01T09:00:00Z');
 * s.checkIns // []
 */
export function emptySnapshot(profile: JourneySnapshot['profile'], createdAt: string): JourneySnapshot {
  const snapshot = {
    version: SNAPSHOT_VERSION,
    createdAt,
    settings: {},
    profile,
    reflection: { ...EMPTY_REFLECTION },
    outcome: null,
    safetyPlan: null,
  } as Record<string, unknown>;
  for (const name of COLLECTION_NAMES) snapshot[name] = [];
  return snapshot as JourneySnapshot;
}

function fromContents(contents: JournalContents): JourneySnapshot | null {
  const profile = contents.singletons.profile;
  if (!profile) return null;
  const meta = contents.singletons[JOURNEY_META]?.data as { createdAt?: string } | undefined;
  const snapshot = emptySnapshot(
    profile.data as JourneySnapshot['profile'],
    meta?.createdAt ?? profile.createdAt,
  );
  snapshot.settings = (contents.singletons.settings?.data as Settings | undefined) ?? {};
  snapshot.reflection = (contents.singletons.reflection?.data as Reflection | undefined) ?? {
    ...EMPTY_REFLECTION,
  };
  snapshot.outcome = (contents.singletons.outcome?.data as JourneySnapshot['outcome'] | undefined) ?? null;
  snapshot.safetyPlan =
    (contents.singletons.safetyPlan?.data as JourneySnapshot['safetyPlan'] | undefined) ?? null;
  const target = snapshot as unknown as Record<CollectionName, unknown[]>;
  for (const name of COLLECTION_NAMES) {
    // Oldest first in the snapshot (a journal reads forwards); the store lists newest first.
    target[name] = (contents.collections[name] ?? []).map((r) => r.data).reverse();
  }
  return snapshot;
}

/**
 * The user's whole journey, decrypted; null until the profile has been written (the
 * snapshot format requires one). Collections come oldest first.
 *
 * @example
 * const snapshot = await loadSnapshot(store.journal(userId, dataKey));
 * if (snapshot) plan(snapshot, now);
 */
export async function loadSnapshot(journal: Journal): Promise<JourneySnapshot | null> {
  return fromContents(await journal.loadAll());
}

/**
 * Replaces the user's whole journey with `snapshot` in one transaction (import): on any
 * failure nothing changes. Validate it with `parseSnapshot` first; this trusts its type.
 *
 * @example
 * const parsed = parseSnapshot(JSON.parse(body));
 * if (parsed.ok) await replaceSnapshot(journal, parsed.snapshot);
 */
export async function replaceSnapshot(journal: Journal, snapshot: JourneySnapshot): Promise<void> {
  const source = snapshot as unknown as Record<CollectionName, readonly unknown[]>;
  const collections: Partial<Record<string, readonly unknown[]>> = {};
  for (const name of COLLECTION_NAMES) collections[name] = source[name] ?? [];
  await journal.replaceAll({
    collections,
    singletons: {
      [JOURNEY_META]: { createdAt: snapshot.createdAt },
      settings: snapshot.settings,
      profile: snapshot.profile,
      reflection: snapshot.reflection,
      outcome: snapshot.outcome,
      safetyPlan: snapshot.safetyPlan ?? null,
    },
  });
}

/** Shared between requests, so nobody may mutate it by accident. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Records frozen between two turns of the event loop. */
const FREEZE_SLICE = 1_000;

/**
 * deepFreeze for a snapshot, a collection at a time in slices: freezing 100,000 records at
 * once held every other request for about a tenth of a second.
 */
async function freezeInSlices(snapshot: JourneySnapshot): Promise<JourneySnapshot> {
  for (const value of Object.values(snapshot)) {
    if (!Array.isArray(value) || value.length <= FREEZE_SLICE) {
      deepFreeze(value);
      continue;
    }
    for (let i = 0; i < value.length; i += FREEZE_SLICE) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const record of value.slice(i, i + FREEZE_SLICE)) deepFreeze(record);
    }
    Object.freeze(value);
  }
  return Object.freeze(snapshot);
}

/** A per-process cache of decrypted snapshots, validated against the database on every use. */
export interface SnapshotCache {
  /**
   * Like loadSnapshot, but reuses the last load while the user's data version is unchanged.
   * `version`, when given, is that version as read earlier in the same request (with the
   * session), and saves asking for it again; it must have been read before this call.
   */
  load(journal: Journal, version?: number): Promise<Readonly<JourneySnapshot> | null>;
  clear(): void;
}

/**
 * Caches decrypted snapshots per user. Safe with several server processes: each use reads
 * the user's `data_version` (bumped in the same transaction as every write, on any process)
 * and reloads when it moved, so a cached snapshot is never older than the database. Keeps
 * at most `maxUsers` (least recently used dropped). Treat it as holding decrypted private
 * text: one per process, never serialised.
 *
 * @example
 * const cache = createSnapshotCache();
 * const snapshot = await cache.load(store.journal(userId, dataKey)); // GET /plan, fast
 */
export function createSnapshotCache(maxUsers = 1_000): SnapshotCache {
  const entries = new Map<string, { version: number; snapshot: JourneySnapshot | null }>();
  // Loads under way, so a burst of requests after a write decrypts the journey once, not
  // once per request.
  const pending = new Map<string, Promise<JourneySnapshot | null>>();
  return {
    async load(journal, known) {
      // Version first, then data: if a write lands in between, the data is newer than the
      // version we file it under, so the next call sees a new version and reloads. A version
      // read earlier (with the session) keeps that order.
      const version = known ?? (await journal.dataVersion());
      const hit = entries.get(journal.userId);
      if (hit && hit.version === version) {
        entries.delete(journal.userId);
        entries.set(journal.userId, hit);
        return hit.snapshot;
      }
      const key = `${journal.userId}\u0000${version}`;
      let loading = pending.get(key);
      if (!loading) {
        loading = loadSnapshot(journal)
          .then(async (loaded) => {
            const snapshot = loaded && (await freezeInSlices(loaded));
            const current = entries.get(journal.userId);
            if (!current || current.version <= version) {
              entries.delete(journal.userId);
              entries.set(journal.userId, { version, snapshot });
              if (entries.size > maxUsers) entries.delete(entries.keys().next().value as string);
            }
            return snapshot;
          })
          .finally(() => pending.delete(key));
        pending.set(key, loading);
      }
      return loading;
    },
    clear() {
      entries.clear();
    },
  };
}
