import { lexiconWords, oneSlip } from '../../src/coach/crisis/detector.js';

/**
 * The words of `english` (four letters or more, not lexicon words) one slip away from a
 * crisis lexicon word, sorted.
 *
 * @example
 * realWordsNearLexicon(['dyeing', 'table']); // ['dyeing']
 */
export function realWordsNearLexicon(english: readonly string[]): string[] {
  const lexicon = lexiconWords();
  const byLength = new Map<number, string[]>();
  for (const w of lexicon) {
    const list = byLength.get(w.length);
    if (list) list.push(w);
    else byLength.set(w.length, [w]);
  }
  const near = new Set<string>();
  for (const raw of english) {
    const word = raw.trim().toLowerCase();
    if (word.length < 4 || !/^[a-z]+$/.test(word) || lexicon.has(word)) continue;
    for (const length of [word.length - 1, word.length, word.length + 1]) {
      if ((byLength.get(length) ?? []).some((l) => oneSlip(word, l))) {
        near.add(word);
        break;
      }
    }
  }
  return [...near].sort();
}
