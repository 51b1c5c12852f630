/**
 * `npm run bench`: the message coach's speed against alex and write-good on the same
 * drafts, in one process, and how `analyze` scales with length (issue 2, "Benchmark").
 *
 * Plain loops with `process.hrtime.bigint()`: each system gets a warm-up, then runs over the
 * same 500-character drafts until its round count or time budget is used up. Never a test:
 * timings depend on the machine, so they are reported, not asserted.
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { text as alex } from 'alex';
import writeGood from 'write-good';
import { compileRules, dedupe, matchRules } from '../src/coach/engine.js';
import { analyze, normalize } from '../src/coach/index.js';
import { allRules } from '../src/coach/rules/index.js';
import { segment } from '../src/coach/segment.js';
import { loadCorpus } from './lib/score.js';

/* ------------------------------------------------------------------------------------------
 * Types and settings
 * ---------------------------------------------------------------------------------------- */

interface System {
  name: string;
  run: (text: string) => unknown;
  /** Wall-clock budget for the latency and the throughput passes, each. */
  budgetMs: number;
}

interface LatencyStats {
  calls: number;
  medianMs: number;
  p99Ms: number;
  /** Messages per second in a tight loop (no per-call timer). */
  throughput: number;
}

interface Target {
  name: string;
  pass: boolean;
  detail: string;
}

const DRAFT_LENGTH = 500;
const DRAFT_COUNT = 200;
const MAX_ROUNDS = 50;
const SCALING_LENGTHS = [100, 1_000, 10_000, 100_000] as const;
/** Inputs built to hurt: unclosed quotes, repeated triggers, one letter, many spaces. */
const ADVERSARIAL: [string, string][] = [
  ['unclosed quotes " \'a', `" 'a `],
  ["single quotes 'a", "'a "],
  ['"pls answer me" repeated', 'pls answer me '],
  ['"kill myself" repeated', 'kill myself '],
  ['"i die" repeated', 'i die '],
  ['"you never listen" repeated', 'you never listen '],
  ['"sorry" repeated', 'sorry '],
  ['one letter', 'a'],
  ['many spaces', '                                                 x'],
  ['". " repeated', '. '],
  ['line breaks "i\\n"', 'i\n'],
  ['emoji and laughter', '😂 lol i died '],
  ['a phrase with no end', 'i dont want to be here and '],
];
const CORPUS = fileURLToPath(new URL('../test/fixtures/coach-corpus', import.meta.url));

/* ------------------------------------------------------------------------------------------
 * Helpers
 * ---------------------------------------------------------------------------------------- */

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Cut without splitting a surrogate pair, so every draft is a well-formed string. */
function cut(text: string, length: number): string {
  const end = /[\uD800-\uDBFF]/.test(text.charAt(length - 1)) ? length - 1 : length;
  return text.slice(0, end);
}

/**
 * Join corpus messages, in corpus order and wrapping around, until `length` characters:
 * realistic prose with the same mix of problems and strengths as the corpus.
 */
function joined(texts: readonly string[], length: number, offset = 0): string {
  let out = '';
  for (let i = offset; out.length < length; i++) out += `${texts[i % texts.length]} `;
  return cut(out, length);
}

