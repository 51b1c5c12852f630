/**
 * Today: where you are (the phase, derived from your data), 3–5 next steps each with the
 * principle behind it, the no-contact clock (a relapse is logged kindly and erases nothing),
 * the daily check-in and today's habits.
 */
import { useEffect, useState } from 'preact/hooks';
import type {
  CheckIn,
  ContactBreak,
  HabitKind,
  HabitLog,
  NecessaryContact,
  NoContactPeriod,
  Profile,
} from '../../method/schema.js';
import { LIMITS } from '../../method/schema.js';
import { ApiError } from '../api.js';
import { checkForCrisis } from '../components/crisis.js';
import { LockNotice } from '../components/LockNotice.js';
import { PlanHelpCard } from '../components/PlanHelp.js';
import {
  ChoiceRow,
  Cited,
  limitState,
  Notice,
  Principles,
  Scale,
  Select,
  Status,
  TextArea,
  useSave,
} from '../components/ui.js';
import { parseHours } from '../forms.js';
import { planError, plan as planSignal, reloadPlan, usePlan } from '../plan.js';
import { create, getOne, list, localToday, type Rec, remove, update } from '../resources.js';
import { lessonId } from '../state.js';

/** Where each next step is done: every step is a link to the screen for it. */
const STEP_LINKS: Record<string, string> = {
  'crisis-support': '#/help',
  'respect-lock': '#/help',
  'safety-questions': '#/onboarding',
  'no-third-message': '#/contacts',
  reassess: '#/decide',
  'professional-help': '#/help',
  'check-in': '#checkin-h',
  lessons: '#/help',
  people: '#/safety-plan',
  'unsent-letter': '#/journal',
  'urge-letter': '#/journal',
  'own-goal': '#/grow',
  'start-no-contact': '#nc-h',
  'keep-space': '#nc-h',
  reflect: '#/reflect',
  assessment: '#/decide',
  consider: '#/decide',
  'first-message': '#/coach',
  'next-rung': '#/coach',
  'back-off': '#/contacts',
  'stay-on-rung': '#/coach',
  apology: '#/coach',
  listen: '#/contacts',
  'overdue-commitment': '#/commitments',
  'fewer-commitments': '#/commitments',
  'specific-commitment': '#/commitments',
  goodwill: '#/commitments',
  slow: '#/contacts',
  'let-go': '#/journal',
  'keep-habits': '#habits-h',
};

/**
 * A gate's facts in plain words: without the gate's own name repeated ("Reflection:
 * reflection: …") and without internals ("no-contact gate closed").
 */
function gateFacts(label: string, facts: readonly string[]): string {
  const prefix = `${label.toLowerCase()}: `;
  return facts
    .map((f) => (f.toLowerCase().startsWith(prefix) ? f.slice(prefix.length) : f))
    .map((f) =>
      f.replace(
        /^(.+) gate closed$/,
        (_, g: string) => `${g.charAt(0).toUpperCase()}${g.slice(1)} is not open yet`,
      ),
    )
    .join('; ');
}

function StepLink(props: { id: string; text: string }) {
  const href = STEP_LINKS[props.id] ?? '#/help';
  if (href.startsWith('#/')) return <a href={href}>{props.text}</a>;
  // A card on this screen: scroll to it and put focus there, without touching the route.
  return (
    <a
      href={href}
      onClick={(e) => {
        e.preventDefault();
        const el = document.getElementById(href.slice(1));
        if (!el) return;
        el.setAttribute('tabindex', '-1');
        el.focus();
        el.scrollIntoView({ block: 'start' });
      }}
    >
      {props.text}
    </a>
  );
}

export const HABITS: readonly (readonly [HabitKind, string])[] = [
  ['exercise', 'Moved my body'],
  ['sleep', 'Slept well'],
  ['food', 'Ate properly'],
  ['meditation', 'Meditated or rested my mind'],
  ['social', 'Time with friends or family'],
  ['therapy', 'Therapy or counselling'],
  ['hobby', 'Something I enjoy'],
];

const MOODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const URGES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * The daily check-in, first on Today: one tap for mood, one for the urge, sleep and a note
 * if you like, and save. It is the day's own record; the journal never changes it.
 */
