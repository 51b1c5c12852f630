/**
 * Small shared pieces: labelled fields with inline errors, notices, and a hook that runs a
 * save and keeps what the person typed when it fails.
 */

import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useId, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { lessonId } from '../state.js';
import { fieldMessages, plainReason } from '../words.js';
import { useCrisisWatch } from './crisis.js';

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

/**
 * A labelled input; `error` shows under it and is announced. A `maxLength` is shown, not
 * enforced by cutting: near the limit a count appears, over it an error, and nothing typed
 * or pasted is ever dropped.
 */
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
  const { label, value, onValue, hint, error: given, type, maxLength, ...rest } = props;
  const limit = typeof maxLength === 'number' ? maxLength : undefined;
  const text = String(value ?? '');
  const count = limit !== undefined && text.length > limit * 0.8 ? limitState(text, limit) : undefined;
  const error = given ?? (count && count.over > 0 ? count.text : undefined);
  const describedBy =
    [hint ? `${id}-hint` : '', count && !error ? `${id}-count` : '', error ? `${id}-err` : '']
      .filter(Boolean)
      .join(' ') || undefined;
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
      {count && !error && (
        <p class="hint count" id={`${id}-count`}>
          {count.text}
        </p>
      )}
      <ErrorText error={error} id={`${id}-err`} />
    </div>
  );
}

/**
 * How a text stands against its limit, in words. Limits are shown before they bite and never
 * applied silently: nothing is cut, the save waits until the text fits.
 *
 * @example
 * limitState('hello', 2000) // { over: 0, text: '5 of 2,000 characters' }
 */
export function limitState(value: string, limit: number): { over: number; text: string } {
  const n = value.length;
  const over = Math.max(0, n - limit);
  const fmt = (x: number) => x.toLocaleString('en-GB');
  return {
    over,
    text:
      over > 0
        ? `${fmt(over)} ${over === 1 ? 'character' : 'characters'} over the limit of ${fmt(limit)}. Nothing has been cut: shorten it to save.`
        : `${fmt(n)} of ${fmt(limit)} characters`,
  };
}

export function TextArea(props: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  hint?: string;
  error?: string | undefined;
  rows?: number;
  /** Shows a live count against this limit; over it, says so (the text is never cut). */
  limit?: number;
  /** The same as `limit` (older name): counted and shown, never enforced by cutting. */
  maxLength?: number;
  id?: string;
  placeholder?: string;
  onBlur?: () => void;
}) {
  const auto = useId();
  const id = props.id ?? auto;
  // Issue 11: every free-text field a person writes in is read for crisis language as they
  // type, in the worker; no setting turns this off.
  useCrisisWatch(props.value);
  const limit = props.limit ?? props.maxLength;
  const count = limit ? limitState(props.value, limit) : undefined;
  const error = props.error ?? (count && count.over > 0 ? count.text : undefined);
  const describedBy =
    [props.hint ? `${id}-hint` : '', count ? `${id}-count` : '', error ? `${id}-err` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <textarea
        id={id}
        rows={props.rows ?? 4}
        value={props.value}
        placeholder={props.placeholder}
        onInput={(e) => props.onValue((e.currentTarget as HTMLTextAreaElement).value)}
        onBlur={props.onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {count && count.over === 0 && (
        <p class="hint count" id={`${id}-count`}>
          {count.text}
        </p>
      )}
      {count && count.over > 0 && <span id={`${id}-count`} hidden />}
      <ErrorText error={error} id={`${id}-err`} />
    </div>
  );
}

/**
 * One tap per answer: a row of choices (radio buttons drawn as a segmented bar). Arrow keys
 * move along it, as with any radio group.
 */
export function ChoiceRow(props: {
  legend: string;
  name: string;
  value: number | null;
  choices: readonly number[];
  onValue: (v: number) => void;
  low: string;
  high: string;
}) {
  return (
    <fieldset class="choice-row">
      <legend>
        {props.legend}
        {props.value !== null && (
          <>
            : <strong>{props.value}</strong>
          </>
        )}
      </legend>
      <div class="choices">
        {props.choices.map((c) => (
          <label key={c} class={props.value === c ? 'on' : undefined}>
            <input
              type="radio"
              name={props.name}
              value={c}
              checked={props.value === c}
              onChange={() => props.onValue(c)}
            />
            <span>{c}</span>
          </label>
        ))}
      </div>
      <div class="ends small muted" aria-hidden="true">
        <span>
          {props.choices[0]} {props.low}
        </span>
        <span>
          {props.high} {props.choices[props.choices.length - 1]}
        </span>
      </div>
    </fieldset>
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
export function useSave(inline: readonly string[] = []) {
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
      let fieldErrors: Record<string, string> = {};
      let message = 'Something went wrong. What you typed is still here; try again.';
      if (err instanceof ApiError) {
        fieldErrors = fieldMessages(err.errors);
        const reason = plainReason(err, inline);
        message =
          err.status === 409
            ? `${reason} Reload to see the latest, then try again. What you typed is still here.`
            : err.status === 0
              ? `${reason} What you typed is still here.`
              : reason;
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

/**
 * Removes inline citations such as "(P3)" or "(P3 P4)" from method text: the principle is
 * cited once, by the "why?" link next to it.
 *
 * @example
 * withoutCitations('Give them space (P2 P16).') // 'Give them space.'
 */
export function withoutCitations(text: string): string {
  return text
    .replace(/\s*\((?:P\d{1,2}[\s,]*)+\)/g, '')
    .replace(/\s+([.,;:])/g, '$1')
    .trim();
}

/** The principles behind a sentence, cited once: a small "why?" that opens their lesson. */
export function Principles(props: { ids: readonly string[] }) {
  if (!props.ids.length) return null;
  return (
    <>
      {' '}
      <button
        type="button"
        class="link why"
        onClick={() => (lessonId.value = props.ids.join(' '))}
        aria-label={`Why? Read principle ${props.ids.join(' and ')}`}
      >
        why?
      </button>
    </>
  );
}

/** Method text with its principles: the text without inline ids, then one "why?". */
export function Cited(props: { text: string; ids: readonly string[] }) {
  return (
    <>
      {withoutCitations(props.text)}
      <Principles ids={props.ids} />
    </>
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
