/**
 * Help resources shipped as data (no request ever leaves the device to find them): crisis
 * lines, domestic-violence lines and emergency numbers for the countries we cover, an
 * international directory for everywhere else, the personal safety-plan template, and when
 * to see a therapist or counsellor (P15).
 *
 * Only numbers we are confident about are listed; when in doubt we point to an official
 * directory instead of guessing. Review this file at least once a year.
 */
import type { PrincipleId } from '../coach/types.js';

/** ISO 3166-1 alpha-2 codes of the countries covered, plus `INT` for worldwide resources. */
export type CountryCode = 'US' | 'GB' | 'CA' | 'AU' | 'IE' | 'NZ' | 'INT';

export type HelpKind = 'crisis' | 'domestic-violence' | 'directory';

/** One way to reach a service. `value` is a phone number, a short code or a URL. */
export interface ContactWay {
  how: 'call' | 'text' | 'web' | 'email';
  value: string;
  /** e.g. 'text HELLO', 'free from any phone'. */
  note?: string;
}

export interface HelpLine {
  /** Stable kebab-case id. */
  id: string;
  country: CountryCode;
  kind: HelpKind;
  name: string;
  ways: ContactWay[];
  /** e.g. '24/7'; absent when we do not know. */
  hours?: string;
  languages?: string[];
  description: string;
}

export interface EmergencyNumber {
  country: Exclude<CountryCode, 'INT'>;
  number: string;
  /** Other numbers that also reach emergency services. */
  alternatives?: string[];
}

export interface CountryInfo {
  code: CountryCode;
  name: string;
}

export const COUNTRIES: readonly CountryInfo[] = [
  { code: 'US', name: 'United States' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'CA', name: 'Canada' },
  { code: 'AU', name: 'Australia' },
  { code: 'IE', name: 'Ireland' },
  { code: 'NZ', name: 'New Zealand' },
  { code: 'INT', name: 'Anywhere else' },
];

/** Shown first on the Help screen and with any crisis finding. */
export const EMERGENCY_TEXT =
  'If you or someone else is in immediate danger, call your local emergency number now: 911 in the US and Canada, 999 in the UK, 112 or 999 in Ireland, 000 in Australia, 111 in New Zealand, 112 in most of Europe.';

export const EMERGENCY_NUMBERS: readonly EmergencyNumber[] = [
  { country: 'US', number: '911' },
  { country: 'GB', number: '999', alternatives: ['112'] },
  { country: 'CA', number: '911' },
  { country: 'AU', number: '000', alternatives: ['112'] },
  { country: 'IE', number: '112', alternatives: ['999'] },
  { country: 'NZ', number: '111' },
];

