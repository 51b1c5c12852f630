/**
 * A suggestion's blank left in the draft ("I'm sorry for [what you did]") is its own
 * finding until the person fills it in: sent as it is, it reads as a template, the opposite
 * of a specific apology (P9).
 */
import type { Finding } from './types.js';

/**
 * A bracketed blank, as the coach's suggestions and the app's starter drafts write them:
 * words in square brackets on one line, up to 80 characters (src/content/starters.ts reads
 * placeholders the same way). A footnote number or "[sic]" is not a blank.
 */
const BLANK = /\[([^[\]\n]{2,80})\]/g;
const NOT_A_BLANK = /^(?:\d+|sic|\.\.\.|…)$/i;

/**
 * One finding per blank left in the text.
 *
 * @example
 * placeholderFindings('I am sorry for [what you did].')[0]?.actual; // '[what you did]'
 */
export function placeholderFindings(text: string): Finding[] {
  const out: Finding[] = [];
  BLANK.lastIndex = 0;
  for (let m = BLANK.exec(text); m !== null; m = BLANK.exec(text)) {
    if (NOT_A_BLANK.test(m[1]!.trim()) || !/\p{L}/u.test(m[1]!)) continue;
    out.push({
      ruleId: 'placeholder/blank',
      category: 'placeholder',
      kind: 'problem',
      severity: 'medium',
      confidence: 1,
      start: m.index,
      end: m.index + m[0].length,
      actual: m[0],
      message: 'Fill this in: put your own words where the brackets are.',
      explanation:
        'A suggestion left this blank for you. Sent as it is, the message reads like a template; the specific words are what make it yours (P9).',
      principles: ['P9'],
      suggestions: [
        { type: 'remove', start: m.index, end: m.index + m[0].length, label: 'Remove the blank' },
      ],
    });
  }
  return out;
}
