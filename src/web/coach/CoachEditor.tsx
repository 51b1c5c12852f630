/**
 * The live coach editor: a plain textarea (so the caret, selection, undo, IME and screen
 * readers behave natively) over a mirror layer that paints the findings behind the text.
 * Every edit bumps a version; the worker's answer paints only if it is for the current
 * version, so a stale result never lands on the wrong words. Between the edit and the fresh
 * answer, marks away from the edit are carried along (see carryMarks) so nothing flickers.
 *
 * A keystroke never re-renders a component: the mirror is patched in place (mirror.ts) and
 * the owner hears of the new state through `onState`, to show the rest when it chooses.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { DraftContext, Finding, Report, Suggestion } from '../../coach/types.js';
import { type CoachClient, coachClient } from './client.js';
import { applySuggestion, carryMarks, type Mark } from './highlight.js';
import { type Piece, patchLayer, pieces } from './mirror.js';

export interface Painted {
  /** The version of the text these marks belong to. */
  version: number;
  text: string;
  marks: Mark[];
  /** The last fresh report and the exact text it read (suggestions apply only to that text). */
  report: Report | null;
  reportText: string;
  error: string | undefined;
}

export interface CoachEditorHandle {
  /** Replaces the whole text (a template, a loaded draft, the apology builder). */
  setText(text: string): void;
  apply(s: Suggestion): void;
  focus(): void;
}

/** Drafts up to this long wait briefly for their answer, to paint in the keystroke's frame. */
const SAME_FRAME_MAX_LENGTH = 20_000;
/** How long (ms) the page waits for the worker's answer before it goes by message. */
const SAME_FRAME_WAIT_MS = 4;

function toMarks(findings: readonly Finding[]): Mark[] {
  return findings.map((f, index) => ({
    start: f.start,
    end: f.end,
    kind: f.kind,
    category: f.category,
    severity: f.severity,
    index,
  }));
}

export function CoachEditor(props: {
  label: string;
  initial?: string;
  context?: DraftContext;
  activeIndex?: number | undefined;
  onState?: (p: Painted) => void;
  onCaret?: (offset: number) => void;
  handle?: (h: CoachEditorHandle) => void;
  client?: CoachClient;
  hint?: string;
}) {
  const id = useId();
  const ta = useRef<HTMLTextAreaElement>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const version = useRef(0);
  const ctxRef = useRef(props.context);
  ctxRef.current = props.context;
  const paintedRef = useRef<Painted>({
    version: 0,
    text: props.initial ?? '',
    marks: [],
    report: null,
    reportText: '',
    error: undefined,
  });
  const layer = useRef<Piece[]>([]);
  const activeRef = useRef(props.activeIndex);
  const onState = useRef(props.onState);
  onState.current = props.onState;

  function paint() {
    const el = mirror.current;
    if (!el) return;
    const p = paintedRef.current;
    layer.current = patchLayer(el, layer.current, pieces(p.text, p.marks, activeRef.current));
    el.setAttribute('data-painted-version', String(p.version));
    if (p.report && p.reportText === p.text) el.setAttribute('data-report-version', String(p.version));
    else el.removeAttribute('data-report-version');
  }

  const publish = (p: Painted) => {
    paintedRef.current = p;
    paint();
    onState.current?.(p);
  };

  const shownLength = useRef(-1);
  function grow() {
    const el = ta.current;
    if (!el) return;
    // The textarea grows with its text instead of scrolling, so its wrapping width always
    // equals the mirror's (a scrollbar would shift the lines and the marks with them). Only
    // a shorter text needs the height reset to measure; a longer one only ever grows, so a
    // keystroke costs one layout, not two.
    const shorter = el.value.length < shownLength.current;
    shownLength.current = el.value.length;
    if (shorter) el.style.height = 'auto';
    if (shorter || el.scrollHeight > el.clientHeight) el.style.height = `${el.scrollHeight + 2}px`;
  }

  function analyze(text: string) {
    const v = ++version.current;
    const prev = paintedRef.current;
    let answered = false;
    // A short draft's answer is awaited briefly, so it paints in the keystroke's own frame
    // (see client.ts); otherwise, or if the worker is slower, the carried marks hold until
    // the answer's message arrives.
    const waitMs = text.length <= SAME_FRAME_MAX_LENGTH ? SAME_FRAME_WAIT_MS : 0;
    (props.client ?? coachClient()).analyze(
      'editor',
      v,
      text,
      ctxRef.current,
      (res) => {
        answered = true;
        // Stale: the person typed since. Only the answer for the current text may paint.
        if (res.version !== version.current) return;
        const cur = paintedRef.current;
        if (res.ok) {
          publish({
            ...cur,
            version: res.version,
            text,
            marks: toMarks(res.report.findings),
            report: res.report,
            reportText: text,
            error: undefined,
          });
        } else {
          publish({
            ...cur,
            version: res.version,
            text,
            marks: [],
            report: null,
            reportText: '',
            error: res.error,
          });
        }
      },
      { waitMs },
    );
    if (!answered) publish({ ...prev, version: v, text, marks: carryMarks(prev.text, text, prev.marks) });
  }

  function setText(text: string, caret?: number) {
    const el = ta.current;
    if (!el) return;
    el.value = text;
    grow();
    if (caret !== undefined) {
      el.focus();
      el.setSelectionRange(caret, caret);
    }
    analyze(el.value);
  }

  useEffect(() => {
    const el = ta.current;
    if (el && props.initial) el.value = props.initial;
    grow();
    analyze(el?.value ?? '');
    props.handle?.({
      setText: (t) => setText(t, t.length),
      apply: (s) => {
        const cur = paintedRef.current;
        const el2 = ta.current;
        if (!el2 || el2.value !== cur.reportText) return;
        const r = applySuggestion(el2.value, s);
        setText(r.text, r.caret);
      },
      focus: () => ta.current?.focus(),
    });
  }, []);

  // Re-analyse when the context changes (channel, send time), without touching the text.
  const ctxKey = JSON.stringify(props.context ?? {});
  const firstCtx = useRef(true);
  useEffect(() => {
    if (firstCtx.current) {
      firstCtx.current = false;
      return;
    }
    analyze(ta.current?.value ?? '');
  }, [ctxKey]);

  useEffect(() => {
    if (activeRef.current === props.activeIndex) return;
    activeRef.current = props.activeIndex;
    paint();
  }, [props.activeIndex]);

  const caret = () => {
    const el = ta.current;
    if (el) props.onCaret?.(el.selectionStart);
  };

  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <div class="editor">
        {/* Painted by paint(), never by a render: see mirror.ts. */}
        <div class="mirror" ref={mirror} aria-hidden="true" />
        <textarea
          id={id}
          ref={ta}
          spellcheck={true}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          onInput={(e) => {
            grow();
            analyze((e.currentTarget as HTMLTextAreaElement).value);
            caret();
          }}
          onKeyUp={caret}
          onClick={caret}
          onSelect={caret}
          onScroll={(e) => {
            if (mirror.current) mirror.current.scrollTop = (e.currentTarget as HTMLTextAreaElement).scrollTop;
          }}
        />
      </div>
    </div>
  );
}
