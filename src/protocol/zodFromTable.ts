/**
 * The zod schemas of the spec table (./specSchema.ts): a field's value type becomes a zod type
 * with its range (min/max, int, odd, list lengths), an optional field `.optional()`, its label
 * and hint the JSON Schema's title and description; a union becomes a discriminated union of one
 * object per kind (its fields and nested unions). The types follow the table's, so
 * `z.output<typeof zodUnion(MODEL_SCHEMA)>` is the core's `ModelSpec` (checked in
 * ./validateSpec.ts). Rules across fields are not here: they are refinements of the spec schema.
 */
import { z } from 'zod';
import type { SwitchGroup } from './specLayout';
import {
  RESERVED_IDS,
  RUN_ID,
  type BooleanType,
  type EnumType,
  type EnumsType,
  type FieldSchema,
  type FieldTable,
  type IdType,
  type NestedSchema,
  type NestedTable,
  type NumberType,
  type NumbersType,
  type TableUnion,
  type TextType,
  type UnionSchema,
  type ValueType,
} from './specSchema';

type EnumOf<E extends string> = z.ZodEnum<{ [K in E]: K }>;

/** The zod type of a value type. */
export type ZodOfValue<V extends ValueType> = V extends NumberType
  ? z.ZodNumber
  : V extends BooleanType
    ? z.ZodBoolean
    : V extends EnumType<infer E>
      ? EnumOf<E>
      : V extends NumbersType
        ? z.ZodArray<z.ZodNumber>
        : V extends EnumsType<infer E>
          ? z.ZodArray<EnumOf<E>>
          : V extends TextType | IdType
            ? z.ZodString
            : never;

/** The zod type of a field: its value's, `.optional()` when the field may be absent. */
export type ZodOfField<F extends FieldSchema> = F extends { readonly optional: true }
  ? z.ZodOptional<ZodOfValue<F['value']>>
  : ZodOfValue<F['value']>;

/** A z.object shape of a list of fields, by property. */
export type ShapeOf<Fs extends readonly FieldSchema[]> = {
  [F in Fs[number] as F['prop']]: ZodOfField<F>;
};

export type NestedShape<Ns> = Ns extends readonly NestedSchema[]
  ? { [N in Ns[number] as N['prop']]: ZodOfUnion<N['union']> }
  : unknown;

type KindObject<
  F extends FieldTable,
  N extends NestedTable,
  K extends keyof F & string,
> = z.ZodObject<{ kind: z.ZodLiteral<K> } & ShapeOf<F[K]> & NestedShape<N[K]>>;

/** The zod type of a switchable group: an object of its head and fields, null or absent when off. */
export type ZodOfGroup<G extends SwitchGroup> =
  G extends SwitchGroup<string, infer H, infer Fs>
    ? G['offIs'] extends 'null'
      ? z.ZodNullable<z.ZodObject<ShapeOf<H extends FieldSchema ? readonly [H, ...Fs] : Fs>>>
      : z.ZodOptional<z.ZodObject<ShapeOf<H extends FieldSchema ? readonly [H, ...Fs] : Fs>>>
    : never;

/** A z.object shape of a list of switchable groups, by property. */
export type GroupShapeOf<Gs extends readonly SwitchGroup[]> = {
  [G in Gs[number] as G['prop']]: ZodOfGroup<G>;
};

/** The zod type of a union: one object per kind, discriminated on `kind`. */
export type ZodOfUnion<U extends UnionSchema> =
  U extends TableUnion<infer F, infer N>
    ? z.ZodDiscriminatedUnion<{ [K in keyof F & string]: KindObject<F, N, K> }[keyof F & string][]>
    : never;

function numberOf(t: NumberType | NumbersType): z.ZodNumber {
  const x = z.number().min(t.min).max(t.max);
  return t.integer ? x.int() : x;
}

