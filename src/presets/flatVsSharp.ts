/**
 * The flat-vs-sharp verdict of a two-run experiment: every flatness measure the page shows by
 * default — λmax, the local energy δE(σ) on the loss at σ = 0.1 and 0.3, the shell fraction of
 * the local entropy, and the rise of the loss over the local slice at the shared scale — must name
 * the same run the flatter one, at a comparable train loss and a test error no higher.
 */
import type { ExportDocument, ExportedRun } from '../protocol/exportFormat';
import {
  finalLambdaMax,
  fmt,
  last,
  localEnergy,
  missing,
  numbers,
  runOf,
  series,
} from '../protocol/checks';
import type { PresetCheck } from '../protocol/preset';

/** The σ of δE the verdict reads (the flatness panel's ticks). */
export const VERDICT_SIGMAS = [0.1, 0.3] as const;
/** The flatter run's train loss may be at most this many times the sharper one's. */
export const TRAIN_LOSS_SLACK = 1.25;

/** Mean over the radii of the fraction of shell points still as good as w (higher: flatter). */
export function shellFractionMean(run: ExportedRun | undefined): number {
  const f = numbers(run?.final.flatness?.shellFraction);
  return f.length === 0 ? Number.NaN : f.reduce((a, b) => a + b, 0) / f.length;
}

/**
 * Mean rise of the loss over the run's local slice above its centre, L(w + a u + b v) − L(w),
 * averaged over the grid (the slices share directions' seed, extent and resolution). NaN without
 * a local slice.
 */
export function localSliceRise(doc: ExportDocument, runId: string): number {
  const slice = doc.localSlices.find((s) => s.anchorRunId === runId);
  if (!slice) return Number.NaN;
  const a = numbers(slice.a);
  const b = numbers(slice.b);
  const loss = numbers(slice.loss);
  const nearest = (xs: number[]) =>
    xs.reduce((best, x, i) => (Math.abs(x) < Math.abs(xs[best] ?? Infinity) ? i : best), 0);
  const centre = loss[nearest(b) * a.length + nearest(a)] ?? Number.NaN;
  const finite = loss.filter(Number.isFinite);
  if (finite.length === 0) return Number.NaN;
  return finite.reduce((s, x) => s + x, 0) / finite.length - centre;
}

/** One flatness measure read on both runs; `higherIsFlatter` for the shell fraction. */
interface Reading {
  readonly name: string;
  readonly a: number;
  readonly b: number;
  readonly higherIsFlatter?: boolean;
}

/** Which of the two the reading calls flatter: 'a', 'b', or null for a tie or a missing value. */
function flatter(r: Reading): 'a' | 'b' | null {
  if (!Number.isFinite(r.a) || !Number.isFinite(r.b) || r.a === r.b) return null;
  return r.a < r.b !== (r.higherIsFlatter ?? false) ? 'a' : 'b';
}

/** Every reading of the verdict, for runs `a` and `b` of `doc`. */
export function flatnessReadings(doc: ExportDocument, a: string, b: string): Reading[] {
  const [ra, rb] = [runOf(doc, a), runOf(doc, b)];
  return [
    { name: 'λmax', a: finalLambdaMax(ra), b: finalLambdaMax(rb) },
    ...VERDICT_SIGMAS.map((sigma) => ({
      name: `δE(${sigma})`,
      a: localEnergy(ra, sigma, 'loss'),
      b: localEnergy(rb, sigma, 'loss'),
    })),
    {
      name: 'shell fraction',
      a: shellFractionMean(ra),
      b: shellFractionMean(rb),
      higherIsFlatter: true,
    },
    { name: 'local-slice rise', a: localSliceRise(doc, a), b: localSliceRise(doc, b) },
  ];
}

/**
 * The verdict that `expectedFlat` is the flatter of the two runs on every measure, at a train loss
 * within `TRAIN_LOSS_SLACK`× the other's and a test error no higher. `flat`/`sharp` are set when
 * every measure agrees, whichever run that is.
 */
export function flatVsSharp(
  doc: ExportDocument,
  expectedFlat: string,
  expectedSharp: string,
  names: Readonly<Record<string, string>> = {},
): PresetCheck {
  const [rf, rs] = [runOf(doc, expectedFlat), runOf(doc, expectedSharp)];
  if (!rf || !rs) return missing(`runs ${expectedFlat} and ${expectedSharp}`);
  const readings = flatnessReadings(doc, expectedFlat, expectedSharp);
  const missingReading = readings.find((r) => !Number.isFinite(r.a) || !Number.isFinite(r.b));
  if (missingReading) return missing(`${missingReading.name} for both runs`);
  const votes = readings.map(flatter);
  const unanimous = votes.every((v) => v === votes[0]) && votes[0] !== null;
  const [nf, ns] = [names[expectedFlat] ?? rf.label, names[expectedSharp] ?? rs.label];
  const lossF = last(series(rf, 'trainLoss'));
  const lossS = last(series(rs, 'trainLoss'));
  const testF = last(series(rf, 'testError'));
  const testS = last(series(rs, 'testError'));
  const comparableLoss = lossF <= TRAIN_LOSS_SLACK * lossS;
  const noWorseTest = testF <= testS;
  const ok = unanimous && votes[0] === 'a' && comparableLoss && noWorseTest;
  const each = readings.map((r) => `${r.name} ${fmt(r.a)} vs ${fmt(r.b)}`).join(', ');
  const against = votes.filter((v) => v === 'b').length;
  const summary = ok
    ? `${nf} is flatter than ${ns} on all ${readings.length} measures`
    : unanimous && votes[0] === 'b'
      ? `${ns} is flatter than ${nf} on every measure`
      : against > 0 || votes.includes(null)
        ? `the measures disagree (${readings.length - against} of ${readings.length} call ${nf} flatter)`
        : `${nf} is flatter on every measure but ${comparableLoss ? 'its test error is higher' : 'its train loss is not comparable'}`;
  return {
    ok,
    detail:
      `${summary}: ${each} (${nf} vs ${ns}); train loss ${fmt(lossF)} vs ${fmt(lossS)}, ` +
      `test error ${fmt(testF)} vs ${fmt(testS)}.`,
    ...(unanimous
      ? votes[0] === 'a'
        ? { flat: expectedFlat, sharp: expectedSharp }
        : { flat: expectedSharp, sharp: expectedFlat }
      : {}),
  };
}
