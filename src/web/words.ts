/**
 * Server answers in words a person understands: a field path becomes the label they saw
 * on the form ("currentPassword" → "Current password"), a terse schema message becomes one
 * sentence, and nothing is said twice.
 */
import type { ApiError, FieldError } from './api.js';

const LABELS: Record<string, string> = {
  note: 'The note',
  text: 'The text',
  title: 'The title',
  sleepHours: 'Hours of sleep',
  mood: 'Mood',
  urge: 'Urge',
  on: 'The date',
  email: 'Email',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  breakupOn: 'The breakup date',
  monthsTogether: 'Months together',
  userTimeZone: 'Your time zone',
  exTimeZone: 'Their time zone',
  sealedUntilOn: 'The seal date',
  customName: 'The habit name',
};

/** The last named part of a path: `data.checkIns[3].note` → `note`. */
export function fieldName(path: string): string {
  const parts = path.split(/[.[\]/]+/).filter((p) => p !== '' && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? path;
}

/**
 * The label a person saw for a field.
 *
 * @example
 * fieldLabel('data.currentPassword') // 'Current password'
 * fieldLabel('whatDrewUsTogether') // 'What drew us together'
 */
export function fieldLabel(path: string): string {
  const name = fieldName(path);
  if (LABELS[name]) return LABELS[name];
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One sentence from a schema message: capitalised, ending in a full stop, without a
 * repeated "field:" prefix.
 *
 * @example
 * plainMessage('reflection: at most 20000 characters') // 'At most 20,000 characters.'
 */
export function plainMessage(message: string): string {
  let m = message.trim();
  // "reflection: reflection: …" → "…": the field is named by where the message is shown.
  while (/^[A-Za-z][\w.[\]]*:\s+/.test(m)) m = m.replace(/^[A-Za-z][\w.[\]]*:\s+/, '');
  m = m.replace(/\d{4,}/g, (n) => Number(n).toLocaleString('en-GB'));
  if (!m) return '';
  m = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(m) ? m : `${m}.`;
}

/** Field errors keyed by field name, each in plain words (what a form shows under a field). */
export function fieldMessages(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const name = fieldName(e.path);
    out[name] ??= plainMessage(e.message);
    // Forms also look fields up by their path below `data.` (e.g. `redLines.0.text`).
    out[e.path.replace(/^data\./, '')] ??= out[name]!;
  }
  return out;
}

/**
 * The one sentence shown for a failed request. Fields the form shows inline are only
 * named here (their message sits under the field); any other field gets its message here.
 */
export function plainReason(e: ApiError, inline: readonly string[] = []): string {
  if (e.status === 0) return 'The app could not reach its server.';
  if (e.errors.length === 0) return plainMessage(e.detail) || 'The server could not do that.';
  const shown = e.errors.filter((x) => inline.includes(fieldName(x.path)));
  const other = e.errors.filter((x) => !inline.includes(fieldName(x.path)));
  const parts: string[] = [];
  if (shown.length > 0) {
    const names = [...new Set(shown.map((x) => `“${fieldLabel(x.path)}”`))];
    parts.push(`Please check ${names.join(' and ')}.`);
  }
  for (const x of other.slice(0, 3)) parts.push(`${fieldLabel(x.path)}: ${plainMessage(x.message)}`);
  if (other.length > 3) parts.push(`And ${other.length - 3} more like this.`);
  return parts.join(' ');
}

/**
 * Why an import was refused, for a person holding a file: which file problem, and that
 * nothing changed.
 */
export function importReason(e: ApiError): string {
  if (e.errors.some((x) => x.path === 'version')) {
    return 'This file is not an Olive Branch export this version can read (it may be from another app, or a newer version). Nothing here was changed.';
  }
  if (e.status === 400 && e.errors.length > 0) {
    return `This file could not be imported: ${plainReason(e)} Nothing here was changed.`;
  }
  return `${plainReason(e)} Nothing here was changed.`;
}
