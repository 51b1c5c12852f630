/**
 * Settings that live on this device only: the app lock (a PIN or the account password after
 * an idle time) for a shared phone, and an opt-in daily reminder as a calendar file.
 */
import { useState } from 'preact/hooks';
import {
  IDLE_CHOICES,
  pinProblem,
  readLock,
  removeLock,
  setLock,
  setPasswordLock,
  type Unlock,
  unlockMethod,
} from '../lock.js';
import { reminderIcs } from '../reminder.js';
import { localToday } from '../resources.js';
import { Field, Notice, Select } from './ui.js';

function AppLock() {
  const [on, setOn] = useState(readLock() !== null);
  const [method, setMethod] = useState<Unlock>(unlockMethod());
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [idle, setIdle] = useState(String(readLock()?.idleMinutes ?? 5));
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  return (
    <section class="card" aria-labelledby="lock-h">
      <h2 id="lock-h">App lock</h2>
      <p class="small muted">
        For a shared phone: after the time you choose without use, and whenever the app opens again, it asks
        for a PIN or your account password. After 5 wrong tries you are logged out and log in again with your
        password. A PIN is kept on this device only, as a hash; the password is checked by the app’s server,
        so unlocking with it needs a connection.
      </p>
      {on ? (
        <>
          <Notice kind="good">
            The app lock is on for this device. It asks for {method === 'pin' ? 'your PIN' : 'your password'}.
          </Notice>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              removeLock();
              setOn(false);
              setDone('The app lock is off.');
            }}
          >
            Turn the app lock off
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (method === 'password') {
              setPasswordLock(Number(idle));
              setOn(true);
              setDone('The app lock is on.');
              return;
            }
            const problem = pinProblem(pin) ?? (pin !== again ? 'The two PINs are not the same.' : undefined);
            setError(problem);
            if (problem) return;
            void setLock(pin, Number(idle)).then(() => {
              setOn(true);
              setPin('');
              setAgain('');
              setDone('The app lock is on.');
            });
          }}
        >
          <Select
            label="Unlock with"
            value={method}
            options={[
              ['pin', 'A PIN (kept on this device)'],
              ['password', 'My account password (needs a connection)'],
            ]}
            onValue={(m) => {
              setMethod(m);
              setError(undefined);
            }}
          />
          {method === 'pin' && (
            <>
              <Field
                label="Choose a PIN (4 to 8 digits)"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={pin}
                onValue={setPin}
                error={error && error !== 'The two PINs are not the same.' ? error : undefined}
              />
              <Field
                label="The same PIN again"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={again}
                onValue={setAgain}
                error={error === 'The two PINs are not the same.' ? error : undefined}
              />
            </>
          )}
          <Select
            label="Lock after this long without use"
            value={idle}
            options={IDLE_CHOICES.map((m) => [String(m), m === 1 ? '1 minute' : `${m} minutes`] as const)}
            onValue={setIdle}
          />
          <button type="submit">Turn the app lock on</button>
        </form>
      )}
      <p aria-live="polite" class="small muted">
        {done}
      </p>
    </section>
  );
}

function Reminder() {
  const [time, setTime] = useState('21:00');
  const valid = /^\d{2}:\d{2}$/.test(time);
  const ics = valid
    ? reminderIcs({
        time,
        startOn: localToday(new Date()),
        appUrl: `${location.origin}/#/today`,
        uid: 'daily-check-in',
        now: new Date(),
      })
    : '';
  return (
    <section class="card" aria-labelledby="remind-h">
      <h2 id="remind-h">Daily reminder</h2>
      <p class="small muted">
        If you would like a nudge to check in, add a daily event to your own calendar. No notification service
        is involved and nothing is sent anywhere: the file opens in your calendar app, and the event links
        back here.
      </p>
      <Field label="Remind me every day at" type="time" value={time} onValue={setTime} />
      {valid ? (
        <a
          class="button secondary"
          download="olive-branch-check-in.ics"
          href={`data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`}
        >
          Add to my calendar (.ics)
        </a>
      ) : (
        <p class="error">Choose a time, like 21:00.</p>
      )}
    </section>
  );
}

export function DeviceSettings() {
  return (
    <>
      <AppLock />
      <Reminder />
    </>
  );
}
