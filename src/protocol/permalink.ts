/**
 * The permalink: the whole ExperimentSpec (and the backend, a preset, and view-only presentation
 * options) in the URL hash, with short readable keys and a version. Only what differs from the
 * base — the preset's spec, or the default experiment — is written, so links stay short:
 *
 *   #v=1&preset=race&backend=wasm&seed=7&sgd.lr=0.05&esgd.L=10&lecture=1&hide=controls
 *
 * Keys: `seed`, `tick`; `data` (kind) and `data.<field>`; `model`, `model.<field>`; `loss`,
 * `loss.<field>`; `runs=<id>,<id>` (the run list, when it differs) and per run `<id>.opt` (kind),
 * `<id>.label`, `<id>.seed` (seed offset), `<id>.<field>`, `<id>.lrs`, `<id>.lrs.<field>`,
 * `<id>.norm`, `<id>.norm.<field>`, `<id>.plane` (a hyperplane's dimension, or full), `<id>.copy`
 * (the run it is a rescaled copy of, or none), `<id>.copy.c`, `<id>.copy.layer`; `an.every`, `an.wait` (1/0), `an.spectrum`, `an.slice` (plane or off),
 * `an.extent`, `an.res`, `an.flat` (1/0), `an.sigmas`, `an.radii`, `an.draws`, `an.tol`. The short field
 * keys are in `specSchema`. A study (`preset=<study id>`) writes its job's fields, `job.<key>`,
 * instead of the spec's (./studies/studyLink.ts).
 *
 * `decodePermalink` never throws: unknown keys are ignored, bad values are clamped or fall back to
 * the base's, and every correction is returned as a sentence for the page to show (as text). Its
 * spec always passes `validateSpec`. Old link versions keep decoding: each version has a decoder
 * to the current spec (`DECODERS`).
 */
import { isBackendName, type BackendChoice } from './backend';
import type { AnalysisSpec, ExperimentSpec, RescaledCopy, RunSpec } from './experimentSpec';
import { COPY_FIELDS, HYPERPLANE_FIELD, defaultCopy } from './runVariants';
import {
  OPTIMIZER_DEFAULTS,
  SGD_DEFAULTS,
  type OptimizerSpec,
} from '../core/optimizers/optimizerSpec';
import { repairSpec } from './repairSpec';
import { PLANE_KINDS } from './analysis';
import {
  LinkReader,
  decodeField,
  encodeField,
  escapeLinkText,
  type Bag,
  type Pairs,
  type Say,
} from './linkFields';
import { parseValue, quote, sameValue } from './linkValues';
import {
  DEFAULT_PRESENTATION,
  PRESENTATION_KEYS,
  decodePresentation,
  encodePresentation,
  type Presentation,
} from './presentation';
import type { Catalog } from './catalog';
import { decodeStudyJob, studyPairs } from './studies/studyLink';
import type { StudySelection } from './studies/study';
import {
  ANALYSIS_FIELDS,
  DATASET_SCHEMA,
  LOSS_SCHEMA,
  MAX_LABEL,
  MAX_RUNS,
  MODEL_SCHEMA,
  OPTIMIZER_SCHEMA,
  SEED_FIELD,
  SEED_OFFSET_FIELD,
  TICK_FIELD,
  BUDGET_FIELD,
  DEFAULT_FLATNESS,
  DEFAULT_SLICE,
  type UnionSchema,
} from './specSchema';
import {
  isValidLabel,
  isValidRunId,
  optimizerProblems,
  validateSpec,
  withoutControlCharacters,
} from './validateSpec';

/** The link format's version; bump it (and add a decoder) on any change of meaning. */
export const LINK_VERSION = 1;

export interface Permalink {
  readonly spec: ExperimentSpec;
  readonly backend: BackendChoice;
  /** The preset the spec is written relative to (`#preset=<id>`), or none. */
  readonly preset?: string | null;
  /** An open study (./studies): written instead of the spec, as `preset=<id>` and `job.<key>`. */
  readonly study?: StudySelection | null;
  readonly presentation?: Presentation;
}

