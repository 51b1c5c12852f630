/**
 * `npm run train`: trains the coach's learned scorer on the development corpus and writes
 * its weights to src/coach/learned/weights.json, committed data the coach loads at run time.
 * Deterministic (fixed seed, fixed order): the same corpus always gives the same file, and
 * a test retrains and compares. How it trains: bench/lib/learn.ts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEARNED_CATEGORIES } from '../src/coach/learned/model.js';
import { buildModel, corpusChecksum, ruleExamples, toExamples } from './lib/learn.js';
import { loadCorpus } from './lib/score.js';

const CORPUS = fileURLToPath(new URL('../test/fixtures/coach-corpus', import.meta.url));
const WEIGHTS = fileURLToPath(new URL('../src/coach/learned/weights.json', import.meta.url));

function main(): void {
  const started = performance.now();
  const items = loadCorpus(CORPUS);
  const extra = ruleExamples(items);
  const data = buildModel([...toExamples(items), ...extra], corpusChecksum(CORPUS));
  const json = `${JSON.stringify(data, null, 2)}\n`;
  writeFileSync(WEIGHTS, json);
  console.log(
    `Trained on ${data.messages} corpus messages (crisis-labelled ones left out) from ${CORPUS}, and ${extra.length} rule examples`,
  );
  console.log(
    `${'category'.padEnd(16)}${'threshold'.padStart(10)}${'bias'.padStart(9)}${'weights'.padStart(9)}`,
  );
  for (const category of LEARNED_CATEGORIES) {
    const c = data.categories[category];
    const count = c.weights === '' ? 0 : c.weights.split(' ').length;
    console.log(
      `${category.padEnd(16)}${c.threshold.toFixed(4).padStart(10)}${c.bias.toFixed(3).padStart(9)}${String(count).padStart(9)}`,
    );
  }
  const kb = (Buffer.byteLength(json) / 1024).toFixed(1);
  console.log(`Wrote ${WEIGHTS} (${kb} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
