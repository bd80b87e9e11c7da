/**
 * Reading and writing one schema field of a link: the pieces both link codecs share — the
 * experiment's (./permalink.ts) and a study's (./studies/studyLink.ts). A reader remembers which
 * keys were read, so what is left over can be named as ignored; a field that cannot be used
 * keeps its base value and says so in a sentence.
 */
import { formatValue, parseValue, quote, sameValue } from './linkValues';
import type { FieldSchema } from './specSchema';

export type Bag = Record<string, unknown>;
export type Pairs = [string, string][];
/** Reports one correction, as a sentence for the page. */
export type Say = (sentence: string) => void;

/** The link's word for an absent optional value of `f`. */
function absentWord(f: FieldSchema): string {
  return f.absentWord ?? 'auto';
}

/** Writes `key=value` when `value` differs from the base's (`auto` for an absent optional). */
export function encodeField(
  value: unknown,
  base: unknown,
  f: FieldSchema,
  key: string,
  out: Pairs,
): void {
  if (f.optional && value === undefined) {
    if (base !== undefined) out.push([key, absentWord(f)]);
    return;
  }
  if (!sameValue(value, base)) out.push([key, formatValue(value, f.value)]);
}

/** The hash's pairs (the last of repeated keys wins), remembering which ones were read. */
export class LinkReader {
  private readonly values = new Map<string, string>();
  private readonly read = new Set<string>();

  constructor(pairs: Iterable<[string, string]>) {
    for (const [k, v] of pairs) this.values.set(k, v);
  }

  take(key: string): string | undefined {
    this.read.add(key);
    return this.values.get(key);
  }

  /** Every pair, for the presentation decoder (which reads its own keys). */
  all(): ReadonlyMap<string, string> {
    return this.values;
  }

  unread(): string[] {
    return [...this.values.keys()].filter((k) => !this.read.has(k));
  }
}

/** Reads `key` into `target[f.prop]`: clamped with a note, or kept with one when unusable. */
export function decodeField(
  target: Bag,
  f: FieldSchema,
  key: string,
  reader: LinkReader,
  say: Say,
): void {
  const raw = reader.take(key);
  if (raw === undefined) return;
  if (f.optional && raw === absentWord(f)) {
    delete target[f.prop];
    return;
  }
  const parsed = parseValue(raw, f.value);
  if (!parsed.ok) {
    const kept = target[f.prop];
    const or = f.optional ? ` (or ${absentWord(f)})` : '';
    say(
      `${key} ${quote(raw)} ${parsed.note}${or}; kept ${kept === undefined ? absentWord(f) : formatValue(kept, f.value)}.`,
    );
    return;
  }
  if (parsed.note) say(`${key} ${quote(raw)} ${parsed.note}.`);
  target[f.prop] = parsed.value;
}

/** One link text escaped for the hash; commas and colons are safe there and keep lists readable. */
export function escapeLinkText(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}
