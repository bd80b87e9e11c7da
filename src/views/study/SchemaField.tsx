/**
 * One form field drawn from its schema (src/protocol/specSchema.ts `FieldSchema`): label, type
 * and range come from the same table the link codec reads, so the form cannot accept a value the
 * link would change.
 */
import { formatValue, parseValue } from '../../protocol/linkValues';
import type { FieldSchema } from '../../protocol/specSchema';
import { NumberField, TextField } from '../fields';

export function SchemaField(props: {
  field: FieldSchema;
  /** Prefix of the test id: `<prefix>-<key>`. */
  testPrefix: string;
  value: unknown;
  onCommit: (value: unknown) => void;
}) {
  const { field: f, value } = props;
  const label = f.label ?? f.key;
  const testId = `${props.testPrefix}-${f.key}`;
  const type = f.value;
  switch (type.type) {
    case 'number':
      return (
        <NumberField
          label={label}
          testId={testId}
          value={value as number}
          min={type.min}
          max={type.max}
          step={type.integer ? (type.odd ? 2 : 1) : 'any'}
          integer={type.integer === true}
          title={`${type.min}–${type.max}${type.odd ? ', odd' : ''}`}
          onCommit={(x) => {
            const parsed = parseValue(String(x), type);
            if (parsed.ok) props.onCommit(parsed.value);
          }}
        />
      );
    case 'boolean':
      return (
        <label className="field check">
          <input
            type="checkbox"
            data-testid={testId}
            checked={value === true}
            onChange={(e) => props.onCommit(e.target.checked)}
          />
          <span>{label}</span>
        </label>
      );
    case 'enum':
      return (
        <label className="field">
          <span>{label}</span>
          <select
            data-testid={testId}
            value={String(value)}
            onChange={(e) => props.onCommit(e.target.value)}
          >
            {type.values.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
      );
    case 'enums': {
      const on = value as readonly string[];
      return (
        <fieldset className="field schema-enums" data-testid={testId}>
          <legend>{label}</legend>
          {type.values.map((v) => (
            <label key={v} className="field check">
              <input
                type="checkbox"
                data-testid={`${testId}-${v}`}
                checked={on.includes(v)}
                disabled={on.includes(v) && on.length <= type.minLength}
                onChange={(e) =>
                  props.onCommit(
                    type.values.filter((x) => (x === v ? e.target.checked : on.includes(x))),
                  )
                }
              />
              <span>{v}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    case 'numbers':
      return (
        <TextField<readonly number[]>
          label={label}
          testId={testId}
          value={formatValue(value, type)}
          title={`${type.minLength}–${type.maxLength} numbers in ${type.min}–${type.max}, comma-separated`}
          parse={(text) => {
            const parsed = parseValue(text, type);
            return parsed.ok ? (parsed.value as number[]) : null;
          }}
          onCommit={(x) => props.onCommit(x)}
        />
      );
  }
}
