/**
 * The journey as a readable Markdown document (the export's second format): what a person
 * would print or keep, not a data format. Section order follows the journey in METHOD.md.
 */
import type { JourneySnapshot } from '../method/schema.js';

type Row = Record<string, unknown>;

const SECTIONS: { key: keyof JourneySnapshot; title: string }[] = [
  { key: 'safetyScreenings', title: 'Safety screenings' },
  { key: 'exRequests', title: 'Requests from your ex' },
  { key: 'timeZoneChanges', title: 'Time zone changes' },
  { key: 'noContactPeriods', title: 'No-contact periods' },
  { key: 'contactBreaks', title: 'Breaks of no contact' },
  { key: 'necessaryContacts', title: 'Necessary contact' },
  { key: 'checkIns', title: 'Check-ins' },
  { key: 'habitLogs', title: 'Habits' },
  { key: 'confidenceRatings', title: 'Confidence' },
  { key: 'assessments', title: 'Assessments' },
  { key: 'contactEvents', title: 'Contact log' },
  { key: 'commitments', title: 'Commitments' },
  { key: 'apologies', title: 'Apologies' },
  { key: 'journalEntries', title: 'Journal' },
  { key: 'letters', title: 'Letters' },
  { key: 'drafts', title: 'Message drafts' },
  { key: 'setbacks', title: 'Setbacks' },
];

/** Words from a camelCase field name: `whatDrewUsTogether` → `What drew us together`. */
function label(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Keeps user text readable and stops it from starting Markdown structure of its own. */
function text(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#>*+\-|]|\d+\.)/, '$1\\$2'))
    .join('\n    ');
}

function scalar(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map(scalar).join(', ') || '—';
    return value.map((v) => `{ ${fields(v as Row).join('; ')} }`).join(', ');
  }
  return fields(value as Row).join('; ');
}

function fields(row: Row): string[] {
  return Object.entries(row)
    .filter(([key]) => key !== 'id')
    .map(([key, value]) => `${label(key)}: ${scalar(value)}`);
}

function block(row: Row): string {
  return Object.entries(row)
    .filter(([key]) => key !== 'id')
    .map(([key, value]) => `- **${label(key)}**: ${scalar(value)}`)
    .join('\n');
}

/**
 * Renders a snapshot as Markdown.
 *
 * @example
 * toMarkdown(snapshot).startsWith('# Olive Branch journal') // true
 */
export function toMarkdown(snapshot: JourneySnapshot, exportedAt: string): string {
  const out: string[] = [
    '# Olive Branch journal',
    '',
    `Exported ${exportedAt}. This file holds private text in the clear: keep it somewhere safe.`,
    '',
    '## Profile',
    '',
    block(snapshot.profile as Row),
    '',
    '## Reflection',
    '',
    block(snapshot.reflection as Row),
    '',
  ];
  for (const { key, title } of SECTIONS) {
    const items = snapshot[key] as Row[];
    out.push(`## ${title} (${items.length})`, '');
    if (items.length === 0) out.push('None recorded.', '');
    for (const item of items) out.push(block(item), '');
  }
  out.push(
    '## Safety plan',
    '',
    snapshot.safetyPlan ? block(snapshot.safetyPlan as Row) : 'Not written yet.',
    '',
  );
  out.push('## Outcome', '', snapshot.outcome ? block(snapshot.outcome as Row) : 'Not decided.', '');
  const settings = Object.keys(snapshot.settings);
  out.push('## Settings', '', settings.length ? block(snapshot.settings as Row) : 'The method defaults.', '');
  return out.join('\n');
}
