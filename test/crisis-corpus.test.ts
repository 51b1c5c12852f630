/**
 * The crisis development corpus: every batch that was first scored unseen (its first-sight
 * row is in docs/coach-quality.md) and then joined the corpus. The detector must keep
 * catching every crisis message in it and stay quiet on its look-alikes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/coach/index.js';

interface CrisisItem {
  id: string;
  text: string;
  crisis: boolean;
  level: 'explicit' | 'warning' | null;
}

const dir = new URL('./fixtures/crisis-corpus/', import.meta.url);
const items: CrisisItem[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n'))
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as CrisisItem);

const stops = (text: string) => analyze(text).findings.some((f) => f.category === 'crisis');

describe('the crisis development corpus', () => {
  it('holds batches with as many look-alikes as crisis messages', () => {
    const crisis = items.filter((i) => i.crisis).length;
    expect(crisis).toBeGreaterThanOrEqual(60);
    expect(items.length - crisis).toBeGreaterThanOrEqual(crisis);
  });

  it('brings help for every crisis message', () => {
    expect(items.filter((i) => i.crisis && !stops(i.text)).map((i) => i.id)).toEqual([]);
  });

  it('stays quiet on every figure of speech and everyday look-alike', () => {
    expect(items.filter((i) => !i.crisis && stops(i.text)).map((i) => i.id)).toEqual([]);
  });
});
