/**
 * `npm run first-sight -- <batch.jsonl> [--misses]`
 *
 * Scores the coach on a batch it has never seen, the way docs/coach-quality.md records it:
 * run this *before* changing any rule, lexicon or weight, copy the row into the table, and
 * only then merge the batch into the development corpus.
 *
 * Two batch formats are read:
 *   - crisis batches: `{"id","text","crisis":true|false,"level":"explicit"|"warning"|null}`;
 *     the row gives the size, crisis recall and false stops;
 *   - category batches: the corpus format (`categories`, `verdict`); the row gives the
 *     verdict accuracy, false stops and per-category precision, recall and F1.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../src/coach/index.js';
import { PROBLEM_CATEGORIES, parseCorpus, score, toPrediction } from './lib/score.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { misses: { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run first-sight -- <batch.jsonl> [--misses]');
  process.exit(64);
}
const text = readFileSync(file, 'utf8');
const lines = text.split('\n').filter((l) => l.trim() !== '');
const first = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
const name = basename(file);
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

if ('crisis' in first) {
  let crisis = 0;
  let caught = 0;
  let calm = 0;
  let falseStops = 0;
  const missed: string[] = [];
  const stopped: string[] = [];
  for (const line of lines) {
    const item = JSON.parse(line) as { id: string; text: string; crisis: boolean; level?: string | null };
    const report = analyze(item.text);
    const fired = report.findings.some((f) => f.category === 'crisis');
    if (item.crisis) {
      crisis++;
      if (fired) caught++;
      else missed.push(`${item.id} [${item.level ?? ''}] ${item.text}`);
    } else {
      calm++;
      if (fired) {
        falseStops++;
        const f = report.findings.find((x) => x.category === 'crisis');
        stopped.push(`${item.id} «${f?.actual}» ${item.text}`);
      }
    }
  }
  console.log('| batch | size | crisis | caught | recall | not crisis | false stops |');
  console.log(
    `| ${name} | ${lines.length} | ${crisis} | ${caught} | ${f3(caught / crisis)} | ${calm} | ${falseStops} (${f3((100 * falseStops) / Math.max(1, calm))} %) |`,
  );
  if (values.misses) {
    console.log(`\nMissed (${missed.length}):`);
    for (const m of missed) console.log(`  ${m}`);
    console.log(`\nFalse stops (${stopped.length}):`);
    for (const s of stopped) console.log(`  ${s}`);
  }
} else {
  const items = parseCorpus(text, file);
  const predictions = items.map((item) => toPrediction(analyze(item.text, item.context)));
  const card = score(items, predictions);
  const falseStops = card.falseStops.length;
  const cells = PROBLEM_CATEGORIES.map((c) => {
    const s = card.categories.find((x) => x.category === c);
    return s ? `${f3(s.precision)}/${f3(s.recall)}/${f3(s.f1)}` : '–';
  });
  const problems = card.categories.filter((c) =>
    (PROBLEM_CATEGORIES as readonly string[]).includes(c.category),
  );
  const macro = problems.reduce((sum, c) => sum + c.f1, 0) / Math.max(1, problems.length);
  console.log(`| batch | size | verdict acc. | false stops | macro-F1 | ${PROBLEM_CATEGORIES.join(' | ')} |`);
  console.log(
    `| ${name} | ${items.length} | ${f3(card.verdictAccuracy)} | ${falseStops} | ${f3(macro)} | ${cells.join(' | ')} |`,
  );
  if (values.misses) {
    for (const m of card.misses) console.log(`  ${JSON.stringify(m)}`);
  }
}
