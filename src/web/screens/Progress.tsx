/**
 * Progress: mood and urge over time, the no-contact history with its breaks (kept, never
 * erased), habits per week, engagement balance and consistency over time.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CheckIn, Commitment, ContactEvent, HabitLog, NoContactPeriod } from '../../method/schema.js';
import { BarChart, LineChart } from '../components/charts.js';
import { Principles } from '../components/ui.js';
import { plan, usePlan } from '../plan.js';
import { list, localToday } from '../resources.js';
import { lastDays } from './Grow.js';

type D<T> = Omit<T, 'id'>;

/** ISO week start (Monday) of a date string, as `YYYY-MM-DD`. */
export function weekOf(date: string): string {
  const t = Date.parse(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(t)) return date.slice(0, 10);
  const d = new Date(t);
  const dow = (d.getUTCDay() + 6) % 7;
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

function lastWeeks(today: string, n: number): string[] {
  const start = Date.parse(`${weekOf(today)}T12:00:00Z`);
  return Array.from({ length: n }, (_, i) =>
    new Date(start - (n - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

function daysBetween(a: string, b: string): number {
  return Math.max(0, Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000));
}

export default function Progress() {
  usePlan();
  const today = plan.value?.today ?? localToday(new Date());
  const [checkIns, setCheckIns] = useState<D<CheckIn>[]>([]);
  const [periods, setPeriods] = useState<D<NoContactPeriod>[]>([]);
  const [habits, setHabits] = useState<D<HabitLog>[]>([]);
  const [events, setEvents] = useState<D<ContactEvent>[]>([]);
  const [commitments, setCommitments] = useState<D<Commitment>[]>([]);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    const fail = () => setError('Some of your data could not load. Is the app still running?');
    list<CheckIn>('check-ins', 2000)
      .then((r) => setCheckIns(r.map((x) => x.data)))
      .catch(fail);
    list<NoContactPeriod>('no-contact-periods', 500)
      .then((r) => setPeriods(r.map((x) => x.data)))
      .catch(fail);
    list<HabitLog>('habit-logs', 5000)
      .then((r) => setHabits(r.map((x) => x.data)))
      .catch(fail);
    list<ContactEvent>('contact-events', 2000)
      .then((r) => setEvents(r.map((x) => x.data)))
      .catch(fail);
    list<Commitment>('commitments', 2000)
      .then((r) => setCommitments(r.map((x) => x.data)))
      .catch(fail);
  }, []);

  const days = lastDays(today, 60);
  const byDay = new Map(checkIns.map((c) => [c.on, c]));
  const mood = days.map((d) => byDay.get(d)?.mood ?? null);
  const urge = days.map((d) => byDay.get(d)?.urge ?? null);
  const sleep = days.map((d) => byDay.get(d)?.sleepHours ?? null);
  const slept = sleep.filter((h) => h !== null) as number[];
  const logged = mood.filter((m) => m !== null) as number[];
  const avg = (xs: number[]) => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1) : '—');

  const sortedPeriods = [...periods].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const periodDays = sortedPeriods.map((p) => daysBetween(p.startedOn, p.endedOn ?? today));

  const weeks = lastWeeks(today, 12);
  const habitWeeks = weeks.map((w) => habits.filter((h) => weekOf(h.on) === w).length);
  const userWeeks = weeks.map(
    (w) => events.filter((e) => e.direction === 'user-to-ex' && weekOf(e.at) === w).length,
  );
  const exWeeks = weeks.map(
    (w) => events.filter((e) => e.direction === 'ex-to-user' && weekOf(e.at) === w).length,
  );

  const resolved = commitments
    .filter((c) => c.resolvedAt && (c.status === 'kept' || c.status === 'broken'))
    .sort((a, b) => (a.resolvedAt ?? '').localeCompare(b.resolvedAt ?? ''));
  let kept = 0;
  const consistency = resolved.map((c, i) => {
    if (c.status === 'kept') kept++;
    return Math.round((kept / (i + 1)) * 100);
  });
  const short = (d: string) => d.slice(5);

  return (
    <div>
      <h1>Progress</h1>
      <p class="muted">
        Look for the direction, not perfection. Progress is rarely a straight line.
        <Principles ids={['P14']} />
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="grid two">
        <section class="card" aria-labelledby="mood-h">
          <h2 id="mood-h">Mood and urge, last 60 days</h2>
          <LineChart
            title="Mood and urge to contact, last 60 days"
            summary={`${logged.length} check-ins; average mood ${avg(logged)} of 10, average urge ${avg(urge.filter((u) => u !== null) as number[])} of 10.`}
            labels={days.map(short)}
            min={0}
            max={10}
            series={[
              { name: 'Mood', values: mood, cls: 'line-a' },
              { name: 'Urge to contact', values: urge, cls: 'line-b' },
            ]}
            emptyText="Nothing to draw yet: each check-in on Today adds a point here."
          />
          <p class="small muted">Each dot is a day you checked in; a gap is a day without one.</p>
        </section>
        <section class="card" aria-labelledby="sleep-h">
          <h2 id="sleep-h">Sleep, last 60 days</h2>
          <LineChart
            title="Hours of sleep, last 60 days"
            summary={`${slept.length} nights recorded; average ${avg(slept)} hours.`}
            labels={days.map(short)}
            min={0}
            max={12}
            series={[
              {
                name: 'Hours of sleep',
                values: sleep.map((h) => (h === null ? null : Math.min(12, h))),
                cls: 'line-a',
              },
            ]}
            emptyText="Nothing to draw yet: add hours of sleep to a check-in to see them here."
          />
        </section>
        <section class="card" aria-labelledby="nc-h">
          <h2 id="nc-h">No-contact periods</h2>
          <BarChart
            title="Length of each no-contact period in days"
            summary={`${sortedPeriods.length} periods; ${sortedPeriods.filter((p) => p.endReason === 'break').length} ended in a break; longest ${Math.max(0, ...periodDays)} days.`}
            labels={sortedPeriods.map((p) => short(p.startedOn))}
            a={{ name: 'Days without contact', values: periodDays }}
            flags={sortedPeriods.map((p) => p.endReason === 'break')}
            flagName="Ended in contact"
            zeroIsEmpty={false}
            emptyText="No no-contact period yet. Start one on Today when you are ready."
          />
          <p class="small muted">
            A red dot marks a period that ended in contact. Every day before it still counts.
          </p>
        </section>
        <section class="card" aria-labelledby="hab-h">
          <h2 id="hab-h">Habits per week</h2>
          <BarChart
            title="Habits logged per week, last 12 weeks"
            summary={`${habitWeeks.reduce((a, b) => a + b, 0)} habits logged in 12 weeks.`}
            labels={weeks.map(short)}
            a={{ name: 'Habits logged', values: habitWeeks }}
            emptyText="No habits logged in the last 12 weeks. Tick one on Today to start."
          />
        </section>
        <section class="card" aria-labelledby="bal-h">
          <h2 id="bal-h">Engagement balance</h2>
          <BarChart
            title="Messages per week, yours and theirs, last 12 weeks"
            summary={`You sent ${userWeeks.reduce((a, b) => a + b, 0)}, they sent ${exWeeks.reduce((a, b) => a + b, 0)}.`}
            labels={weeks.map(short)}
            a={{ name: 'You', values: userWeeks }}
            b={{ name: 'Them', values: exWeeks }}
            emptyText="No messages logged in the last 12 weeks."
          />
          <p class="small muted">
            If you do most of the reaching out, that is a sign to step back.
            <Principles ids={['P6', 'P16']} />
          </p>
        </section>
        <section class="card" aria-labelledby="con-h">
          <h2 id="con-h">Consistency over time</h2>
          <LineChart
            title="Share of commitments kept, over time"
            summary={
              consistency.length
                ? `${consistency.length} commitments resolved; now ${consistency.at(-1)}% kept.`
                : 'No commitments resolved yet.'
            }
            labels={resolved.map((c) => short((c.resolvedAt ?? '').slice(0, 10)))}
            min={0}
            max={100}
            series={[{ name: 'Kept (%)', values: consistency, cls: 'line-a' }]}
            emptyText="Nothing to draw yet: mark a commitment kept or broken to see it here."
          />
        </section>
      </div>
    </div>
  );
}
