/**
 * One link value ↔ one spec value, by the field's `ValueType`: numbers in JavaScript's shortest
 * round-tripping form, booleans as 1/0, lists comma-separated. Parsing never throws: it returns
 * the value to use (clamped, rounded) and, when the text was not usable as is, why.
 */
import { RESERVED_IDS, RUN_ID, type ValueType } from './specSchema';

export type Parsed =
  | { readonly ok: true; readonly value: unknown; readonly note: string | null }
  | { readonly ok: false; readonly note: string };

/** Longest piece of user text echoed back in a correction (the text is shown on the page). */
const ECHO = 40;

/** `raw` shortened and quoted, for a correction sentence. */
export function quote(raw: string): string {
  return JSON.stringify(raw.length > ECHO ? `${raw.slice(0, ECHO)}…` : raw);
}

export function formatValue(value: unknown, type: ValueType): string {
  switch (type.type) {
    case 'number':
      return String(value);
    case 'boolean':
      return value ? '1' : '0';
    case 'enum':
      return String(value);
    case 'numbers':
      return (value as readonly number[]).map(String).join(',');
    case 'enums':
      return (value as readonly string[]).join(',');
    case 'text':
    case 'id':
      return String(value);
  }
}

const TRUE = new Set(['1', 'true', 'on', 'yes']);
const FALSE = new Set(['0', 'false', 'off', 'no']);

function parseNumber(
  raw: string,
  min: number,
  max: number,
  integer: boolean,
  odd: boolean,
): Parsed {
  const text = raw.trim();
  const x = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(x)) return { ok: false, note: 'is not a number' };
  // -0 reads as 0: a link has one way to say zero.
  let value = x + 0;
  const notes: string[] = [];
  if (integer && !Number.isInteger(value)) {
    value = Math.round(value);
    notes.push(`rounded to ${value}`);
  }
  if (value < min || value > max) {
    value = Math.min(max, Math.max(min, value));
    if (integer) value = value < 0 ? Math.ceil(value) : Math.floor(value);
    notes.length = 0;
    notes.push(`is outside ${min}…${max}; clamped to ${value}`);
  }
  if (odd && Math.abs(value % 2) !== 1) {
    value = value + 1 <= max ? value + 1 : value - 1;
    notes.push(`must be odd; used ${value}`);
  }
  return { ok: true, value, note: notes.length > 0 ? notes.join(', ') : null };
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** `text` without its control characters (C0 and DEL). */
export function withoutControlCharacters(text: string): string {
  return [...text].filter((c) => !isControl(c)).join('');
}

/** A run id: `RUN_ID`, and not one of the link's own words. */
export function isValidRunId(id: unknown): id is string {
  return typeof id === 'string' && RUN_ID.test(id) && !RESERVED_IDS.has(id);
}

/** Text without control characters, trimmed, cut to `maxLength`: empty is not usable. */
function parseText(raw: string, maxLength: number): Parsed {
  const clean = withoutControlCharacters(raw).trim().slice(0, maxLength);
  if (clean === '') return { ok: false, note: 'is empty' };
  return { ok: true, value: clean, note: clean === raw ? null : 'was shortened or cleaned' };
}

/** Reads `raw` as a value of `type`. */
export function parseValue(raw: string, type: ValueType): Parsed {
  switch (type.type) {
    case 'number':
      return parseNumber(raw, type.min, type.max, type.integer === true, type.odd === true);
    case 'boolean': {
      const lower = raw.trim().toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: true, note: null };
      if (FALSE.has(lower)) return { ok: true, value: false, note: null };
      return { ok: false, note: 'is not 0 or 1' };
    }
    case 'enum':
      return type.values.includes(raw)
        ? { ok: true, value: raw, note: null }
        : { ok: false, note: `is not one of ${type.values.join(', ')}` };
    case 'numbers': {
      const parts = raw.trim() === '' ? [] : raw.split(',');
      if (parts.length > type.maxLength) {
        return { ok: false, note: `has more than ${type.maxLength} entries` };
      }
      if (parts.length < type.minLength) {
        return { ok: false, note: `needs at least ${type.minLength} entries` };
      }
      const values: number[] = [];
      const notes: string[] = [];
      for (const part of parts) {
        const p = parseNumber(part, type.min, type.max, type.integer === true, false);
        if (!p.ok) return { ok: false, note: `has an entry that ${p.note}` };
        if (p.note) notes.push(`${part.trim()} ${p.note}`);
        values.push(p.value as number);
      }
      return { ok: true, value: values, note: notes.length > 0 ? notes.join('; ') : null };
    }
    case 'enums': {
      const names = raw.trim() === '' ? [] : raw.split(',').map((x) => x.trim());
      const unknown = names.find((x) => !type.values.includes(x));
      if (unknown !== undefined) {
        return { ok: false, note: `names ${quote(unknown)}, not one of ${type.values.join(', ')}` };
      }
      const value = type.values.filter((x) => names.includes(x));
      if (value.length < type.minLength) {
        return { ok: false, note: `needs at least ${type.minLength} of ${type.values.join(', ')}` };
      }
      const reordered = value.length !== names.length || value.some((x, i) => x !== names[i]);
      return { ok: true, value, note: reordered ? `read as ${value.join(',')}` : null };
    }
    case 'text':
      return parseText(raw, type.maxLength);
    case 'id':
      return isValidRunId(raw)
        ? { ok: true, value: raw, note: null }
        : {
            ok: false,
            note: 'is not a usable run id (a letter, then up to 15 letters, digits, - or _)',
          };
  }
}

/** Equality of two spec values of the same field (lists entry by entry). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return a === b;
}
