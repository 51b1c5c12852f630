/**
 * `timing()` across daylight-saving changes (issue 3, "Correct across DST"): the relaxed
 * windows are wall-clock times in the ex's zone, so the same local 18:00 is a different UTC
 * instant before and after a change, a window inside the spring-forward gap starts just
 * after the gap, and the repeated autumn hour is not counted twice.
 */
import { describe, expect, it } from 'vitest';
import type { JourneySnapshot } from './schema.js';
import { emptyJourney, SAFE_ANSWERS, story } from './test-helpers.js';
import { timing } from './timing.js';

function journey(exTimeZone: string, settings: JourneySnapshot['settings'] = {}): JourneySnapshot {
  const j = story(emptyJourney({ exTimeZone })).screen(0).full();
  j.settings = settings;
  return j;
}

describe('timing in Europe/London', () => {
  const london = journey('Europe/London');

  it('moves the UTC instant of 18:00 by one hour when summer time starts (29 March 2026)', () => {
    // Friday 27 March, 12:00 GMT: working hours, next good moment 18:00 GMT = 18:00Z.
    const before = timing(london, '2026-03-27T12:00:00Z');
    expect(before.good).toBe(false);
    expect(before.nextGoodAt).toBe('2026-03-27T18:00:00.000Z');
    expect(before.nextGoodLocal).toBe('2026-03-27T18:00');
    // Monday 30 March, 12:00 BST (11:00Z): next good moment 18:00 BST = 17:00Z.
    const after = timing(london, '2026-03-30T11:00:00Z');
    expect(after.exLocalTime).toBe('2026-03-30T12:00');
    expect(after.reason).toMatch(/working hours/);
    expect(after.nextGoodAt).toBe('2026-03-30T17:00:00.000Z');
    expect(after.nextGoodLocal).toBe('2026-03-30T18:00');
  });

  it('reads the weekend window on the night of the change in local time', () => {
    // Sunday 29 March 00:30Z is 00:30 GMT (before the jump at 01:00Z): too late at night.
    const night = timing(london, '2026-03-29T00:30:00Z');
    expect(night.good).toBe(false);
    expect(night.reason).toMatch(/too late/);
    // The Sunday window opens at 10:00 BST = 09:00Z.
    expect(night.nextGoodAt).toBe('2026-03-29T09:00:00.000Z');
    expect(timing(london, '2026-03-29T09:30:00Z')).toMatchObject({
      good: true,
      exLocalTime: '2026-03-29T10:30',
    });
  });

  it('starts a window that opens inside the skipped hour just after the gap', () => {
    // 01:30 does not exist in London on 29 March 2026; the window opens at 02:00 BST (01:00Z).
    const j = journey('Europe/London', { weekendWindows: [{ from: '01:30', to: '03:00' }] });
    const t = timing(j, '2026-03-28T23:00:00Z');
    expect(t.nextGoodAt).toBe('2026-03-29T01:00:00.000Z');
    expect(t.nextGoodLocal).toBe('2026-03-29T02:00');
    // The window ends at 03:00 BST = 02:00Z: one real hour long, not one and a half.
    expect(timing(j, '2026-03-29T01:59:00Z').good).toBe(true);
    expect(timing(j, '2026-03-29T02:00:00Z').good).toBe(false);
  });

  it('moves 18:00 back to 18:00Z when summer time ends (25 October 2026)', () => {
    // Friday 23 October, 18:30 BST = 17:30Z: good.
    expect(timing(london, '2026-10-23T17:30:00Z')).toMatchObject({
      good: true,
      exLocalTime: '2026-10-23T18:30',
    });
    // Monday 26 October, 10:00 GMT = 10:00Z: next good moment 18:00 GMT = 18:00Z.
    const monday = timing(london, '2026-10-26T10:00:00Z');
    expect(monday.nextGoodAt).toBe('2026-10-26T18:00:00.000Z');
    expect(monday.nextGoodLocal).toBe('2026-10-26T18:00');
  });

  it('keeps a window over the repeated autumn hour to its real length', () => {
    // 01:00–02:00 happens twice on 25 October 2026; a 00:30–01:30 window starts at 23:30Z
    // (00:30 BST) and ends at the first 01:30 (00:30Z).
    const j = journey('Europe/London', { weekendWindows: [{ from: '00:30', to: '01:30' }] });
    const t = timing(j, '2026-10-24T22:00:00Z');
    expect(t.nextGoodAt).toBe('2026-10-24T23:30:00.000Z');
    expect(timing(j, '2026-10-25T00:15:00Z').good).toBe(true);
    expect(timing(j, '2026-10-25T00:45:00Z').good).toBe(false);
  });
});

describe('timing in America/New_York', () => {
  const newYork = journey('America/New_York');

  it('follows the end of daylight time (1 November 2026)', () => {
    // Saturday 31 October 20:00 EDT = 1 November 00:00Z: inside the weekend window.
    expect(timing(newYork, '2026-11-01T00:00:00Z')).toMatchObject({
      good: true,
      exLocalTime: '2026-10-31T20:00',
    });
    // Monday 2 November 09:30 EST = 14:30Z: working hours; 18:00 EST = 23:00Z.
    const monday = timing(newYork, '2026-11-02T14:30:00Z');
    expect(monday.good).toBe(false);
    expect(monday.reason).toMatch(/working hours/);
    expect(monday.nextGoodAt).toBe('2026-11-02T23:00:00.000Z');
    expect(monday.nextGoodLocal).toBe('2026-11-02T18:00');
  });

  it('finds the next good moment across the spring change from a late Saturday night', () => {
    // Saturday 7 March 23:30 EST = 8 March 04:30Z: too late. Sunday's window opens 10:00 EDT = 14:00Z.
    const t = timing(newYork, '2026-03-08T04:30:00Z');
    expect(t.good).toBe(false);
    expect(t.reason).toMatch(/too late/);
    expect(t.nextGoodAt).toBe('2026-03-08T14:00:00.000Z');
    expect(t.nextGoodLocal).toBe('2026-03-08T10:00');
  });

  it('gives no good moment at all while outreach is locked', () => {
    const locked = story(emptyJourney({ exTimeZone: 'America/New_York' }))
      .screen(0, { ...SAFE_ANSWERS, courtOrder: 'yes' })
      .full();
    const t = timing(locked, '2026-11-01T00:00:00Z');
    expect(t).toMatchObject({ good: false, locked: true, nextGoodAt: null, nextGoodLocal: null });
    expect(t.principles).toEqual(['P16']);
  });
});
