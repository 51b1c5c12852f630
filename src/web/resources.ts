/**
 * Typed helpers over the API's generic journey resources (docs/api.md): records come in an
 * envelope `{ id, version, createdAt, updatedAt, data }` where `data` is the schema's record
 * without its id.
 */
import { api } from './api.js';

export interface Rec<T> {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  data: T;
}

export interface Page<T> {
  items: Rec<T>[];
  nextCursor: string | null;
}

export type Singleton<T> = { version: number; data: T | null; id?: string };

/** Drops the `id` a schema record carries: the envelope holds it. */
export type Data<T> = Omit<T, 'id'>;

/**
 * Lists a resource, newest first, following cursors up to `max` records.
 *
 * @example
 * const checkIns = await list<CheckIn>('check-ins');
 */
export async function list<T>(resource: string, max = 1000): Promise<Rec<Data<T>>[]> {
  const out: Rec<Data<T>>[] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: Page<Data<T>> = await api.get(`/api/v1/${resource}?limit=500${q}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out;
}

export function create<T>(resource: string, data: Data<T>): Promise<Rec<Data<T>>> {
  return api.post(`/api/v1/${resource}`, { data });
}

export function update<T>(
  resource: string,
  id: string,
  version: number,
  data: Data<T>,
  options: { keepalive?: boolean } = {},
): Promise<Rec<Data<T>>> {
  return api.request('PUT', `/api/v1/${resource}/${encodeURIComponent(id)}`, { version, data }, options);
}

export function remove(resource: string, id: string): Promise<void> {
  return api.del(`/api/v1/${resource}/${encodeURIComponent(id)}`);
}

export function getOne<T>(singleton: string): Promise<Singleton<T>> {
  return api.get(`/api/v1/${singleton}`);
}

export function putOne<T>(
  singleton: string,
  version: number,
  data: T,
  options: { keepalive?: boolean } = {},
): Promise<Singleton<T>> {
  return api.request('PUT', `/api/v1/${singleton}`, { version, data }, options);
}

/** Today's local date `YYYY-MM-DD` in a time zone (the user's day, wherever the server is). */
export function localToday(now: Date, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone || undefined,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** The browser's IANA zone, or UTC if it cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
