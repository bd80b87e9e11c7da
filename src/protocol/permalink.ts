/**
 * The permalink: an ExperimentSpec (and an optional backend) in the URL hash, with short readable
 * keys and a version. `decodePermalink` never throws: unknown keys are ignored, bad values fall
 * back to the base spec's or are clamped, and every correction is listed for the page to show.
 *
 *   #v=1&seed=7&backend=wasm&sgd.lr=0.05
 */
import { isBackendName, type BackendChoice } from './backend';
import { SPEC_VERSION, type ExperimentSpec, type RunSpec } from './experimentSpec';

export interface Permalink {
  readonly spec: ExperimentSpec;
  readonly backend: BackendChoice;
}

export interface DecodedPermalink extends Permalink {
  /** What was wrong with the hash and what was done about it, one sentence each. */
  readonly corrections: readonly string[];
}

const MAX_SEED = 2 ** 31 - 1;
const LR_RANGE = [1e-6, 100] as const;
/** Longest value echoed back in a correction (the text is shown on the page). */
const ECHO = 40;

function quote(value: string): string {
  return JSON.stringify(value.length > ECHO ? `${value.slice(0, ECHO)}…` : value);
}

/** Serializes the spec's fields that differ from `base`, so default links stay short. */
export function encodePermalink(link: Permalink, base: ExperimentSpec): string {
  const params = new URLSearchParams();
  params.set('v', String(SPEC_VERSION));
  if (link.spec.seed !== base.seed) params.set('seed', String(link.spec.seed));
  if (link.backend !== 'auto') params.set('backend', link.backend);
  for (const run of link.spec.runs) {
    const baseRun = base.runs.find((r) => r.id === run.id);
    if (!baseRun || baseRun.optimizer.lr !== run.optimizer.lr) {
      params.set(`${run.id}.lr`, String(run.optimizer.lr));
    }
  }
  return `#${params.toString()}`;
}

/** Reads a hash (with or without the leading '#') over `base`; never throws. */
export function decodePermalink(hash: string, base: ExperimentSpec): DecodedPermalink {
  const corrections: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return {
      spec: base,
      backend: 'auto',
      corrections: ['The link could not be read; using defaults.'],
    };
  }
  let seed = base.seed;
  let backend: BackendChoice = 'auto';
  const lrs = new Map<string, number>();

  for (const [key, raw] of params) {
    if (key === 'v') {
      if (raw !== String(SPEC_VERSION)) {
        corrections.push(
          `Link version ${quote(raw)} is unknown; read it as version ${SPEC_VERSION}.`,
        );
      }
    } else if (key === 'seed') {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 0 || value > MAX_SEED) {
        corrections.push(`seed ${quote(raw)} is not an integer in 0…${MAX_SEED}; kept ${seed}.`);
      } else seed = value;
    } else if (key === 'backend') {
      if (raw === 'auto' || isBackendName(raw)) backend = raw;
      else corrections.push(`backend ${quote(raw)} is unknown; the engine picks one.`);
    } else if (key.endsWith('.lr')) {
      const id = key.slice(0, -3);
      const run = base.runs.find((r) => r.id === id);
      const value = Number(raw);
      if (!run) corrections.push(`There is no run ${quote(id)}; ignored its learning rate.`);
      else if (raw === '' || !Number.isFinite(value)) {
        corrections.push(
          `${id} learning rate ${quote(raw)} is not a number; kept ${run.optimizer.lr}.`,
        );
      } else {
        const clamped = Math.min(LR_RANGE[1], Math.max(LR_RANGE[0], value));
        if (clamped !== value) {
          corrections.push(
            `${id} learning rate ${quote(raw)} is out of range; clamped to ${clamped}.`,
          );
        }
        lrs.set(id, clamped);
      }
    } else {
      corrections.push(`Ignored the unknown setting ${quote(key)}.`);
    }
  }

  const runs = base.runs.map((run): RunSpec => {
    const lr = lrs.get(run.id);
    return lr === undefined ? run : { ...run, optimizer: { ...run.optimizer, lr } };
  });
  return { spec: { ...base, seed, runs }, backend, corrections };
}
