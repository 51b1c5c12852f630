/**
 * The message coach: write a draft to the ex and see, as you type, what may hurt (blame,
 * begging, pressure…) and what helps (owning a feeling, a specific apology, giving space).
 * Also the context the text alone cannot tell: timing in the ex's zone, unanswered
 * messages, the ladder rung, and any lock. "I sent it" is refused while outreach is locked.
 */

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Channel, DraftContext, Finding, Report, Suggestion } from '../../coach/types.js';
import { apologyDraft } from '../../content/starters.js';
import type { Apology, Profile } from '../../method/schema.js';
import type { Timing } from '../../method/types.js';
import { api } from '../api.js';
import { CoachEditor, type CoachEditorHandle, type Painted } from '../coach/CoachEditor.js';
import { CrisisLines } from '../components/CrisisLines.js';
import { levelOf, openCrisisHelp } from '../components/crisis.js';
import { Dialog } from '../components/Dialog.js';
import { LockNotice } from '../components/LockNotice.js';
import { StarterPicker } from '../components/StarterPicker.js';
import { Cited, Field, Notice, Principles, Select, Status, TextArea, useSave } from '../components/ui.js';
import { cityOf } from '../country.js';
import { DRAFT_STATUS_TEXT, type DraftRec, useDrafts } from '../drafts.js';
import { moveMisplacedLetters } from '../legacy.js';
import { outreachWaitsFor, plan as planSignal, reloadPlan, usePlan } from '../plan.js';
import { create, getOne, list, type Rec } from '../resources.js';
import { saidSafe } from '../state.js';

const CHANNELS: readonly (readonly [Channel, string])[] = [
  ['email', 'Email'],
  ['text', 'Text message'],
  ['call_script', 'Notes for a call'],
  ['letter', 'Letter'],
  ['social', 'Social media message'],
];

const CONTACT_CHANNEL: Record<Channel, string> = {
  email: 'email',
  text: 'text',
  call_script: 'call',
  letter: 'letter',
  social: 'social',
};

/** How long (ms) the verdict and the list of findings wait after the last key. */
const REPORT_PAUSE_MS = 150;

const VERDICT_TEXT: Record<Report['verdict'], string> = {
  send: 'Reads kindly. If the timing and your readiness are right, it is fine to send.',
  revise: 'Worth revising before you send: see the highlighted parts.',
  stop: 'Please do not send this.',
};

/** A finding without a real span is about the context (timing, ladder, lock), not the words. */
function isContext(f: Finding): boolean {
  return ['timing', 'unanswered', 'ladder', 'length', 'locked'].includes(f.category) || f.end <= f.start;
}

