/** Starter drafts for common moments, in our own words; each one opens in the coach. */
import { useState } from 'preact/hooks';
import { STARTER_MOMENTS, STARTERS, type Starter } from '../../content/starters.js';

export function StarterPicker(props: { onPick: (text: string, starter: Starter) => void }) {
  const [picked, setPicked] = useState<Starter | undefined>();
  return (
    <div class="field">
      <label for="starter">Start from a template (optional)</label>
      <select
        id="starter"
        value={picked?.id ?? ''}
        onChange={(e) => {
          const s = STARTERS.find((x) => x.id === (e.currentTarget as HTMLSelectElement).value);
          setPicked(s);
          if (s) props.onPick(s.text, s);
        }}
      >
        <option value="">Choose a moment…</option>
        {Object.entries(STARTER_MOMENTS).map(([moment, info]) => (
          <optgroup key={moment} label={info.label}>
            {STARTERS.filter((s) => s.moment === moment).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.channel})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {picked && (
        <ul class="hint">
          {picked.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          <li>Replace the [bracketed] parts with your own words.</li>
        </ul>
      )}
    </div>
  );
}
