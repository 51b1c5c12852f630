/**
 * Hand-written SVG charts: no chart library, nothing to download, styled by the theme's CSS
 * variables, and each with a text summary for screen readers. Honest about the data:
 * every recorded value is drawn as a point (one check-in shows as one point), lines join
 * only neighbouring days, and a missing day is a gap, never a guess. The drawing is sized
 * to the space it has, one unit a CSS pixel, so labels stay at a readable 12 px on a phone.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Series {
  name: string;
  /** y values, one per x label; null is a gap. */
  values: (number | null)[];
  cls: 'line-a' | 'line-b';
}

const H = 200;
const PAD = { l: 30, r: 12, t: 12, b: 28 };
/** At least this much room per x label, so labels never overlap. */
const LABEL_ROOM = 64;

interface Frame {
  w: number;
  min: number;
  max: number;
}

function scaleY(v: number, f: Pick<Frame, 'min' | 'max'>): number {
  const span = f.max - f.min || 1;
  return PAD.t + (H - PAD.t - PAD.b) * (1 - (v - f.min) / span);
}

function scaleX(i: number, n: number, w: number): number {
  return PAD.l + (n <= 1 ? (w - PAD.l - PAD.r) / 2 : ((w - PAD.l - PAD.r) * i) / (n - 1));
}

/**
 * An SVG path for a series: lines join neighbours only; a null breaks the line.
 *
 * @example
 * linePath([1, null, 3], { w: 600, min: 0, max: 10 }) // two separate moves, no line
 */
