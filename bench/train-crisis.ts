/**
 * `npm run train` (second half): trains the learned crisis scorer and writes
 * src/coach/crisis/crisis-weights.json. How: bench/lib/crisis-learn.ts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCrisisModel, crisisChecksum, loadCrisisExamples } from './lib/crisis-learn.js';

const WEIGHTS = fileURLToPath(new URL('../src/coach/crisis/crisis-weights.json', import.meta.url));

const started = performance.now();
const examples = loadCrisisExamples();
const data = buildCrisisModel(examples, crisisChecksum());
const json = `${JSON.stringify(data, null, 2)}\n`;
writeFileSync(WEIGHTS, json);
const crises = examples.filter((e) => e.crisis).length;
console.log(
  `Crisis scorer: trained on ${examples.length} messages (${crises} crises), threshold ${data.threshold}, ` +
    `${data.weights.split(' ').length} weights, ${(Buffer.byteLength(json) / 1024).toFixed(1)} KB, ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
);
