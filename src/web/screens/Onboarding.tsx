/**
 * Onboarding: the breakup facts, both time zones, the ex's preferred channel, then the
 * safety screening, asked gently and explained. If anything locks outreach, the lock shows
 * at once with its reason, the moving-on path and help.
 */
import { useEffect, useState } from 'preact/hooks';
import { COUNTRIES, countryFromTimeZone } from '../../content/help.js';
import type { NoContactPeriod, Profile, SafetyScreening as ScreeningRecord } from '../../method/schema.js';
import { LockNotice } from '../components/LockNotice.js';
import { SafetyScreening } from '../components/SafetyScreening.js';
import { Field, Notice, Select, Status, useSave } from '../components/ui.js';
import { countryFor, rememberCountry } from '../country.js';
import { plan, reloadPlan } from '../plan.js';
import { browserTimeZone, create, getOne, list, localToday, putOne } from '../resources.js';
import { go } from '../router.js';

function zones(): string[] {
  try {
    const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.(
      'timeZone',
    );
    if (all?.length) return all.includes('UTC') ? all : ['UTC', ...all];
  } catch {
    // Older browsers: fall back to a short list.
  }
  return [
    'UTC',
    'Europe/London',
    'Europe/Dublin',
    'America/New_York',
    'America/Chicago',
    'America/Los_Angeles',
    'Australia/Sydney',
    'Pacific/Auckland',
  ];
}

