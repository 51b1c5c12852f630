/**
 * The shell: skip link, header with the SOS button (one tap from every screen), the main
 * navigation, the current screen (lazy-loaded), and the two dialogs that can open over
 * anything: SOS and crisis help.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CrisisDialog } from './components/CrisisDialog.js';
import { LessonDialog } from './components/LessonDialog.js';
import { SosDialog } from './components/SosDialog.js';
import { type RouteName, route } from './router.js';
import { me, sosOpen } from './state.js';

type ScreenModule = { default: ComponentType<{ rest: string }> };

const SCREENS: Record<RouteName, () => Promise<ScreenModule>> = {
  welcome: () => import('./screens/Welcome.js'),
  onboarding: () => import('./screens/Onboarding.js'),
  today: () => import('./screens/Today.js'),
  reflect: () => import('./screens/Reflect.js'),
  journal: () => import('./screens/Journal.js'),
  grow: () => import('./screens/Grow.js'),
  decide: () => import('./screens/Decide.js'),
  coach: () => import('./screens/Coach.js'),
  contacts: () => import('./screens/Contacts.js'),
  commitments: () => import('./screens/Commitments.js'),
  progress: () => import('./screens/Progress.js'),
  help: () => import('./screens/Help.js'),
  settings: () => import('./screens/Settings.js'),
};

const NAV: readonly (readonly [RouteName, string])[] = [
  ['today', 'Today'],
  ['reflect', 'Reflect'],
  ['journal', 'Journal'],
  ['grow', 'Grow'],
  ['decide', 'Decide'],
  ['coach', 'Message coach'],
  ['contacts', 'Contact log'],
  ['commitments', 'Commitments'],
  ['progress', 'Progress'],
  ['help', 'Help & safety'],
  ['settings', 'Settings'],
];

const TITLES: Record<RouteName, string> = {
  welcome: 'Welcome',
  onboarding: 'Getting started',
  today: 'Today',
  reflect: 'Reflect',
  journal: 'Journal and letters',
  grow: 'Grow',
  decide: 'Decide',
  coach: 'Message coach',
  contacts: 'Contact log',
  commitments: 'Commitments',
  progress: 'Progress',
  help: 'Help and safety',
  settings: 'Settings',
};

/** Screens anyone may see, logged in or not (help must never sit behind a login). */
const PUBLIC: ReadonlySet<RouteName> = new Set(['welcome', 'help']);

function Screen(props: { name: RouteName; rest: string }) {
  const [mod, setMod] = useState<{ name: RouteName; C: ScreenModule['default'] } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    setFailed(false);
    SCREENS[props.name]()
      .then((m) => alive && setMod({ name: props.name, C: m.default }))
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
    };
  }, [props.name]);
  if (failed)
    return <p role="alert">This screen could not load. Check that the app is still running, then reload.</p>;
  if (!mod || mod.name !== props.name) return <p class="muted">Loading…</p>;
  return <mod.C rest={props.rest} />;
}

export function App() {
  const r = route.value;
  const user = me.value;
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  const name: RouteName = user === null && !PUBLIC.has(r.name) ? 'welcome' : r.name;

  useEffect(() => {
    document.title = `${TITLES[name]} · Olive Branch`;
    // Move focus to the new screen so keyboard and screen-reader users land on it.
    if (first.current) first.current = false;
    else mainRef.current?.focus();
  }, [name, r.rest]);

  return (
    <>
      <button type="button" class="skip link" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <header class="top">
        <div class="top-row">
          <a class="brand" href={user ? '#/today' : '#/welcome'}>
            <svg class="brand-mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <path
                d="M4 20C9 15 13 11 20 4"
                fill="none"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linecap="round"
              />
              <ellipse
                cx="9"
                cy="11"
                rx="2.2"
                ry="4"
                transform="rotate(-40 9 11)"
                fill="currentColor"
                opacity="0.75"
              />
              <ellipse
                cx="15"
                cy="13"
                rx="2.2"
                ry="4"
                transform="rotate(50 15 13)"
                fill="currentColor"
                opacity="0.75"
              />
              <ellipse
                cx="15.5"
                cy="6.5"
                rx="2"
                ry="3.4"
                transform="rotate(-35 15.5 6.5)"
                fill="currentColor"
              />
            </svg>
            Olive Branch
          </a>
          <button type="button" class="sos" onClick={() => (sosOpen.value = true)} aria-haspopup="dialog">
            SOS<span class="visually-hidden">: I feel the urge to reach out, or I need help now</span>
          </button>
          {!user && (
            <a class="button secondary" href="#/help">
              Help
            </a>
          )}
        </div>
        {user && (
          <nav class="nav" aria-label="Main">
            <ul>
              {NAV.map(([n, label]) => (
                <li key={n}>
                  <a href={`#/${n}`} aria-current={n === name ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {user === undefined ? <p class="muted">Opening…</p> : <Screen name={name} rest={r.rest} />}
      </main>
      <SosDialog />
      <CrisisDialog />
      <LessonDialog />
    </>
  );
}