function zodOfValue(t: ValueType): z.ZodType {
  switch (t.type) {
    case 'number': {
      const x = numberOf(t);
      // JSON Schema has no "odd": `not multipleOf 2` says it for integers.
      return t.odd
        ? x.refine((v) => Math.abs(v % 2) === 1, 'must be odd').meta({ not: { multipleOf: 2 } })
        : x;
    }
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(t.values as [string, ...string[]]);
    case 'numbers':
      return z.array(numberOf(t)).min(t.minLength).max(t.maxLength);
    case 'enums':
      return z
        .array(z.enum(t.values as [string, ...string[]]))
        .min(t.minLength)
        .refine((names) => new Set(names).size === names.length, 'must not name one twice')
        .meta({ uniqueItems: true });
    case 'text':
      return (
        z
          .string()
          .min(1)
          .max(t.maxLength)
          // eslint-disable-next-line no-control-regex -- control characters are what text may not hold
          .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'must not hold control characters' })
      );
    case 'id':
      return z
        .string()
        .regex(RUN_ID, { error: 'must be a letter, then up to 15 letters, digits, - or _' })
        .refine((id) => !RESERVED_IDS.has(id), 'is a word the link reserves')
        .meta({ not: { enum: [...RESERVED_IDS] } });
  }
}

/** The zod schema of one value type. */
export function zodValue<V extends ValueType>(t: V): ZodOfValue<V> {
  return zodOfValue(t) as ZodOfValue<V>;
}

const fieldCache = new WeakMap<FieldSchema, z.ZodType>();

/** The zod schema of one field, with its label and hint as title and description. */
export function zodField<F extends FieldSchema>(f: F): ZodOfField<F> {
  let schema = fieldCache.get(f);
  if (!schema) {
    const value = zodOfValue(f.value).meta({
      title: f.label,
      ...(f.hint ? { description: f.hint } : {}),
    });
    schema = f.optional ? value.optional() : value;
    fieldCache.set(f, schema);
  }
  return schema as ZodOfField<F>;
}

/** The z.object shape of `fields`, by property. */
export function zodShape<const Fs extends readonly FieldSchema[]>(fields: Fs): ShapeOf<Fs> {
  return Object.fromEntries(fields.map((f) => [f.prop, zodField(f)])) as ShapeOf<Fs>;
}

/** The z.object shape of unions, by property; `schemaId` names one in the JSON Schema's $defs. */
export function zodUnions<const Ns extends readonly NestedSchema[]>(unions: Ns): NestedShape<Ns> {
  return Object.fromEntries(
    unions.map((n) => {
      const schema = zodUnion(n.union as TableUnion);
      return [n.prop, n.schemaId ? schema.meta({ id: n.schemaId }) : schema];
    }),
  ) as NestedShape<Ns>;
}

/** The z.object shape of switchable groups: each an object of its head and fields, or off. */
export function zodGroups<const Gs extends readonly SwitchGroup[]>(groups: Gs): GroupShapeOf<Gs> {
  return Object.fromEntries(
    groups.map((g) => {
      const object = z.object(zodShape(g.head ? [g.head, ...g.fields] : g.fields));
      return [g.prop, g.offIs === 'null' ? object.nullable() : object.optional()];
    }),
  ) as GroupShapeOf<Gs>;
}

/**
 * The zod schema of a union: for each kind an object of its fields and nested unions; a value
 * of no known kind is "not a known <noun>".
 */
export function zodUnion<U extends TableUnion>(u: U): ZodOfUnion<U> {
  const options = u.kinds.map((kind) =>
    z.object({
      kind: z.literal(kind),
      ...zodShape(u.fields(kind)),
      ...zodUnions(u.nested(kind)),
    }),
  );
  const notKnown = `is not a known ${u.noun}`;
  return z.discriminatedUnion('kind', options as [(typeof options)[number]], {
    error: (issue) => (issue.code === 'invalid_union' ? notKnown : undefined),
  }) as unknown as ZodOfUnion<U>;
}

/**
 * May `f` hold `value`: absent when optional, else a value of its type, exactly (no clamping)?
 * What a form commits (src/views/SchemaField.tsx) and what the link keeps as written.
 */
export function isValidFieldValue(f: FieldSchema, value: unknown): boolean {
  return zodField(f).safeParse(value).success;
}
