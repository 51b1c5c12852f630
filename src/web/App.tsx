/**
 * The shell: skip link, header with the SOS button (one tap from every screen), the main
 * navigation, the current screen (lazy-loaded), and the two dialogs that can open over
 * anything: SOS and crisis help.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CrisisDialog } from './components/CrisisDialog.js';
import { LessonDialog } from './components/LessonDialog.js';
import { LockScreen } from './components/LockScreen.js';
import { OfflineHome } from './components/OfflineHome.js';
import { QuickExit } from './components/QuickExit.js';
import { SosDialog } from './components/SosDialog.js';
import { locked, watchIdle } from './lock.js';
import { type RouteName, route } from './router.js';
import { me, offline, sosOpen } from './state.js';

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
  'safety-plan': () => import('./screens/SafetyPlan.js'),
  settings: () => import('./screens/Settings.js'),
  more: () => import('./screens/More.js'),
};

/** The desktop bar: every destination, short names so it fits on one line at 1280 px. */
const NAV: readonly (readonly [RouteName, string])[] = [
  ['today', 'Today'],
  ['reflect', 'Reflect'],
  ['journal', 'Journal'],
  ['grow', 'Grow'],
  ['decide', 'Decide'],
  ['coach', 'Coach'],
  ['contacts', 'Contact log'],
  ['commitments', 'Commitments'],
  ['progress', 'Progress'],
  ['help', 'Help'],
  ['settings', 'Settings'],
];

/** The phone's bottom tab bar: four places used every day, and everything else under More. */
const TABS: readonly (readonly [RouteName, string, string])[] = [
  ['today', 'Today', 'M4 11l8-7 8 7v9h-5v-6H9v6H4z'],
  ['coach', 'Coach', 'M4 5h16v11H9l-5 4z'],
  ['journal', 'Journal', 'M6 3h11a1 1 0 0 1 1 1v17H7a2 2 0 0 1-2-2V4a1 1 0 0 1 1-1zm1 14h9M9 7h6M9 10h6'],
  ['progress', 'Progress', 'M4 20V10m6 10V4m6 16v-7m4 7H2'],
  ['more', 'More', 'M5 12h.01M12 12h.01M19 12h.01'],
];
const TAB_ROUTES: ReadonlySet<RouteName> = new Set(TABS.map(([n]) => n));

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
  'safety-plan': 'My safety plan',
  settings: 'Settings',
  more: 'More',
};

/** Screens anyone may see, logged in or not (help must never sit behind a login). */
const PUBLIC: ReadonlySet<RouteName> = new Set(['welcome', 'help', 'safety-plan']);

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

function BrandMark() {
  return (
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
      <ellipse cx="15.5" cy="6.5" rx="2" ry="3.4" transform="rotate(-35 15.5 6.5)" fill="currentColor" />
    </svg>
  );
}

/** Keeps `--header-h` equal to the sticky header's height, so focus never hides under it. */
function useHeaderHeight(ref: { current: HTMLElement | null }) {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const set = () =>
      document.documentElement.style.setProperty(
        '--header-h',
        `${Math.ceil(el.getBoundingClientRect().height)}px`,
      );
    set();
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
}

export function App() {
  const r = route.value;
  const user = me.value;
  const mainRef = useRef<HTMLElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useHeaderHeight(headerRef);
  useEffect(() => watchIdle(), [Boolean(user)]);
  const isLocked = Boolean(user) && locked.value;
  const isOffline = offline.value;

  // A logged-in person never sees the create-account form again, not even with Back.
  const loggedInWelcome = Boolean(user) && r.name === 'welcome';
  const name: RouteName = loggedInWelcome
    ? 'today'
    : user === null && !PUBLIC.has(r.name)
      ? 'welcome'
      : r.name;

  useEffect(() => {
    if (loggedInWelcome) location.replace('#/today');
  }, [loggedInWelcome]);

  useEffect(() => {
    document.title = `${TITLES[name]} · Olive Branch`;
    // Move focus to the new screen so keyboard and screen-reader users land on it.
    if (first.current) first.current = false;
    else mainRef.current?.focus();
  }, [name, r.rest]);

  const activeTab: RouteName = TAB_ROUTES.has(name) ? name : 'more';

  return (
    <>
      <button type="button" class="skip link" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <header class="top" ref={headerRef}>
        <div class="top-row">
          <a class="brand" href={user ? '#/today' : '#/welcome'}>
            <BrandMark />
            Olive Branch
          </a>
          {!user && (
            <a class="button secondary" href="#/help">
              Help
            </a>
          )}
          <QuickExit />
          <button type="button" class="sos" onClick={() => (sosOpen.value = true)} aria-haspopup="dialog">
            SOS<span class="visually-hidden">: I feel the urge to reach out, or I need help now</span>
          </button>
        </div>
        {isOffline && (
          <p class="offline-bar" role="status">
            Offline: SOS, breathing, your safety plan and the crisis lines work. The rest needs the app's
            server.
          </p>
        )}
        {user && !isLocked && (
          <nav class="nav desktop-only" aria-label="Main">
            <ul>
              {NAV.map(([n, label]) => (
                <li key={n}>
                  <a
                    href={`#/${n}`}
                    aria-current={n === name || (n === 'help' && name === 'safety-plan') ? 'page' : undefined}
                  >
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} class={user ? 'with-tabs' : undefined}>
        {user === undefined ? (
          <p class="muted">Opening…</p>
        ) : isLocked ? (
          <LockScreen />
        ) : isOffline && user === null && !PUBLIC.has(r.name) ? (
          <OfflineHome />
        ) : (
          <Screen name={isOffline && user === null ? r.name : name} rest={r.rest} />
        )}
      </main>
      {user && !isLocked && (
        <nav class="tabbar phone-only" aria-label="Main">
          <ul>
            {TABS.map(([n, label, d]) => (
              <li key={n}>
                <a href={`#/${n}`} aria-current={n === activeTab ? 'page' : undefined}>
                  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                    <path
                      d={d}
                      fill="none"
                      stroke="currentColor"
                      stroke-width={n === 'more' ? 3.2 : 1.8}
                      stroke-linecap="round"
                      stroke-linejoin="round"
                    />
                  </svg>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <SosDialog />
      <CrisisDialog />
      <LessonDialog />
    </>
  );
}
