/**
 * The live coach editor: a plain textarea (so the caret, selection, undo, IME and screen
 * readers behave natively) over a mirror layer that paints the findings behind the text.
 * Every edit bumps a version; the worker's answer paints only if it is for the current
 * version, so a stale result never lands on the wrong words. Between the edit and the fresh
 * answer, marks away from the edit are carried along (see carryMarks) so nothing flickers.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DraftContext, Finding, Report, Suggestion } from '../../coach/types.js';
import { type CoachClient, coachClient } from './client.js';
import { applySuggestion, carryMarks, type Mark, segments } from './highlight.js';

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
  const [painted, setPainted] = useState<Painted>({
    version: 0,
    text: props.initial ?? '',
    marks: [],
    report: null,
    reportText: '',
    error: undefined,
  });
  const paintedRef = useRef(painted);
  paintedRef.current = painted;

  const publish = (p: Painted) => {
    setPainted(p);
    props.onState?.(p);
  };

  function grow() {
    const el = ta.current;
    if (!el) return;
    // The textarea grows with its text instead of scrolling, so its wrapping width always
    // equals the mirror's (a scrollbar would shift the lines and the marks with them).
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
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

  useLayoutEffect(() => {
    if (mirror.current && ta.current) mirror.current.scrollTop = ta.current.scrollTop;
  });

  const caret = () => {
    const el = ta.current;
    if (el) props.onCaret?.(el.selectionStart);
  };

  const segs = segments(painted.text, painted.marks);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <div class="editor">
        <div
          class="mirror"
          ref={mirror}
          aria-hidden="true"
          data-painted-version={painted.version}
          data-report-version={
            painted.report && painted.reportText === painted.text ? painted.version : undefined
          }
        >
          {segs.map((s) =>
            s.kind ? (
              <mark
                key={s.start}
                class={`${s.kind}${props.activeIndex !== undefined && s.marks.includes(props.activeIndex) ? ' active' : ''}`}
                data-start={s.start}
              >
                {s.text}
              </mark>
            ) : (
              s.text
            ),
          )}
          {/* A trailing newline needs a character after it to take up its line. */}
          {painted.text.endsWith('\n') || painted.text === '' ? '\u200b' : ''}
        </div>
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
