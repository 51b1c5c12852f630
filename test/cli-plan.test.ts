/**
 * `olive plan` on the shipped examples and on bad files: the phase each example journey is
 * in, locks shown plainly, JSON on request, and one clear line with exit 64 for a bad file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../src/cli/main.js';
import { parseSnapshot } from '../src/method/index.js';

const dir = mkdtempSync(join(tmpdir(), 'olive-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function olivePlan(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await dispatch(['plan', ...args], { stdout, stderr, stdin: Readable.from([]), env: {} });
  return { code, stdout: out, stderr: err };
}

/** Each example, the evening it was written for, and where the person is then. */
const EXAMPLES: [file: string, at: string, phase: string, locked: boolean][] = [
  ['early-reflection.json', '2026-01-09T21:00:00Z', 'reflect', false],
  ['no-contact-after-a-relapse.json', '2026-01-25T21:00:00Z', 'heal-and-grow', false],
  ['reconnecting-by-text.json', '2026-03-12T21:00:00Z', 'reconnect', false],
  ['after-a-setback.json', '2026-04-11T20:00:00Z', 'decide', false],
  ['ex-asked-for-no-contact.json', '2026-01-17T21:00:00Z', 'safety-locked', true],
];

describe('olive plan on the examples', () => {
  it('covers every example journey shipped in examples/', () => {
    const shipped = readdirSync(new URL('../examples/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(shipped.sort()).toEqual(EXAMPLES.map(([file]) => file).sort());
  });

  it.each(EXAMPLES)('%s is in the expected phase', async (file, at, phase, locked) => {
    const parsed = parseSnapshot(JSON.parse(readFileSync(`examples/${file}`, 'utf8')));
    expect(parsed.ok ? [] : parsed.issues, file).toEqual([]);
    const r = await olivePlan(['--file', `examples/${file}`, '--at', at, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.phase.id).toBe(phase);
    expect(p.outreachLocked).toBe(locked);
    expect(p.nextSteps.length).toBeGreaterThanOrEqual(3);
    expect(p.nextSteps.length).toBeLessThanOrEqual(5);
    for (const step of p.nextSteps) expect(step.principles.length).toBeGreaterThan(0);
  });

  it('prints a readable plan with the lock, what can change it, and cited principles', async () => {
    const r = await olivePlan([
      '--file',
      'examples/ex-asked-for-no-contact.json',
      '--at',
      '2026-01-17T21:00:00Z',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Outreach is LOCKED/);
    expect(r.stdout).toMatch(/What can change it: /);
    expect(r.stdout).toMatch(/\[P\d+/);
    // Locked: the help lines for the person's region and their safety plan come with it.
    expect(r.stdout).toMatch(/Support, whenever you need it:/);
    expect(r.stdout).toMatch(/In immediate danger, call \d+/);
    expect(r.stdout).toMatch(/ {2}- .+: (call|text|visit) /);
    expect(r.stdout).toMatch(/safety plan/);
  });

  it('puts help first in olive plan while crisis language is recent', async () => {
    const journey = JSON.parse(readFileSync('examples/early-reflection.json', 'utf8'));
    journey.checkIns[journey.checkIns.length - 1].note = 'I want to kill myself';
    const file = join(dir, 'crisis.json');
    writeFileSync(file, JSON.stringify(journey));
    const r = await olivePlan(['--file', file, '--at', '2026-01-09T21:00:00Z']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Please reach out for support first:/);
    expect(r.stdout.indexOf('Please reach out')).toBeLessThan(r.stdout.indexOf('Next steps:'));
    expect(r.stdout).toMatch(/1\. Please reach out for support right now/);
  });
});

describe('olive plan on bad input', () => {
  it('answers with exit 64 and one line naming the problem', async () => {
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ "version": 1, ');
    const wrongType = join(dir, 'wrong.json');
    writeFileSync(wrongType, JSON.stringify({ version: 1, checkIns: 'lots' }));
    const cases: [string[], RegExp][] = [
      [[], /--file/],
      [['--file', join(dir, 'missing.json')], /cannot read/],
      [['--file', dir], /not a file/],
      [['--file', notJson], /not valid JSON/],
      [['--file', wrongType], /not a valid journey: /],
      [['--file', 'examples/early-reflection.json', '--at', 'tomorrow'], /--at must be/],
      [['--file', 'examples/early-reflection.json', '--nope'], /nope/],
    ];
    for (const [args, message] of cases) {
      const r = await olivePlan(args);
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('refuses a calendar date that does not exist instead of moving it to March', async () => {
    for (const at of ['2026-02-30', '2026-02-30T20:00:00Z']) {
      const r = await olivePlan(['--file', 'examples/early-reflection.json', '--at', at]);
      expect(r.code, at).toBe(64);
      expect(r.stderr, at).toMatch(/2026-02-30 is not a real date \(February 2026 has 28 days\)/);
      expect(r.stdout).toBe('');
    }
    expect(
      (await olivePlan(['--file', 'examples/early-reflection.json', '--at', '2028-02-29T20:00:00Z'])).code,
    ).toBe(0);
    const hour = await olivePlan([
      '--file',
      'examples/early-reflection.json',
      '--at',
      '2026-02-20T25:00:00Z',
    ]);
    expect(hour.stderr).toMatch(/--at must be/);
  });

  it('refuses a journey with records from the future or a clock before the breakup', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: tests edit the parsed file loosely
    const cases: [(j: Record<string, any>) => void, RegExp][] = [
      [
        (j) => j.checkIns.push({ ...j.checkIns[0], id: 'later', on: '2099-01-01' }),
        /checkIns\[\d+\]\.on: 2099-01-01 has not happened yet/,
      ],
      [
        (j) =>
          j.safetyScreenings.push({
            ...j.safetyScreenings[0],
            id: 'later',
            answeredAt: '2036-01-01T00:00:00Z',
          }),
        /safetyScreenings\[\d+\]\.answeredAt: .*in the future/,
      ],
      [(j) => (j.profile.breakupOn = '2099-01-01'), /profile\.breakupOn: .*breakup day/],
      [(j) => (j.noContactPeriods[0].startedOn = '2025-06-01'), /before the breakup/],
    ];
    for (const [change, message] of cases) {
      const journey = JSON.parse(readFileSync('examples/early-reflection.json', 'utf8'));
      change(journey);
      const file = join(dir, 'dates.json');
      writeFileSync(file, JSON.stringify(journey));
      const r = await olivePlan(['--file', file]);
      expect(r.code).toBe(64);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('names the first bad field of an otherwise real journey by its JSON path', async () => {
    const journey = JSON.parse(readFileSync('examples/early-reflection.json', 'utf8'));
    journey.checkIns[1].mood = 12;
    const file = join(dir, 'bad-mood.json');
    writeFileSync(file, JSON.stringify(journey));
    const r = await olivePlan(['--file', file]);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/not a valid journey: checkIns\[1\]\.mood: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an empty file and a file over 50 MB without reading it', async () => {
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 51 * 1024 * 1024); // sparse: no 51 MB written to disk
    for (const [file, message] of [
      [empty, /not valid JSON/],
      [huge, /larger than 50 MB/],
    ] as const) {
      const r = await olivePlan(['--file', file]);
      expect(r.code).toBe(64);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('documents its options and exit status in --help', async () => {
    const r = await olivePlan(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--file/);
    expect(r.stdout).toMatch(/Exit status: 0 .*64/s);
  });
});