function quantile(sorted: readonly number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function measure(system: System, drafts: readonly string[]): LatencyStats {
  for (const draft of drafts.slice(0, 20)) system.run(draft);
  const samples: number[] = [];
  const latencyStart = nowMs();
  for (let round = 0; round < MAX_ROUNDS && nowMs() - latencyStart < system.budgetMs; round++) {
    for (const draft of drafts) {
      const t0 = nowMs();
      system.run(draft);
      samples.push(nowMs() - t0);
    }
  }
  let calls = 0;
  const loopStart = nowMs();
  let elapsed = 0;
  for (let round = 0; round < MAX_ROUNDS && elapsed < system.budgetMs; round++) {
    for (const draft of drafts) system.run(draft);
    calls += drafts.length;
    elapsed = nowMs() - loopStart;
  }
  samples.sort((a, b) => a - b);
  return {
    calls: samples.length,
    medianMs: quantile(samples, 0.5),
    p99Ms: quantile(samples, 0.99),
    throughput: (calls / elapsed) * 1000,
  };
}

/** Median per-call time of `analyze` on one text, repeated within a small budget. */
function medianAnalyze(text: string): number {
  for (let i = 0; i < 3; i++) analyze(text);
  const samples: number[] = [];
  const start = nowMs();
  while (samples.length < 5 || (samples.length < 2_000 && nowMs() - start < 2_000)) {
    const t0 = nowMs();
    analyze(text);
    samples.push(nowMs() - t0);
  }
  samples.sort((a, b) => a - b);
  return quantile(samples, 0.5);
}

/** Median time of analysing every text of `texts` one after another. */
function medianBatch(texts: readonly string[]): number {
  for (const text of texts) analyze(text);
  const samples: number[] = [];
  const start = nowMs();
  while (samples.length < 5 || (samples.length < 200 && nowMs() - start < 2_000)) {
    const t0 = nowMs();
    for (const text of texts) analyze(text);
    samples.push(nowMs() - t0);
  }
  samples.sort((a, b) => a - b);
  return quantile(samples, 0.5);
}

const RULES = compileRules(allRules);

/** What analyze did before the learned scorer (issue 12): the rules alone, for its share. */
function rulesOnly(text: string): unknown {
  const n = normalize(text);
  return dedupe(matchRules({ n, segments: segment(n) }, RULES));
}

const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const rate = (n: number): string => `${Math.round(n).toLocaleString('en')} msg/s`;

/* ------------------------------------------------------------------------------------------
 * Main
 * ---------------------------------------------------------------------------------------- */

function main(): void {
  const started = nowMs();
  const texts = loadCorpus(CORPUS).map((item) => item.text);
  const drafts = Array.from({ length: DRAFT_COUNT }, (_, i) => joined(texts, DRAFT_LENGTH, i * 3));
  console.log(
    `Coach benchmark: ${drafts.length} drafts of ${DRAFT_LENGTH} characters built from ${texts.length} corpus messages`,
  );
  // Other work on the machine shows up in p99 first: print the load so a reader can judge.
  const load = loadavg()[0]!.toFixed(2);
  console.log(
    `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} CPUs, load average ${load}\n`,
  );

  const systems: System[] = [
    { name: 'olive analyze', run: (t) => analyze(t), budgetMs: 4_000 },
    { name: 'olive rules only', run: rulesOnly, budgetMs: 4_000 },
    { name: 'write-good', run: (t) => writeGood(t), budgetMs: 4_000 },
    { name: 'alex', run: (t) => alex(t), budgetMs: 12_000 },
  ];
  const stats = new Map<string, LatencyStats>();
  console.log(
    `${'system'.padEnd(16)}${'calls'.padStart(8)}${'median'.padStart(12)}${'p99'.padStart(12)}${'throughput'.padStart(18)}`,
  );
  for (const system of systems) {
    const s = measure(system, drafts);
    stats.set(system.name, s);
    console.log(
      `${system.name.padEnd(16)}${String(s.calls).padStart(8)}${fmt(s.medianMs).padStart(12)}${fmt(s.p99Ms).padStart(12)}${rate(s.throughput).padStart(18)}`,
    );
  }
  const ours = stats.get('olive analyze')!;
  const vsAlex = ours.throughput / stats.get('alex')!.throughput;
  const vsWriteGood = ours.throughput / stats.get('write-good')!.throughput;
  const alexStats = stats.get('alex')!;
  const writeGoodStats = stats.get('write-good')!;
  const rules = stats.get('olive rules only')!;
  console.log(
    `\nThe learned scorer's share of analyze: median ${fmt(ours.medianMs - rules.medianMs)} (${((ours.medianMs / rules.medianMs - 1) * 100).toFixed(0)}% over the rules alone), throughput ${((1 - ours.throughput / rules.throughput) * 100).toFixed(0)}% lower`,
  );
  console.log('\nRatios (how many times faster analyze is):');
  console.log(`  throughput  vs alex ${vsAlex.toFixed(1)}×, vs write-good ${vsWriteGood.toFixed(1)}×`);
  console.log(
    `  median      vs alex ${(alexStats.medianMs / ours.medianMs).toFixed(1)}×, vs write-good ${(writeGoodStats.medianMs / ours.medianMs).toFixed(1)}×`,
  );
  console.log(
    `  p99         vs alex ${(alexStats.p99Ms / ours.p99Ms).toFixed(1)}×, vs write-good ${(writeGoodStats.p99Ms / ours.p99Ms).toFixed(1)}×`,
  );

  console.log('\nScaling of analyze (median per call, realistic text):');
  const medians = new Map<number, number>();
  for (const length of SCALING_LENGTHS) {
    const median = medianAnalyze(joined(texts, length));
    medians.set(length, median);
    console.log(
      `${length.toLocaleString('en').padStart(9)} chars  ${fmt(median).padStart(10)}  ${((median / length) * 1e6).toFixed(1).padStart(8)} ns/char`,
    );
  }
  // Linearity compares like with like: the 100k text analysed at once against the same text
  // analysed as one hundred 1k pieces. (The 1k row above is other messages, with fewer
  // findings per character, so its ratio to the 100k row mixes content with length.)
  const longText = joined(texts, 100_000);
  const pieces = Array.from({ length: 100 }, (_, i) => longText.slice(i * 1_000, (i + 1) * 1_000));
  const asPieces = medianBatch(pieces);
  const linearity = medians.get(100_000)! / asPieces;
  console.log(
    `Linearity (the 100k text at once ÷ the same text as 100 pieces of 1k, ${fmt(asPieces)}): ${linearity.toFixed(2)} (1.00 is perfectly linear)`,
  );

  // Adversarial drafts (issue 11): shapes that once made the coach quadratic or its report
  // huge. Each at 100,000 characters, doubled to 200,000 (split in two: the limit is 100k)
  // to show the cost doubles, not quadruples.
  console.log('\nAdversarial drafts at 100,000 characters (median of 3, report size):');
  let worst = 0;
  let worstName = '';
  for (const [name, unit] of ADVERSARIAL) {
    const text = cut(unit.repeat(Math.ceil(100_000 / unit.length)), 100_000);
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = nowMs();
      const report = analyze(text);
      times.push(nowMs() - t0);
      size = JSON.stringify(report).length;
    }
    const median = times.sort((a, b) => a - b)[1]!;
    if (median > worst) {
      worst = median;
      worstName = name;
    }
    console.log(
      `  ${name.padEnd(28)} ${fmt(median).padStart(10)}  ${(size / 1024).toFixed(0).padStart(6)} KB`,
    );
  }
  console.log(`Worst: ${worstName}, ${fmt(worst)}`);

  const targets: Target[] = [
    { name: 'worst adversarial 100k ≤ 100 ms', pass: worst <= 100, detail: `${fmt(worst)} (${worstName})` },
    { name: 'p99 ≤ 1 ms for a 500-char draft', pass: ours.p99Ms <= 1, detail: fmt(ours.p99Ms) },
    { name: 'throughput ≥ 10× alex', pass: vsAlex >= 10, detail: `${vsAlex.toFixed(1)}×` },
    { name: 'throughput ≥ 2× write-good', pass: vsWriteGood >= 2, detail: `${vsWriteGood.toFixed(1)}×` },
    {
      name: '100,000 chars well under 50 ms',
      pass: medians.get(100_000)! < 50,
      detail: `${fmt(medians.get(100_000)!)}`,
    },
    // Per-char cost may grow a little with cache effects; more than 2× means something is superlinear.
    {
      name: 'cost linear in length',
      pass: linearity <= 2,
      detail: `${linearity.toFixed(2)} (PASS at ≤ 2.00)`,
    },
  ];
  console.log('\nSummary:');
  for (const t of targets) console.log(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(34)} ${t.detail}`);
  console.log(`\nDone in ${((nowMs() - started) / 1000).toFixed(1)} s.`);
}

main();
