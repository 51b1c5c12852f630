/**
 * App-wide state as signals: who is logged in, the plan the server computed, the theme, and
 * the two overlays that must be reachable from everywhere (SOS and crisis help).
 */
import { signal } from '@preact/signals';
import { ApiError, api } from './api.js';

export interface Me {
  email: string;
  id?: string;
}

/** `undefined` while we ask the server; `null` when logged out. */
export const me = signal<Me | null | undefined>(undefined);
export const sosOpen = signal(false);
/** True when the server cannot be reached: the shell, SOS, breathing, the safety plan and help still work. */
export const offline = signal(false);
/** Set when crisis language was seen anywhere: the help dialog opens at once (P15). */
export const crisisOpen = signal(false);
/**
 * How the last crisis language read: `explicit` (a statement, plan or means) or `warning`
 * (hopelessness, burden, finality, a goodbye). The dialog words each differently.
 */
export const crisisLevel = signal<'explicit' | 'warning'>('explicit');
/**
 * The person answered "I'm safe right now" (for this visit only, never stored): the coach
 * then shows its coaching too, while help stays on screen. It turns nothing off.
 */
export const saidSafe = signal(false);
/** The principle whose lesson is open (P1…P18), or null. */
export const lessonId = signal<string | null>(null);

export type Theme = 'light' | 'dark' | 'system';

function storedTheme(): Theme {
  try {
    const t = localStorage.getItem('olive.theme');
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

export const theme = signal<Theme>(typeof localStorage === 'undefined' ? 'system' : storedTheme());

/** Applies a theme to the page and remembers it on this device only. */
export function setTheme(t: Theme): void {
  theme.value = t;
  try {
    localStorage.setItem('olive.theme', t);
  } catch {
    // Private mode: the choice lasts this visit only.
  }
  applyTheme();
}

export function applyTheme(): void {
  if (typeof document === 'undefined') return;
  const t = theme.value;
  if (t === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', t);
}

/** Asks the server who is logged in; no answer at all means offline, not logged out. */
export async function loadMe(): Promise<void> {
  try {
    const session = await api.get<{ user: Me }>('/api/v1/auth/session');
    me.value = session.user;
    offline.value = false;
  } catch (e) {
    offline.value = e instanceof ApiError && e.status === 0;
    me.value = null;
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => void loadMe());
  window.addEventListener('offline', () => {
    offline.value = true;
  });
  window.addEventListener('olive:offline', () => {
    offline.value = true;
  });
  window.addEventListener('olive:online', () => {
    if (!offline.value) return;
    offline.value = false;
    // Back online after being offline at start: find out who is logged in.
    if (me.value === null) void loadMe();
  });
}