export interface DecodedPermalink {
  readonly spec: ExperimentSpec;
  readonly backend: BackendChoice;
  readonly preset: string | null;
  /** The study the link opens, with its job (the spec is then the default experiment's). */
  readonly study: StudySelection | null;
  readonly presentation: Presentation;
  /** What was wrong with the hash and what was done about it, one sentence each. */
  readonly corrections: readonly string[];
}

/** Hashes longer than this are cut (a spec needs a few hundred characters at most). */
const MAX_HASH = 8000;

/** A run the base does not have starts from this: plain SGD, labelled by its id. */
function defaultRun(id: string): RunSpec {
  return { id, label: id, optimizer: SGD_DEFAULTS, seedOffset: 0 };
}

// ---------------------------------------------------------------- encoding

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
  for (const n of schema.nested(spec.kind)) {
    const key = prefix + n.key;
    encodeUnion(
      s[n.prop] as { kind: string },
      b[n.prop] as { kind: string },
      n.union,
      key,
      `${key}.`,
      out,
    );
  }
}

function encodeAnalysis(spec: AnalysisSpec, base: AnalysisSpec, out: Pairs): void {
  encodeField(spec.every, base.every, ANALYSIS_FIELDS.every, 'an.every', out);
  encodeField(spec.spectrum, base.spectrum, ANALYSIS_FIELDS.spectrum, 'an.spectrum', out);
  encodeField(spec.wait, base.wait, ANALYSIS_FIELDS.wait, 'an.wait', out);
  if (spec.slice === null) {
    if (base.slice !== null) out.push(['an.slice', 'off']);
  } else {
    const b = base.slice ?? DEFAULT_SLICE;
    if (base.slice === null || spec.slice.plane !== b.plane)
      out.push(['an.slice', spec.slice.plane]);
    encodeField(spec.slice.extent, b.extent, ANALYSIS_FIELDS.extent, 'an.extent', out);
    encodeField(spec.slice.resolution, b.resolution, ANALYSIS_FIELDS.resolution, 'an.res', out);
  }
  if (spec.flatness === null) {
    if (base.flatness !== null) out.push(['an.flat', '0']);
  } else {
    const b = base.flatness ?? DEFAULT_FLATNESS;
    if (base.flatness === null) out.push(['an.flat', '1']);
    encodeField(spec.flatness.sigmas, b.sigmas, ANALYSIS_FIELDS.sigmas, 'an.sigmas', out);
    encodeField(spec.flatness.radii, b.radii, ANALYSIS_FIELDS.radii, 'an.radii', out);
    encodeField(spec.flatness.draws, b.draws, ANALYSIS_FIELDS.draws, 'an.draws', out);
    encodeField(spec.flatness.tolerance, b.tolerance, ANALYSIS_FIELDS.tolerance, 'an.tol', out);
  }
}

/** The pairs that turn `base` into `spec`. */
export function specPairs(spec: ExperimentSpec, base: ExperimentSpec): Pairs {
  const out: Pairs = [];
  encodeField(spec.seed, base.seed, SEED_FIELD, 'seed', out);
  encodeField(spec.tickGradEvals, base.tickGradEvals, TICK_FIELD, 'tick', out);
  encodeField(spec.budget, base.budget, BUDGET_FIELD, 'budget', out);
  encodeUnion(spec.dataset, base.dataset, DATASET_SCHEMA, 'data', 'data.', out);
  encodeUnion(spec.model, base.model, MODEL_SCHEMA, 'model', 'model.', out);
  encodeUnion(spec.loss, base.loss, LOSS_SCHEMA, 'loss', 'loss.', out);
  const ids = spec.runs.map((r) => r.id);
  if (
    !sameValue(
      ids,
      base.runs.map((r) => r.id),
    )
  )
    out.push(['runs', ids.join(',')]);
  for (const run of spec.runs) {
    const b = base.runs.find((r) => r.id === run.id) ?? defaultRun(run.id);
    if (run.label !== b.label) out.push([`${run.id}.label`, run.label]);
    encodeField(run.seedOffset, b.seedOffset, SEED_OFFSET_FIELD, `${run.id}.seed`, out);
    encodeUnion(run.optimizer, b.optimizer, OPTIMIZER_SCHEMA, `${run.id}.opt`, `${run.id}.`, out);
    encodeVariants(run, b, out);
  }
  encodeAnalysis(spec.analysis, base.analysis, out);
  return out;
}

