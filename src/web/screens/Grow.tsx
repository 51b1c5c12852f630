/**
 * Grow<Principles ids={['P3', 'P4']} />: habits over the last four weeks and confidence over time. Small, steady care
 * for body and mind, and a sense of self that does not depend on the ex.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConfidenceRating, HabitKind, HabitLog } from '../../method/schema.js';
import { checkForCrisis } from '../components/crisis.js';
import { Field, Principles, Scale, Status, TextArea, useSave } from '../components/ui.js';
import { plan, reloadPlan, usePlan } from '../plan.js';
import { create, list, localToday, type Rec } from '../resources.js';
import { HABITS } from './Today.js';

type HabitRec = Rec<Omit<HabitLog, 'id'>>;

/** The last `n` local dates ending today, oldest first. */
export function lastDays(today: string, n: number): string[] {
  const base = Date.parse(`${today}T12:00:00Z`);
  if (Number.isNaN(base)) return [];
  return Array.from({ length: n }, (_, i) =>
    new Date(base - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

export default function Grow() {
  usePlan();
  const today = plan.value?.today ?? localToday(new Date());
  const [habits, setHabits] = useState<HabitRec[]>([]);
  const [ratings, setRatings] = useState<Rec<Omit<ConfidenceRating, 'id'>>[]>([]);
  const [score, setScore] = useState(5);
  const [note, setNote] = useState('');
  const [custom, setCustom] = useState('');
  const save = useSave();
  const saveCustom = useSave();
  useEffect(() => {
    list<HabitLog>('habit-logs', 2000)
      .then(setHabits)
      .catch(() => undefined);
    list<ConfidenceRating>('confidence-ratings', 500)
      .then(setRatings)
      .catch(() => undefined);
  }, []);
  const days = lastDays(today, 28);
  const done = (kind: HabitKind, day: string) =>
    habits.some((h) => h.data.habit === kind && h.data.on === day);
  const wb = plan.value?.metrics.wellBeing;
  return (
    <div>
      <h1>Grow</h1>
      <p class="muted">
        Healing is built from small things done often: sleep, movement, food, people, and time for what you
        enjoy.
        <Principles ids={['P3', 'P4']} />
      </p>
      {wb && (
        <p class="card">
          Habits on {Math.round(wb.habitCompletion7 * 100)}% of the last 7 days · latest confidence{' '}
          {wb.confidenceLatest ?? '—'}/10 ({wb.confidenceTrend})<Principles ids={wb.principles} />
        </p>
      )}
      <section class="card" aria-labelledby="hg-h">
        <h2 id="hg-h">Habits, last four weeks</h2>
        <section
          class="scroll-x"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take keyboard focus (WCAG 2.1.1, axe scrollable-region-focusable)
          tabIndex={0}
          aria-label="Habits, last four weeks (scrolls sideways)"
          style={{ overflowX: 'auto' }}
        >
          <table>
            <caption class="visually-hidden">Habits done per day over the last 28 days</caption>
            <thead>
              <tr>
                <th scope="col">Habit</th>
                <th scope="col">Days done</th>
                <th scope="col">Last 28 days</th>
              </tr>
            </thead>
            <tbody>
              {HABITS.map(([kind, label]) => {
                const count = days.filter((d) => done(kind, d)).length;
                return (
                  <tr key={kind}>
                    <th scope="row">{label}</th>
                    <td>{count}</td>
                    <td aria-hidden="true" style={{ whiteSpace: 'nowrap', letterSpacing: '1px' }}>
                      {days.map((d) => (done(kind, d) ? '●' : '·')).join('')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <form
          class="row"
          style={{ marginTop: '1rem', alignItems: 'flex-end' }}
          onSubmit={(e) => {
            e.preventDefault();
            void saveCustom.run(async () => {
              if (!custom.trim()) throw new Error('Give the habit a name.');
              const rec = await create<HabitLog>('habit-logs', {
                on: today,
                habit: 'custom',
                customName: custom.trim(),
              });
              setHabits([rec, ...habits]);
              setCustom('');
              void reloadPlan();
            }, 'Logged for today.');
          }}
        >
          <div style={{ flex: '1 1 14rem' }}>
            <Field
              label="Log something else you did today"
              value={custom}
              onValue={setCustom}
              maxLength={200}
            />
          </div>
          <button type="submit" disabled={saveCustom.busy}>
            Log it
          </button>
        </form>
        <Status save={saveCustom} />
      </section>
      <section class="card" aria-labelledby="conf-h">
        <h2 id="conf-h">Confidence</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save.run(async () => {
              const data: Omit<ConfidenceRating, 'id'> = { on: today, score };
              if (note.trim()) data.note = note;
              const rec = await create<ConfidenceRating>('confidence-ratings', data);
              setRatings([rec, ...ratings]);
              const written = note;
              setNote('');
              await checkForCrisis(written);
              void reloadPlan();
            }, 'Saved.');
          }}
        >
          <Scale
            label="How confident do you feel in yourself today?"
            min={1}
            max={10}
            value={score}
            onValue={setScore}
            low="not at all"
            high="very"
          />
          <TextArea
            label="A strength you noticed in yourself (optional)"
            value={note}
            onValue={setNote}
            rows={2}
            maxLength={2000}
          />
          <Status save={save} />
          <button type="submit" disabled={save.busy}>
            Save rating
          </button>
        </form>
        <ul class="plain">
          {ratings.slice(0, 10).map((r) => (
            <li key={r.id}>
              {r.data.on}: <strong>{r.data.score}/10</strong>{' '}
              {r.data.note && <span class="muted">— {r.data.note}</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
