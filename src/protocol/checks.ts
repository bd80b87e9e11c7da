/**
 * Small readers of a `flatland/1` document for the presets' checks (src/presets), the studies',
 * the CLI's summaries and the page's flatness scatter. They accept both the worker's document
 * (typed arrays, NaN) and its JSON (plain arrays, null for NaN).
 */
import { kendallTauB, spearman } from '../core/stats';
import type { ExportDocument, ExportedRun } from './exportFormat';
import type { SeriesKey } from './series';
import type { PresetCheck } from './preset';

type Numbers = ArrayLike<number | null> | null | undefined;

/** Plain numbers, with null (JSON's NaN) as NaN. */
export function numbers(values: Numbers): number[] {
  if (!values) return [];
  return Array.from(values, (x) => (typeof x === 'number' ? x : Number.NaN));
}

export function finite(values: Numbers): number[] {
  return numbers(values).filter(Number.isFinite);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Three significant digits, for details. */
export function fmt(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : String(x);
}

export function runOf(doc: ExportDocument, id: string): ExportedRun | undefined {
  return doc.runs.find((r) => r.id === id);
}

/** The finite values of a run's series. */
export function series(run: ExportedRun | undefined, key: SeriesKey): number[] {
  return run ? finite(run.series[key]) : [];
}

export function last(values: readonly number[]): number {
  return values.length > 0 ? (values[values.length - 1] ?? Number.NaN) : Number.NaN;
}

/** The run's final top Hessian eigenvalue (its last spectrum, else its series). */
export function finalLambdaMax(run: ExportedRun | undefined): number {
  const s = run?.final.spectrum;
  if (s && Number.isFinite(s.lambdaMax)) return s.lambdaMax;
  return last(finite(run?.analyses.map((a) => a.lambdaMax)));
}

/** The run's local energy δE(σ) on the loss (or the error) at the σ closest to `sigma`. */
export function localEnergy(
  run: ExportedRun | undefined,
  sigma: number,
  on: 'loss' | 'error' = 'loss',
): number {
  const f = run?.final.flatness;
  if (!f) return Number.NaN;
  const sigmas = numbers(f.sigmas);
  if (sigmas.length === 0) return Number.NaN;
  let best = 0;
  sigmas.forEach((s, i) => {
    if (Math.abs(Math.log(s / sigma)) < Math.abs(Math.log((sigmas[best] ?? s) / sigma))) best = i;
  });
  return numbers(on === 'loss' ? f.energyLoss : f.energyError)[best] ?? Number.NaN;
}

/** The run's final shell sampling: the relative radii d and the fraction counted at each. */
export function shellCurve(run: ExportedRun | undefined): { radii: number[]; fraction: number[] } {
  const f = run?.final.flatness;
  return { radii: numbers(f?.radii), fraction: numbers(f?.shellFraction) };
}

/** Runs whose id starts with `prefix` (a seed family: 'sgd', 'sgd2', 'sgd3'). */
export function family(doc: ExportDocument, prefix: string): ExportedRun[] {
  return doc.runs.filter((r) => r.id === prefix || new RegExp(`^${prefix}\\d+$`).test(r.id));
}

/** A failed check that says what data it lacked. */
export function missing(what: string): PresetCheck {
  return { ok: false, detail: `The export has no ${what} yet: run the analyses first.` };
}

/**
 * Spearman's ρ and Kendall's τ_b of `x` against `y` (ties share their average rank), over the n
 * pairs where both are finite; NaN for fewer than two pairs or a constant variable.
 */
export function rankCorrelation(
  x: readonly number[],
  y: readonly number[],
): { rho: number; tau: number; n: number } {
  const pairs = x.flatMap((xi, i) => {
    const yi = y[i] ?? Number.NaN;
    return Number.isFinite(xi) && Number.isFinite(yi) ? [[xi, yi] as const] : [];
  });
  const xs = pairs.map((p) => p[0]);
  const ys = pairs.map((p) => p[1]);
  const n = pairs.length;
  if (n < 2) return { rho: Number.NaN, tau: Number.NaN, n };
  return { rho: spearman(xs, ys), tau: kendallTauB(xs, ys), n };
}