/** Crisis, domestic-violence and directory services. */
export const HELP_LINES: readonly HelpLine[] = [
  // United States
  {
    id: 'us-988',
    country: 'US',
    kind: 'crisis',
    name: '988 Suicide & Crisis Lifeline',
    ways: [
      { how: 'call', value: '988' },
      { how: 'text', value: '988' },
      { how: 'web', value: 'https://988lifeline.org', note: 'online chat' },
    ],
    hours: '24/7',
    languages: ['English', 'Spanish'],
    description: 'Free, confidential support for anyone in emotional distress or thinking about suicide.',
  },
  {
    id: 'us-thehotline',
    country: 'US',
    kind: 'domestic-violence',
    name: 'National Domestic Violence Hotline',
    ways: [
      { how: 'call', value: '1-800-799-7233' },
      { how: 'text', value: '88788', note: 'text START' },
      { how: 'web', value: 'https://www.thehotline.org', note: 'online chat' },
    ],
    hours: '24/7',
    languages: ['English', 'Spanish'],
    description: 'Confidential support and safety planning for anyone affected by abuse in a relationship.',
  },
  // United Kingdom
  {
    id: 'gb-samaritans',
    country: 'GB',
    kind: 'crisis',
    name: 'Samaritans',
    ways: [
      { how: 'call', value: '116 123', note: 'free from any phone' },
      { how: 'email', value: 'jo@samaritans.org' },
      { how: 'web', value: 'https://www.samaritans.org' },
    ],
    hours: '24/7',
    languages: ['English'],
    description: 'Someone to talk to about anything that is troubling you, without judgement.',
  },
  {
    id: 'gb-shout',
    country: 'GB',
    kind: 'crisis',
    name: 'Shout',
    ways: [
      { how: 'text', value: '85258', note: 'text SHOUT' },
      { how: 'web', value: 'https://giveusashout.org' },
    ],
    hours: '24/7',
    languages: ['English'],
    description: 'A free, confidential text service for when talking out loud feels too hard.',
  },
  {
    id: 'gb-refuge',
    country: 'GB',
    kind: 'domestic-violence',
    name: 'National Domestic Abuse Helpline (Refuge)',
    ways: [
      { how: 'call', value: '0808 2000 247', note: 'free' },
      { how: 'web', value: 'https://www.nationaldahelpline.org.uk' },
    ],
    hours: '24/7',
    description:
      'Free, confidential support for anyone experiencing domestic abuse in England; it can also point you to services elsewhere in the UK.',
  },
  // Canada
  {
    id: 'ca-988',
    country: 'CA',
    kind: 'crisis',
    name: '9-8-8 Suicide Crisis Helpline',
    ways: [
      { how: 'call', value: '988' },
      { how: 'text', value: '988' },
      { how: 'web', value: 'https://988.ca' },
    ],
    hours: '24/7',
    languages: ['English', 'French'],
    description: 'Free support across Canada for anyone thinking about suicide or worried about someone.',
  },
  {
    id: 'ca-sheltersafe',
    country: 'CA',
    kind: 'domestic-violence',
    name: 'ShelterSafe',
    ways: [{ how: 'web', value: 'https://www.sheltersafe.ca' }],
    description:
      'Domestic-violence help in Canada is organised by province and territory. ShelterSafe shows the shelters and crisis lines near you.',
  },
  // Australia
  {
    id: 'au-lifeline',
    country: 'AU',
    kind: 'crisis',
    name: 'Lifeline',
    ways: [
      { how: 'call', value: '13 11 14' },
      { how: 'web', value: 'https://www.lifeline.org.au', note: 'online chat' },
    ],
    hours: '24/7',
    languages: ['English'],
    description: 'Crisis support and suicide prevention for anyone in Australia having a hard time.',
  },
  {
    id: 'au-beyond-blue',
    country: 'AU',
    kind: 'crisis',
    name: 'Beyond Blue',
    ways: [
      { how: 'call', value: '1300 22 4636' },
      { how: 'web', value: 'https://www.beyondblue.org.au' },
    ],
    hours: '24/7',
    description: 'Support for anxiety, low mood and everyday mental health.',
  },
  {
    id: 'au-1800respect',
    country: 'AU',
    kind: 'domestic-violence',
    name: '1800RESPECT',
    ways: [
      { how: 'call', value: '1800 737 732' },
      { how: 'web', value: 'https://www.1800respect.org.au' },
    ],
    hours: '24/7',
    description: 'The national counselling and support service for domestic, family and sexual violence.',
  },
  // Ireland
  {
    id: 'ie-samaritans',
    country: 'IE',
    kind: 'crisis',
    name: 'Samaritans Ireland',
    ways: [
      { how: 'call', value: '116 123', note: 'free' },
      { how: 'email', value: 'jo@samaritans.ie' },
      { how: 'web', value: 'https://www.samaritans.org/ireland' },
    ],
    hours: '24/7',
    languages: ['English'],
    description: 'Someone to talk to, day or night, about whatever you are going through.',
  },
  {
    id: 'ie-50808',
    country: 'IE',
    kind: 'crisis',
    name: '50808',
    ways: [
      { how: 'text', value: '50808', note: 'text HELLO' },
      { how: 'web', value: 'https://www.50808.ie' },
    ],
    hours: '24/7',
    languages: ['English'],
    description:
      'A free, anonymous text service for anyone going through a mental health or emotional crisis.',
  },
  {
    id: 'ie-womens-aid',
    country: 'IE',
    kind: 'domestic-violence',
    name: 'Women’s Aid 24hr National Freephone Helpline',
    ways: [
      { how: 'call', value: '1800 341 900' },
      { how: 'web', value: 'https://www.womensaid.ie' },
    ],
    hours: '24/7',
    description: 'Support for women experiencing abuse from a current or former partner.',
  },
  // New Zealand
  {
    id: 'nz-1737',
    country: 'NZ',
    kind: 'crisis',
    name: 'Need to talk? 1737',
    ways: [
      { how: 'call', value: '1737' },
      { how: 'text', value: '1737' },
      { how: 'web', value: 'https://1737.org.nz' },
    ],
    hours: '24/7',
    description: 'Free call or text any time to talk with a trained counsellor.',
  },
  {
    id: 'nz-lifeline',
    country: 'NZ',
    kind: 'crisis',
    name: 'Lifeline Aotearoa',
    ways: [
      { how: 'call', value: '0800 543 354' },
      { how: 'web', value: 'https://www.lifeline.org.nz' },
    ],
    hours: '24/7',
    description: 'Free, confidential support from trained volunteers.',
  },
  {
    id: 'nz-womens-refuge',
    country: 'NZ',
    kind: 'domestic-violence',
    name: 'Women’s Refuge crisis line',
    ways: [
      { how: 'call', value: '0800 733 843' },
      { how: 'web', value: 'https://womensrefuge.org.nz' },
    ],
    hours: '24/7',
    description: 'Support, advocacy and safe housing for people experiencing family violence.',
  },
  // Worldwide
  {
    id: 'int-find-a-helpline',
    country: 'INT',
    kind: 'directory',
    name: 'Find A Helpline',
    ways: [{ how: 'web', value: 'https://findahelpline.com' }],
    description: 'A directory of free, confidential helplines in many countries, searchable by topic.',
  },
  {
    id: 'int-iasp',
    country: 'INT',
    kind: 'directory',
    name: 'International Association for Suicide Prevention: crisis centres',
    ways: [{ how: 'web', value: 'https://www.iasp.info/crisis-centres-helplines/' }],
    description: 'A worldwide list of crisis centres and helplines.',
  },
  {
    id: 'int-befrienders',
    country: 'INT',
    kind: 'directory',
    name: 'Befrienders Worldwide',
    ways: [{ how: 'web', value: 'https://www.befrienders.org' }],
    description: 'Emotional support centres around the world, with a search by country.',
  },
];