export function linePath(values: readonly (number | null)[], f: Frame): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${scaleX(i, values.length, f.w).toFixed(1)},${scaleY(v, f).toFixed(1)}`;
    pen = true;
  });
  return d;
}

/** Every recorded value as a point (x, y), so lone values show. */
export function points(values: readonly (number | null)[], f: Frame): { x: number; y: number; i: number }[] {
  const out: { x: number; y: number; i: number }[] = [];
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) out.push({ x: scaleX(i, values.length, f.w), y: scaleY(v, f), i });
  });
  return out;
}

/** The figure's width in CSS pixels, following its container. */
function useWidth(): [{ current: HTMLElement | null }, number] {
  const ref = useRef<HTMLElement | null>(null);
  const [w, setW] = useState(560);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const set = () => setW(Math.max(240, Math.round(el.getBoundingClientRect().width)));
    set();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, w];
}

function XLabels(props: { labels: readonly string[]; x: (i: number) => number; w: number }) {
  const n = props.labels.length;
  const fit = Math.max(1, Math.floor((props.w - PAD.l - PAD.r) / LABEL_ROOM));
  const every = Math.max(1, Math.ceil(n / fit));
  return (
    <>
      {props.labels.map((l, i) =>
        (n - 1 - i) % every === 0 ? (
          <text
            key={l + i}
            class="label"
            x={props.x(i)}
            y={H - 8}
            // The last label ends at its point, so it never runs off the right edge.
            text-anchor={i === n - 1 && n > 1 ? 'end' : 'middle'}
          >
            {l}
          </text>
        ) : null,
      )}
    </>
  );
}

function Figure(props: {
  title: string;
  summary: string;
  empty: boolean;
  emptyText: string;
  legend: ComponentChildren;
  children: (w: number) => ComponentChildren;
}) {
  const [ref, w] = useWidth();
  return (
    <figure class="chart" data-testid="chart" ref={ref as { current: HTMLElement | null }}>
      {props.empty ? (
        <p class="chart-empty muted">{props.emptyText}</p>
      ) : (
        <svg
          viewBox={`0 0 ${w} ${H}`}
          width={w}
          height={H}
          role="img"
          aria-label={`${props.title}. ${props.summary}`}
        >
          {props.children(w)}
        </svg>
      )}
      <figcaption class="legend">{props.legend}</figcaption>
    </figure>
  );
}

export function LineChart(props: {
  title: string;
  summary: string;
  labels: readonly string[];
  series: readonly Series[];
  min: number;
  max: number;
  emptyText?: string;
}) {
  const empty = props.series.every((s) => s.values.every((v) => v === null));
  return (
    <Figure
      title={props.title}
      summary={props.summary}
      empty={empty}
      emptyText={props.emptyText ?? 'Nothing to draw yet.'}
      legend={props.series.map((s) => (
        <span key={s.name}>
          <span class={`swatch ${s.cls === 'line-b' ? 'b' : ''}`} aria-hidden="true" />
          {s.name}
        </span>
      ))}
    >
      {(w) => {
        const f: Frame = { w, min: props.min, max: props.max };
        const n = props.labels.length;
        const mid = Math.round((props.min + props.max) / 2);
        return (
          <>
            <line class="axis" x1={PAD.l} y1={H - PAD.b} x2={w - PAD.r} y2={H - PAD.b} />
            {[props.min, mid, props.max].map((v) => (
              <g key={v}>
                <line class="grid-line" x1={PAD.l} y1={scaleY(v, f)} x2={w - PAD.r} y2={scaleY(v, f)} />
                <text class="label" x={PAD.l - 5} y={scaleY(v, f) + 4} text-anchor="end">
                  {v}
                </text>
              </g>
            ))}
            <XLabels labels={props.labels} x={(i) => scaleX(i, n, w)} w={w} />
            {props.series.map((s) => (
              <g key={s.name}>
                <path class={s.cls} d={linePath(s.values, f)} />
                {points(s.values, f).map((p) => (
                  <circle key={p.i} class={`pt ${s.cls}`} cx={p.x} cy={p.y} r={3.5} />
                ))}
              </g>
            ))}
          </>
        );
      }}
    </Figure>
  );
}

export function BarChart(props: {
  title: string;
  summary: string;
  labels: readonly string[];
  a: { name: string; values: readonly number[] };
  b?: { name: string; values: readonly number[] };
  /** Optional marks under bars (e.g. a period that ended in a break). */
  flags?: readonly boolean[];
  flagName?: string;
  emptyText?: string;
  /** When false, bars of zero still draw (a period that started today is real). */
  zeroIsEmpty?: boolean;
}) {
  const all = [...props.a.values, ...(props.b?.values ?? [])];
  const max = Math.max(1, ...all.filter(Number.isFinite));
  const n = props.labels.length;
  const empty = n === 0 || ((props.zeroIsEmpty ?? true) && all.every((v) => !v));
  return (
    <Figure
      title={props.title}
      summary={props.summary}
      empty={empty}
      emptyText={props.emptyText ?? 'Nothing to draw yet.'}
      legend={
        <>
          <span>
            <span class="swatch" aria-hidden="true" />
            {props.a.name}
          </span>
          {props.b && (
            <span>
              <span class="swatch b" aria-hidden="true" />
              {props.b.name}
            </span>
          )}
          {props.flagName && props.flags?.some(Boolean) && (
            <span>
              <span class="swatch dot" aria-hidden="true" />
              {props.flagName}
            </span>
          )}
        </>
      }
    >
      {(w) => {
        const f = { min: 0, max };
        const slot = (w - PAD.l - PAD.r) / Math.max(1, n);
        const bw = Math.min(40, props.b ? slot * 0.38 : slot * 0.7);
        const y = (v: number) => scaleY(v, f);
        return (
          <>
            <line class="axis" x1={PAD.l} y1={H - PAD.b} x2={w - PAD.r} y2={H - PAD.b} />
            <text class="label" x={PAD.l - 5} y={y(max) + 4} text-anchor="end">
              {max}
            </text>
            <text class="label" x={PAD.l - 5} y={y(0)} text-anchor="end">
              0
            </text>
            <XLabels labels={props.labels} x={(i) => PAD.l + i * slot + slot / 2} w={w} />
            {props.labels.map((l, i) => {
              const x0 = PAD.l + i * slot + (slot - (props.b ? bw * 2 : bw)) / 2;
              const va = props.a.values[i] ?? 0;
              const vb = props.b?.values[i] ?? 0;
              return (
                <g key={l + i}>
                  <rect class="bar" x={x0} y={y(va)} width={bw} height={Math.max(0, y(0) - y(va))} />
                  {props.b && (
                    <rect class="bar-b" x={x0 + bw} y={y(vb)} width={bw} height={Math.max(0, y(0) - y(vb))} />
                  )}
                  {props.flags?.[i] && <circle class="dot-break" cx={x0 + bw / 2} cy={y(va) - 8} r={5} />}
                </g>
              );
            })}
          </>
        );
      }}
    </Figure>
  );
}
