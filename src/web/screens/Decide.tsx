/**
 * Decide (P5): the assessment, then the readiness result with its reasons. Also where a
 * setback is logged (P14: it sends you back here, nothing is erased) and where the outcome is
 * recorded: together again, or moving on (P18).
 */
import { useEffect, useState } from 'preact/hooks';
import { ASSESSMENT_QUESTIONS, type AssessmentQuestionId, MOTIVES } from '../../content/assessment.js';
import type { Assessment, Motive, Outcome, RedLine, Setback } from '../../method/schema.js';
import { checkForCrisis } from '../components/crisis.js';
import { Dialog } from '../components/Dialog.js';
import { Notice, Principles, Select, Status, TextArea, useSave } from '../components/ui.js';
import { plan, reloadPlan, usePlan } from '../plan.js';
import { create, getOne, localToday, putOne } from '../resources.js';

/** No answer is preset (P5): each question starts unanswered and must be answered. */
type Scores = Partial<Record<AssessmentQuestionId, number>>;

function Readiness() {
  const r = plan.value?.metrics.readiness;
  if (!r) return null;
  return (
    <section class="card" aria-labelledby="ready-h" data-testid="readiness">
      <h2 id="ready-h">Your readiness</h2>
      {r.score === null ? (
        <p>Take the assessment below to see your readiness and the reasons behind it.</p>
      ) : (
        <>
          <p class="big-number">
            {r.score}
            <span class="small muted"> / 100</span>
          </p>
          <p>
            <span class={`pill ${r.healthy ? 'strength' : 'problem'}`}>
              {r.healthy ? 'Looks healthy' : 'Not yet'}
            </span>{' '}
            {r.explanation}
            <Principles ids={r.principles} />
          </p>
          {r.reasons.length > 0 && (
            <ul>
              {r.reasons.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          )}
          {r.unhealthyMotives.length > 0 && (
            <Notice kind="warn">
              Some of your reasons deserve care of their own:{' '}
              {r.unhealthyMotives.map((m) => MOTIVES.find((x) => x.id === m)?.label ?? m).join('; ')}.
            </Notice>
          )}
        </>
      )}
    </section>
  );
}

export default function Decide() {
  usePlan();
  const [scores, setScores] = useState<Scores>({});
  const [confirmTogether, setConfirmTogether] = useState(false);
  const [motives, setMotives] = useState<Motive[]>([]);
  const [redLines, setRedLines] = useState<RedLine[]>([]);
  const [newLine, setNewLine] = useState('');
  const [note, setNote] = useState('');
  const [setbackKind, setSetbackKind] = useState<Setback['kind']>('argument');
  const [setbackWhat, setSetbackWhat] = useState('');
  const [outcome, setOutcome] = useState<{ version: number; data: Outcome | null }>({
    version: 0,
    data: null,
  });
  const save = useSave();
  const saveSetback = useSave();
  const saveOutcome = useSave();
  useEffect(() => {
    getOne<Outcome>('outcome')
      .then(setOutcome)
      .catch(() => undefined);
  }, []);
  const today = plan.value?.today ?? localToday(new Date());
  const recordOutcome = (kind: Outcome['kind']) =>
    saveOutcome.run(async () => {
      const rec = await putOne<Outcome>('outcome', outcome.version, {
        decidedAt: new Date().toISOString(),
        kind,
      });
      setOutcome(rec);
      setConfirmTogether(false);
      await reloadPlan();
    }, 'Recorded.');

  return (
    <div>
      <h1>Decide</h1>
      <p class="muted">
        Is getting back together realistic and healthy for both of you? An honest answer protects you either
        way.
      </p>
      <Readiness />
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(async () => {
            const unanswered = ASSESSMENT_QUESTIONS.filter((q) => scores[q.id] === undefined);
            if (unanswered.length > 0) {
              throw new Error(
                `Answer every question first: ${unanswered.length} still ${unanswered.length === 1 ? 'has' : 'have'} no answer.`,
              );
            }
            if (motives.length === 0) throw new Error('Pick at least one reason you want this back.');
            const data: Omit<Assessment, 'id'> = {
              at: new Date().toISOString(),
              ...(scores as Record<AssessmentQuestionId, number>),
              motives,
              redLines,
            };
            if (note.trim()) data.note = note;
            await create<Assessment>('assessments', data);
            await checkForCrisis(note);
            await reloadPlan();
          }, 'Saved. Your readiness above is updated.');
        }}
      >
        <h2>The assessment</h2>
        {ASSESSMENT_QUESTIONS.map((q) => (
          <fieldset key={q.id}>
            <legend>
              {q.text}
              <Principles ids={q.principles} />
            </legend>
            <div class="row">
              {[1, 2, 3, 4, 5].map((n) => (
                <label class="choice" key={n}>
                  <input
                    type="radio"
                    name={q.id}
                    value={n}
                    checked={scores[q.id] === n}
                    onChange={() => setScores({ ...scores, [q.id]: n })}
                  />
                  {n}
                </label>
              ))}
            </div>
            <p class="hint">
              1: {q.low} · 5: {q.high}
            </p>
          </fieldset>
        ))}
        <fieldset>
          <legend>Why do you want this back? (choose all that are true)</legend>
          {MOTIVES.map((m) => (
            <label class="choice" key={m.id}>
              <input
                type="checkbox"
                checked={motives.includes(m.id)}
                onChange={() =>
                  setMotives(motives.includes(m.id) ? motives.filter((x) => x !== m.id) : [...motives, m.id])
                }
              />
              {m.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>My red lines (things I will not accept again)</legend>
          <ul class="plain">
            {redLines.map((l, i) => (
              <li key={`${l.text}-${i}`} class="row">
                <span style={{ flex: '1 1 10rem' }}>{l.text}</span>
                <Select
                  label={`Crossed today?`}
                  value={l.crossed}
                  options={[
                    ['no', 'Not crossed'],
                    ['unsure', 'Not sure'],
                    ['yes', 'Crossed'],
                  ]}
                  onValue={(v) => setRedLines(redLines.map((x, j) => (j === i ? { ...x, crossed: v } : x)))}
                />
                <button
                  type="button"
                  class="secondary"
                  onClick={() => setRedLines(redLines.filter((_, j) => j !== i))}
                >
                  Remove<span class="visually-hidden"> {l.text}</span>
                </button>
              </li>
            ))}
          </ul>
          <div class="row" style={{ alignItems: 'flex-end' }}>
            <div style={{ flex: '1 1 14rem' }} class="field">
              <label for="redline">Add a red line</label>
              <input
                id="redline"
                value={newLine}
                maxLength={200}
                onInput={(e) => setNewLine((e.currentTarget as HTMLInputElement).value)}
              />
            </div>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                if (newLine.trim()) setRedLines([...redLines, { text: newLine.trim(), crossed: 'no' }]);
                setNewLine('');
              }}
            >
              Add
            </button>
          </div>
        </fieldset>
        <TextArea
          label="Anything else (optional, private)"
          value={note}
          onValue={setNote}
          rows={2}
          maxLength={2000}
        />
        <Status save={save} />
        <button type="submit" disabled={save.busy}>
          Save the assessment
        </button>
      </form>
      <section class="card" aria-labelledby="setback-h">
        <h2 id="setback-h">Log a setback</h2>
        <p class="small muted">
          Progress is rarely a straight line. A setback is a reason to look again, not to give up.
          <Principles ids={['P14']} />
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void saveSetback.run(async () => {
              if (!setbackWhat.trim()) throw new Error('Write a line about what happened.');
              await create<Setback>('setbacks', {
                on: today,
                at: new Date().toISOString(),
                kind: setbackKind,
                what: setbackWhat,
              });
              const written = setbackWhat;
              setSetbackWhat('');
              await checkForCrisis(written);
              await reloadPlan();
            }, 'Logged. Take the assessment again when you are ready.');
          }}
        >
          <Select
            label="What kind?"
            value={setbackKind}
            options={[
              ['argument', 'An argument'],
              ['broken-commitment', 'A broken commitment'],
              ['ex-withdrew', 'They pulled away'],
              ['old-pattern', 'An old pattern came back'],
              ['other', 'Something else'],
            ]}
            onValue={setSetbackKind}
          />
          <TextArea
            label="What happened"
            value={setbackWhat}
            onValue={setSetbackWhat}
            rows={2}
            maxLength={2000}
          />
          <Status save={saveSetback} />
          <button type="submit" disabled={saveSetback.busy}>
            Log setback
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="outcome-h">
        <h2 id="outcome-h">The outcome</h2>
        {outcome.data ? (
          <p>
            You recorded: <strong>{outcome.data.kind === 'together' ? 'together again' : 'moving on'}</strong>
            .{' '}
            {outcome.data.kind === 'together'
              ? 'Keep the habits that rebuilt trust.'
              : 'Keep the lessons; your well-being comes first.'}
            <Principles ids={[outcome.data.kind === 'together' ? 'P10' : 'P18']} />
          </p>
        ) : (
          <p>
            When you know, record it. Either way, everything you built for yourself stays yours.
            <Principles ids={['P18']} />
          </p>
        )}
        <div class="row">
          <button type="button" class="secondary" onClick={() => setConfirmTogether(true)}>
            We are together again
          </button>
          <button
            type="button"
            class="secondary"
            disabled={saveOutcome.busy}
            onClick={() => void recordOutcome('moving-on')}
          >
            I am moving on
          </button>
        </div>
        <Status save={saveOutcome} />
        <Dialog open={confirmTogether} onClose={() => setConfirmTogether(false)} title="Together again?">
          <p>
            Record this only when you have both said so, out loud or in writing: not a hope, not a good
            evening. You can still log setbacks afterwards, and one would bring you back here to look again.
          </p>
          <div class="row">
            <button type="button" class="secondary" onClick={() => setConfirmTogether(false)}>
              Not yet
            </button>
            <button type="button" disabled={saveOutcome.busy} onClick={() => void recordOutcome('together')}>
              Yes, we both decided
            </button>
          </div>
        </Dialog>
      </section>
    </div>
  );
}
