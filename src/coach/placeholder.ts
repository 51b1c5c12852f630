/**
 * A suggestion's blank left in the draft ("I'm sorry for [what you did]") is its own
 * finding until the person fills it in: sent as it is, it reads as a template, the opposite
 * of a specific apology (P9).
 */
import type { Finding } from './types.js';

/** A bracketed blank: lowercase words inside square brackets, as the coach's suggestions write them. */
const BLANK = /\[[a-z][a-zI ,'’/….-]{1,60}\]/g;

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
