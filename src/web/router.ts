/**
 * Hash routing (`#/today`): works from any static file server and needs no server rewrite.
 * Screens are code-split: only the one shown is loaded.
 */
import { signal } from '@preact/signals';

export const ROUTES = [
  'welcome',
  'onboarding',
  'today',
  'reflect',
  'journal',
  'grow',
  'decide',
  'coach',
  'contacts',
  'commitments',
  'progress',
  'help',
  'safety-plan',
  'settings',
  'more',
] as const;
export type RouteName = (typeof ROUTES)[number];

export interface Route {
  name: RouteName;
  /** Anything after the name: `#/journal/letters` → `letters`. */
  rest: string;
}

/**
 * Parses a location hash; unknown or odd input falls back to Today, never throws.
 *
 * @example
 * parseHash('#/coach') // { name: 'coach', rest: '' }
 */
export function parseHash(hash: string): Route {
  const clean = hash.replace(/^#\/?/, '');
  const [head = '', ...tail] = clean.split('/');
  const name = (ROUTES as readonly string[]).includes(head) ? (head as RouteName) : 'today';
  return { name, rest: tail.join('/') };
}

export const route = signal<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    route.value = parseHash(location.hash);
  });
}

/** Goes to a screen (adds a history entry so Back works). */
export function go(name: RouteName, rest = ''): void {
  const hash = `#/${name}${rest ? `/${rest}` : ''}`;
  if (location.hash === hash) route.value = parseHash(hash);
  else location.hash = hash;
}
