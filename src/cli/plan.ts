/**
 * `olive plan --file journey.json [--at ISO] [--json]`: the journey engine on a snapshot
 * file (the same format the app exports). Human-readable by default: the phase, locks,
 * gates, today's steps with their principles, and the metrics; `--json` prints the plan.
 */

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { snapshotDateIssues } from '../method/coherence.js';
import { type Plan, parseSnapshot, plan } from '../method/index.js';
import { MONTHS } from '../method/time.js';
import { type Command, parseCommand, UsageError } from './usage.js';

const HELP = `Usage: olive plan --file journey.json [--at ISO-INSTANT] [--json]

Prints the plan for a journey snapshot: phase, locks, gates, next steps and metrics.

  --file FILE   a journey snapshot (the JSON the app exports; see examples/)
  --at ISO      the moment to plan for (default: now), e.g. 2026-03-01T20:00:00Z
  --json        print the plan as JSON

Exit status: 0 when the plan is printed; 64 when an argument is wrong or the file is
missing, larger than 50 MB, not JSON, or not a valid journey (the message names the
first bad field, e.g. checkIns[3].mood); 1 on an unexpected error.
`;

/** Far above any real journey (ten years of daily data is a few MB). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

function readSnapshotFile(path: string): unknown {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (size > MAX_FILE_BYTES)
    throw new UsageError(`${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'it could not be parsed';
    throw new UsageError(`${path} is not valid JSON: ${reason}`);
  }
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);
const num = (x: number | null, digits = 1) => (x === null ? '–' : x.toFixed(digits));

function human(p: Plan): string {
  const out: string[] = [];
  const phase = p.phase.outcome ? `${p.phase.title} (${p.phase.outcome})` : p.phase.title;
  out.push(
    `Plan for ${p.today} (${p.at})`,
    '',
    `Phase: ${phase}  [${p.phase.principles.join(' ')}]`,
    `  ${p.phase.why}`,
  );
  if (p.locks.length > 0) {
    out.push('', 'Outreach is LOCKED:');
    for (const lock of p.locks) {
      out.push(`  - ${lock.explanation} [${lock.principles.join(' ')}]`);
      out.push(`    ${lock.lift ? `What can change it: ${lock.lift}` : 'This lock is permanent.'}`);
    }
  }
  if (p.help) {
    out.push('', p.crisis ? 'Please reach out for support first:' : 'Support, whenever you need it:');
    out.push(`  ${p.help.intro}`, `  ${p.help.emergency}`);
    for (const line of p.help.lines) {
      out.push(`  - ${line.name}${line.hours ? ` (${line.hours})` : ''}: ${line.ways.join('; ')}`);
    }
    if (p.help.safetyPlan) {
      out.push('', 'Your safety plan:');
      for (const section of p.help.safetyPlan) {
        out.push(`  ${section.title}:`);
        for (const entry of section.entries) out.push(`    - ${entry}`);
      }
    } else {
      out.push('  You have not written a safety plan yet; the Help screen walks you through one.');
    }
  }
  out.push('', 'Next steps:');
  p.nextSteps.forEach((s, i) => {
    out.push(`  ${i + 1}. ${s.text}  [${s.principles.join(' ')}]`, `     ${s.why}`);
  });
  out.push('', 'Gates:');
  for (const g of p.gates) {
    out.push(`  [${g.open ? 'open' : 'shut'}] ${g.label}: ${g.facts.join('; ')}`);
    if (!g.open && g.toOpen) out.push(`         to open: ${g.toOpen}`);
  }
  const m = p.metrics;
  out.push(
    '',
    'No contact:',
    `  ${m.noContact.goalReached && m.noContact.running ? `goal reached: ${m.noContact.currentStreak} days` : `streak ${m.noContact.currentStreak} of ${m.noContact.goalDays} days`}, longest ${m.noContact.longestStreak}, ` +
      `${m.noContact.totalDays} days in all, ${m.noContact.breaks} ${m.noContact.breaks === 1 ? 'break' : 'breaks'}`,
    'Well-being:',
    `  mood 7d ${num(m.wellBeing.mood7)} (${m.wellBeing.moodTrend}), urge 7d ${num(m.wellBeing.urge7)} ` +
      `(${m.wellBeing.urgeTrend}), sleep 7d ${num(m.wellBeing.sleep7)} h, habits 7d ${pct(m.wellBeing.habitCompletion7)}`,
  );
  if (m.wellBeing.professionalHelp.suggested) {
    out.push(`  Talking to a professional could help: ${m.wellBeing.professionalHelp.reasons.join(' ')}`);
  }
  out.push(
    'Engagement:',
    `  their reply rate ${pct(m.engagement.exReplyRate)}, they start ${pct(m.engagement.exInitiationShare)} of ` +
      `exchanges, ${m.engagement.unansweredInARow} of your messages unanswered in a row`,
  );
  for (const signal of m.engagement.signals) out.push(`  signal: ${signal}`);
  out.push(
    'Ladder:',
    `  ${m.ladder.currentRung} (${m.ladder.advice}); ${m.ladder.explanation}`,
    'Commitments:',
    `  kept ${m.consistency.kept}, broken ${m.consistency.broken}, open ${m.consistency.open}, overdue ${m.consistency.overdue}, score ${pct(m.consistency.score)}`,
    'Readiness:',
    `  ${m.readiness.score === null ? 'not assessed yet' : `${Math.round(m.readiness.score)} (needs ${m.readiness.threshold})`}; ${m.readiness.explanation}`,
  );
  return `${out.join('\n')}\n`;
}

/**
 * `--at` as an instant, refusing a calendar date that does not exist (2026-02-30 would
 * otherwise silently become 2 March) and anything that is not an ISO instant.
 */
export function parseAt(value: string): Date {
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const days = m >= 1 && m <= 12 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0;
    if (days === 0) throw new UsageError(`--at ${value}: there is no month ${date[2]}`);
    if (d < 1 || d > days) {
      throw new UsageError(
        `--at ${value}: ${date[1]}-${date[2]}-${date[3]} is not a real date (${MONTHS[m - 1]} ${y} has ${days} days)`,
      );
    }
  }
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value);
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  const timeOk = time !== null && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60;
  if (!ok || !timeOk || !Number.isFinite(Date.parse(value))) {
    throw new UsageError(`--at must be an ISO 8601 instant such as 2026-03-01T20:00:00Z, not '${value}'`);
  }
  return new Date(value);
}

export const run: Command = async (argv, io) => {
  const args = parseCommand(argv, {
    file: { type: 'string', short: 'f' },
    at: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (args.flag('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  const values = { file: args.text('file'), at: args.text('at'), json: args.flag('json') };
  if (!values.file) throw new UsageError('give the journey with --file journey.json (see examples/)');
  const realNow = new Date();
  const at = values.at === undefined ? realNow : parseAt(values.at);
  const path = resolve(values.file);
  const parsed = parseSnapshot(readSnapshotFile(path));
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
    throw new UsageError(
      `${path} is not a valid journey: ${first.path || '(root)'}: ${first.message}${more}`,
    );
  }
  // What the file says happened must already have happened: a record dated after the real
  // clock is refused (an earlier --at still simply leaves later records out of the plan).
  const dates = snapshotDateIssues(parsed.snapshot, realNow.getTime());
  if (dates.length > 0) {
    const first = dates[0]!;
    const more = dates.length > 1 ? ` (and ${dates.length - 1} more)` : '';
    throw new UsageError(`${path} has a date that cannot be right: ${first.path}: ${first.message}${more}`);
  }
  const result = plan(parsed.snapshot, at);
  io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : human(result));
  return 0;
};
