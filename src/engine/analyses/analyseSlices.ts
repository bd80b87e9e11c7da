/**
 * The loss slices of an experiment: one shared plane (SCIENCE.md §5) with every run's trajectory
 * projected on it, one small filter-normalized slice around each run at a shared extent and
 * resolution, and the 1-D interpolation between the first two runs.
 */
import { progressRange } from '../../core/linalg/checkpoint';
import { createRng } from '../../core/random';
import { hessianProducts } from '../../core/slices/hessianProducts';
import { filterNormalizedPlane } from '../../core/slices/filterNormalizedDirection';
import { linspace, lossInterpolation, lossSurface } from '../../core/slices/lossSurface';
import { planeFromDirections, projectOntoPlane, type Plane } from '../../core/slices/plane';
import { planeThroughPoints } from '../../core/slices/planeThroughPoints';
import { trajectoryPcaPlane } from '../../core/slices/trajectoryPcaPlane';
import { hessianOperator } from '../../core/spectrum/hessianOperator';
import { lanczos } from '../../core/spectrum/lanczos';
import type { ChunkOptions } from '../../core/types';
import type { InterpolationResult, PlaneKind, SliceResult } from '../../protocol/analysis';
import type { AnalysisSpec } from '../../protocol/experimentSpec';
import { twinCopy, twinOf } from './twins';
import type { Landscape } from './landscape';

/** What the slices need of a run: where it is and where it has been. */
export interface SliceRun {
  readonly runId: string;
  readonly step: number;
  /** Current evaluated point, float32 host copy. */
  readonly weights: Float32Array;
  /** Recorded points, oldest first (the last one is `weights`). */
  readonly trajectory: readonly Float32Array[];
}

export interface SliceContext {
  readonly landscape: Landscape;
  readonly init: Float32Array;
  readonly runs: readonly SliceRun[];
  readonly seed: number;
}

/** Grid points per side of each run's local slice, while the runs' slices fit `LOCAL_POINTS`. */
const LOCAL_RESOLUTION = 21;
/**
 * Grid points of all local slices together: five runs at full resolution. More runs (the seeds
 * preset's nine: 15 × 15) get coarser grids of the same extent, so the local slices' cost stops
 * growing with the number of runs; the centre stays a grid point (odd sides).
 */
const LOCAL_POINTS = 5 * LOCAL_RESOLUTION ** 2;

/** Points per side of each of `runs` local slices: odd, at most LOCAL_RESOLUTION, at least 5. */
export function localResolution(runs: number): number {
  let side = LOCAL_RESOLUTION;
  while (side > 5 && runs * side * side > LOCAL_POINTS) side -= 2;
  return side;
}

/** Half-width of the local slices, in units of the filter-normalized directions (‖u_filter‖ = ‖w_filter‖). */
const LOCAL_EXTENT = 0.5;
/** Share of the trajectories' span added around them on fitted planes. */
const MARGIN = 0.25;

function distinct(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return true;
  return false;
}

/** The shared plane, and whether its grid is fitted to the trajectories (else centred, ±extent). */
async function choosePlane(
  kind: PlaneKind,
  ctx: SliceContext,
  opts: ChunkOptions,
): Promise<{ plane: Plane; kind: PlaneKind; fitted: boolean }> {
  const anchor = ctx.runs[0];
  if (!anchor) throw new Error('an experiment without runs has no slice');
  const random = (): { plane: Plane; kind: PlaneKind; fitted: boolean } => ({
    plane: filterNormalizedPlane(
      ctx.landscape.model.layout,
      anchor.weights,
      createRng(ctx.seed, 'directions'),
    ),
    kind: 'random',
    fitted: false,
  });
  switch (kind) {
    case 'threePoints': {
      const second =
        ctx.runs[1]?.weights ?? anchor.trajectory[Math.floor(anchor.trajectory.length / 2)];
      if (!second || !distinct(anchor.weights, ctx.init) || !distinct(second, ctx.init))
        return random();
      try {
        return { plane: planeThroughPoints(ctx.init, anchor.weights, second), kind, fitted: true };
      } catch {
        return random();
      }
    }
    case 'pca':
      if (anchor.trajectory.length < 3) return random();
      try {
        return { plane: trajectoryPcaPlane(anchor.trajectory), kind, fitted: true };
      } catch {
        return random();
      }
    case 'hessian': {
      const op = hessianOperator(
        ctx.landscape.loss,
        anchor.weights,
        hessianProducts(ctx.landscape.objective),
      );
      try {
        const top = await lanczos(
          op,
          { k: 2, which: 'top', rng: createRng(ctx.seed, 'directions') },
          opts,
        );
        const [u, v] = top.top;
        if (!u || !v) return random();
        return {
          plane: planeFromDirections(anchor.weights, u.vector, v.vector),
          kind,
          fitted: false,
        };
      } finally {
        op.dispose();
      }
    }
    case 'random':
      return random();
  }
}

