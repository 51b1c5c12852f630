import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySuggestion, carryMarks, diffBounds, type Mark, segments } from './highlight.js';

const mark = (start: number, end: number, index = 0, kind: Mark['kind'] = 'problem'): Mark => ({
  start,
  end,
  index,
  kind,
  category: 'you_blame',
  severity: 'high',
});

describe('segments', () => {
  it('cuts a blaming phrase out of the sentence for highlighting', () => {
    const segs = segments('You never listen to me', [mark(0, 9)]);
    expect(segs.map((s) => s.text)).toEqual(['You never', ' listen to me']);
    expect(segs[0]?.kind).toBe('problem');
    expect(segs[1]?.kind).toBeUndefined();
  });

  it('keeps emoji and CRLF intact around a finding', () => {
    const text = '😢 sorry\r\nfor everything 🙏';
    const start = text.indexOf('sorry');
    const segs = segments(text, [mark(start, text.indexOf(' 🙏'))]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.find((s) => s.kind)?.text).toBe('sorry\r\nfor everything');
  });

  it('shows the strongest kind where a strength and a problem overlap', () => {
    const segs = segments('I feel hurt when you always leave', [mark(0, 33, 0, 'strength'), mark(17, 33, 1)]);
    expect(segs.at(-1)?.kind).toBe('problem');
    expect(segs.at(-1)?.marks).toEqual([0, 1]);
  });

  it('ignores spans outside the text instead of crashing', () => {
    expect(segments('hi', [mark(1, 50), mark(-1, 1), mark(1, 1)]).map((s) => s.text)).toEqual(['hi']);
  });

  it('always reassembles to the original text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.array(fc.tuple(fc.nat(60), fc.nat(60))),
        (text, spans) => {
          const segs = segments(
            text,
            spans.map(([a, b], i) => mark(Math.min(a, b), Math.max(a, b), i)),
          );
          expect(segs.map((s) => s.text).join('')).toBe(text);
        },
      ),
    );
  });
});

describe('carryMarks', () => {
  it('shifts a highlight after an edit earlier in the text', () => {
    const before = 'Hi. You never call.';
    const after = 'Hi there. You never call.';
    const [m] = carryMarks(before, after, [mark(4, 13)]);
    expect(after.slice(m!.start, m!.end)).toBe('You never');
  });

  it('drops a highlight whose words were edited, so nothing stale paints', () => {
    expect(carryMarks('You never call', 'You rarely call', [mark(0, 9)])).toEqual([]);
  });

  it('keeps highlights before an edit in the middle', () => {
    const [m] = carryMarks('You never call. Ok', 'You never call. Okay', [mark(0, 9)]);
    expect(m).toMatchObject({ start: 0, end: 9 });
  });

  it('never moves a mark onto different characters (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), fc.nat(), (a, b, x, y) => {
        if (a.length === 0) return;
        const start = x % a.length;
        const end = start + 1 + (y % (a.length - start));
        for (const m of carryMarks(a, b, [mark(start, end)])) {
          expect(b.slice(m.start, m.end)).toBe(a.slice(start, end));
        }
      }),
    );
  });
});

describe('diffBounds', () => {
  it('finds the edited window', () => {
    expect(diffBounds('abcdef', 'abXYef')).toEqual({ prefix: 2, suffix: 2 });
  });
});

describe('applySuggestion', () => {
  it('replaces the flagged words and puts the caret after them', () => {
    const r = applySuggestion('You never call me', {
      type: 'replace',
      start: 0,
      end: 9,
      text: 'I miss',
      label: 'x',
    });
    expect(r).toEqual({ text: 'I miss call me', caret: 6 });
  });

  it('removes a phrase without leaving a double space', () => {
    const r = applySuggestion('Please please answer', { type: 'remove', start: 7, end: 13, label: 'x' });
    expect(r.text).toBe('Please answer');
  });

  it('inserts a line at a position', () => {
    const r = applySuggestion('Thanks.', { type: 'insert', at: 7, text: ' No need to reply.', label: 'x' });
    expect(r.text).toBe('Thanks. No need to reply.');
    expect(r.caret).toBe(25);
  });

  it('clamps out-of-range offsets instead of corrupting the text', () => {
    const r = applySuggestion('abc', { type: 'replace', start: -5, end: 99, text: 'x', label: 'x' });
    expect(r.text).toBe('x');
  });
});
