/**
 * The contact log and engagement (P6 P17): add exchanges quickly, see the reply rate, who
 * starts conversations and the ladder. The wording is honest: these are signals, never
 * promises. Also where the ex's explicit requests are recorded ("stop contacting me", and a
 * later re-opening by them), which the method turns into a lock or lifts.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ContactChannel, ContactEvent, ExRequest, NecessaryContact, Tone } from '../../method/schema.js';
import { checkForCrisis } from '../components/crisis.js';
import { Dialog } from '../components/Dialog.js';
import { LockNotice } from '../components/LockNotice.js';
import { SafetyScreening } from '../components/SafetyScreening.js';
import {
  Cited,
  Field,
  Notice,
  Principles,
  Select,
  Status,
  TextArea,
  useSave,
  when,
} from '../components/ui.js';
import { outreachWaitsFor, plan, reloadPlan, usePlan } from '../plan.js';
import { create, list, type Rec, update } from '../resources.js';

type EventRec = Rec<Omit<ContactEvent, 'id'>>;

const CHANNELS: readonly (readonly [ContactChannel, string])[] = [
  ['email', 'Email'],
  ['text', 'Text'],
  ['call', 'Call'],
  ['meeting', 'Meeting'],
  ['letter', 'Letter'],
  ['social', 'Social media'],
  ['other', 'Other'],
];
const TONES: readonly (readonly [Tone, string])[] = [
  ['warm', 'Warm'],
  ['easy', 'Easy'],
  ['neutral', 'Neutral'],
  ['awkward', 'Awkward'],
  ['tense', 'Tense'],
  ['hostile', 'Hostile'],
];

function pct(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 100)}%`;
}

/** `datetime-local` value for now, in the browser's zone. */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

