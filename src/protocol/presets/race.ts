/** SCIENCE.md §6.6: Entropy-SGD and Replicated-SGD against SGD at an equal gradient budget. */
import { makeOptimizerSpec } from '../../core/optimizers/optimizerSpec';
import { defaultExperimentSpec } from '../defaultExperiment';
import type { RunSpec } from '../experimentSpec';
import {
  family,
  finalLambdaMax,
  fmt,
  localEnergy,
  mean,
  missing,
  runOf,
  series,
  last,
} from './checks';
import type { Preset } from './preset';

const race = defaultExperimentSpec();

/** The default page: SGD and Entropy-SGD from the same weights, on one slice. */
export const racePreset: Preset = {
  id: 'race',
  title: 'SGD vs Entropy-SGD: a race on the spiral',
  phenomenon: '§6.6',
  explanation:
    'Two optimizers start from the same weights of a small ReLU network on the two-arm spiral and ' +
    'spend the same number of gradient evaluations per tick. Entropy-SGD follows the gradient of ' +
    'the local entropy — the loss smoothed over a neighbourhood whose width shrinks as its coupling ' +
    'γ grows — so it is pulled towards wide, flat basins; plain SGD follows the bare loss.',
  whatToLookAt: [
    'Loss slice: the plane through the initialization and both current points; watch the two paths split.',
    'Flatness: the local-energy curve δE(σ) of Entropy-SGD should sit at or below SGD’s.',
    'Spectrum: compare λmax and the spread of the outliers of the two minima.',
    'Training curves: against gradient evaluations (the fair axis), both reach a low train loss.',
  ],
  expected:
    'Both runs descend from the shared start and part ways on the slice through the ' +
    'initialization and their two current points (the loss falls below 75% of its initial value ' +
    'for both). Which minimum is flatter is a soft, seed-dependent effect: on one seed either ' +
    'curve may lie lower — the seed-spread preset averages over seeds.',
  narrative: [
    'Same data, same network, same starting weights: only the optimizer differs.',
    'Press space: both runs descend. The x axis of the curves counts gradient evaluations, not steps.',
    'Entropy-SGD takes one outer step per 5 inner Langevin steps; it explores before it commits.',
    'Now look at the flatness panel: how much the loss rises under relative noise of size σ.',
  ],
  ticks: 200,
  check(doc) {
    const sgd = runOf(doc, 'sgd');
    const esgd = runOf(doc, 'esgd');
    const drop = (run: typeof sgd) => {
      const loss = series(run, 'trainLoss');
      return last(loss) / (loss[0] ?? Number.NaN);
    };
    const [dS, dE] = [drop(sgd), drop(esgd)];
    const onSlice = new Set(doc.slice?.trajectories.map((t) => t.runId) ?? []);
    const both = onSlice.has('sgd') && onSlice.has('esgd');
    return {
      ok: dS < 0.75 && dE < 0.75 && both,
      detail: `train loss relative to its start: SGD ${fmt(dS)}, Entropy-SGD ${fmt(dE)}; both on the slice: ${both}; δE(0.3) SGD ${fmt(localEnergy(sgd, 0.3))}, Entropy-SGD ${fmt(localEnergy(esgd, 0.3))}; λmax SGD ${fmt(finalLambdaMax(sgd))}, Entropy-SGD ${fmt(finalLambdaMax(esgd))}.`,
    };
  },
  spec: race,
};

const SEEDS = 3;
function seeded(id: string, label: string, optimizer: RunSpec['optimizer']): RunSpec[] {
  return Array.from({ length: SEEDS }, (_, s) => ({
    id: s === 0 ? id : `${id}${s + 1}`,
    label: `${label} #${s + 1}`,
    optimizer,
    seedOffset: s,
  }));
}

const esgd =
  race.runs[1]?.optimizer ?? makeOptimizerSpec({ kind: 'entropySgd', variant: 'scaled' });

/** Three seeds each of SGD, Entropy-SGD and Replicated-SGD: the effect is soft, so show the spread. */
export const seedsPreset: Preset = {
  id: 'seeds',
  title: 'SGD, Entropy-SGD and Replicated-SGD over three seeds',
  phenomenon: '§6.6',
  explanation:
    'The entropic optimizers’ advantage is a soft, seed-dependent effect, so this experiment runs ' +
    'each optimizer with three minibatch/noise seeds (seedOffset 0, 1, 2) from the same weights, ' +
    'all at the same gradient budget. Replicated-SGD couples three replicas to their centre with a ' +
    'slowly growing elastic force and reports the centre.',
  whatToLookAt: [
    'Flatness: three curves per optimizer — compare the bands, not single curves.',
    'Training curves: test error per run; compare the averages of each family.',
  ],
  expected:
    'Averaged over the seeds, the entropic optimizers (Entropy-SGD, Replicated-SGD) have a lower ' +
    'local energy δE(σ = 0.3) than SGD; their mean test error is not higher than SGD’s by more ' +
    'than the seed spread.',
  narrative: [
    'Nine runs, three optimizers, three seeds each: the same experiment the papers average over.',
    'Let it run, then compare the families in the flatness panel.',
  ],
  ticks: 600,
  check(doc) {
    const energy = (prefix: string) => mean(family(doc, prefix).map((r) => localEnergy(r, 0.3)));
    const testErr = (prefix: string) =>
      mean(family(doc, prefix).map((r) => last(series(r, 'testError'))));
    const [s, e, r] = [energy('sgd'), energy('esgd'), energy('rsgd')];
    if (![s, e, r].every(Number.isFinite)) return missing('flatness curves for every run');
    const entropic = (e + r) / 2;
    return {
      ok: entropic < s,
      detail: `mean δE(0.3): SGD ${fmt(s)}, Entropy-SGD ${fmt(e)}, Replicated-SGD ${fmt(r)}; mean test error SGD ${fmt(testErr('sgd'))}, Entropy-SGD ${fmt(testErr('esgd'))}, Replicated-SGD ${fmt(testErr('rsgd'))}.`,
    };
  },
  spec: {
    ...race,
    runs: [
      ...seeded('sgd', 'SGD', race.runs[0]?.optimizer ?? makeOptimizerSpec({ kind: 'sgd' })),
      ...seeded('esgd', 'Entropy-SGD', esgd),
      ...seeded(
        'rsgd',
        'Replicated-SGD',
        makeOptimizerSpec({
          kind: 'replicatedSgd',
          lr: 0.1,
          momentum: 0.9,
          batchSize: 32,
          replicas: 3,
          g0: 0.01,
          g1: 2e-3,
          gMax: 4,
        }),
      ),
    ],
    // Nine exact spectra per analysis would dominate the time; the flatness curves carry the story.
    analysis: { ...race.analysis, every: 100, spectrum: 'off' },
  },
};
