/** The factory: one `OptimizerSpec` in, the matching running optimizer out. */
import type { TrainingProblem } from '../types';
import { createAdam } from './adam';
import { createEntropySgd } from './entropySgd';
import { stepNoiseRng } from './noise';
import type { Optimizer, OptimizerOptions } from './optimizer';
import type { OptimizerSpec } from './optimizerSpec';
import { createReplicatedSgd } from './replicatedSgd';
import { createSam } from './sam';
import { createSgd } from './sgd';

/**
 * A running optimizer for `spec` on `problem`, starting from `init` (length `problem.paramCount`)
 * or resuming from `options.from`. Throws if `init` or the snapshot does not fit the problem;
 * never validates hyper-parameters (see `validateOptimizerSpec`).
 */
export function createOptimizer<S extends OptimizerSpec>(
  spec: S,
  problem: TrainingProblem,
  init: Float32Array,
  options: OptimizerOptions,
): Optimizer<S> {
  if (!options.from && init.length !== problem.paramCount) {
    throw new Error(
      `init has ${init.length} entries, the problem ${problem.paramCount} parameters`,
    );
  }
  const from = options.from;
  const s: OptimizerSpec = spec;
  let optimizer: Optimizer;
  switch (s.kind) {
    case 'sgd':
      optimizer = createSgd(s, problem, init, from);
      break;
    case 'entropySgd': {
      const noise = options.noiseRng ?? stepNoiseRng(options.seed, options.runIndex ?? 0);
      optimizer = createEntropySgd(s, problem, init, noise, from);
      break;
    }
    case 'replicatedSgd':
      optimizer = createReplicatedSgd(s, problem, init, options.initReplica, from);
      break;
    case 'sam':
      optimizer = createSam(s, problem, init, from);
      break;
    case 'adam':
      optimizer = createAdam(s, problem, init, from);
      break;
  }
  return optimizer as Optimizer<S>;
}