function gridAround(
  projections: readonly { a: number; b: number }[],
  fitted: boolean,
  extent: number,
  resolution: number,
): { a: Float64Array; b: Float64Array } {
  if (!fitted || projections.length === 0) {
    return { a: linspace(-extent, extent, resolution), b: linspace(-extent, extent, resolution) };
  }
  let [a0, a1, b0, b1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of projections) {
    a0 = Math.min(a0, p.a);
    a1 = Math.max(a1, p.a);
    b0 = Math.min(b0, p.b);
    b1 = Math.max(b1, p.b);
  }
  const span = Math.max(a1 - a0, b1 - b0, 1e-3) * extent;
  const pad = span * MARGIN;
  const ca = (a0 + a1) / 2;
  const cb = (b0 + b1) / 2;
  const half = span / 2 + pad;
  return {
    a: linspace(ca - half, ca + half, resolution),
    b: linspace(cb - half, cb + half, resolution),
  };
}

export async function analyseSlice(
  ctx: SliceContext,
  settings: NonNullable<AnalysisSpec['slice']>,
  opts: ChunkOptions,
): Promise<SliceResult> {
  const { plane, kind, fitted } = await choosePlane(
    settings.plane,
    ctx,
    progressRange(opts, 0, 0.2),
  );
  const trajectories = ctx.runs.map((run) => {
    const projected = projectOntoPlane(run.trajectory, plane);
    return {
      runId: run.runId,
      a: Float64Array.from(projected, (p) => p.a),
      b: Float64Array.from(projected, (p) => p.b),
      offPlane: Float64Array.from(projected, (p) => p.offPlane),
    };
  });
  const allPoints = ctx.runs.flatMap((run) => projectOntoPlane([run.weights, ctx.init], plane));
  const grid = gridAround(allPoints, fitted, settings.extent, settings.resolution);
  const surface = await lossSurface(
    ctx.landscape.objective,
    plane,
    grid,
    progressRange(opts, 0.2, 1),
  );
  return {
    plane: kind,
    anchorRunId: ctx.runs[0]?.runId ?? '',
    step: ctx.runs[0]?.step ?? 0,
    a: surface.a,
    b: surface.b,
    loss: Float32Array.from(surface.loss),
    error: Float32Array.from(surface.error),
    trajectories,
  };
}

/** One filter-normalized slice around each run; the same directions' seed and extent for all. */
export async function analyseLocalSlices(
  ctx: SliceContext,
  opts: ChunkOptions,
): Promise<SliceResult[]> {
  const out: SliceResult[] = [];
  const grid = {
    a: linspace(-LOCAL_EXTENT, LOCAL_EXTENT, localResolution(ctx.runs.length)),
    b: linspace(-LOCAL_EXTENT, LOCAL_EXTENT, localResolution(ctx.runs.length)),
  };
  const twins = twinOf(ctx.runs.map((r) => r.weights));
  for (const [index, run] of ctx.runs.entries()) {
    const twin = out[twins[index]!];
    if (twins[index] !== index && twin) {
      // Equal weights, equal plane and grid: the same slice.
      out.push(twinCopy(twin, { anchorRunId: run.runId, step: run.step }));
      continue;
    }
    const plane = filterNormalizedPlane(
      ctx.landscape.model.layout,
      run.weights,
      createRng(ctx.seed, 'directions', 1),
    );
    const surface = await lossSurface(
      ctx.landscape.objective,
      plane,
      grid,
      progressRange(opts, index / ctx.runs.length, (index + 1) / ctx.runs.length),
    );
    out.push({
      plane: 'random',
      anchorRunId: run.runId,
      step: run.step,
      a: surface.a,
      b: surface.b,
      loss: Float32Array.from(surface.loss),
      error: Float32Array.from(surface.error),
      trajectories: [],
    });
  }
  return out;
}

/** The loss along the straight line between the first two runs (or the init and the only run). */
export async function analyseInterpolation(
  ctx: SliceContext,
  opts: ChunkOptions,
): Promise<InterpolationResult | null> {
  const [first, second] = ctx.runs;
  if (!first) return null;
  const from = second ? first.weights : ctx.init;
  const to = second ? second.weights : first.weights;
  const t = linspace(-0.25, 1.25, 61);
  const line = await lossInterpolation(ctx.landscape.objective, from, to, t, opts);
  return {
    fromRunId: second ? first.runId : 'init',
    toRunId: second ? second.runId : first.runId,
    t: line.t,
    loss: line.loss,
    error: line.error,
  };
}
