import { describe, expect, it } from 'vitest';
import { reminderIcs } from './reminder.js';

describe('the daily reminder as a calendar event', () => {
  const ics = reminderIcs({
    time: '21:30',
    startOn: '2026-12-01',
    appUrl: 'http://127.0.0.1:5178/#/today',
    uid: 'abc',
    now: new Date('2026-11-30T10:00:00Z'),
  });

  it('repeats every day at the chosen time, on the person’s own clock', () => {
    expect(ics).toContain('DTSTART:20261201T213000\r\n');
    expect(ics).toContain('RRULE:FREQ=DAILY\r\n');
    expect(ics).toContain('TRIGGER:PT0M');
  });

  it('links back to the app and needs nothing else', () => {
    expect(ics).toContain('URL:http://127.0.0.1:5178/#/today');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    for (const line of ics.split('\r\n')) expect(line.length).toBeLessThanOrEqual(75);
  });
});