/** What the Help screen shows for one country. */
export interface CountryHelp {
  country: CountryCode;
  emergency: EmergencyNumber | null;
  crisis: HelpLine[];
  domesticViolence: HelpLine[];
  /** The worldwide directories, always included. */
  directories: HelpLine[];
}

/**
 * Everything to show for a country. Unknown or absent countries get the worldwide
 * directories and the general emergency text only.
 *
 * @example
 * helpFor('GB').crisis.map((l) => l.name) // ['Samaritans', 'Shout']
 * helpFor('INT').directories.length > 0 // true
 */
export function helpFor(country: string | null | undefined): CountryHelp {
  const code = (country ?? '').trim().toUpperCase();
  const known = COUNTRIES.some((c) => c.code === code) ? (code as CountryCode) : 'INT';
  return {
    country: known,
    emergency: EMERGENCY_NUMBERS.find((e) => e.country === known) ?? null,
    crisis: HELP_LINES.filter((l) => l.country === known && l.kind === 'crisis'),
    domesticViolence: HELP_LINES.filter((l) => l.country === known && l.kind === 'domestic-violence'),
    directories: HELP_LINES.filter((l) => l.kind === 'directory'),
  };
}

// A Map, not an object literal: a zone typed as `constructor` must not find Object's own keys.
const ZONE_COUNTRY: ReadonlyMap<string, Exclude<CountryCode, 'INT'>> = new Map(
  Object.entries({
    'Europe/London': 'GB',
    'Europe/Belfast': 'GB',
    GB: 'GB',
    'Europe/Dublin': 'IE',
    Eire: 'IE',
    'Pacific/Auckland': 'NZ',
    'Pacific/Chatham': 'NZ',
    NZ: 'NZ',
  } as const),
);