/** `<id>.plane` and `<id>.copy…`: where the run trains, or whose copy it is. */
function encodeVariants(run: RunSpec, base: RunSpec, out: Pairs): void {
  if (run.hyperplane !== base.hyperplane) {
    out.push([`${run.id}.plane`, run.hyperplane === undefined ? 'full' : String(run.hyperplane)]);
  }
  if (!run.copy) {
    if (base.copy) out.push([`${run.id}.copy`, 'none']);
    return;
  }
  const b = base.copy ?? defaultCopy(run.copy.of);
  if (run.copy.of !== base.copy?.of) out.push([`${run.id}.copy`, run.copy.of]);
  for (const f of [COPY_FIELDS.factor, COPY_FIELDS.layer]) {
    encodeField(run.copy[f.prop], b[f.prop], f, `${run.id}.copy.${f.key}`, out);
  }
}

/**
 * The hash (with its '#') for `link`: the version, the preset, the backend, the spec's fields that
 * differ from the preset's spec (or from `base` without a preset), then the presentation options.
 * The preset or study is looked up in `catalog` (./catalog.ts: the caller's).
 */
export function encodePermalink(
  link: Permalink,
  base: ExperimentSpec,
  { findPreset, findStudy }: Catalog,
): string {
  const preset = link.preset ? findPreset(link.preset) : undefined;
  const study = link.study ? findStudy(link.study.id) : undefined;
  const pairs: Pairs = [['v', String(LINK_VERSION)]];
  if (study) pairs.push(['preset', study.id]);
  else if (preset) pairs.push(['preset', preset.id]);
  if (link.backend !== 'auto') pairs.push(['backend', link.backend]);
  if (study && link.study) pairs.push(...studyPairs(study, link.study.job));
  else pairs.push(...specPairs(link.spec, preset ? preset.spec : base));
  pairs.push(...encodePresentation(link.presentation ?? DEFAULT_PRESENTATION));
  return `#${pairs.map(([k, v]) => `${escapeLinkText(k)}=${escapeLinkText(v)}`).join('&')}`;
}

// ---------------------------------------------------------------- decoding

function decodeUnion<T extends { readonly kind: string }>(
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
  for (const n of schema.nested(kind)) {
    const key = prefix + n.key;
    value[n.prop] = decodeUnion(
      value[n.prop] as { kind: string },
      n.union,
      key,
      `${key}.`,
      reader,
      say,
    );
  }
  return value as unknown as T;
}

function decodeRunIds(raw: string | undefined, base: ExperimentSpec, say: Say): string[] {
  const baseIds = base.runs.map((r) => r.id);
  if (raw === undefined) return baseIds;
  const ids: string[] = [];
  for (const id of raw.split(',')) {
    if (!isValidRunId(id)) {
      say(
        `runs: ${quote(id)} is not a usable run id (a letter, then up to 15 letters, digits, - or _); dropped it.`,
      );
    } else if (ids.includes(id)) say(`runs: ${quote(id)} is listed twice; kept the first.`);
    else if (ids.length >= MAX_RUNS) say(`runs: at most ${MAX_RUNS} runs; dropped ${quote(id)}.`);
    else ids.push(id);
  }
  if (ids.length === 0) {
    say(`runs ${quote(raw)} lists no usable run; kept ${baseIds.join(', ')}.`);
    return baseIds;
  }
  return ids;
}

