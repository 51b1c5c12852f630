/**
 * The journey resources the store keeps, named exactly as the snapshot's keys
 * (src/method/schema.ts). Collections are arrays of records with an `id`; singletons are
 * one value per user.
 */

/** A collection: records with ids, listed newest first by `sortBy` (a field of the record). */
export interface CollectionSpec {
  kind: 'collection';
  /** The record field that says when it happened; an instant (`…At`, `at`) or a local date (`on`). */
  sortBy: string;
  sortType: 'instant' | 'date';
}

export interface SingletonSpec {
  kind: 'singleton';
}

export const COLLECTIONS = {
  safetyScreenings: { kind: 'collection', sortBy: 'answeredAt', sortType: 'instant' },
  exRequests: { kind: 'collection', sortBy: 'at', sortType: 'instant' },
  timeZoneChanges: { kind: 'collection', sortBy: 'at', sortType: 'instant' },
  noContactPeriods: { kind: 'collection', sortBy: 'startedOn', sortType: 'date' },
  contactBreaks: { kind: 'collection', sortBy: 'at', sortType: 'instant' },
  necessaryContacts: { kind: 'collection', sortBy: 'at', sortType: 'instant' },
  checkIns: { kind: 'collection', sortBy: 'on', sortType: 'date' },
  habitLogs: { kind: 'collection', sortBy: 'on', sortType: 'date' },
  confidenceRatings: { kind: 'collection', sortBy: 'on', sortType: 'date' },
  assessments: { kind: 'collection', sortBy: 'at', sortType: 'instant' },
  contactEvents: { kind: 'collection', sortBy: 'at', sortType: 'instant' },
  commitments: { kind: 'collection', sortBy: 'createdAt', sortType: 'instant' },
  apologies: { kind: 'collection', sortBy: 'createdAt', sortType: 'instant' },
  letters: { kind: 'collection', sortBy: 'createdAt', sortType: 'instant' },
  setbacks: { kind: 'collection', sortBy: 'on', sortType: 'date' },
  journalEntries: { kind: 'collection', sortBy: 'writtenAt', sortType: 'instant' },
  drafts: { kind: 'collection', sortBy: 'updatedAt', sortType: 'instant' },
} as const satisfies Record<string, CollectionSpec>;

export const SINGLETONS = {
  settings: { kind: 'singleton' },
  profile: { kind: 'singleton' },
  reflection: { kind: 'singleton' },
  outcome: { kind: 'singleton' },
  safetyPlan: { kind: 'singleton' },
} as const satisfies Record<string, SingletonSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
export type SingletonName = keyof typeof SINGLETONS;
export type ResourceName = CollectionName | SingletonName;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
export const SINGLETON_NAMES = Object.keys(SINGLETONS) as SingletonName[];

/**
 * True for a collection name (and narrows it).
 *
 * @example
 * isCollection('checkIns') // true
 * isCollection('profile') // false
 */
export function isCollection(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTIONS, name);
}

/** True for a singleton name (and narrows it). */
export function isSingleton(name: string): name is SingletonName {
  return Object.hasOwn(SINGLETONS, name);
}

/**
 * The value a record sorts by, normalised so string order is time order: instants become
 * UTC ISO strings (offsets compared as instants, never as text), dates stay `YYYY-MM-DD`.
 * Missing or unparsable values sort as the empty string (oldest).
 *
 * @example
 * sortKey('contactEvents', { at: '2026-03-01T20:30:00+01:00' }) // '2026-03-01T19:30:00.000Z'
 */
export function sortKey(resource: CollectionName, data: unknown): string {
  const spec: CollectionSpec = COLLECTIONS[resource];
  const value =
    data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[spec.sortBy] : null;
  if (typeof value !== 'string') return '';
  if (spec.sortType === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}