function CheckInCard(props: { today: string }) {
  const [existing, setExisting] = useState<Rec<Omit<CheckIn, 'id'>> | null>(null);
  const [mood, setMood] = useState<number | null>(null);
  const [urge, setUrge] = useState<number | null>(null);
  const [sleep, setSleep] = useState('');
  const [note, setNote] = useState('');
  const save = useSave(['sleepHours', 'note']);
  useEffect(() => {
    list<CheckIn>('check-ins', 50)
      .then((items) => {
        const t = items.find((c) => c.data.on === props.today);
        if (t) {
          setExisting(t);
          // What the person already answered while this loaded stays theirs.
          setMood((cur) => cur ?? t.data.mood);
          setUrge((cur) => cur ?? t.data.urge);
          setSleep((cur) => (cur === '' && t.data.sleepHours !== null ? String(t.data.sleepHours) : cur));
          setNote((cur) => (cur === '' ? (t.data.note ?? '') : cur));
        }
      })
      .catch(() => undefined);
  }, [props.today]);
  const hours = parseHours(sleep);
  const sleepError = hours.ok ? save.fieldErrors.sleepHours : hours.error;
  const noteOver = limitState(note, LIMITS.noteText).over > 0;
  const missing = mood === null ? 'your mood' : urge === null ? 'how strong the urge is' : null;
  return (
    <section class="card checkin" aria-labelledby="checkin-h">
      <h2 id="checkin-h">Daily check-in</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!hours.ok || noteOver || mood === null || urge === null) return;
          void save.run(async () => {
            const data: Omit<CheckIn, 'id'> = { on: props.today, mood, urge, sleepHours: hours.value };
            if (note.trim()) data.note = note;
            const rec = existing
              ? await update<CheckIn>('check-ins', existing.id, existing.version, data)
              : await create<CheckIn>('check-ins', data);
            setExisting(rec);
            await checkForCrisis(note);
            await reloadPlan();
          }, 'Check-in saved. Thank you for looking after yourself.');
        }}
      >
        <ChoiceRow
          legend="Mood"
          name="mood"
          value={mood}
          choices={MOODS}
          onValue={setMood}
          low="very low"
          high="very good"
        />
        <ChoiceRow
          legend="Urge to contact them"
          name="urge"
          value={urge}
          choices={URGES}
          onValue={setUrge}
          low="none"
          high="overwhelming"
        />
        <div class="grid two tight">
          <div class="field">
            <label for="sleep">Hours of sleep last night (optional)</label>
            <input
              id="sleep"
              inputMode="decimal"
              autoComplete="off"
              value={sleep}
              placeholder="7,5"
              onInput={(e) => setSleep((e.currentTarget as HTMLInputElement).value)}
              aria-invalid={sleepError ? true : undefined}
              aria-describedby={sleepError ? 'sleep-err' : undefined}
            />
            {sleepError && (
              <p id="sleep-err" class="error" role="alert">
                {sleepError}
              </p>
            )}
          </div>
        </div>
        <TextArea
          label="A note (optional, private)"
          value={note}
          onValue={setNote}
          rows={2}
          limit={LIMITS.noteText}
          error={save.fieldErrors.note}
        />
        {urge !== null && urge >= 7 && (
          <Notice kind="warn">
            Strong urge today. The SOS button has a 60-second pause and a place to write it out instead.
          </Notice>
        )}
        <Status save={save} />
        <div class="row">
          <button
            type="submit"
            disabled={save.busy || !hours.ok || noteOver || missing !== null}
            aria-describedby={missing ? 'checkin-missing' : undefined}
          >
            {existing ? 'Update check-in' : 'Save check-in'}
          </button>
          {missing && (
            <span id="checkin-missing" class="small muted">
              Choose {missing} to save.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

function HabitsCard(props: { today: string }) {
  const [logs, setLogs] = useState<Rec<Omit<HabitLog, 'id'>>[]>([]);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    list<HabitLog>('habit-logs', 100)
      .then((l) => setLogs(l.filter((h) => h.data.on === props.today)))
      .catch(() => undefined);
  }, [props.today]);
  async function toggle(kind: HabitKind) {
    setError(undefined);
    const found = logs.find((l) => l.data.habit === kind);
    try {
      if (found) {
        await remove('habit-logs', found.id);
        setLogs(logs.filter((l) => l !== found));
      } else {
        const rec = await create<HabitLog>('habit-logs', { on: props.today, habit: kind });
        setLogs([...logs, rec]);
      }
      void reloadPlan();
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : 'Could not save that habit.');
    }
  }
  return (
    <section class="card" aria-labelledby="habits-h">
      <h2 id="habits-h">Today's habits</h2>
      <p class="small muted">
        Small, steady care for body and mind.
        <Principles ids={['P3', 'P4']} />
      </p>
      <fieldset>
        <legend>What did you do today?</legend>
        {HABITS.map(([kind, label]) => (
          <label class="choice" key={kind}>
            <input
              type="checkbox"
              checked={logs.some((l) => l.data.habit === kind)}
              onChange={() => void toggle(kind)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function NoContactCard(props: { today: string }) {
  const p = planSignal.value;
  const nc = p?.metrics.noContact;
  const [open, setOpen] = useState<'break' | 'necessary' | null>(null);
  const [who, setWho] = useState<'user' | 'ex'>('user');
  const [channel, setChannel] = useState<'text' | 'email' | 'call' | 'meeting' | 'social' | 'other'>('text');
  const [reason, setReason] = useState<NecessaryContact['reason']>('children');
  const [note, setNote] = useState('');
  const save = useSave();
  if (!nc) return null;
  const pct = nc.goalDays > 0 ? Math.min(100, Math.round((nc.currentStreak / nc.goalDays) * 100)) : 0;
  const channelOptions = [
    ['text', 'Text'],
    ['email', 'Email'],
    ['call', 'Call'],
    ['meeting', 'In person'],
    ['social', 'Social media'],
    ['other', 'Other'],
  ] as const;

  const logBreak = () =>
    save.run(async () => {
      const periods = await list<NoContactPeriod>('no-contact-periods', 20);
      const running = periods.find((x) => x.data.endedOn === null);
      if (running) {
        const data: Omit<ContactBreak, 'id'> = {
          periodId: running.id,
          at: new Date().toISOString(),
          initiatedBy: who,
          channel,
        };
        if (note.trim()) data.note = note;
        await create<ContactBreak>('contact-breaks', data);
        await update<NoContactPeriod>('no-contact-periods', running.id, running.version, {
          ...running.data,
          endedOn: props.today,
          endReason: 'break',
        });
      }
      // P2 P14: the clock restarts today; the old period stays in the history.
      await create<NoContactPeriod>('no-contact-periods', {
        startedOn: props.today,
        goalDays: running?.data.goalDays ?? nc.goalDays,
        endedOn: null,
        endReason: null,
      });
      await checkForCrisis(note);
      setOpen(null);
      setNote('');
      await reloadPlan();
    }, 'Logged. The clock starts again today, and everything you did before still counts.');

  const logNecessary = () =>
    save.run(async () => {
      const data: Omit<NecessaryContact, 'id'> = { at: new Date().toISOString(), reason, channel };
      if (note.trim()) data.note = note;
      await create<NecessaryContact>('necessary-contacts', data);
      setOpen(null);
      setNote('');
      await reloadPlan();
    }, 'Logged as necessary contact. Your clock keeps running.');

  const startClock = () =>
    save.run(async () => {
      const prof = await getOne<Profile>('profile');
      await create<NoContactPeriod>('no-contact-periods', {
        startedOn: localToday(new Date(), prof.data?.userTimeZone),
        goalDays: nc.goalDays || 30,
        endedOn: null,
        endReason: null,
      });
      await reloadPlan();
    });

  return (
    <section class="card" aria-labelledby="nc-h">
      <h2 id="nc-h">No-contact clock</h2>
      {nc.running ? (
        <>
          <p class="big-number" data-testid="streak">
            {nc.goalReached ? (
              <>
                Goal reached: {nc.currentStreak} <span class="muted small">days</span>
              </>
            ) : (
              <>
                Day {nc.currentStreak} <span class="muted small">of {nc.goalDays}</span>
              </>
            )}
          </p>
          {nc.milestone !== null && !nc.goalReached && (
            <p class="small" data-testid="milestone">
              {nc.milestone} days without contact. That took real strength.
            </p>
          )}
          <div
            role="progressbar"
            aria-label="Progress towards your no-contact goal"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            style={{ background: 'var(--surface-2)', borderRadius: '999px', height: '10px' }}
          >
            <div
              style={{ width: `${pct}%`, background: 'var(--accent)', height: '10px', borderRadius: '999px' }}
            />
          </div>
        </>
      ) : (
        <p>No period is running right now.</p>
      )}
      {nc.longestStreak > 0 && (
        <p class="small">
          Longest stretch: {nc.longestStreak} days · total days without contact: {nc.totalDays} · breaks:{' '}
          {nc.breaks}
        </p>
      )}
      <p class="small muted">
        <Cited text={nc.explanation} ids={nc.principles} />
      </p>
      <div class="row">
        {!nc.running && (
          <button type="button" onClick={() => void startClock()}>
            Start a no-contact period today
          </button>
        )}
        <button
          type="button"
          class="secondary"
          onClick={() => setOpen(open === 'break' ? null : 'break')}
          aria-expanded={open === 'break'}
        >
          We were in contact
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => setOpen(open === 'necessary' ? null : 'necessary')}
          aria-expanded={open === 'necessary'}
        >
          Necessary contact (children, home, money)
        </button>
      </div>
      {open && (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            void (open === 'break' ? logBreak() : logNecessary());
          }}
        >
          {open === 'break' ? (
            <>
              <p>
                It happens, and it does not undo your progress. Logging it helps you see what triggers it .
                <Principles ids={['P14']} />
              </p>
              <Select
                label="Who reached out?"
                value={who}
                options={[
                  ['user', 'I did'],
                  ['ex', 'They did'],
                ]}
                onValue={setWho}
              />
            </>
          ) : (
            <Select
              label="What was it about?"
              value={reason}
              options={[
                ['children', 'Children'],
                ['housing', 'Shared home'],
                ['money', 'Money'],
                ['safety', 'Safety'],
              ]}
              onValue={setReason}
            />
          )}
          <Select label="How?" value={channel} options={channelOptions} onValue={setChannel} />
          <TextArea label="A note (optional, private)" value={note} onValue={setNote} rows={2} />
          <button type="submit" disabled={save.busy}>
            Log it
          </button>
        </form>
      )}
      <Status save={save} />
    </section>
  );
}

export default function Today() {
  const plan = usePlan();
  const today = plan?.today ?? localToday(new Date());
  if (!plan) {
    return (
      <div>
        <h1>Today</h1>
        {planError.value ? (
          <p role="alert" class="error">
            {planError.value}
          </p>
        ) : (
          <p class="muted">Loading your plan…</p>
        )}
      </div>
    );
  }
  const wb = plan.metrics.wellBeing;
  return (
    <div>
      <h1>Today</h1>
      {plan.crisis && plan.help && <PlanHelpCard help={plan.help} />}
      <CheckInCard today={today} />
      <section class="card" aria-labelledby="phase-h">
        <p class="small muted">Where you are</p>
        <h2 id="phase-h" data-testid="phase">
          {plan.phase.title}
        </h2>
        <p>
          <Cited text={plan.phase.why} ids={plan.phase.principles} />
        </p>
      </section>
      {plan.outreachLocked && <LockNotice locks={plan.locks} full />}
      {!plan.crisis && plan.help && <PlanHelpCard help={plan.help} />}
      {wb.professionalHelp.suggested && (
        <Notice kind="warn" role="status">
          <strong>It may help to talk to someone.</strong> {wb.professionalHelp.reasons.join(' ')} A therapist
          or counsellor can help you carry this.
          <Principles ids={['P15']} /> <a href="#/help">Help and support</a>
        </Notice>
      )}
      <div class="grid two">
        <section class="card" aria-labelledby="steps-h">
          <h2 id="steps-h">Next steps</h2>
          <ol>
            {plan.nextSteps.map((s) => (
              <li key={s.id} data-step={s.id}>
                <strong>
                  <StepLink id={s.id} text={s.text} />
                </strong>
                <br />
                <span class="small">
                  <Cited text={s.why} ids={s.principles} />
                </span>
                {s.lesson && (
                  <>
                    {' '}
                    <button type="button" class="link" onClick={() => (lessonId.value = s.lesson ?? null)}>
                      Open the lesson
                    </button>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
        <NoContactCard today={today} />
      </div>
      <HabitsCard today={today} />
      <section class="card" aria-labelledby="gates-h">
        <h2 id="gates-h">What opens the next phase</h2>
        <ul class="plain">
          {plan.gates.map((g) => (
            <li key={g.id}>
              <span class={`pill ${g.open ? 'strength' : 'problem'}`}>{g.open ? 'Open' : 'Not yet'}</span>{' '}
              <strong>{g.label}</strong>: {gateFacts(g.label, g.facts)}
              {g.toOpen && <span class="small muted"> — {g.toOpen}</span>}
              <Principles ids={g.principles} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
