// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mark } from './highlight.js';
import { type Piece, patchLayer, pieces } from './mirror.js';

const mark = (start: number, end: number, index = 0, kind: Mark['kind'] = 'problem'): Mark => ({
  start,
  end,
  index,
  kind,
  category: 'you_blame',
  severity: 'high',
});

/** What the layer shows, read back from the DOM. */
const shown = (layer: Element) =>
  [...layer.childNodes].map((n) =>
    n.nodeType === 3 ? `${n.textContent}` : `<${(n as Element).className}>${n.textContent}`,
  );
const expected = (ps: Piece[]) => ps.map((p) => (p.cls ? `<${p.cls}>${p.text}` : p.text));

describe('the highlight layer', () => {
  it('touches only the text node being typed in, not the highlights around it', () => {
    const layer = document.createElement('div');
    let painted = patchLayer(layer, [], pieces('You never listen to me.', [mark(0, 9)]));
    const highlight = layer.firstChild;
    painted = patchLayer(layer, painted, pieces('You never listen to me. I', [mark(0, 9)]));
    expect(layer.firstChild).toBe(highlight);
    expect(shown(layer)).toEqual(['<problem>You never', ' listen to me. I']);
  });

  it('outlines the highlight at the caret', () => {
    const layer = document.createElement('div');
    const painted = patchLayer(layer, [], pieces('You never listen', [mark(0, 9)]));
    patchLayer(layer, painted, pieces('You never listen', [mark(0, 9)], 0));
    expect(shown(layer)).toEqual(['<problem active>You never', ' listen']);
  });

  it('always ends up showing exactly the pieces asked for, whatever it showed before', () => {
    const draft = fc.tuple(
      fc.string({ maxLength: 30 }),
      fc.array(
        fc.tuple(fc.nat(30), fc.nat(8), fc.constantFrom<Mark['kind']>('problem', 'strength', 'stop')),
        { maxLength: 4 },
      ),
    );
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 6 }), (drafts) => {
        const layer = document.createElement('div');
        let painted: Piece[] = [];
        for (const [text, ms] of drafts) {
          const next = pieces(
            text,
            ms.map(([s, len, kind], i) => mark(s, s + len, i, kind)),
          );
          painted = patchLayer(layer, painted, next);
          expect(shown(layer)).toEqual(expected(next));
          expect(layer.textContent).toBe(text === '' || text.endsWith('\n') ? `${text}\u200b` : text);
        }
      }),
    );
  });
});