function FindingCard(props: {
  f: Finding;
  index: number;
  active: boolean;
  fresh: boolean;
  onActive: (i: number | undefined) => void;
  onApply: (s: Suggestion) => void;
}) {
  const { f } = props;
  return (
    <li
      class={`finding ${f.kind}`}
      aria-current={props.active ? 'true' : undefined}
      onMouseEnter={() => props.onActive(props.index)}
      onMouseLeave={() => props.onActive(undefined)}
      onFocusIn={() => props.onActive(props.index)}
    >
      <div class="row">
        <span class={`pill ${f.kind}`}>
          {f.kind === 'strength' ? 'Helps' : f.kind === 'stop' ? 'Stop' : 'Revise'}
        </span>
        <strong>{f.message}</strong>
      </div>
      {!isContext(f) && (
        <p class="small">
          <q>{f.actual}</q>
        </p>
      )}
      <p class="small">
        <Cited text={f.explanation} ids={f.principles} />
      </p>
      {f.suggestions.length > 0 && (
        <div class="row">
          {f.suggestions.map((s) => (
            <button
              key={s.label}
              type="button"
              class="secondary"
              disabled={!props.fresh}
              onClick={() => props.onApply(s)}
              title={props.fresh ? undefined : 'Checking the latest text…'}
            >
              {s.label}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

type ApologyFields = Pick<Apology, 'behaviour' | 'impact' | 'learned'>;

/** The apology builder<Principles ids={['P9']} />: behaviour, impact, responsibility, what changes → a draft. */
function ApologyBuilder(props: { onDraft: (text: string, parts: ApologyFields) => void }) {
  const [behaviour, setBehaviour] = useState('');
  const [impact, setImpact] = useState('');
  const [responsibility, setResponsibility] = useState('');
  const [change, setChange] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <details class="card">
      <summary>
        <strong>Apology builder</strong> <span class="muted small">(specific, no excuses, what changes)</span>
      </summary>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!behaviour.trim() || !impact.trim()) {
            setError('Name what you did and how it affected them: those two make an apology real.');
            return;
          }
          setError(undefined);
          let text = apologyDraft({ behaviour, impact, change });
          const own = responsibility.trim();
          if (own) text = text.replace('That was my responsibility.', own.replace(/([^.!?])$/u, '$1.'));
          props.onDraft(text, {
            behaviour: behaviour.trim(),
            impact: impact.trim(),
            learned: [own, change.trim()].filter(Boolean).join(' '),
          });
        }}
      >
        <Field
          label="What I did (the specific behaviour)"
          value={behaviour}
          onValue={setBehaviour}
          hint="For example: cancelled our plans at the last minute"
        />
        <Field
          label="How it affected them"
          value={impact}
          onValue={setImpact}
          hint="For example: you felt you could not count on me"
        />
        <Field
          label="Taking responsibility, without excuses (optional)"
          value={responsibility}
          onValue={setResponsibility}
        />
        <Field
          label="What I do differently now"
          value={change}
          onValue={setChange}
          hint="Only what you already do, not a promise."
        />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">Put it in the coach</button>
      </form>
    </details>
  );
}

const CHANNEL_NAME: Record<Channel, string> = Object.fromEntries(CHANNELS) as Record<Channel, string>;

/**
 * A moment named on both clocks, so nobody has to guess whose time it is: "19:00 their time
 * in London, 20:00 yours". `exLocal` is `YYYY-MM-DDTHH:MM` in their zone; `at` the instant.
 */
function whoseClock(exLocal: string, profile: Profile, at: string | undefined): string {
  const theirs = exLocal.slice(11, 16);
  const instant = at ? new Date(at) : new Date();
  let mine = '';
  try {
    mine = new Intl.DateTimeFormat('en-GB', {
      timeZone: profile.userTimeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(instant);
  } catch {
    mine = '';
  }
  const day = exLocal.slice(0, 10);
  const theirPart = `${theirs} their time in ${cityOf(profile.exTimeZone)} on ${day}`;
  if (!mine || profile.userTimeZone === profile.exTimeZone) return `${theirPart}, the same on your clock`;
  return `${theirPart}, ${mine} yours`;
}

/** How a saved draft is named in the list: its channel, when, and how it starts. */
function draftLabel(d: DraftRec): string {
  const start = d.data.text.trim().replace(/\s+/g, ' ').slice(0, 40);
  return `${CHANNEL_NAME[d.data.channel]}, ${new Date(d.data.updatedAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })}${start ? `: ${start}…` : ''}`;
}

export default function Coach() {
  const plan = usePlan();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [channel, setChannel] = useState<Channel>('email');
  const [sendAtLocal, setSendAtLocal] = useState('');
  const [timing, setTiming] = useState<Timing | null>(null);
  // What the verdict and the findings show: the editor's state, a pause after the last key.
  const [painted, setPainted] = useState<Painted | null>(null);
  const live = useRef<Painted | null>(null);
  const later = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [active, setActive] = useState<number | undefined>();
  const [migrated, setMigrated] = useState(false);
  const [undoDraft, setUndoDraft] = useState<DraftRec | null>(null);
  const [note, setNote] = useState('');
  const [pendingApology, setPendingApology] = useState<ApologyFields | null>(null);
  const editor = useRef<CoachEditorHandle | null>(null);
  const save = useSave();
  const sent = useSave();
  const hadCrisis = useRef(false);

  useEffect(() => {
    getOne<Profile>('profile')
      .then((p) => {
        setProfile(p.data);
        // The ex's channel is the default only for a new draft, never over a saved one.
        if (drafts.current()) return;
        const pref = p.data?.exPreferredChannel;
        if (pref === 'text') setChannel('text');
        if (pref === 'call') setChannel('call_script');
      })
      .catch(() => undefined);
    // Older versions kept drafts as letters: move them here first.
    void moveMisplacedLetters().finally(() => setMigrated(true));
  }, []);

  const sendAt = sendAtLocal ? new Date(sendAtLocal) : null;
  const sendAtIso = sendAt && !Number.isNaN(sendAt.getTime()) ? sendAt.toISOString() : undefined;

  useEffect(() => {
    if (!profile) return;
    const q = sendAtIso ? `?at=${encodeURIComponent(sendAtIso)}` : '';
    api
      .get<Timing>(`/api/v1/timing${q}`)
      .then(setTiming)
      .catch(() => setTiming(null));
  }, [profile, sendAtIso]);

  const locked = plan?.outreachLocked ?? false;
  const lock = plan?.locks[0];
  const waitsFor = outreachWaitsFor(plan);
  const [confirmSent, setConfirmSent] = useState(false);
  const noContact = plan?.metrics.noContact;
  const recordSent = (acknowledgeNoContact: boolean) =>
    sent.run(async () => {
      await api.post('/api/v1/coach/sent', {
        channel: CONTACT_CHANNEL[channel],
        ...(sendAtIso ? { at: sendAtIso } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(acknowledgeNoContact ? { acknowledgeNoContact: true } : {}),
      });
      setConfirmSent(false);
      await reloadPlan();
    }, 'Recorded in your contact log. Now give them space: no need to watch for a reply.');
  const context: DraftContext = { channel };
  if (sendAtIso) context.sendAt = sendAtIso;
  if (profile) context.exTimeZone = profile.exTimeZone;
  if (plan) {
    context.unansweredInARow = plan.metrics.engagement.unansweredInARow;
    context.currentRung = plan.metrics.ladder.currentRung;
    context.outreachLocked = plan.outreachLocked;
    if (lock) {
      context.lockReason = lock.reason;
      context.lockExplanation = lock.explanation;
    }
  }

  const report = painted?.report ?? null;
  const fresh = painted !== null && painted.report !== null && painted.text === painted.reportText;
  const findings = report?.findings ?? [];
  const crisis = findings.some((f) => f.category === 'crisis');
  useEffect(() => {
    // P15: crisis language brings help up at once, but not again on every keystroke.
    if (crisis && !hadCrisis.current) openCrisisHelp(findings);
    hadCrisis.current = crisis;
  }, [crisis]);

  // The highlights paint on every key (the editor does that itself); the verdict and the
  // list of findings wait for a pause, so a keystroke does not re-render this whole screen.
  // Crisis language never waits (P15): it shows the help in the same frame.
  const onState = (p: Painted) => {
    live.current = p;
    clearTimeout(later.current);
    const crisisNow = p.report?.findings.some((f) => f.category === 'crisis') ?? false;
    if (crisisNow !== crisis || painted === null) setPainted(p);
    else later.current = setTimeout(() => setPainted(live.current), REPORT_PAUSE_MS);
  };
  useEffect(() => () => clearTimeout(later.current), []);

  const onCaret = (offset: number) => {
    const i = findings.findIndex((f) => !isContext(f) && offset >= f.start && offset <= f.end);
    setActive(i >= 0 ? i : undefined);
  };

  const text = painted?.text ?? '';
  const drafts = useDrafts(text, channel, migrated, () => live.current?.text ?? text);
  const restored = useRef(false);
  useEffect(() => {
    // The newest draft comes back after a reload, exactly as it was left.
    if (!drafts.loaded || restored.current) return;
    restored.current = true;
    const d = drafts.current();
    // Words typed while the drafts loaded are the person's newest: they are never replaced.
    if (d && (live.current?.text ?? '').trim() === '') {
      setChannel(d.data.channel);
      editor.current?.setText(d.data.text);
    }
  }, [drafts.loaded]);
  // Crisis first (P15): until the person says they are safe right now, the coach shows only
  // the help; after that, the coaching too, with the help still on screen.
  const coaching = !crisis || saidSafe.value;
  const problems = findings.filter((f) => f.kind !== 'strength' && (coaching || f.category === 'crisis'));
  const strengths = coaching ? findings.filter((f) => f.kind === 'strength') : [];
  const activeFinding = active !== undefined ? findings[active] : undefined;

  return (
    <div>
      <h1>Message coach</h1>
      <p class="muted">
        Everything here stays on this device. The coach reads your words as you type and never sends anything.
      </p>
      {locked && lock && <LockNotice locks={plan?.locks ?? []} />}
      <div class="grid coach-layout">
        <section aria-labelledby="draft-h">
          <h2 id="draft-h" class="visually-hidden">
            Your draft
          </h2>
          <CoachEditor
            label="Your draft"
            hint="Highlights: orange = worth revising, green = helps, red = please stop. Move the caret into a highlight, or hover a card, to see why."
            context={context}
            activeIndex={active}
            onState={onState}
            onCaret={onCaret}
            handle={(h) => (editor.current = h)}
          />
          <div class="row draft-bar">
            <p class="small muted" aria-live="polite" data-testid="draft-status">
              {DRAFT_STATUS_TEXT[drafts.status]}
            </p>
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void drafts.open(null).then(() => {
                  setPendingApology(null);
                  editor.current?.setText('');
                  editor.current?.focus();
                })
              }
            >
              New draft
            </button>
            {drafts.current() && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  const d = drafts.current();
                  if (!d) return;
                  void save.run(async () => {
                    await drafts.discard(d);
                    setUndoDraft(d);
                    editor.current?.setText('');
                  });
                }}
              >
                Delete this draft
              </button>
            )}
          </div>
          {undoDraft && (
            <Notice kind="info" role="status">
              The draft is deleted.{' '}
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  const d = undoDraft;
                  setUndoDraft(null);
                  void save.run(async () => {
                    const back = await drafts.restore(d);
                    await drafts.open(back);
                    setChannel(back.data.channel);
                    editor.current?.setText(back.data.text);
                  }, 'The draft is back.');
                }}
              >
                Undo
              </button>
            </Notice>
          )}
          {drafts.drafts.length > 1 && (
            <Select
              label="Open another draft"
              value=""
              options={[
                ['', 'Choose…'] as const,
                ...drafts.drafts
                  .filter((d) => d.id !== drafts.current()?.id)
                  .map((d) => [d.id, draftLabel(d)] as const),
              ]}
              onValue={(id) => {
                const d = drafts.drafts.find((x) => x.id === id);
                if (!d) return;
                void drafts.open(d).then(() => {
                  setChannel(d.data.channel);
                  editor.current?.setText(d.data.text);
                });
              }}
            />
          )}
          <div aria-live="polite" class="card">
            {painted?.error ? (
              <p role="alert" class="error">
                {painted.error}
              </p>
            ) : report && text.trim() !== '' ? (
              <>
                <p class="verdict" data-verdict={report.verdict}>
                  Verdict:{' '}
                  {report.verdict === 'send'
                    ? 'Fine to send'
                    : report.verdict === 'revise'
                      ? 'Revise'
                      : 'Stop'}
                </p>
                <p>
                  {crisis
                    ? 'What you wrote sounds like you are in a lot of pain. You matter. Please reach out for support now.'
                    : VERDICT_TEXT[report.verdict]}
                </p>
                {activeFinding && (
                  <p class="small">
                    At the caret: <strong>{activeFinding.message}</strong>
                  </p>
                )}
              </>
            ) : (
              <p class="muted">Start writing; the coach reads along.</p>
            )}
          </div>
          <div class="grid two">
            <Select label="Channel" value={channel} options={CHANNELS} onValue={setChannel} />
            <Field
              label="Planned send time (your time)"
              type="datetime-local"
              value={sendAtLocal}
              onValue={setSendAtLocal}
            />
          </div>
          <StarterPicker onPick={(t) => editor.current?.setText(t)} />
          <TextArea
            label="Note for the contact log (optional)"
            value={note}
            onValue={setNote}
            rows={2}
            limit={2000}
          />
          <div class="row">
            {pendingApology && (
              <button
                type="button"
                class="secondary"
                disabled={save.busy || !text.trim()}
                onClick={() =>
                  save.run(async () => {
                    await create<Apology>('apologies', {
                      createdAt: new Date().toISOString(),
                      ...pendingApology,
                      text,
                      status: 'draft',
                      sentAt: null,
                    });
                  }, 'Kept with your apologies. It stays private and unsent.')
                }
              >
                Keep as an apology
              </button>
            )}
            <button
              type="button"
              disabled={locked || waitsFor !== null || sent.busy || !text.trim()}
              aria-describedby="sent-why"
              onClick={() => (noContact?.running ? setConfirmSent(true) : void recordSent(false))}
            >
              I sent it
            </button>
          </div>
          <p id="sent-why" class="small muted">
            {locked
              ? `“I sent it” is turned off: ${lock?.explanation ?? 'outreach is locked.'}`
              : waitsFor === 'screening'
                ? '“I sent it” waits until you have answered the safety questions (on Getting started).'
                : waitsFor === 'crisis'
                  ? '“I sent it” is turned off for now. Please reach out for support first; your ex can wait. Help lines are under Help.'
                  : '“I sent it” records the message in your contact log; the app never sends anything itself.'}
          </p>
          <Dialog
            open={confirmSent}
            onClose={() => setConfirmSent(false)}
            title="You are in a no-contact period"
          >
            <p data-testid="sent-confirm-text">
              {noContact?.goalReached
                ? `You have reached your goal (${noContact.currentStreak} days without contact). Recording this message ends your no-contact period: you are reaching out again.`
                : `This is day ${noContact?.currentStreak ?? 0} of ${noContact?.goalDays ?? 30} without contact. Recording this message counts as a break, and your clock starts again from today. That is not a failure, and it is worth pausing for.`}
            </p>
            <div class="row">
              <button type="button" class="secondary" onClick={() => setConfirmSent(false)}>
                Not now
              </button>
              <button type="button" disabled={sent.busy} onClick={() => void recordSent(true)}>
                Record it anyway
              </button>
            </div>
            <Status save={sent} />
          </Dialog>
          <Status save={save} />
          <Status save={sent} />
          <ApologyBuilder
            onDraft={(t, parts) => {
              setPendingApology(parts);
              editor.current?.setText(t);
              editor.current?.focus();
            }}
          />
        </section>
        <aside aria-labelledby="find-h">
          <h2 id="find-h">What the coach sees</h2>
          {crisis && (
            <section class="card" aria-labelledby="crisis-help-h" data-testid="coach-crisis-help">
              <h3 id="crisis-help-h">
                {levelOf(findings) === 'warning'
                  ? 'This sounds heavy. Are you safe right now?'
                  : 'Please reach out now'}
              </h3>
              <CrisisLines showViolence={false} />
              {!saidSafe.value && (
                <button type="button" class="secondary" onClick={() => (saidSafe.value = true)}>
                  I'm safe right now: show the coaching too
                </button>
              )}
            </section>
          )}
          {problems.length === 0 && strengths.length === 0 && <p class="muted">Nothing to point out yet.</p>}
          {problems.length > 0 && (
            <ul class="plain" aria-label="Worth revising">
              {problems.map((f) => {
                const i = findings.indexOf(f);
                return (
                  <FindingCard
                    key={`${f.ruleId}-${f.start}`}
                    f={f}
                    index={i}
                    active={active === i}
                    fresh={fresh}
                    onActive={setActive}
                    onApply={(s) => editor.current?.apply(s)}
                  />
                );
              })}
            </ul>
          )}
          {strengths.length > 0 && (
            <>
              <h3>What already helps</h3>
              <ul class="plain" aria-label="What helps">
                {strengths.map((f) => {
                  const i = findings.indexOf(f);
                  return (
                    <FindingCard
                      key={`${f.ruleId}-${f.start}`}
                      f={f}
                      index={i}
                      active={active === i}
                      fresh={fresh}
                      onActive={setActive}
                      onApply={(s) => editor.current?.apply(s)}
                    />
                  );
                })}
              </ul>
            </>
          )}
          <section class="card" aria-labelledby="ctx-h">
            <h3 id="ctx-h">Context</h3>
            <ul class="plain small">
              <li>
                Channel rung: <strong>{planSignal.value?.metrics.ladder.currentRung ?? 'not started'}</strong>
                {plan && (
                  <>
                    {' '}
                    — <Cited text={plan.metrics.ladder.explanation} ids={plan.metrics.ladder.principles} />
                  </>
                )}
              </li>
              <li>
                Messages in a row without a reply:{' '}
                <strong>{plan?.metrics.engagement.unansweredInARow ?? 0}</strong>
                {(plan?.metrics.engagement.unansweredInARow ?? 0) >= 2 && (
                  <span> — please do not send a third; give them room to answer or not.</span>
                )}
              </li>
              <li>
                Timing:{' '}
                {timing && profile ? (
                  <>
                    <strong>{timing.good ? 'a relaxed moment' : 'not a good moment'}</strong> (
                    {whoseClock(timing.exLocalTime, profile, sendAtIso)}).{' '}
                    <Cited text={timing.reason} ids={[]} />
                    {timing.nextGoodAt && timing.nextGoodLocal && !timing.good && (
                      <> Next good moment: {whoseClock(timing.nextGoodLocal, profile, timing.nextGoodAt)}.</>
                    )}
                    <Principles ids={timing.principles} />
                  </>
                ) : (
                  <span class="muted">set up your profile to see timing advice.</span>
                )}
              </li>
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
