/**
 * Crisis and support lines, shipped with the app as data (src/content/help.ts), for the
 * country the person picks (guessed from the device's time zone). No request is made to
 * show them; links only open when tapped.
 */
import { useState } from 'preact/hooks';
import { COUNTRIES, type ContactWay, EMERGENCY_TEXT, type HelpLine, helpFor } from '../../content/help.js';
import { countryFor, rememberCountry } from '../country.js';
import { browserTimeZone } from '../resources.js';

function href(w: ContactWay): string {
  const digits = w.value.replace(/[^\d+]/g, '');
  if (w.how === 'call') return `tel:${digits}`;
  if (w.how === 'text') return `sms:${digits}`;
  if (w.how === 'email') return `mailto:${w.value}`;
  return w.value;
}

const HOW: Record<ContactWay['how'], string> = { call: 'Call', text: 'Text', web: 'Website', email: 'Email' };

function Line(props: { line: HelpLine }) {
  const l = props.line;
  return (
    <li>
      <strong>{l.name}</strong>
      {l.hours && <span class="small muted"> · {l.hours}</span>}
      <br />
      <span class="small">{l.description}</span>
      <div class="row small">
        {l.ways.map((w) => (
          <a
            key={`${w.how}-${w.value}`}
            href={href(w)}
            {...(w.how === 'web' ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {HOW[w.how]} {w.how === 'web' ? w.value.replace(/^https?:\/\//, '') : w.value}
            {w.note ? ` (${w.note})` : ''}
          </a>
        ))}
      </div>
    </li>
  );
}

export function CrisisLines(props: { headingLevel?: 2 | 3; showViolence?: boolean }) {
  const [country, setCountry] = useState<string>(countryFor(browserTimeZone()));
  const help = helpFor(country);
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div data-testid="crisis-lines">
      <p class="notice danger">
        <strong>{EMERGENCY_TEXT}</strong>
      </p>
      <div class="field">
        <label for="help-country">Show support lines for</label>
        <select
          id="help-country"
          value={country}
          onChange={(e) => {
            const code = (e.currentTarget as HTMLSelectElement).value;
            setCountry(code);
            rememberCountry(code);
          }}
        >
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {help.crisis.length > 0 && (
        <>
          <H>Talk to someone now</H>
          <ul class="plain">
            {help.crisis.map((l) => (
              <Line key={l.id} line={l} />
            ))}
          </ul>
        </>
      )}
      {props.showViolence !== false && help.domesticViolence.length > 0 && (
        <>
          <H>If you are afraid of someone, or of yourself</H>
          <ul class="plain">
            {help.domesticViolence.map((l) => (
              <Line key={l.id} line={l} />
            ))}
          </ul>
        </>
      )}
      <H>Anywhere in the world</H>
      <ul class="plain">
        {help.directories.map((l) => (
          <Line key={l.id} line={l} />
        ))}
      </ul>
    </div>
  );
}