function ZoneField(props: { label: string; value: string; onValue: (v: string) => void; hint?: string }) {
  const list = zones();
  const id = `tz-${props.label.replace(/\W+/g, '-')}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        list={`${id}-list`}
        value={props.value}
        onInput={(e) => props.onValue((e.currentTarget as HTMLInputElement).value)}
        autocomplete="off"
      />
      <datalist id={`${id}-list`}>
        {list.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {props.hint && <p class="hint">{props.hint}</p>}
    </div>
  );
}

export default function Onboarding() {
  const [step, setStep] = useState<'profile' | 'safety' | 'done'>('profile');
  const [profileVersion, setProfileVersion] = useState(0);
  const [p, setP] = useState<Profile>({
    userTimeZone: browserTimeZone(),
    exTimeZone: browserTimeZone(),
    exPreferredChannel: 'unknown',
    breakupOn: localToday(new Date()),
    endedBy: 'ex',
    monthsTogether: 12,
  });
  const [startClock, setStartClock] = useState(true);
  // P2: the clock starts at the last contact, not at signup.
  const [lastContactOn, setLastContactOn] = useState(localToday(new Date()));
  const [country, setCountry] = useState(() => countryFor(browserTimeZone()));
  const save = useSave(['breakupOn', 'monthsTogether', 'userTimeZone', 'exTimeZone']);

  useEffect(() => {
    // Each step is saved as it is finished: a reload picks up at the first unfinished one.
    getOne<Profile>('profile')
      .then(async (r) => {
        if (!r.data) return;
        setP(r.data);
        setProfileVersion(r.version);
        const screenings = await list<ScreeningRecord>('safety-screenings', 1);
        setStep(screenings.length > 0 ? 'done' : 'safety');
      })
      .catch(() => undefined);
  }, []);

  const saveProfile = () =>
    save.run(async () => {
      const data: Profile = { ...p, monthsTogether: Math.max(0, Math.round(Number(p.monthsTogether) || 0)) };
      if (!data.exName?.trim()) delete data.exName;
      const rec = await putOne<Profile>('profile', profileVersion, data);
      setProfileVersion(rec.version);
      if (startClock) {
        const periods = await list<NoContactPeriod>('no-contact-periods', 10);
        if (!periods.some((x) => x.data.endedOn === null)) {
          await create<NoContactPeriod>('no-contact-periods', {
            startedOn: lastContactOn < data.breakupOn ? data.breakupOn : lastContactOn,
            goalDays: 30,
            endedOn: null,
            endReason: null,
          });
        }
      }
      setStep('safety');
    });

  return (
    <div>
      <h1>Getting started</h1>
      <p class="muted">Step {step === 'profile' ? 1 : step === 'safety' ? 2 : 3} of 3</p>
      {step === 'profile' && (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            void saveProfile();
          }}
        >
          <h2>About the breakup</h2>
          <Field
            label="When did you break up?"
            type="date"
            value={p.breakupOn}
            onValue={(v) => setP({ ...p, breakupOn: v })}
            error={save.fieldErrors.breakupOn}
            required
          />
          <Select
            label="Who ended it?"
            value={p.endedBy}
            options={[
              ['ex', 'They did'],
              ['user', 'I did'],
              ['mutual', 'We both did'],
              ['unclear', 'It is unclear'],
            ]}
            onValue={(v) => setP({ ...p, endedBy: v })}
          />
          <Field
            label="How many months were you together?"
            type="number"
            min={0}
            max={1200}
            value={p.monthsTogether}
            onValue={(v) => setP({ ...p, monthsTogether: Number(v) })}
            error={save.fieldErrors.monthsTogether}
          />
          <Field
            label="A name or nickname for them (optional, private)"
            value={p.exName ?? ''}
            onValue={(v) => setP({ ...p, exName: v })}
            maxLength={200}
          />
          <ZoneField
            label="Your time zone"
            value={p.userTimeZone}
            onValue={(v) => setP({ ...p, userTimeZone: v })}
          />
          {countryFromTimeZone(p.userTimeZone) === null && (
            <Select
              label="Which country are you in?"
              hint="Your time zone does not say, and it decides which crisis lines Help shows you. Kept on this device only."
              value={country}
              options={COUNTRIES.map((c) => [c.code, c.name] as const)}
              onValue={(code) => {
                setCountry(code);
                rememberCountry(code);
              }}
            />
          )}
          <ZoneField
            label="Their time zone"
            value={p.exTimeZone}
            onValue={(v) => setP({ ...p, exTimeZone: v })}
            hint="Used only for timing advice, so nothing lands at a bad moment for them."
          />
          {(save.fieldErrors.userTimeZone || save.fieldErrors.exTimeZone) && (
            <p class="error" role="alert">
              {save.fieldErrors.userTimeZone ?? save.fieldErrors.exTimeZone}
            </p>
          )}
          <Select
            label="The channel they are most comfortable with"
            value={p.exPreferredChannel}
            options={[
              ['unknown', 'I do not know (start with email)'],
              ['email', 'Email'],
              ['text', 'Text messages'],
              ['call', 'Calls'],
              ['meeting', 'Meeting in person'],
            ]}
            onValue={(v) => setP({ ...p, exPreferredChannel: v })}
          />
          <label class="choice">
            <input
              type="checkbox"
              checked={startClock}
              onChange={(e) => setStartClock((e.currentTarget as HTMLInputElement).checked)}
            />
            Start a no-contact period of at least 30 days, counted from your last contact
          </label>
          {startClock && (
            <Field
              label="When were you last in touch with them?"
              type="date"
              value={lastContactOn}
              onValue={setLastContactOn}
              hint="Any message, call or meeting counts. If it was before the breakup, the clock starts on the breakup day."
              error={save.fieldErrors.startedOn}
            />
          )}
          <Status save={save} />
          <button type="submit" disabled={save.busy}>
            Continue to the safety questions
          </button>
        </form>
      )}
      {step === 'safety' && (
        <SafetyScreening onSaved={() => setStep('done')} onBack={() => setStep('profile')} />
      )}
      {step === 'done' && (
        <div>
          {plan.value?.outreachLocked ? (
            <LockNotice locks={plan.value.locks} full />
          ) : (
            <Notice kind="good">
              Thank you. Nothing in your answers stops the method. Your first steps are waiting on Today.
            </Notice>
          )}
          <button type="button" onClick={() => go('today')}>
            Go to Today
          </button>
        </div>
      )}
    </div>
  );
}