export default function Contacts() {
  const p = usePlan();
  const [events, setEvents] = useState<EventRec[]>([]);
  const [at, setAt] = useState(nowLocal());
  // Left as it was, "When" means the moment the exchange is added, to the second.
  const [atTouched, setAtTouched] = useState(false);
  const [channel, setChannel] = useState<ContactChannel>('text');
  const [direction, setDirection] = useState<ContactEvent['direction']>('ex-to-user');
  const [initiatedBy, setInitiatedBy] = useState<'user' | 'ex'>('ex');
  const [tone, setTone] = useState<Tone>('neutral');
  const [answered, setAnswered] = useState(false);
  const [note, setNote] = useState('');
  // P2: contact the person starts during a period breaks it, unless it was strictly necessary.
  const [necessary, setNecessary] = useState<NecessaryContact['reason'] | 'no'>('no');
  const save = useSave();
  const saveRequest = useSave();

  useEffect(() => {
    list<ContactEvent>('contact-events', 500)
      .then(setEvents)
      .catch(() => undefined);
  }, []);

  const e = p?.metrics.engagement;
  const l = p?.metrics.ladder;
  const userSending = direction === 'user-to-ex';
  const locked = plan.value?.outreachLocked ?? false;
  const waitsFor = outreachWaitsFor(p);
  const startedByMe = initiatedBy === 'user';
  const clockRunning = p?.metrics.noContact.running ?? false;
  const [reopening, setReopening] = useState(false);
  // P16: only a message the ex started after their latest request can re-open contact.
  const stop = p?.locks.find((x) => x.reason === 'no_contact_request' && x.duration === 'until-ex-reopens');
  const exWroteFirst = stop
    ? events.filter(
        (x) =>
          x.data.initiatedBy === 'ex' &&
          x.data.direction === 'ex-to-user' &&
          Date.parse(x.data.at) > Date.parse(stop.since) &&
          Date.parse(x.data.at) <= Date.now(),
      )
    : [];

  if (p && waitsFor === 'screening') {
    return (
      <div>
        <h1>Contact log</h1>
        <Notice kind="warn">
          The contact log and the channel ladder open once you have answered the safety questions. They come
          first, for both of you.
        </Notice>
        <SafetyScreening onSaved={() => undefined} />
      </div>
    );
  }

  async function markAnswered(ev: EventRec) {
    const rec = await update<ContactEvent>('contact-events', ev.id, ev.version, {
      ...ev.data,
      answered: true,
      answeredAt: new Date(Math.max(Date.now(), Date.parse(ev.data.at))).toISOString(),
    });
    setEvents(events.map((x) => (x.id === rec.id ? rec : x)));
    void reloadPlan();
  }

  return (
    <div>
      <h1>Contact log</h1>
      {locked && p && <LockNotice locks={p.locks} />}
      {waitsFor === 'crisis' && (
        <Notice kind="warn">
          You wrote something recently that sounds very hard. Please reach out for support first; your ex can
          wait. <a href="#/help">Help and support lines</a>
        </Notice>
      )}
      {e && l && waitsFor === null && (
        <div class="grid two">
          <section class="card" aria-labelledby="eng-h">
            <h2 id="eng-h">Engagement</h2>
            <ul class="plain">
              <li>
                They answered <strong>{pct(e.exReplyRate)}</strong> of your messages ({e.userMessages} sent by
                you, {e.exMessages} by them).
              </li>
              <li>
                They started <strong>{pct(e.exInitiationShare)}</strong> of the exchanges.
              </li>
              <li>
                Typical time for them to answer:{' '}
                <strong>
                  {e.medianExReplyHours === null ? '—' : `${Math.round(e.medianExReplyHours)} h`}
                </strong>
              </li>
              <li>
                Your messages in a row without a reply: <strong>{e.unansweredInARow}</strong>
              </li>
            </ul>
            <p class="small">
              <Cited text={e.explanation} ids={e.principles} />
            </p>
            {e.signals.length > 0 && (
              <>
                <h3>Signals (not promises)</h3>
                <ul>
                  {e.signals.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section class="card" aria-labelledby="ladder-h">
            <h2 id="ladder-h">The channel ladder</h2>
            <ol class="row" style={{ listStyle: 'none', padding: 0 }}>
              {(['email', 'text', 'call', 'meeting'] as const).map((r) => (
                <li
                  key={r}
                  class={`pill ${r === l.currentRung ? 'strength' : ''}`}
                  aria-current={r === l.currentRung ? 'step' : undefined}
                >
                  {r}
                </li>
              ))}
            </ol>
            <p>
              <Cited text={l.explanation} ids={l.principles} />
            </p>
            <p class="small muted">
              Easy exchanges on this rung: {l.easyExchanges} of {l.needed}.
            </p>
          </section>
        </div>
      )}
      <section class="card" aria-labelledby="add-h">
        <h2 id="add-h">Add an exchange</h2>
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            void save.run(async () => {
              const t = atTouched ? new Date(at) : new Date();
              if (Number.isNaN(t.getTime())) throw new Error('Pick when it happened.');
              const data: Omit<ContactEvent, 'id'> = {
                at: t.toISOString(),
                channel,
                direction,
                initiatedBy,
                answered,
                answeredAt: null,
                tone,
              };
              if (note.trim()) data.note = note;
              if (startedByMe && clockRunning && necessary !== 'no') {
                await create<NecessaryContact>('necessary-contacts', {
                  at: data.at,
                  reason: necessary,
                  channel,
                  ...(note.trim() ? { note } : {}),
                });
              } else {
                const rec = await create<ContactEvent>('contact-events', data);
                setEvents([rec, ...events]);
              }
              const written = note;
              setNote('');
              await checkForCrisis(written);
              await reloadPlan();
            }, 'Added to the log.');
          }}
        >
          <div class="grid two">
            <Select
              label="Who wrote or called?"
              value={direction}
              options={[
                ['ex-to-user', 'They did'],
                ['user-to-ex', 'I did'],
              ]}
              onValue={(v) => {
                setDirection(v);
                setInitiatedBy(v === 'ex-to-user' ? 'ex' : 'user');
              }}
            />
            <Select
              label="Who started this exchange?"
              value={initiatedBy}
              options={[
                ['ex', 'They did'],
                ['user', 'I did'],
              ]}
              onValue={setInitiatedBy}
            />
            <Select label="Channel" value={channel} options={CHANNELS} onValue={setChannel} />
            <Select label="How did it feel?" value={tone} options={TONES} onValue={setTone} />
            <Field
              label="When"
              type="datetime-local"
              value={at}
              onValue={(v) => {
                setAt(v);
                setAtTouched(true);
              }}
            />
            <label class="choice">
              <input
                type="checkbox"
                checked={answered}
                onChange={(x) => setAnswered((x.currentTarget as HTMLInputElement).checked)}
              />
              {userSending ? 'They answered it' : 'I answered it'}
            </label>
          </div>
          <TextArea
            label="Short note (optional, private)"
            value={note}
            onValue={setNote}
            rows={2}
            maxLength={2000}
          />
          {startedByMe && clockRunning && (
            <>
              <Select
                label="Was it strictly necessary?"
                value={necessary}
                options={[
                  ['no', 'No'],
                  ['children', 'Yes: about our children'],
                  ['housing', 'Yes: about where we live'],
                  ['money', 'Yes: about money we share'],
                  ['safety', 'Yes: about someone’s safety'],
                ]}
                onValue={setNecessary}
              />
              <p class="small" data-testid="break-warning">
                {necessary === 'no'
                  ? 'Your no-contact period is running: contact you start counts as a break, and the clock starts again from that day. A restart is part of the road, not a failure.'
                  : 'Strictly necessary contact is kept apart and does not break your no-contact period.'}
              </p>
            </>
          )}
          {userSending && locked && (
            <Notice kind="warn">
              Outreach is turned off, so please do not reach out. You can still record what happened.
            </Notice>
          )}
          <Status save={save} />
          <button type="submit" disabled={save.busy}>
            Add to log
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="req-h">
        <h2 id="req-h">What they asked for</h2>
        <p class="small muted">
          If they ask you to stop contacting them, record it here. Outreach stays off until they get in touch
          with you again of their own accord.
        </p>
        <div class="row">
          <button
            type="button"
            class="secondary"
            disabled={saveRequest.busy}
            onClick={() =>
              void saveRequest.run(async () => {
                await create<ExRequest>('ex-requests', {
                  at: new Date().toISOString(),
                  kind: 'stop-contact',
                });
                await reloadPlan();
              }, 'Recorded. Outreach is now off; the app will help you respect it.')
            }
          >
            They asked me to stop contacting them
          </button>
          {stop && (
            <button type="button" class="secondary" onClick={() => setReopening(true)}>
              They got in touch with me first
            </button>
          )}
        </div>
        <Status save={saveRequest} />
        <Dialog open={reopening} onClose={() => setReopening(false)} title="Did they re-open contact?">
          <p>
            They asked you not to contact them, and only they can change that. It counts only if they reached
            out to you first, on their own, after they asked. Not a reply to something you sent, and not
            something you hope they meant.
          </p>
          {exWroteFirst.length === 0 ? (
            <>
              <p data-testid="reopen-needs-message">
                There is no message from them in your log since they asked. If they did write first, add it
                above (“Who wrote or called?” They did; “Who started this exchange?” They did), then come back
                here.
              </p>
              <button type="button" class="secondary" onClick={() => setReopening(false)}>
                Close
              </button>
            </>
          ) : (
            <>
              <p>
                Their message on {when(exWroteFirst[0]!.data.at)} is in your log. Confirming means: they chose
                to be in touch again, and Olive Branch may help you answer gently. It does not mean they want
                more than that; let them set the pace.
              </p>
              <div class="row">
                <button type="button" class="secondary" onClick={() => setReopening(false)}>
                  Not sure, leave it closed
                </button>
                <button
                  type="button"
                  disabled={saveRequest.busy}
                  onClick={() =>
                    void saveRequest.run(async () => {
                      await create<ExRequest>('ex-requests', {
                        at: new Date().toISOString(),
                        kind: 'reopen-contact',
                      });
                      setReopening(false);
                      await reloadPlan();
                    }, 'Recorded: they re-opened contact themselves. Go gently, and let them set the pace.')
                  }
                >
                  Yes, they reached out to me first
                </button>
              </div>
            </>
          )}
        </Dialog>
      </section>
      <section class="card" aria-labelledby="log-h">
        <h2 id="log-h">The log</h2>
        {events.length === 0 && <p class="muted">No exchanges yet.</p>}
        <ul class="plain">
          {events.map((ev) => (
            <li key={ev.id}>
              <strong>{ev.data.direction === 'user-to-ex' ? 'You → them' : 'Them → you'}</strong> ·{' '}
              {ev.data.channel} · {when(ev.data.at)} · {ev.data.tone} ·{' '}
              {ev.data.answered ? 'answered' : 'not answered'}
              {ev.data.note && <p class="small muted">{ev.data.note}</p>}
              {!ev.data.answered && (
                <button
                  type="button"
                  class="link"
                  onClick={() => void markAnswered(ev).catch(() => undefined)}
                >
                  Mark as answered
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
