/**
 * The fast instant reader used for big journeys must agree with `Date.parse` on every
 * string: exactly on the `toISOString()` form, and by falling back on anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from './time.js';

const MIN = Date.parse('0000-01-01T00:00:00.000Z');
const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

describe('instantMs', () => {
  it('reads every toISOString() instant from year 0 to 9999 exactly, with or without milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(instantMs(iso)).toBe(ms);
        const whole = `${iso.slice(0, 19)}Z`;
        expect(instantMs(whole)).toBe(Date.parse(whole));
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with Date.parse on near-ISO strings, invalid ones included', () => {
    const char = fc.constantFrom(...'0123456789-:.TZ+ x9');
    const spoiled = fc
      .tuple(fc.integer({ min: MIN, max: MAX }), fc.integer({ min: 0, max: 23 }), char, fc.boolean())
      .map(([ms, at, c, short]) => {
        const iso = new Date(ms).toISOString();
        const base = short ? `${iso.slice(0, 19)}Z` : iso;
        return base.slice(0, at) + c + base.slice(at + 1);
      });
    fc.assert(
      fc.property(spoiled, (s) => {
        expect(Object.is(instantMs(s), Date.parse(s)), s).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('falls back for offsets, other lengths and edge values', () => {
    for (const s of [
      '2026-03-01T20:00:00+01:00',
      '2026-03-01T20:00:00.5Z',
      '2026-03-01T20:00:00.123456Z',
      '2026-02-31T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '',
      'not a date',
    ]) {
      expect(Object.is(instantMs(s), Date.parse(s)), s).toBe(true);
    }
  });
});
