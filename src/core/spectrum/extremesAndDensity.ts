/**
 * The extreme eigenpairs (`lanczos`) and the spectral density (`stochasticLanczosQuadrature`) of
 * one operator from a single lockstep Krylov sweep: the top/bottom Lanczos process and the
 * quadrature's probe processes share every pass, so on a batching operator the pair costs the
 * passes of the longer of the two instead of their sum.
 */
import type { LinearOperator } from '../linalg/linearOperator';
import { gaussian } from '../linalg/vector';
import type { ChunkOptions } from '../types';
import {
  lanczosSteps,
  ritzConvergence,
  ritzPairs,
  type LanczosOptions,
  type LanczosResult,
} from './lanczos';
import { lanczosProcesses } from './lanczosTridiagonal';
import {
  quadrature,
  slqProbes,
  slqSteps,
  type SlqOptions,
  type SpectralQuadrature,
} from './stochasticLanczosQuadrature';

/**
 * `lanczos(op, ends)` and `stochasticLanczosQuadrature(op, density)` at once. The draws are theirs
 * in that order (the Gaussian start, then the Rademacher probes): with one generator for both, the
 * results equal the two calls made one after the other — save that a restart of the extreme-pair
 * process (an invariant subspace found) now draws after the probes. Progress after each pass.
 */
export async function extremesAndDensity(
  op: LinearOperator,
  ends: LanczosOptions,
  density: SlqOptions,
  opts: ChunkOptions = {},
): Promise<{ ends: LanczosResult; quadrature: SpectralQuadrature }> {
  const start = gaussian(op.dim, ends.rng);
  const probes = slqProbes(op.dim, density);
  const steps = slqSteps(op.dim, density);
  const [top, ...rest] = await lanczosProcesses(
    op,
    [
      {
        start,
        steps: lanczosSteps(op.dim, ends),
        restart: ends.rng,
        ...(ends.tolerance === undefined ? {} : { converged: ritzConvergence(op.dim, ends) }),
      },
      ...probes.map((probe) => ({ start: probe, steps })),
    ],
    opts,
  );
  return { ends: ritzPairs(top!, op.dim, ends), quadrature: quadrature(op.dim, rest) };
}