function decodeRun(id: string, base: ExperimentSpec, reader: LinkReader, say: Say): RunSpec {
  const b = base.runs.find((r) => r.id === id) ?? defaultRun(id);
  let label = b.label;
  const rawLabel = reader.take(`${id}.label`);
  if (rawLabel !== undefined) {
    const clean = withoutControlCharacters(rawLabel).trim().slice(0, MAX_LABEL);
    if (!isValidLabel(clean)) say(`${id}.label ${quote(rawLabel)} is empty; kept ${quote(label)}.`);
    else {
      if (clean !== rawLabel) say(`${id}.label ${quote(rawLabel)} was shortened or cleaned.`);
      label = clean;
    }
  }
  const bag: Bag = { seedOffset: b.seedOffset };
  decodeField(bag, SEED_OFFSET_FIELD, `${id}.seed`, reader, say);
  let optimizer = decodeUnion<OptimizerSpec>(
    b.optimizer,
    OPTIMIZER_SCHEMA,
    `${id}.opt`,
    `${id}.`,
    reader,
    say,
  );
  const problems = optimizerProblems(optimizer, id);
  if (problems.length > 0) {
    const fallback =
      optimizer.kind === b.optimizer.kind && optimizerProblems(b.optimizer, id).length === 0
        ? b.optimizer
        : OPTIMIZER_DEFAULTS[optimizer.kind];
    say(
      `${problems.map((p) => p.replace(/^[^:]*: /, '')).join('; ')} — so run ${id} uses ${fallback === b.optimizer ? 'its base' : 'the default'} ${optimizer.kind} settings.`,
    );
    optimizer = fallback;
  }
  return {
    id,
    label,
    optimizer,
    seedOffset: bag.seedOffset as number,
    ...decodeVariants(id, b, reader, say),
  };
}

/** `<id>.plane` and `<id>.copy…` over the base run's; their conflicts are repaired later. */
function decodeVariants(
  id: string,
  b: RunSpec,
  reader: LinkReader,
  say: Say,
): Pick<RunSpec, 'hyperplane' | 'copy'> {
  const bag: Bag = { hyperplane: b.hyperplane };
  const rawPlane = reader.take(`${id}.plane`);
  if (rawPlane === 'full') delete bag.hyperplane;
  else if (rawPlane !== undefined) {
    const parsed = parseValue(rawPlane, HYPERPLANE_FIELD.value);
    if (!parsed.ok) {
      say(
        `${id}.plane ${quote(rawPlane)} ${parsed.note} (a dimension or full); kept ${b.hyperplane ?? 'full'}.`,
      );
    } else {
      if (parsed.note) say(`${id}.plane ${quote(rawPlane)} ${parsed.note}.`);
      bag.hyperplane = parsed.value;
    }
  }
  let copy: Bag | undefined = b.copy ? { ...b.copy } : undefined;
  const rawCopy = reader.take(`${id}.copy`);
  if (rawCopy === 'none') copy = undefined;
  else if (rawCopy !== undefined) {
    if (isValidRunId(rawCopy)) copy = { ...(b.copy ?? defaultCopy(rawCopy)), of: rawCopy };
    else say(`${id}.copy ${quote(rawCopy)} is not a run id; kept ${b.copy?.of ?? 'none'}.`);
  }
  for (const f of [COPY_FIELDS.factor, COPY_FIELDS.layer]) {
    const key = `${id}.copy.${f.key}`;
    if (copy) decodeField(copy, f, key, reader, say);
    else if (reader.take(key) !== undefined) say(`Ignored ${key}: run ${id} is not a copy.`);
  }
  return {
    ...(bag.hyperplane !== undefined ? { hyperplane: bag.hyperplane as number } : {}),
    ...(copy ? { copy: copy as unknown as RescaledCopy } : {}),
  };
}