const CANADA_ZONES = new Set([
  'St_Johns',
  'Halifax',
  'Glace_Bay',
  'Moncton',
  'Goose_Bay',
  'Toronto',
  'Montreal',
  'Nipigon',
  'Thunder_Bay',
  'Iqaluit',
  'Winnipeg',
  'Regina',
  'Swift_Current',
  'Edmonton',
  'Calgary',
  'Cambridge_Bay',
  'Yellowknife',
  'Inuvik',
  'Vancouver',
  'Whitehorse',
  'Dawson',
  'Dawson_Creek',
  'Fort_Nelson',
  'Creston',
  'Rankin_Inlet',
  'Resolute',
  'Atikokan',
  'Blanc-Sablon',
]);

const US_ZONES = new Set([
  'New_York',
  'Detroit',
  'Chicago',
  'Denver',
  'Phoenix',
  'Boise',
  'Los_Angeles',
  'Anchorage',
  'Juneau',
  'Sitka',
  'Nome',
  'Yakutat',
  'Metlakatla',
  'Adak',
  'Menominee',
  'Indiana/Indianapolis',
  'Indiana/Knox',
  'Indiana/Marengo',
  'Indiana/Petersburg',
  'Indiana/Tell_City',
  'Indiana/Vevay',
  'Indiana/Vincennes',
  'Indiana/Winamac',
  'Kentucky/Louisville',
  'Kentucky/Monticello',
  'North_Dakota/Center',
  'North_Dakota/New_Salem',
  'North_Dakota/Beulah',
]);

/**
 * A best guess at the country from an IANA time zone, to pre-select the Help screen. The
 * user can always change it; null when the zone does not tell us.
 *
 * @example
 * countryFromTimeZone('Australia/Sydney') // 'AU'
 * countryFromTimeZone('America/Toronto') // 'CA'
 * countryFromTimeZone('Europe/Paris') // null
 */
export function countryFromTimeZone(timeZone: string | null | undefined): Exclude<CountryCode, 'INT'> | null {
  const zone = (timeZone ?? '').trim();
  const direct = ZONE_COUNTRY.get(zone);
  if (direct) return direct;
  if (zone.startsWith('Australia/')) return 'AU';
  if (zone.startsWith('US/') || zone === 'Pacific/Honolulu') return 'US';
  if (zone.startsWith('Canada/')) return 'CA';
  if (zone.startsWith('America/')) {
    const rest = zone.slice('America/'.length);
    if (US_ZONES.has(rest)) return 'US';
    if (CANADA_ZONES.has(rest)) return 'CA';
  }
  return null;
}

/* ------------------------------------------------------------------------------------------
 * The personal safety plan
 * ---------------------------------------------------------------------------------------- */

export type SafetyPlanSectionId =
  | 'warning-signs'
  | 'coping-steps'
  | 'places-and-people'
  | 'people-to-ask'
  | 'professionals-and-lines'
  | 'safe-environment';

export interface SafetyPlanSection {
  id: SafetyPlanSectionId;
  title: string;
  /** The question at the top of the section. */
  prompt: string;
  /** Ideas shown as placeholders. */
  examples: string[];
}

/**
 * The API has no safety-plan resource, so the plan is kept as a private letter with this
 * title (encrypted at rest like every letter) and hidden from the letters list. The method
 * engine reads it from there to show it with the plan when locked or in crisis.
 */
export const SAFETY_PLAN_LETTER_TITLE = 'My safety plan';

/** A filled-in plan: a few short entries per section. */
export type SafetyPlan = Record<SafetyPlanSectionId, string[]>;

export const SAFETY_PLAN_INTRO =
  'A safety plan is a short list you write on a calmer day, for the moments when things feel too much. Keep it somewhere easy to find. Fill in what you can; even one line per section helps.';

