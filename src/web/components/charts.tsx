/**
 * Hand-written SVG charts: no chart library, nothing to download, styled by the theme's CSS
 * variables, and each with a text summary for screen readers.
 */
export interface Series {
  name: string;
  /** y values, one per x label; null is a gap. */
  values: (number | null)[];
  cls: 'line-a' | 'line-b';
}

const W = 600;
const H = 220;
const PAD = { l: 34, r: 10, t: 10, b: 26 };

function scaleY(v: number, min: number, max: number): number {
  const span = max - min || 1;
  return PAD.t + (H - PAD.t - PAD.b) * (1 - (v - min) / span);
}

function scaleX(i: number, n: number): number {
  return PAD.l + (n <= 1 ? 0 : ((W - PAD.l - PAD.r) * i) / (n - 1));
}

/** Builds an SVG path for a series, breaking the line at gaps. */
export function linePath(values: readonly (number | null)[], min: number, max: number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${scaleX(i, values.length).toFixed(1)},${scaleY(v, min, max).toFixed(1)}`;
    pen = true;
  });
  return d;
}

function Axes(props: { labels: readonly string[]; min: number; max: number }) {
  const n = props.labels.length;
  const every = Math.max(1, Math.ceil(n / 6));
  return (
    <g>
      <line class="axis" x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} />
      <line class="axis" x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={H - PAD.b} />
      <text class="label" x={PAD.l - 6} y={scaleY(props.max, props.min, props.max) + 4} text-anchor="end">
        {props.max}
      </text>
      <text class="label" x={PAD.l - 6} y={scaleY(props.min, props.min, props.max)} text-anchor="end">
        {props.min}
      </text>
      {props.labels.map((l, i) =>
        i % every === 0 ? (
          <text key={l + i} class="label" x={scaleX(i, n)} y={H - 8} text-anchor="middle">
            {l}
          </text>
        ) : null,
      )}
    </g>
  );
}

export function LineChart(props: {
  title: string;
  summary: string;
  labels: readonly string[];
  series: readonly Series[];
  min: number;
  max: number;
}) {
  return (
    <figure class="chart" data-testid="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.title}. ${props.summary}`}>
        <Axes labels={props.labels} min={props.min} max={props.max} />
        {props.series.map((s) => (
          <path key={s.name} class={s.cls} d={linePath(s.values, props.min, props.max)} />
        ))}
      </svg>
      <figcaption class="legend">
        {props.series.map((s) => (
          <span key={s.name}>
            <span class={`swatch ${s.cls === 'line-b' ? 'b' : ''}`} aria-hidden="true" />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
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
}) {
  const all = [...props.a.values, ...(props.b?.values ?? [])];
  const max = Math.max(1, ...all.filter(Number.isFinite));
  const n = props.labels.length;
  const slot = (W - PAD.l - PAD.r) / Math.max(1, n);
  const bw = props.b ? slot * 0.38 : slot * 0.7;
  const y = (v: number) => scaleY(v, 0, max);
  return (
    <figure class="chart" data-testid="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.title}. ${props.summary}`}>
        <line class="axis" x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} />
        <text class="label" x={PAD.l - 6} y={y(max) + 4} text-anchor="end">
          {max}
        </text>
        <text class="label" x={PAD.l - 6} y={y(0)} text-anchor="end">
          0
        </text>
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
              {props.flags?.[i] && <circle class="dot-break" cx={x0 + bw / 2} cy={H - PAD.b + 6} r={4} />}
              {(n <= 12 || i % Math.ceil(n / 8) === 0) && (
                <text class="label" x={PAD.l + i * slot + slot / 2} y={H - 4} text-anchor="middle">
                  {l}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
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
      </figcaption>
    </figure>
  );
}