function decodeAnalysis(base: AnalysisSpec, reader: LinkReader, say: Say): AnalysisSpec {
  const top: Bag = { every: base.every, spectrum: base.spectrum, wait: base.wait };
  decodeField(top, ANALYSIS_FIELDS.every, 'an.every', reader, say);
  decodeField(top, ANALYSIS_FIELDS.wait, 'an.wait', reader, say);
  decodeField(top, ANALYSIS_FIELDS.spectrum, 'an.spectrum', reader, say);

  let slice: Bag | null = base.slice ? { ...base.slice } : null;
  const rawPlane = reader.take('an.slice');
  if (rawPlane !== undefined) {
    if (rawPlane === 'off') slice = null;
    else if ((PLANE_KINDS as readonly string[]).includes(rawPlane)) {
      slice = { ...(slice ?? DEFAULT_SLICE), plane: rawPlane };
    } else {
      say(`an.slice ${quote(rawPlane)} is not one of off, ${PLANE_KINDS.join(', ')}; kept it.`);
    }
  }
  for (const [key, f] of [
    ['an.extent', ANALYSIS_FIELDS.extent],
    ['an.res', ANALYSIS_FIELDS.resolution],
  ] as const) {
    if (slice) decodeField(slice, f, key, reader, say);
    else if (reader.take(key) !== undefined) say(`Ignored ${key}: the slice is off.`);
  }

  let flatness: Bag | null = base.flatness ? { ...base.flatness } : null;
  const rawFlat = reader.take('an.flat');
  if (rawFlat !== undefined) {
    const on = parseValue(rawFlat, { type: 'boolean' });
    if (!on.ok) say(`an.flat ${quote(rawFlat)} ${on.note}; kept it ${flatness ? 'on' : 'off'}.`);
    else flatness = on.value ? (flatness ?? { ...DEFAULT_FLATNESS }) : null;
  }
  for (const [key, f] of [
    ['an.sigmas', ANALYSIS_FIELDS.sigmas],
    ['an.radii', ANALYSIS_FIELDS.radii],
    ['an.draws', ANALYSIS_FIELDS.draws],
    ['an.tol', ANALYSIS_FIELDS.tolerance],
  ] as const) {
    if (flatness) decodeField(flatness, f, key, reader, say);
    else if (reader.take(key) !== undefined) say(`Ignored ${key}: flatness is off.`);
  }
  return {
    every: top.every as number,
    wait: top.wait as boolean,
    spectrum: top.spectrum as AnalysisSpec['spectrum'],
    slice: slice as AnalysisSpec['slice'],
    flatness: flatness as AnalysisSpec['flatness'],
  };
}

/** What a version's decoder returns: the current spec, the backend and the preset. */
interface VersionResult {
  readonly spec: ExperimentSpec;
  readonly backend: BackendChoice;
  readonly preset: string | null;
  readonly study: StudySelection | null;
}
type VersionDecoder = (
  reader: LinkReader,
  base: ExperimentSpec,
  say: Say,
  catalog: Catalog,
) => VersionResult;

/** Version 1 (also read for links without `v`, which the first codec wrote as `seed`, `<id>.lr`). */
function decodeV1(
  reader: LinkReader,
  defaults: ExperimentSpec,
  say: Say,
  { findPreset, findStudy }: Catalog,
): VersionResult {
  let base = defaults;
  let preset: string | null = null;
  let study: StudySelection | null = null;
  const rawPreset = reader.take('preset');
  if (rawPreset !== undefined) {
    const found = findPreset(rawPreset);
    const foundStudy = found ? undefined : findStudy(rawPreset);
    if (found) {
      base = found.spec;
      preset = found.id;
    } else if (foundStudy) study = decodeStudyJob(foundStudy, reader, say);
    else say(`There is no preset ${quote(rawPreset)}; started from the default experiment.`);
  }

  let backend: BackendChoice = 'auto';
  const rawBackend = reader.take('backend');
  if (rawBackend !== undefined) {
    if (rawBackend === 'auto' || isBackendName(rawBackend)) backend = rawBackend;
    else say(`backend ${quote(rawBackend)} is unknown; the engine picks one.`);
  }

  const top: Bag = { seed: base.seed, tickGradEvals: base.tickGradEvals, budget: base.budget };
  decodeField(top, SEED_FIELD, 'seed', reader, say);
  decodeField(top, TICK_FIELD, 'tick', reader, say);
  decodeField(top, BUDGET_FIELD, 'budget', reader, say);
  const dataset = decodeUnion(base.dataset, DATASET_SCHEMA, 'data', 'data.', reader, say);
  const model = decodeUnion(base.model, MODEL_SCHEMA, 'model', 'model.', reader, say);
  const loss = decodeUnion(base.loss, LOSS_SCHEMA, 'loss', 'loss.', reader, say);
  const ids = decodeRunIds(reader.take('runs'), base, say);
  const runs = ids.map((id) => decodeRun(id, base, reader, say));
  const analysis = decodeAnalysis(base.analysis, reader, say);

  for (const key of reader.unread()) {
    if (PRESENTATION_KEYS.has(key) || key === 'v') continue;
    const dot = key.indexOf('.');
    const group = dot > 0 ? key.slice(0, dot) : null;
    if (group && !['data', 'model', 'loss', 'an', 'job'].includes(group) && !ids.includes(group)) {
      say(`There is no run ${quote(group)}; ignored ${quote(key)}.`);
    } else say(`Ignored the unknown setting ${quote(key)}.`);
  }

  const spec: ExperimentSpec = {
    ...base,
    seed: top.seed as number,
    tickGradEvals: top.tickGradEvals as number,
    budget: top.budget as number,
    dataset,
    model,
    loss,
    runs,
    analysis,
  };
  const repaired = repairSpec(spec, base);
  repaired.notes.forEach(say);
  return { spec: repaired.spec, backend, preset, study };
}

