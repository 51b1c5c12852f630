/**
 * Reading what people type into number fields the way they write it: "7,5" and "7.5" are
 * the same seven and a half hours.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Hours of sleep from what was typed: empty is "not said" (null); a comma works as a
 * decimal point; anything else gets one plain sentence.
 *
 * @example
 * parseHours('7,5') // { ok: true, value: 7.5 }
 * parseHours('') // { ok: true, value: null }
 */
export function parseHours(text: string): Parsed<number | null> {
  const clean = text.trim().replace(',', '.');
  if (clean === '') return { ok: true, value: null };
  if (!/^\d{1,2}(\.\d{1,2})?$|^\.\d{1,2}$/.test(clean)) {
    return { ok: false, error: 'Write the hours as a number, like 7 or 7,5.' };
  }
  const value = Number(clean);
  if (value > 24) return { ok: false, error: 'A night has at most 24 hours: write a number from 0 to 24.' };
  return { ok: true, value };
}
