/**
 * `npm run bench:method`: `plan()` on a very large journey (issue 3, "Performance"): ten
 * years of daily check-ins and habits, 20,000 contact events and 1,000 commitments, and
 * the same shape at 1 and 3 years to show the cost grows linearly. Plain loops, one core,
 * reported, never asserted.
 */
import { plan } from '../src/method/index.js';
import { type JourneySnapshot, parseSnapshot } from '../src/method/schema.js';
import { emptyJourney, SAFE_ANSWERS } from '../src/method/test-helpers.js';

const TARGET_MS = 20;
const DAY = 86_400_000;
const START = Date.UTC(2016, 0, 1);

function bigJourney(years: number, contacts: number, commitments: number): JourneySnapshot {
  const s = emptyJourney({ breakupOn: '2015-12-20' }) as JourneySnapshot;
  const days = Math.round(years * 365);
  const on = (n: number) => new Date(START + n * DAY).toISOString().slice(0, 10);
  const at = (n: number, hour = 20) => new Date(START + n * DAY + hour * 3_600_000).toISOString();
  s.createdAt = at(0, 9);
  s.safetyScreenings = [{ id: 'safety-1', answeredAt: at(0, 10), ...SAFE_ANSWERS }];
  s.noContactPeriods = [
    { id: 'nc-1', startedOn: on(0), goalDays: 30, endedOn: on(40), endReason: 'reconnect' },
  ];
  for (let d = 0; d < days; d++) {
    s.checkIns.push({
      id: `c-${d}`,
      on: on(d),
      mood: 3 + (d % 7),
      urge: 9 - (d % 8),
      sleepHours: 5 + (d % 4),
      note: d % 5 === 0 ? 'A slow day, walked by the river.' : undefined,
    } as JourneySnapshot['checkIns'][number]);
    s.habitLogs.push({ id: `h-${d}`, on: on(d), habit: d % 2 ? 'exercise' : 'meditation', minutes: 20 });
  }
  for (let i = 0; i < contacts; i++) {
    const n = 41 + Math.floor((i * (days - 42)) / contacts);
    const t = START + n * DAY + (8 + (i % 12)) * 3_600_000 + (i % 60) * 60_000;
    const answered = i % 4 !== 0;
    s.contactEvents.push({
      id: `e-${i}`,
      at: new Date(t).toISOString(),
      channel: (['email', 'text', 'call', 'meeting'] as const)[i % 4]!,
      direction: i % 2 ? 'ex-to-user' : 'user-to-ex',
      initiatedBy: i % 3 ? 'user' : 'ex',
      answered,
      answeredAt: answered ? new Date(t + 2 * 3_600_000).toISOString() : null,
      tone: (['easy', 'warm', 'neutral', 'tense'] as const)[i % 4]!,
    });
  }
  for (let i = 0; i < commitments; i++) {
    const n = 41 + Math.floor((i * (days - 60)) / commitments);
    const status = (['kept', 'kept', 'broken', 'open', 'released'] as const)[i % 5]!;
    s.commitments.push({
      id: `k-${i}`,
      createdAt: at(n),
      text: `Cook dinner together on Thursday, week ${i}`,
      to: i % 2 ? 'ex' : 'user',
      dueOn: on(n + 7),
      status,
      resolvedAt: status === 'open' ? null : at(n + 7),
    });
  }
  // As the store returns them: oldest first by their own time.
  s.contactEvents.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const parsed = parseSnapshot(s);
  if (!parsed.ok) throw new Error(`bench journey invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.snapshot;
}

function measure(snapshot: JourneySnapshot, now: Date, runs: number): { median: number; p99: number } {
  for (let i = 0; i < 3; i++) plan(snapshot, now);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    plan(snapshot, new Date(now.getTime() + i * 60_000));
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)]!,
    p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]!,
  };
}

const sizes = [
  { label: '1 year, 2,000 contacts, 100 commitments', years: 1, contacts: 2_000, commitments: 100 },
  { label: '3 years, 6,000 contacts, 300 commitments', years: 3, contacts: 6_000, commitments: 300 },
  { label: '10 years, 20,000 contacts, 1,000 commitments', years: 10, contacts: 20_000, commitments: 1_000 },
];
console.log(`bench:method on Node ${process.version}: plan() median and p99 over 40 calls\n`);
const results: { label: string; records: number; median: number; p99: number; cold: number }[] = [];
for (const size of sizes) {
  const snapshot = bigJourney(size.years, size.contacts, size.commitments);
  const records =
    snapshot.checkIns.length +
    snapshot.habitLogs.length +
    snapshot.contactEvents.length +
    snapshot.commitments.length;
  const now = new Date(START + Math.round(size.years * 365) * DAY + 20 * 3_600_000);
  const r = measure(snapshot, now, 40);
  // A cold call: a snapshot never planned before (parsing and sorting included).
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const fresh = structuredClone(snapshot);
    const t = process.hrtime.bigint();
    plan(fresh, now);
    cold.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  cold.sort((a, b) => a - b);
  results.push({ label: size.label, records, ...r, cold: cold[2]! });
  console.log(
    `${size.label.padEnd(48)} ${String(records).padStart(6)} records  median ${r.median.toFixed(2).padStart(7)} ms  p99 ${r.p99.toFixed(2).padStart(7)} ms  cold ${cold[2]!.toFixed(2).padStart(7)} ms`,
  );
}
const first = results[0]!;
const last = results[results.length - 1]!;
const perRecordGrowth = last.median / last.records / (first.median / first.records);
const coldGrowth = last.cold / last.records / (first.cold / first.records);
console.log(
  `\nCost per record, 10 years ÷ 1 year: repeated ${perRecordGrowth.toFixed(2)}, cold ${coldGrowth.toFixed(2)} (1.00 is perfectly linear)`,
);
console.log(
  `Target ≤ ${TARGET_MS} ms for the 10-year journey: ${last.median <= TARGET_MS ? 'PASS' : 'MISS'} (median ${last.median.toFixed(2)} ms = ${(last.median / TARGET_MS).toFixed(2)}× the budget)`,
);
// A snapshot planned for the first time (a CLI run, a journey just loaded) pays for parsing
// and sorting its records once; repeated plans of the same snapshot (the server) reuse that.
console.log(
  `Cold call on the 10-year journey: median ${last.cold.toFixed(2)} ms = ${(last.cold / TARGET_MS).toFixed(2)}× the budget (${last.cold <= TARGET_MS ? 'within' : 'over'} it)`,
);
