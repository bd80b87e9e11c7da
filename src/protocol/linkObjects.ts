/**
 * Spec objects ↔ link pairs, walking their layout (./specLayout.ts) and their unions
 * (./specSchema.ts): a field is `<prefix><key>`, a union's kind `<prefix><key>` with its fields
 * under `<prefix><key>.` (or beside the kind key, as a run's optimizer), a switchable group one
 * key that names its head or turns it off. Encoding writes only what differs from the base;
 * decoding starts from the base and says a sentence for every value it could not use as written.
 */
import {
  decodeField,
  encodeField,
  type Bag,
  type LinkReader,
  type Pairs,
  type Say,
} from './linkFields';
import { formatValue, parseValue, quote } from './linkValues';
import type { ObjectLayout, SwitchGroup } from './specLayout';
import type { NestedSchema, UnionSchema, ValueType } from './specSchema';

const ON_OFF: ValueType = { type: 'boolean' };

/** Where a nested union's fields go: under its kind key, or beside it. */
function fieldPrefix(n: NestedSchema, prefix: string): string {
  return n.besideKind ? prefix : `${prefix}${n.key}.`;
}

function encodeUnion(
  spec: { readonly kind: string },
  base: { readonly kind: string },
  schema: UnionSchema,
  kindKey: string,
  prefix: string,
  out: Pairs,
): void {
  let b = base as Bag;
  if (spec.kind !== base.kind) {
    out.push([kindKey, spec.kind]);
    b = schema.defaults(spec.kind);
  }
  const s = spec as Bag;
  for (const f of schema.fields(spec.kind))
    encodeField(s[f.prop], b[f.prop], f, prefix + f.key, out);
  for (const n of schema.nested(spec.kind)) encodeNested(s, b, n, prefix, out);
}

function encodeNested(s: Bag, b: Bag, n: NestedSchema, prefix: string, out: Pairs): void {
  const value = s[n.prop] as { kind: string };
  const base = b[n.prop] as { kind: string };
  encodeUnion(value, base, n.union, prefix + n.key, fieldPrefix(n, prefix), out);
}

/** The head's value, or 1, or the off word: what a group's switch says of `value`. */
function switchWord(g: SwitchGroup, value: Bag | null): string {
  if (value === null) return g.off;
  return g.head ? formatValue(value[g.head.prop], g.head.value) : '1';
}

function encodeGroup(
  value: Bag | null,
  base: Bag | null,
  g: SwitchGroup,
  prefix: string,
  out: Pairs,
): void {
  const key = prefix + g.key;
  if (value === null) {
    if (base !== null) out.push([key, g.off]);
    return;
  }
  if (base === null || (g.head && value[g.head.prop] !== base[g.head.prop])) {
    out.push([key, switchWord(g, value)]);
  }
  const b = (base ?? g.defaults(g.head ? value[g.head.prop] : undefined)) as Bag;
  const fields = g.fieldsUnderSwitch ? `${key}.` : prefix;
  for (const f of g.fields) encodeField(value[f.prop], b[f.prop], f, fields + f.key, out);
}

/** The pairs that turn `base` into `spec`, for one object of `layout` under `prefix`. */
export function encodeObject(
  spec: object,
  base: object,
  layout: ObjectLayout,
  prefix: string,
  out: Pairs,
): void {
  const s = spec as Bag;
  const b = base as Bag;
  for (const f of layout.fields) encodeField(s[f.prop], b[f.prop], f, prefix + f.key, out);
  for (const n of layout.unions) encodeNested(s, b, n, prefix, out);
  for (const g of layout.groups) {
    // Off is null or an absent property: both read as null here.
    encodeGroup(
      (s[g.prop] ?? null) as Bag | null,
      (b[g.prop] ?? null) as Bag | null,
      g,
      prefix,
      out,
    );
  }
}

export function decodeUnion<T extends { readonly kind: string }>(
  base: T,
  schema: UnionSchema,
  kindKey: string,
  prefix: string,
  reader: LinkReader,
  say: Say,
): T {
  let start = base as unknown as Bag;
  const rawKind = reader.take(kindKey);
  if (rawKind !== undefined && rawKind !== base.kind) {
    if (schema.kinds.includes(rawKind)) start = schema.defaults(rawKind);
    else say(`${kindKey} ${quote(rawKind)} is not a known ${schema.noun}; kept ${base.kind}.`);
  }
  const value: Bag = { ...start };
  const kind = value.kind as string;
  for (const f of schema.fields(kind)) decodeField(value, f, prefix + f.key, reader, say);
  for (const n of schema.nested(kind)) decodeNested(value, n, prefix, reader, say);
  return value as unknown as T;
}

function decodeNested(
  value: Bag,
  n: NestedSchema,
  prefix: string,
  reader: LinkReader,
  say: Say,
): void {
  const base = value[n.prop] as { kind: string };
  value[n.prop] = decodeUnion(base, n.union, prefix + n.key, fieldPrefix(n, prefix), reader, say);
}

function decodeGroup(
  target: Bag,
  g: SwitchGroup,
  prefix: string,
  owner: string,
  reader: LinkReader,
  say: Say,
): void {
  const key = prefix + g.key;
  const base = target[g.prop] as Bag | null | undefined;
  let value: Bag | null = base ? { ...base } : null;
  const raw = reader.take(key);
  if (raw === g.off) value = null;
  else if (raw !== undefined) {
    const parsed = parseValue(raw, g.head ? g.head.value : ON_OFF);
    if (!parsed.ok) {
      const or = g.head ? ` (or ${g.off})` : '';
      say(`${key} ${quote(raw)} ${parsed.note}${or}; kept ${switchWord(g, value)}.`);
    } else if (g.head) {
      value = { ...(value ?? g.defaults(parsed.value)), [g.head.prop]: parsed.value };
    } else value = parsed.value ? (value ?? { ...g.defaults(undefined) }) : null;
  }
  const fields = g.fieldsUnderSwitch ? `${key}.` : prefix;
  for (const f of g.fields) {
    if (value) decodeField(value, f, fields + f.key, reader, say);
    else if (reader.take(fields + f.key) !== undefined) {
      say(`Ignored ${fields + f.key}: ${g.offReason(owner)}.`);
    }
  }
  if (value) target[g.prop] = value;
  else if (g.offIs === 'null') target[g.prop] = null;
  else delete target[g.prop];
}

/**
 * `base` with the link's values for one object of `layout` under `prefix` (`owner` names it in
 * corrections: `an`, a run id): clamped with a note, or kept with one when unusable.
 */
export function decodeObject<T extends object>(
  base: T,
  layout: ObjectLayout,
  prefix: string,
  owner: string,
  reader: LinkReader,
  say: Say,
): T {
  const value: Bag = { ...(base as Bag) };
  for (const f of layout.fields) decodeField(value, f, prefix + f.key, reader, say);
  for (const n of layout.unions) decodeNested(value, n, prefix, reader, say);
  for (const g of layout.groups) decodeGroup(value, g, prefix, owner, reader, say);
  return value as T;
}
