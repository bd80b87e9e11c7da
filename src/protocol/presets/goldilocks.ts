/** SCIENCE.md §6.4 (Fort & Scherlis 2019): the Goldilocks zone of the initialization radius. */
import { makeOptimizerSpec } from '../../core/optimizers/optimizerSpec';
import { SPEC_VERSION } from '../experimentSpec';
import type { ExportDocument } from '../exportFormat';
import { finite, fmt, missing, runOf } from './checks';
import type { Preset } from './preset';

/**
 * The Goldilocks measures of a spectrum, in the full space (d = D): Tr(H)/‖H‖_F divided by its
 * bound √D, and the fraction of positive eigenvalues. Null without an exact spectrum.
 */
export function goldilocksMeasures(
  doc: ExportDocument,
  runId = 'sgd',
): { readonly traceRatio: number; readonly positiveFraction: number } | null {
  const ev = finite(runOf(doc, runId)?.final.spectrum?.eigenvalues);
  if (ev.length === 0) return null;
  const trace = ev.reduce((a, b) => a + b, 0);
  const frobenius = Math.sqrt(ev.reduce((a, b) => a + b * b, 0));
  return {
    traceRatio: frobenius > 0 ? trace / frobenius / Math.sqrt(ev.length) : 0,
    positiveFraction: ev.filter((x) => x > 0).length / ev.length,
  };
}

export const goldilocksPreset: Preset = {
  id: 'goldilocks',
  title: 'The Goldilocks zone of the initialization radius',
  phenomenon: '§6.4',
  explanation:
    'Scale the initial weights by r and look at the Hessian there. Near r = 1 the landscape is ' +
    'convex-looking in most directions: Tr(H)/‖H‖_F is large and most eigenvalues are positive. ' +
    'Much smaller or larger radii lose this. Fort & Scherlis measure it in a random d-dimensional ' +
    'hyperplane through the initialization (H_d = MᵀHM) and show that training confined to such a ' +
    'hyperplane succeeds only when it crosses this zone. Change the radius with model.r in the link.',
  whatToLookAt: [
    'Spectrum at step 0 (press Analyse before training): the share of positive eigenvalues.',
    'Load it again with model.r=0.1 and model.r=10 and compare.',
  ],
  expected:
    'Tr(H)/‖H‖_F (over its bound √D) peaks near r = 1: measured at the initialization on wasm, ' +
    '0.077 at r = 1 against 0.009 at r = 0.1 and 0.010 at r = 10. In the full space the share of ' +
    'positive eigenvalues stays near ½ (0.52, 0.51, 0.49); Fort & Scherlis see it peak in a random ' +
    'hyperplane of small d, where training also succeeds near r = 1 and fails for large r.',
  narrative: [
    'The initialization radius r scales every initial weight.',
    'At r = 1 most directions curve upwards: a good place to start descending.',
    'Too small or too large, and the landscape around the start loses that shape.',
  ],
  ticks: 0,
  limitation:
    'The preset itself shows the full-space measures at the initialization (d = D), and its check ' +
    'reads those. The hyperplane version — H_d = MᵀHM on random d-dimensional hyperplanes and ' +
    'training confined to one — runs from the “Goldilocks zone” tab under More experiments, for ' +
    'r from 0.03 to 30.',
  check(doc) {
    const m = goldilocksMeasures(doc);
    if (!m) return missing('exact spectrum');
    return {
      ok: m.traceRatio >= 0.04,
      detail: `r = ${fmt(doc.spec.model.kind === 'mlp' ? doc.spec.model.initScale : Number.NaN)}: positive fraction ${fmt(m.positiveFraction)}, Tr(H)/‖H‖_F/√D ${fmt(m.traceRatio)}.`,
    };
  },
  spec: {
    version: SPEC_VERSION,
    seed: 5,
    dataset: {
      kind: 'gaussianMixture',
      train: 512,
      test: 512,
      dim: 16,
      classes: 4,
      separation: 3,
      shift: 1,
      labelNoise: 0,
    },
    model: { kind: 'mlp', hidden: [16], activation: 'tanh', initScale: 1 },
    loss: { kind: 'crossEntropy' },
    runs: [
      {
        id: 'sgd',
        label: 'SGD',
        optimizer: makeOptimizerSpec({ kind: 'sgd', lr: 0.05, batchSize: 32 }),
        seedOffset: 0,
      },
    ],
    tickGradEvals: 5,
    analysis: { every: 20, wait: true, spectrum: 'exact', slice: null, flatness: null },
  },
};
