import { useId, useState } from 'react';

/**
 * A number field that commits on Enter or blur, and only a finite value within [min, max]; with
 * `onClear`, an emptied field commits "no value" (shown empty).
 */
export function NumberField(props: {
  label: string;
  testId: string;
  value: number | undefined;
  min: number;
  max: number;
  step: number | 'any';
  /** Round to an integer before committing. */
  integer?: boolean;
  title?: string;
  /** Shown in the empty field (an optional value left out). */
  placeholder?: string;
  onCommit: (value: number) => void;
  onClear?: () => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const raw = Number(draft);
    setDraft(null);
    if (draft.trim() === '' && props.onClear) {
      if (props.value !== undefined) props.onClear();
      return;
    }
    const value = props.integer ? Math.round(raw) : raw;
    if (draft.trim() !== '' && Number.isFinite(value) && value >= props.min && value <= props.max) {
      if (value !== props.value) props.onCommit(value);
    }
  };
  return (
    <label className="field" title={props.title}>
      <span>{props.label}</span>
      <input
        type="number"
        inputMode="decimal"
        data-testid={props.testId}
        min={props.min}
        max={props.max}
        step={props.step}
        placeholder={props.placeholder}
        value={draft ?? (props.value === undefined ? '' : String(props.value))}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </label>
  );
}

/** A labelled select over `options` (value → text). */
export function SelectField<T extends string>(props: {
  label: string;
  testId: string;
  value: T;
  options: readonly T[];
  labels?: Readonly<Partial<Record<T, string>>>;
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A text field committing on Enter or blur when `parse` accepts the text (returns non-null). */
export function TextField<T>(props: {
  label: string;
  testId: string;
  value: string;
  parse: (text: string) => T | null;
  onCommit: (value: T) => void;
  title?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const parsed = props.parse(draft);
    setDraft(null);
    if (parsed !== null && draft !== props.value) props.onCommit(parsed);
  };
  return (
    <label className="field" title={props.title}>
      <span>{props.label}</span>
      <input
        type="text"
        data-testid={props.testId}
        value={draft ?? props.value}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </label>
  );
}

/** A two-or-more-way toggle as a radio group of buttons. */
export function Toggle<T extends string>(props: {
  label: string;
  testId: string;
  value: T;
  options: readonly T[];
  labels?: Readonly<Partial<Record<T, string>>>;
  onChange: (value: T) => void;
}) {
  return (
    <span className="toggle" role="radiogroup" aria-label={props.label} data-testid={props.testId}>
      {props.options.map((o) => (
        <button
          key={o}
          type="button"
          role="radio"
          aria-checked={o === props.value}
          className={o === props.value ? 'on' : undefined}
          data-value={o}
          onClick={() => props.onChange(o)}
        >
          {props.labels?.[o] ?? o}
        </button>
      ))}
    </span>
  );
}