/** One decoder per link version, each to the current spec. */
const DECODERS: Readonly<Record<number, VersionDecoder>> = { 1: decodeV1 };

function readVersion(raw: string | undefined, say: Say): number {
  if (raw === undefined) return LINK_VERSION;
  const v = Number(raw);
  if (Number.isInteger(v) && DECODERS[v]) return v;
  if (Number.isInteger(v) && v > LINK_VERSION) {
    say(
      `This link was made by a newer Flatland (version ${quote(raw)}); read it as version ${LINK_VERSION}.`,
    );
  } else say(`Link version ${quote(raw)} is unknown; read it as version ${LINK_VERSION}.`);
  return LINK_VERSION;
}

/**
 * `a=1&b=x%20y` → [['a', '1'], ['b', 'x y']], as URLSearchParams reads it ('+' is a space; a
 * malformed escape is kept as written). Written out because the protocol is pure ES (it runs in
 * Node, the worker and the page without DOM types).
 */
export function queryPairs(text: string): [string, string][] {
  const decode = (part: string): string => {
    const spaced = part.replace(/\+/g, ' ');
    try {
      return decodeURIComponent(spaced);
    } catch {
      return spaced;
    }
  };
  return text
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
    });
}

/** Reads a hash (with or without the leading '#') over `base`, presets from `catalog`; never throws. */
export function decodePermalink(
  hash: string,
  base: ExperimentSpec,
  catalog: Catalog,
): DecodedPermalink {
  const corrections: string[] = [];
  const say: Say = (sentence) => {
    if (corrections.length < 50) corrections.push(sentence);
  };
  try {
    let text = hash.replace(/^#/, '');
    if (text.length > MAX_HASH) {
      say(`The link is too long; read its first ${MAX_HASH} characters.`);
      text = text.slice(0, MAX_HASH);
    }
    const reader = new LinkReader(queryPairs(text));
    const version = readVersion(reader.take('v'), say);
    const decoder = DECODERS[version] ?? decodeV1;
    const result = decoder(reader, base, say, catalog);
    const presentation = decodePresentation(reader.all(), say, quote);
    const problems = validateSpec(result.spec);
    if (problems.length > 0) {
      say(`The link's experiment was still not valid (${problems.join('; ')}); used the defaults.`);
      const fallback = (result.preset && catalog.findPreset(result.preset)?.spec) || base;
      return { ...result, spec: fallback, presentation, corrections };
    }
    return { ...result, presentation, corrections };
  } catch {
    return {
      spec: base,
      backend: 'auto',
      preset: null,
      study: null,
      presentation: DEFAULT_PRESENTATION,
      corrections: ['The link could not be read; using defaults.'],
    };
  }
}
