/**
 * Settings: time zone, theme, the method's defaults (never the safety rules: no setting lifts
 * a lock), export (JSON and Markdown), import, change password, log out (everywhere), and
 * delete the account with a typed confirmation.
 */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULTS } from '../../method/defaults.js';
import type { Settings as MethodSettings, Profile } from '../../method/schema.js';
import { ApiError, api } from '../api.js';
import { DeviceSettings } from '../components/DeviceSettings.js';
import { Field, Notice, Select, Status, useSave } from '../components/ui.js';
import { removeLock } from '../lock.js';
import { clearOffline } from '../offline.js';
import { reloadPlan } from '../plan.js';
import { getOne, putOne } from '../resources.js';
import { go } from '../router.js';
import { me, setTheme, type Theme, theme } from '../state.js';
import { importReason } from '../words.js';

const CONFIRM = 'delete my account';

type NumKey = 'noContactGoalDays' | 'maxUnansweredInARow' | 'readinessThreshold' | 'maxOpenCommitments';
const NUMERIC: readonly (readonly [NumKey, string, number, number, string])[] = [
  [
    'noContactGoalDays',
    'No-contact goal (days)',
    30,
    365,
    'At least 30 days. You can give yourselves more space, never less.',
  ],
  [
    'maxUnansweredInARow',
    'Messages without a reply before the coach advises stopping',
    1,
    2,
    '1 or 2. The advice can come sooner, never later.',
  ],
  [
    'readinessThreshold',
    'Readiness score that counts as healthy (60–100)',
    60,
    100,
    'At least 60. You can set the bar higher, never lower.',
  ],
  ['maxOpenCommitments', 'Open commitments before “too many” is flagged', 1, 100, 'P8 P10: 5 by default.'],
];

function signOut() {
  // What this device kept (the safety plan copy, the lock) goes with the session.
  void clearOffline();
  removeLock();
  me.value = null;
  go('welcome');
}

