/**
 * Form fields drawn from their schema (src/protocol/specSchema.ts `FieldSchema`): label, hint,
 * type and range come from the table the link codec reads, and a field commits only a value the
 * schema holds exactly (`isValidFieldValue`), so the form cannot accept a value the link would
 * clamp or round.
 */
import { formatValue, parseValue, sameValue } from '../protocol/linkValues';
import type { FieldSchema, UnionSchema } from '../protocol/specSchema';
import { isValidFieldValue } from '../protocol/zodFromTable';
import { NumberField, SelectField, TextField } from './fields';

export function SchemaField(props: {
  field: FieldSchema;
  testId: string;
  value: unknown;
  onCommit: (value: unknown) => void;
}) {
  const { field: f, value, testId } = props;
  const label = f.label;
  const commit = (x: unknown) => {
    if (isValidFieldValue(f, x) && !sameValue(x, value)) props.onCommit(x);
  };
  const type = f.value;
  switch (type.type) {
    case 'number': {
      const range = `${type.min}–${type.max}${type.odd ? ', odd' : ''}`;
      return (
        <NumberField
          label={label}
          testId={testId}
          value={value as number | undefined}
          min={type.min}
          max={type.max}
          step={type.integer ? (type.odd ? 2 : 1) : 'any'}
          integer={type.integer === true}
          title={f.hint ? `${f.hint} (${range})` : range}
          onCommit={commit}
          {...(f.optional ? { onClear: () => commit(undefined), placeholder: f.absent } : {})}
        />
      );
    }
    case 'boolean':
      return (
        <label className="field check" title={f.hint}>
          <input
            type="checkbox"
            data-testid={testId}
            checked={value === true}
            onChange={(e) => commit(e.target.checked)}
          />
          <span>{label}</span>
        </label>
      );
    case 'enum':
      return (
        <SelectField
          label={label}
          testId={testId}
          value={String(value)}
          options={type.values}
          {...(f.valueLabels ? { labels: f.valueLabels } : {})}
          onChange={commit}
        />
      );
    case 'enums': {
      const on = value as readonly string[];
      return (
        <fieldset className="field schema-enums" data-testid={testId} title={f.hint}>
          <legend>{label}</legend>
          {type.values.map((v) => (
            <label key={v} className="field check">
              <input
                type="checkbox"
                data-testid={`${testId}-${v}`}
                checked={on.includes(v)}
                disabled={on.includes(v) && on.length <= type.minLength}
                onChange={(e) =>
                  commit(type.values.filter((x) => (x === v ? e.target.checked : on.includes(x))))
                }
              />
              <span>{f.valueLabels?.[v] ?? v}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    case 'numbers': {
      const range = `${type.minLength}–${type.maxLength} numbers in ${type.min}–${type.max}, comma-separated`;
      return (
        <TextField<readonly number[]>
          label={label}
          testId={testId}
          value={formatValue(value, type)}
          title={f.hint ? `${f.hint} (${range})` : range}
          parse={(text) => {
            const parsed = parseValue(text, type);
            return parsed.ok && parsed.note === null ? (parsed.value as number[]) : null;
          }}
          onCommit={commit}
        />
      );
    }
    case 'text':
    case 'id':
      return (
        <TextField<string>
          label={label}
          testId={testId}
          value={typeof value === 'string' ? value : ''}
          title={f.hint}
          parse={(text) => {
            const parsed = parseValue(text, type);
            return parsed.ok && parsed.note === null ? (parsed.value as string) : null;
          }}
          onCommit={commit}
        />
      );
  }
}

/** The fields of one spec object (a data set, a model, an optimizer), in the schema's order. */
export function SchemaFields(props: {
  fields: readonly FieldSchema[];
  values: object;
  testId: (f: FieldSchema) => string;
  onCommit: (f: FieldSchema, value: unknown) => void;
}) {
  const values = props.values as Readonly<Record<string, unknown>>;
  return (
    <>
      {props.fields.map((f) => (
        <SchemaField
          key={f.prop}
          field={f}
          testId={props.testId(f)}
          value={values[f.prop]}
          onCommit={(value) => props.onCommit(f, value)}
        />
      ))}
    </>
  );
}

/**
 * One union of the spec (a data set, a model, a schedule): its kind, then the kind's fields. Test
 * ids are `testId('kind')` and `testId(prop)`.
 */
export function UnionFields(props: {
  schema: UnionSchema;
  value: { readonly kind: string };
  testId: (name: string) => string;
  onKind: (kind: string) => void;
  onCommit: (f: FieldSchema, value: unknown) => void;
}) {
  const { schema, value } = props;
  return (
    <>
      <SelectField
        label={schema.noun.charAt(0).toUpperCase() + schema.noun.slice(1)}
        testId={props.testId('kind')}
        value={value.kind}
        options={schema.kinds}
        labels={schema.kindLabels}
        onChange={props.onKind}
      />
      <SchemaFields
        fields={schema.fields(value.kind)}
        values={value}
        testId={(f) => props.testId(f.prop)}
        onCommit={props.onCommit}
      />
    </>
  );
}