/** The sections of the plan, in the order to use them in a hard moment. */
export const SAFETY_PLAN_SECTIONS: readonly SafetyPlanSection[] = [
  {
    id: 'warning-signs',
    title: 'My warning signs',
    prompt: 'What thoughts, feelings or situations tell me a hard moment is starting?',
    examples: ['I stop sleeping', 'I reread old messages for hours', 'I feel hopeless about the future'],
  },
  {
    id: 'coping-steps',
    title: 'Things I can do on my own',
    prompt: 'What helps me calm down or get through the next hour, without anyone else?',
    examples: [
      'a walk around the block',
      'a hot shower',
      'the breathing exercise in the SOS screen',
      'a playlist',
    ],
  },
  {
    id: 'places-and-people',
    title: 'Places and people that take my mind off things',
    prompt: 'Where can I go, or who can I be around, to feel a little less alone?',
    examples: ['a café or library', 'a friend’s kitchen', 'a sports class'],
  },
  {
    id: 'people-to-ask',
    title: 'People I can ask for help',
    prompt: 'Who can I call or text and tell how I really feel? Write their numbers here.',
    examples: ['a sibling', 'a close friend', 'a neighbour I trust'],
  },
  {
    id: 'professionals-and-lines',
    title: 'Professionals and help lines',
    prompt: 'Which professionals and crisis lines can I contact, day or night?',
    examples: [
      'my GP or therapist',
      'the crisis line for my country (see Help)',
      'my local emergency number',
    ],
  },
  {
    id: 'safe-environment',
    title: 'Making my surroundings safer',
    prompt: 'What can I put out of reach, or ask someone to keep for me, while things are hard?',
    examples: ['ask a friend to keep medication', 'put alcohol away', 'stay somewhere with others tonight'],
  },
];

/**
 * A blank plan with every section present.
 *
 * @example
 * emptySafetyPlan()['coping-steps'] // []
 */
export function emptySafetyPlan(): SafetyPlan {
  const plan = {} as SafetyPlan;
  for (const s of SAFETY_PLAN_SECTIONS) plan[s.id] = [];
  return plan;
}

/**
 * The plan as Markdown, for printing or the export. Blank entries are skipped; an empty
 * section shows a line to fill in by hand.
 *
 * @example
 * safetyPlanToMarkdown({ ...emptySafetyPlan(), 'coping-steps': ['walk'] }).includes('- walk') // true
 */
export function safetyPlanToMarkdown(plan: Partial<SafetyPlan>): string {
  const out = ['# My safety plan', ''];
  for (const s of SAFETY_PLAN_SECTIONS) {
    out.push(`## ${s.title}`, '');
    const entries = (plan[s.id] ?? []).map((e) => e.replace(/\s+/g, ' ').trim()).filter((e) => e !== '');
    if (entries.length === 0) out.push('- ____________________');
    for (const e of entries) out.push(`- ${e}`);
    out.push('');
  }
  out.push(EMERGENCY_TEXT, '');
  return out.join('\n');
}

/* ------------------------------------------------------------------------------------------
 * When to see a therapist or counsellor (P15)
 * ---------------------------------------------------------------------------------------- */

export interface TherapyGuidance {
  title: string;
  intro: string;
  /** Signs that it is time to book an appointment. */
  signs: string[];
  /** Who can help and how they differ. */
  kinds: { name: string; description: string }[];
  /** Practical first steps. */
  firstSteps: string[];
  /** When not to wait. */
  urgent: string;
  principles: PrincipleId[];
}

export const THERAPY_GUIDANCE: TherapyGuidance = {
  title: 'When to talk to a therapist or counsellor',
  intro:
    'You do not need to be in crisis to deserve support. Many people see a counsellor after a breakup simply because it helps to think out loud with someone trained to listen.',
  signs: [
    'Your mood has stayed low for two weeks or more.',
    'The urge to contact your ex is strong most days and hard to resist.',
    'You are sleeping, eating or working much less well than usual.',
    'You are drinking, using drugs or spending more to cope.',
    'The same relationship patterns keep repeating and you want to understand why.',
    'Anything from the relationship still frightens you.',
  ],
  kinds: [
    {
      name: 'Your GP or family doctor',
      description: 'A good first stop: they can check how you are doing and refer you to local services.',
    },
    {
      name: 'A counsellor or therapist',
      description: 'Regular sessions on your own to work through grief, patterns and confidence.',
    },
    {
      name: 'A couples or relationship counsellor',
      description:
        'For two people who both choose to work on the relationship. Not suitable where there has been abuse or control.',
    },
  ],
  firstSteps: [
    'Ask your GP, your employer’s assistance programme or your health insurer what is available.',
    'Look for someone registered with a professional body in your country.',
    'It is fine to try a first session and change if the fit is not right.',
  ],
  urgent:
    'If you are thinking about harming yourself, do not wait for an appointment: contact a crisis line or your local emergency number now.',
  principles: ['P15', 'P3', 'P18'],
};
