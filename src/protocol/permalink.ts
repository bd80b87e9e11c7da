/**
 * The permalink: the whole ExperimentSpec (and the backend, a preset, and view-only presentation
 * options) in the URL hash, with short readable keys and a version. Only what differs from the
 * base — the preset's spec, or the default experiment — is written, so links stay short:
 *
 *   #v=1&preset=race&backend=wasm&seed=7&sgd.lr=0.05&esgd.L=10&lecture=1&hide=controls
 *
 * Keys, all read off the spec's layout and tables (./specLayout.ts, ./specSchema.ts) by
 * ./linkObjects.ts: `seed`, `tick`, `budget`; `data`, `model`, `loss` (kinds) with their fields
 * under `data.`, `model.`, `loss.`; `runs=<id>,<id>` (the run list, when it differs) and per run
 * `<id>.label`, `<id>.seed`, `<id>.plane` (or full), `<id>.opt` (kind) with the optimizer's fields
 * beside it (`<id>.lr`) and its schedules under theirs (`<id>.lrs.every`), `<id>.copy` (the run
 * it copies, or none) with `<id>.copy.c`, `<id>.copy.layer`; `an.every`, `an.wait`,
 * `an.spectrum`, `an.slice` (a plane, or off) with `an.extent`, `an.res`, and `an.flat` (1/0) with
 * `an.sigmas`, `an.radii`, `an.draws`, `an.tol`. A study (`preset=<study id>`) writes its job's
 * fields, `job.<key>`, instead of the spec's (./studies/studyLink.ts).
 *
 * `decodePermalink` never throws: unknown keys are ignored, bad values are clamped or fall back to
 * the base's, and every correction is returned as a sentence for the page to show (as text). Its
 * spec always passes `validateSpec`. Old link versions keep decoding: each version has a decoder
 * to the current spec (`DECODERS`).
 */
import { isBackendName, type BackendChoice } from './backend';
import type { ExperimentSpec, RunSpec } from './experimentSpec';
import { OPTIMIZER_DEFAULTS, SGD_DEFAULTS } from '../core/optimizers/optimizerSpec';
import { repairSpec } from './repairSpec';
import { LinkReader, escapeLinkText, type Pairs, type Say } from './linkFields';
import { decodeObject, encodeObject } from './linkObjects';
import { isValidRunId, quote, sameValue } from './linkValues';
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
import { ANALYSIS_LAYOUT, MAX_RUNS, RUN_LAYOUT, TOP_LAYOUT } from './specLayout';
import { optimizerProblems, validateSpec } from './validateSpec';

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

/** The pairs that turn `base` into `spec`. */
export function specPairs(spec: ExperimentSpec, base: ExperimentSpec): Pairs {
  const out: Pairs = [];
  encodeObject(spec, base, TOP_LAYOUT, '', out);
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
    encodeObject(run, b, RUN_LAYOUT, `${run.id}.`, out);
  }
  encodeObject(spec.analysis, base.analysis, ANALYSIS_LAYOUT, 'an.', out);
  return out;
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

/** Run `id` over the base's run of that id (or plain SGD); an unsound optimizer falls back whole. */
function decodeRun(id: string, base: ExperimentSpec, reader: LinkReader, say: Say): RunSpec {
  const b = base.runs.find((r) => r.id === id) ?? defaultRun(id);
  const run = decodeObject(b, RUN_LAYOUT, `${id}.`, id, reader, say);
  const problems = optimizerProblems(run.optimizer, id);
  if (problems.length === 0) return run;
  const fallback =
    run.optimizer.kind === b.optimizer.kind && optimizerProblems(b.optimizer, id).length === 0
      ? b.optimizer
      : OPTIMIZER_DEFAULTS[run.optimizer.kind];
  say(
    `${problems.map((p) => p.replace(/^[^:]*: /, '')).join('; ')} — so run ${id} uses ${fallback === b.optimizer ? 'its base' : 'the default'} ${run.optimizer.kind} settings.`,
  );
  return { ...run, optimizer: fallback };
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

  const top = decodeObject(base, TOP_LAYOUT, '', '', reader, say);
  const ids = decodeRunIds(reader.take('runs'), base, say);
  const runs = ids.map((id) => decodeRun(id, base, reader, say));
  const analysis = decodeObject(base.analysis, ANALYSIS_LAYOUT, 'an.', 'an', reader, say);

  const groups = new Set(['an', 'job', ...TOP_LAYOUT.unions.map((n) => n.key), ...ids]);
  for (const key of reader.unread()) {
    if (PRESENTATION_KEYS.has(key) || key === 'v') continue;
    const dot = key.indexOf('.');
    const group = dot > 0 ? key.slice(0, dot) : null;
    if (group && !groups.has(group)) say(`There is no run ${quote(group)}; ignored ${quote(key)}.`);
    else say(`Ignored the unknown setting ${quote(key)}.`);
  }

  const spec: ExperimentSpec = { ...top, runs, analysis };
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