export default function Settings() {
  const [profile, setProfile] = useState<{ version: number; data: Profile | null }>({
    version: 0,
    data: null,
  });
  const [settings, setSettings] = useState<{ version: number; data: MethodSettings }>({
    version: 0,
    data: {},
  });
  const [nums, setNums] = useState<Record<NumKey, string>>({
    noContactGoalDays: '',
    maxUnansweredInARow: '',
    readinessThreshold: '',
    maxOpenCommitments: '',
  });
  const [tz, setTz] = useState('');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [delPassword, setDelPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [importFile, setImportFile] = useState<File | null>(null);
  const saveTz = useSave(['userTimeZone']);
  const saveSettings = useSave();
  const savePw = useSave(['currentPassword', 'newPassword']);
  const doImport = useSave();
  const del = useSave();
  const session = useSave();

  useEffect(() => {
    getOne<Profile>('profile')
      .then((p) => {
        setProfile(p);
        setTz(p.data?.userTimeZone ?? '');
      })
      .catch(() => undefined);
    getOne<MethodSettings>('settings')
      .then((s) => {
        const data = s.data ?? {};
        setSettings({ version: s.version, data });
        setNums({
          noContactGoalDays: String(data.noContactGoalDays ?? DEFAULTS.noContactGoalDays),
          maxUnansweredInARow: String(data.maxUnansweredInARow ?? DEFAULTS.maxUnansweredInARow),
          readinessThreshold: String(data.readinessThreshold ?? DEFAULTS.readinessThreshold),
          maxOpenCommitments: String(data.maxOpenCommitments ?? DEFAULTS.maxOpenCommitments),
        });
      })
      .catch(() => undefined);
  }, []);

  const numError = (k: NumKey, min: number, max: number): string | undefined => {
    const v = Number(nums[k]);
    return nums[k].trim() === '' || !Number.isInteger(v) || v < min || v > max
      ? `A whole number from ${min} to ${max}.`
      : saveSettings.fieldErrors[k];
  };

  return (
    <div>
      <h1>Settings</h1>
      <div class="grid two">
        <section class="card" aria-labelledby="look-h">
          <h2 id="look-h">Appearance</h2>
          <Select<Theme>
            label="Theme"
            value={theme.value}
            options={[
              ['system', 'Follow my device'],
              ['light', 'Light'],
              ['dark', 'Dark'],
            ]}
            onValue={setTheme}
          />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const p = profile.data;
              if (!p) return;
              void saveTz.run(async () => {
                const rec = await putOne<Profile>('profile', profile.version, {
                  ...p,
                  userTimeZone: tz.trim(),
                });
                setProfile({ version: rec.version, data: rec.data });
                await reloadPlan();
              }, 'Time zone saved.');
            }}
          >
            <Field
              label="My time zone"
              value={tz}
              onValue={setTz}
              hint="An IANA name such as Europe/London or America/Toronto."
              error={saveTz.fieldErrors.userTimeZone}
            />
            <Status save={saveTz} />
            <button type="submit" disabled={!profile.data || saveTz.busy}>
              Save time zone
            </button>
          </form>
        </section>
        <DeviceSettings />
        <section class="card" aria-labelledby="method-h">
          <h2 id="method-h">Method defaults</h2>
          <p class="small muted">
            Safety rules are not settings: nothing here can turn a lock off, by design.
          </p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (NUMERIC.some(([k, , min, max]) => numError(k, min, max))) return;
              void saveSettings.run(async () => {
                const data: MethodSettings = { ...settings.data };
                for (const [k] of NUMERIC) data[k] = Number(nums[k]);
                const rec = await putOne<MethodSettings>('settings', settings.version, data);
                setSettings({ version: rec.version, data: rec.data ?? data });
                await reloadPlan();
              }, 'Saved.');
            }}
          >
            {NUMERIC.map(([k, label, min, max, hint]) => (
              <Field
                key={k}
                label={label}
                type="number"
                min={min}
                max={max}
                value={nums[k]}
                onValue={(v) => setNums({ ...nums, [k]: v })}
                hint={hint}
                error={nums[k] === '' ? undefined : numError(k, min, max)}
              />
            ))}
            <Status save={saveSettings} />
            <button type="submit" disabled={saveSettings.busy}>
              Save defaults
            </button>
          </form>
        </section>
        <section class="card" aria-labelledby="data-h">
          <h2 id="data-h">Your data</h2>
          <p>
            Export everything you have written, decrypted, to keep safe. It is the only backup if you lose
            your password.
          </p>
          <div class="row">
            <a class="button" href="/api/v1/export" download>
              Export (JSON)
            </a>
            <a class="button secondary" href="/api/v1/export?format=markdown" download>
              Export (Markdown)
            </a>
          </div>
          <form
            style={{ marginTop: '1rem' }}
            onSubmit={(e) => {
              e.preventDefault();
              void doImport.run(async () => {
                if (!importFile) throw new Error('Choose an exported JSON file first.');
                if (importFile.size > 256 * 1024)
                  throw new Error(
                    'This file is larger than the app can import (256 KB); use the olive command instead.',
                  );
                let body: unknown;
                try {
                  body = JSON.parse(await importFile.text());
                } catch {
                  throw new Error('This file is not a valid Olive Branch export (it is not JSON).');
                }
                try {
                  await api.post('/api/v1/import', body);
                } catch (err) {
                  throw err instanceof ApiError ? new Error(importReason(err)) : err;
                }
                await reloadPlan();
              }, 'Imported. Your journey is restored.');
            }}
          >
            <div class="field">
              <label for="import">Import an export (replaces what is here)</label>
              <input
                id="import"
                type="file"
                accept="application/json,.json"
                onChange={(e) => setImportFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
              />
            </div>
            <Status save={doImport} />
            <button type="submit" class="secondary" disabled={doImport.busy}>
              Import
            </button>
          </form>
        </section>
        <section class="card" aria-labelledby="pw-h">
          <h2 id="pw-h">Password and sessions</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void savePw.run(async () => {
                await api.post('/api/v1/auth/password', { currentPassword: current, newPassword: next });
                setCurrent('');
                setNext('');
              }, 'Password changed. Other devices were logged out.');
            }}
          >
            <Field
              label="Current password"
              type="password"
              autocomplete="current-password"
              value={current}
              onValue={setCurrent}
              error={savePw.fieldErrors.currentPassword}
            />
            <Field
              label="New password"
              type="password"
              autocomplete="new-password"
              value={next}
              onValue={setNext}
              hint="At least 10 characters."
              error={savePw.fieldErrors.newPassword}
            />
            <Status save={savePw} />
            <button type="submit" disabled={savePw.busy}>
              Change password
            </button>
          </form>
          <div class="row" style={{ marginTop: '1rem' }}>
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void session.run(async () => {
                  await api.post('/api/v1/auth/logout');
                  signOut();
                })
              }
            >
              Log out
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void session.run(async () => {
                  await api.post('/api/v1/auth/logout-everywhere');
                  signOut();
                })
              }
            >
              Log out everywhere
            </button>
          </div>
          <Status save={session} />
        </section>
        <RotateKey />
        <section class="card" aria-labelledby="del-h">
          <h2 id="del-h">Delete my account</h2>
          <Notice kind="danger">
            This removes your account and everything in it from this server, for good. Export first if you
            want a copy.
          </Notice>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void del.run(async () => {
                if (confirm.trim().toLowerCase() !== CONFIRM)
                  throw new Error(`Type “${CONFIRM}” to confirm.`);
                await api.del('/api/v1/account', { password: delPassword, confirm: CONFIRM });
                signOut();
              });
            }}
          >
            <Field
              label="Password"
              type="password"
              autocomplete="current-password"
              value={delPassword}
              onValue={setDelPassword}
            />
            <Field
              label={`Type “${CONFIRM}” to confirm`}
              value={confirm}
              onValue={setConfirm}
              autocomplete="off"
            />
            <Status save={del} />
            <button
              type="submit"
              class="danger"
              disabled={del.busy || confirm.trim().toLowerCase() !== CONFIRM}
            >
              Delete everything
            </button>
          </form>
        </section>
      </div>
    </div>
  );
}

