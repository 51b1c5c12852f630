/**
 * A daily check-in reminder with no push service and no request anywhere: a recurring
 * calendar event (an .ics file, RFC 5545) that the person adds to their own calendar. It
 * links back to the app. The time is "floating" (no zone), so it rings at that time on
 * whatever clock the person's calendar keeps, wherever they are.
 */

/** Escapes text for an iCalendar value (RFC 5545 §3.3.11). */
function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1); ours are ASCII. */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > 75) {
    out.push(rest.slice(0, 75));
    rest = ` ${rest.slice(75)}`;
  }
  out.push(rest);
  return out.join('\r\n');
}

/**
 * The reminder as an .ics file: every day at `time` (`HH:MM`), starting `startOn`.
 *
 * @example
 * reminderIcs({ time: '21:00', startOn: '2026-12-01', appUrl: 'http://127.0.0.1:5178/#/today', uid: 'x', now: new Date() })
 *   .includes('RRULE:FREQ=DAILY') // true
 */
export function reminderIcs(o: {
  time: string;
  startOn: string;
  appUrl: string;
  uid: string;
  now: Date;
}): string {
  const [hh = '21', mm = '00'] = o.time.split(':');
  const start = `${o.startOn.replace(/-/g, '')}T${hh.padStart(2, '0')}${mm.padStart(2, '0')}00`;
  const stamp = `${o.now.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Olive Branch//Daily check-in//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${o.uid}@olive-branch.local`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${start}`,
    'DURATION:PT5M',
    'RRULE:FREQ=DAILY',
    `SUMMARY:${icsText('Olive Branch: a quick check-in')}`,
    `DESCRIPTION:${icsText(`How are you today? Two taps and you are done: ${o.appUrl}`)}`,
    `URL:${o.appUrl}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText('A quick check-in with Olive Branch')}`,
    'TRIGGER:PT0M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
