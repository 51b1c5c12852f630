/**
 * `olive check` as a person and as another tool use it: human output and exit codes, the
 * context flags, --json, and the fixed --jsonl contract.
 */
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/usage.js';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function check(
  args: string[],
  options: { stdin?: string | Readable; tty?: boolean; env?: Record<string, string> } = {},
  onStdout?: (chunk: string) => void,
): Promise<Ran> {
  const stdout = new PassThrough() as PassThrough & { isTTY?: boolean };
  const stderr = new PassThrough();
  stdout.isTTY = options.tty ?? false;
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
    onStdout?.(String(d));
  });
  stderr.on('data', (d) => (err += d));
  const stdin = (
    options.stdin instanceof Readable
      ? options.stdin
      : Readable.from(options.stdin === undefined ? [] : [options.stdin])
  ) as Readable & { isTTY?: boolean };
  stdin.isTTY = options.stdin === undefined;
  const io: CliIO = { stdout, stderr, stdin, env: options.env ?? {} };
  const code = await dispatch(['check', ...args], io);
  return { code, stdout: out, stderr: err };
}

describe('olive check, for a person', () => {
  it('marks the blaming words, offers a rewrite, and exits 1 (revise)', async () => {
    const r = await check(['You never listen to me.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[You never listen]');
    expect(r.stdout).toMatch(/you_blame/);
    expect(r.stdout).toMatch(/try: .*felt/i);
    expect(r.stdout).toMatch(/^revise/m);
  });

  it('exits 0 (send) for a kind, space-giving message read from stdin', async () => {
    const r = await check([], { stdin: 'Thank you for returning the books. No need to reply.\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^send/m);
    expect(r.stdout).toMatch(/appreciation/);
  });

  it('exits 2 (stop) on crisis language and lists crisis lines', async () => {
    const r = await check(['i cant do this anymore, i want to kill myself']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^stop/m);
    expect(r.stdout).toContain('988');
    expect(r.stdout).toContain('116 123');
  });

  it('colours spans only on a terminal, and not when NO_COLOR is set', async () => {
    const tty = await check(['You never listen to me.'], { tty: true });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await check(['You never listen to me.'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const piped = await check(['You never listen to me.']);
    expect(piped.stdout).not.toContain('\u001b[');
    // no-color.org: an empty NO_COLOR does not turn colour off.
    const empty = await check(['You never listen to me.'], { tty: true, env: { NO_COLOR: '' } });
    expect(empty.stdout).toContain('\u001b[');
  });

  it('does not mark the whole draft for advice about timing, only the words at fault', async () => {
    const r = await check([
      '--send-at',
      '2026-11-23T03:30:00Z',
      '--tz',
      'Europe/London',
      'Hope your day went well.',
    ]);
    expect(r.stdout).toMatch(/timing/);
    expect(r.stdout).not.toContain('[Hope your day went well.]');
    const both = await check(['--unanswered', '2', 'You never listen to me.']);
    expect(both.stdout).toContain('[You never listen] to me.');
    expect(both.stdout).toMatch(/unanswered/);
  });

  it('uses the context flags: late night in their zone, a third unanswered message, a lock', async () => {
    const late = await check([
      '--channel',
      'text',
      '--send-at',
      '2026-11-23T03:30:00Z',
      '--tz',
      'Europe/London',
      'Hope your day went well.',
    ]);
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(/timing/);
    const third = await check(['--unanswered', '2', 'Hope your day went well.']);
    expect(third.stdout).toMatch(/unanswered/);
    const locked = await check(['--locked', 'Hope your day went well.']);
    expect(locked.code).toBe(2);
    expect(locked.stdout).toMatch(/locked/);
  });

  it('answers bad usage with exit 64 and one line', async () => {
    for (const args of [
      ['--channel', 'fax', 'hi'],
      ['--tz', 'Mars/Olympus', 'hi'],
      ['--send-at', 'yesterday', 'hi'],
      ['--unanswered', '-1', 'hi'],
      ['--rung', 'pigeon', 'hi'],
      ['--frobnicate', 'hi'],
      ['one', 'two'],
      ['x'.repeat(100_001)],
      [],
    ]) {
      const r = await check(args);
      expect(r.code, args.join(' ').slice(0, 40)).toBe(64);
      expect(r.stderr.trim().split('\n'), args.join(' ').slice(0, 40)).toHaveLength(1);
      expect(r.stderr).toMatch(/^olive check: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });

  it('names the flag that is wrong and what it accepts', async () => {
    expect((await check(['--tz', 'Mars/Olympus', 'hi'])).stderr).toMatch(
      /--tz .*Europe\/London.*Mars\/Olympus/,
    );
    expect((await check(['--unanswered', 'three', 'hi'])).stderr).toMatch(/--unanswered .*'three'/);
    expect((await check(['--lock-reason', 'bored', 'hi'])).stderr).toMatch(/--lock-reason .*court_order/);
  });

  it('checks a draft of exactly 100,000 characters but not one more', async () => {
    const atLimit = await check(['--json', 'a'.repeat(100_000)]);
    expect(atLimit.code).toBe(0);
    expect(JSON.parse(atLimit.stdout).verdict).toBe('send');
    const over = await check([], { stdin: 'a'.repeat(100_001) });
    expect(over.code).toBe(64);
    expect(over.stderr).toMatch(/100000|100,000/);
  });

  it('keeps a multi-line draft from stdin whole and drops only the trailing newline', async () => {
    const text = 'Hi.\n\nYou never listen to me.\n';
    const r = await check(['--json'], { stdin: text });
    const report = JSON.parse(r.stdout);
    const blame = report.findings.find((f: { category: string }) => f.category === 'you_blame');
    expect(blame.actual).toBe(text.slice(blame.start, blame.end));
    expect(text.indexOf('You never')).toBe(blame.start);
  });

  it('reads an emoji cut in half between two stdin chunks as one character', async () => {
    const bytes = Buffer.from('💔 You always make everything about you.');
    const stdin = Readable.from([bytes.subarray(0, 2), bytes.subarray(2)]);
    const r = await check(['--json'], { stdin });
    const report = JSON.parse(r.stdout);
    const blame = report.findings.find((f: { category: string }) => f.category === 'you_blame');
    expect(blame.start).toBe(3);
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('explains a lock in words when given the reason, and stops', async () => {
    const r = await check(['--lock-reason', 'no_contact_request', 'Can we talk?']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/asked you not to contact them/);
  });

  it('prints its options for --help and exits 0', async () => {
    const r = await check(['--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--channel', '--send-at', '--tz', '--unanswered', '--rung', '--json', '--jsonl']) {
      expect(r.stdout).toContain(flag);
    }
  });
});

describe('olive check --json', () => {
  it('prints the report with exact spans into the input, emoji included', async () => {
    const text = '💔💔 You always make everything about you.';
    const r = await check(['--json', text]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('revise');
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(text.slice(f.start, f.end)).toBe(f.actual);
    expect(report.findings.some((f: { category: string }) => f.category === 'you_blame')).toBe(true);
  });
});

describe('olive check --jsonl (a fixed contract)', () => {
  it('answers every line in order, keeps going past bad lines, and exits 0', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'I am sorry I missed your birthday; I know it hurt.' }),
      'not json at all',
      JSON.stringify({ id: 'c', text: 'You never listen.' }),
      JSON.stringify({ id: 'd', text: 'hi', context: { channel: 'fax' } }),
      JSON.stringify({ id: 'e', text: 42 }),
      '',
      JSON.stringify({ id: 'f', text: 'Hope you are well.', context: { outreachLocked: true } }),
      JSON.stringify({ id: 'g', text: 'hey', extra: 1 }),
      JSON.stringify({ id: 'h', text: 'x'.repeat(100_001) }),
    ].join('\r\n');
    const r = await check(['--jsonl'], { stdin: input });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(Object.keys(lines[0]).sort()).toEqual(['findings', 'id', 'verdict']);
    expect(lines[0].verdict).toBe('send');
    expect(lines[1].error).toMatch(/JSON/);
    expect(lines[2].verdict).toBe('revise');
    expect(lines[3].error).toMatch(/channel/);
    expect(lines[4].error).toMatch(/text/);
    expect(lines[5].verdict).toBe('stop');
    expect(lines[6].error).toMatch(/extra/);
    expect(lines[7].error).toMatch(/100000/);
  });

  it('says which context field is wrong and why, per line', async () => {
    const line = (id: string, context: unknown) => JSON.stringify({ id, text: 'hello', context });
    const input = [
      line('tz', { exTimeZone: 'Nowhere/Special', sendAt: '2026-11-23T03:30:00Z' }),
      line('neg', { unansweredInARow: -2 }),
      line('frac', { unansweredInARow: 1.5 }),
      line('when', { sendAt: 'tomorrow evening' }),
      line('rung', { currentRung: 'carrier pigeon' }),
      line('lock', { outreachLocked: 'yes' }),
      line('extra', { mood: 'sad' }),
      line('arr', [1, 2]),
      line('ok', { channel: 'email', unansweredInARow: 0, currentRung: 'email' }),
      JSON.stringify([1, 2, 3]),
      JSON.stringify({ text: 'no id' }),
    ].join('\n');
    const r = await check(['--jsonl'], { stdin: input });
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((l) => l.id)).toEqual([
      'tz',
      'neg',
      'frac',
      'when',
      'rung',
      'lock',
      'extra',
      'arr',
      'ok',
      null,
      null,
    ]);
    expect(out[0].error).toMatch(/exTimeZone .*IANA/);
    expect(out[1].error).toMatch(/unansweredInARow .*0 or more/);
    expect(out[2].error).toMatch(/unansweredInARow .*whole number/);
    expect(out[3].error).toMatch(/sendAt .*ISO 8601/);
    expect(out[4].error).toMatch(/currentRung .*meeting/);
    expect(out[5].error).toMatch(/outreachLocked .*true or false/);
    expect(out[6].error).toMatch(/unknown field 'mood'/);
    expect(out[7].error).toMatch(/context must be an object/);
    expect(out[8].verdict).toBe('send');
    expect(out[9].error).toMatch(/object/);
    expect(out[10].error).toMatch(/id/);
  });

  it('answers a line as soon as it arrives, before the input has ended', async () => {
    const stdin = new PassThrough();
    let firstAnswer!: () => void;
    const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
    const done = check(['--jsonl'], { stdin }, () => firstAnswer());
    stdin.write(`${JSON.stringify({ id: 'first', text: 'You never listen.' })}\n`);
    await answered; // would hang (and the test time out) if the batch waited for the end of stdin
    stdin.end(`${JSON.stringify({ id: 'second', text: 'Thank you.' })}\n`);
    const r = await done;
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['first', 'second']);
  });

  it('streams a large batch through in order, one answer per line', async () => {
    const count = 5_000;
    const texts = ['You always do this.', 'I miss you so much, please answer me!!', 'Thanks for the books.'];
    async function* lines() {
      // Chunks that cut lines in half, as a pipe does.
      let pending = '';
      for (let i = 0; i < count; i++) {
        pending += `${JSON.stringify({ id: `m${i}`, text: texts[i % texts.length] })}\n`;
        if (pending.length > 700) {
          yield pending.slice(0, 500);
          pending = pending.slice(500);
        }
      }
      yield pending;
    }
    const r = await check(['--jsonl'], { stdin: Readable.from(lines()) });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n');
    expect(out).toHaveLength(count);
    const parsed = out.map((l) => JSON.parse(l));
    expect(parsed.every((l, i) => l.id === `m${i}` && typeof l.verdict === 'string')).toBe(true);
    expect(parsed[0].verdict).toBe('revise');
    expect(parsed[2].verdict).toBe('send');
  });

  it('stops quietly when the reader goes away, as with `| head -1`', async () => {
    let written = 0;
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        written++;
        const gone = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
        callback(written > 1 ? gone : null);
      },
    });
    let err = '';
    const stderr = new PassThrough();
    stderr.on('data', (d) => (err += d));
    const input = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({ id: String(i), text: 'You never listen.' }),
    );
    const stdin = Readable.from([input.join('\n')]);
    const code = await dispatch(['check', '--jsonl'], { stdout, stderr, stdin, env: {} });
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(written).toBeLessThan(200);
  });

  it('refuses a draft argument or context flags next to --jsonl', async () => {
    expect((await check(['--jsonl', 'hello'], { stdin: '' })).code).toBe(64);
    expect((await check(['--jsonl', '--channel', 'text'], { stdin: '' })).code).toBe(64);
  });
});
