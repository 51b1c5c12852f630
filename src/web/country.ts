/**
 * The person's country, for the right crisis lines. Guessed from the time zone; when the
 * zone says nothing (UTC, or a zone shared by many countries), the person is asked, and the
 * answer is kept on this device only (a country code, not private text).
 */
import { countryFromTimeZone } from '../content/help.js';

const KEY = 'olive.country';

export function storedCountry(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberCountry(code: string): void {
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // Private mode: asked again next time.
  }
}

/** The country to show lines for: the person's own answer first, then the zone's guess. */
export function countryFor(timeZone: string): string {
  return storedCountry() ?? countryFromTimeZone(timeZone) ?? 'INT';
}

/** A zone's city in words: `America/New_York` → `New York`. */
export function cityOf(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}
