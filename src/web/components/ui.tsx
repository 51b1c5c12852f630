/**
 * Small shared pieces: labelled fields with inline errors, notices, and a hook that runs a
 * save and keeps what the person typed when it fails.
 */

import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useId, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { lessonId } from '../state.js';

export function Notice(props: {
  kind?: 'info' | 'warn' | 'danger' | 'good';
  children: ComponentChildren;
  role?: 'status' | 'alert';
}) {
  return (
    <div class={`notice ${props.kind ?? ''}`} role={props.role}>
      {props.children}
    </div>
  );
}

export function ErrorText(props: { error?: string | undefined; id?: string }) {
  if (!props.error) return null;
  return (
    <p class="error" id={props.id} role="alert">
      {props.error}
    </p>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value' | 'type' | 'label'>;

/** A labelled input; `error` shows under it and is announced. */
export function Field(
  props: {
    label: string;
    value: string | number;
    onValue: (v: string) => void;
    hint?: string;
    error?: string | undefined;
    type?: string;
  } & InputProps,
) {
  const id = useId();
  const { label, value, onValue, hint, error, type, ...rest } = props;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type={type ?? 'text'}
        value={value}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ErrorText error={error} id={`${id}-err`} />
    </div>
  );
}

export function TextArea(props: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  hint?: string;
  error?: string | undefined;
  rows?: number;
  maxLength?: number;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 4}
        value={props.value}
        maxLength={props.maxLength}
        onInput={(e) => props.onValue((e.currentTarget as HTMLTextAreaElement).value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <ErrorText error={props.error} />
    </div>
  );
}

export function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onValue: (v: T) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onValue((e.currentTarget as HTMLSelectElement).value as T)}
      >
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {props.hint && <p class="hint">{props.hint}</p>}
    </div>
  );
}

/** A 0–10 style slider with its value spoken and shown. */
export function Scale(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onValue: (v: number) => void;
  low: string;
  high: string;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>
        {props.label}: <strong>{props.value}</strong>
      </label>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        value={props.value}
        aria-valuetext={`${props.value} (${props.low} ${props.min}, ${props.high} ${props.max})`}
        onInput={(e) => props.onValue(Number((e.currentTarget as HTMLInputElement).value))}
      />
      <div class="row small muted" style={{ justifyContent: 'space-between' }}>
        <span>{props.low}</span>
        <span>{props.high}</span>
      </div>
    </div>
  );
}

export interface SaveState {
  busy: boolean;
  error: string | undefined;
  fieldErrors: Record<string, string>;
  done: string | undefined;
}

/**
 * Runs a save; on failure keeps the form as typed and shows the server's reason next to the
 * field it names (the issue: a failed save keeps what the person typed).
 */
export function useSave() {
  const [state, setState] = useState<SaveState>({
    busy: false,
    error: undefined,
    fieldErrors: {},
    done: undefined,
  });
  async function run(action: () => Promise<unknown>, doneMessage?: string): Promise<boolean> {
    setState({ busy: true, error: undefined, fieldErrors: {}, done: undefined });
    try {
      await action();
      setState({ busy: false, error: undefined, fieldErrors: {}, done: doneMessage });
      return true;
    } catch (err) {
      const fieldErrors: Record<string, string> = {};
      let message = 'Something went wrong. What you typed is still here; try again.';
      if (err instanceof ApiError) {
        message = err.status === 409 ? `${err.detail} Reload to see the latest, then try again.` : err.detail;
        for (const e of err.errors) fieldErrors[e.path.replace(/^data\./, '')] = e.message;
      } else if (err instanceof Error && err.message) {
        message = err.message;
      }
      setState({ busy: false, error: message, fieldErrors, done: undefined });
      return false;
    }
  }
  return { ...state, run };
}

export function Status(props: { save: SaveState }) {
  return (
    <div aria-live="polite">
      {props.save.error && (
        <p class="error" role="alert">
          {props.save.error}
        </p>
      )}
      {props.save.done && <p class="muted">{props.save.done}</p>}
    </div>
  );
}

/** Principle ids after a step or a finding; each opens its lesson, in our own words. */
export function Principles(props: { ids: readonly string[] }) {
  if (!props.ids.length) return null;
  return (
    <span class="small muted">
      {' '}
      (
      {props.ids.map((p, i) => (
        <span key={p}>
          {i > 0 && ' '}
          <button
            type="button"
            class="link"
            onClick={() => (lessonId.value = p)}
            aria-label={`Read principle ${p}`}
          >
            {p}
          </button>
        </span>
      ))}
      )
    </span>
  );
}

/** Formats an instant for the person reading it. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : Math.random().toString(36).slice(2);
}
