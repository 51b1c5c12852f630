/**
 * What a person sees from the coach: the verdict, where the marks land, what it offers
 * instead, how it reads texting style, quotes and negation, and the context findings.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { ContextError, type DraftContext, type Finding } from './index.js';

const categories = (text: string, context?: DraftContext) =>
  analyze(text, context).findings.map((f) => f.category);
const find = (text: string, category: string, context?: DraftContext): Finding | undefined =>
  analyze(text, context).findings.find((f) => f.category === category);

/** Applies a suggestion the way the editor does when a person clicks it. */
function apply(text: string, f: Finding, index = 0): string {
  const s = f.suggestions[index]!;
  if (s.type === 'insert') return text.slice(0, s.at) + s.text + text.slice(s.at);
  if (s.type === 'remove') return text.slice(0, s.start) + text.slice(s.end);
  return text.slice(0, s.start) + s.text + text.slice(s.end);
}

describe('verdicts', () => {
  it('says send for a kind message, revise for a problem, stop for crisis language', () => {
    expect(analyze('Thank you for the card. I hope the new job is going well.').verdict).toBe('send');
    expect(analyze('You never listen to me.').verdict).toBe('revise');
    expect(analyze('I want to end it all.').verdict).toBe('stop');
  });

  it('reports strengths without changing the verdict', () => {
    const report = analyze("I felt hurt when I wasn't invited, and I understand why you needed space.");
    expect(report.verdict).toBe('send');
    expect(report.findings.some((f) => f.kind === 'strength')).toBe(true);
  });
});

describe('suggestions a person can click', () => {
  it('turns "You never listen to me" into an I-statement about feeling unheard', () => {
    const text = 'You never listen to me.';
    const blame = find(text, 'you_blame')!;
    expect(blame.suggestions[0]!.type).toBe('rewrite-sentence');
    const fixed = apply(text, blame);
    expect(fixed).toMatch(/I (?:often )?felt unheard/);
    expect(categories(fixed)).not.toContain('you_blame');
  });

  it('answers "I\'m sorry for everything" with the specific-apology shape', () => {
    const apology = find("I'm sorry for everything.", 'blind_apology')!;
    const offered = apology.suggestions.map((s) => ('text' in s ? s.text : '')).join(' ');
    expect(offered).toMatch(/\[.*\]/); // placeholders for what, impact, change
    expect(offered.toLowerCase()).toMatch(/sorry/);
  });

  it('offers a calm, space-giving line instead of begging', () => {
    const text = "Please, I'm begging you, take me back.";
    const begging = find(text, 'begging')!;
    const fixed = apply(text, begging);
    expect(analyze(fixed).findings.filter((f) => f.category === 'begging')).toHaveLength(0);
  });
});

describe('reading people as they write', () => {
  it('skips quoted and reported speech', () => {
    expect(categories('She said "you always do this" and I laughed.')).not.toContain('you_blame');
    expect(categories('My therapist told me you never listen to anyone, which made me think.')).not.toContain(
      'you_blame',
    );
  });

  it('respects negation per rule, and neutral "you"', () => {
    expect(categories("I'm not blaming you for any of it.")).not.toContain('you_blame');
    expect(categories('You never listen.')).toContain('you_blame');
    // Disbelief is not negation: it sharpens the blame that follows.
    expect(categories("I can't believe you never listen.")).toContain('you_blame');
    for (const text of ['Thank you so much.', "I hope you're well.", 'You were right about the flat.']) {
      expect(
        analyze(text).findings.filter((f) => f.kind === 'problem'),
        text,
      ).toHaveLength(0);
    }
  });

  it('understands texting style and keeps the marks on what was typed', () => {
    const text = 'u nevr listen 2 me pls, ur ALWAYS on ur phone 😤';
    const report = analyze(text);
    expect(report.verdict).toBe('revise');
    for (const f of report.findings) expect(text.slice(f.start, f.end)).toBe(f.actual);
    expect(categories('pleeeease take me back')).toContain('begging');
  });

  it('tells figures of speech from real crisis language, in other languages too', () => {
    expect(analyze('This week is killing me, work is mad.').verdict).not.toBe('stop');
    expect(analyze("I'd die for a coffee right now").verdict).not.toBe('stop');
    expect(analyze('honestly a veces quiero morir').verdict).toBe('stop');
    expect(analyze("I'm not going to kill myself, I just want you to know how bad it is").verdict).toBe(
      'stop',
    );
  });
});

describe('context', () => {
  it('flags a late-night send in the ex time zone, across the DST change', () => {
    // 01:30 in New York on 2026-11-01 happens twice; both are late at night
    expect(
      categories('Hope you are well.', { sendAt: '2026-11-01T05:30:00Z', exTimeZone: 'America/New_York' }),
    ).toContain('timing');
    // 19:00 in London in summer (BST) and winter (GMT) is a fine evening hour
    expect(
      categories('Hope you are well.', { sendAt: '2026-07-01T18:00:00Z', exTimeZone: 'Europe/London' }),
    ).not.toContain('timing');
    expect(
      categories('Hope you are well.', { sendAt: '2026-12-01T19:00:00Z', exTimeZone: 'Europe/London' }),
    ).not.toContain('timing');
  });

  it('advises against a third unanswered message, a skipped rung, and an over-long text', () => {
    expect(categories('Hope you are well.', { unansweredInARow: 2 })).toContain('unanswered');
    expect(categories('Hope you are well.', { unansweredInARow: 1 })).not.toContain('unanswered');
    expect(categories('Hope you are well.', { channel: 'call_script', currentRung: 'email' })).toContain(
      'ladder',
    );
    expect(categories('A thought. '.repeat(200), { channel: 'text' })).toContain('length');
  });

  it('stops any draft while outreach is locked, and explains why', () => {
    const report = analyze('Hope you are well.', {
      outreachLocked: true,
      lockReason: 'no_contact_request',
      lockExplanation: 'They asked you not to contact them.',
    });
    expect(report.verdict).toBe('stop');
    expect(report.findings.find((f) => f.category === 'locked')?.explanation).toMatch(/\S/);
  });

  it('refuses unusable context with a typed error naming the field', () => {
    expect(() => analyze('hi', { exTimeZone: 'Mars/Olympus', sendAt: '2026-01-01T00:00:00Z' })).toThrow(
      ContextError,
    );
    expect(() => analyze('hi', { unansweredInARow: -1 })).toThrow(ContextError);
  });
});