/**
 * "Rotate my encryption key" (issue 14): says what a password change does not do, and
 * re-encrypts every record under a new key after the password and a second, explicit yes.
 */
function RotateKey() {
  const [password, setPassword] = useState('');
  const [asking, setAsking] = useState(false);
  const rotate = useSave();
  return (
    <section class="card" aria-labelledby="key-h">
      <h2 id="key-h">Encryption key</h2>
      <p>
        Changing your password keeps the same encryption key: your records are not re-encrypted, only the
        key's lock changes. If you think the key itself may have leaked (a lost device that was logged in, a
        copy of the database), rotate it: every record is re-encrypted under a new key, all at once or not at
        all. Your password stays the same; other devices are logged out.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!asking) {
            setAsking(true);
            return;
          }
          void rotate
            .run(async () => {
              await api.post('/api/v1/auth/rotate-key', { password });
              setPassword('');
            }, 'Done: everything is now encrypted under a new key. Other devices were logged out.')
            .then(() => setAsking(false));
        }}
      >
        <Field
          label="Password"
          type="password"
          autocomplete="current-password"
          value={password}
          onValue={setPassword}
          error={rotate.fieldErrors.password}
        />
        {asking && (
          <Notice kind="danger">
            Re-encrypt everything under a new key now? This can take a few seconds. Keep this page open.
          </Notice>
        )}
        <Status save={rotate} />
        <div class="row">
          <button
            type="submit"
            class={asking ? 'danger' : 'secondary'}
            disabled={rotate.busy || password === ''}
          >
            {asking ? 'Yes, rotate my encryption key' : 'Rotate my encryption key'}
          </button>
          {asking && (
            <button type="button" class="secondary" onClick={() => setAsking(false)} disabled={rotate.busy}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
