/**
 * SCIENCE.md §6.4 (Fort & Scherlis 2019), the whole sweep: at each initialization radius r, the
 * Hessian restricted to random hyperplanes through r·θ_init, and SGD confined to one of them.
 * The `goldilocks` preset races two runs at one radius; this study walks the radii.
 */
import { fmt } from '../../protocol/checks';
import { goldilocksPreset } from '../goldilocks';
import { GOLDILOCKS_FIELDS } from '../../protocol/studies/jobFields';
import type { Study } from '../../protocol/studies/study';

const { dataset, model, loss } = goldilocksPreset.spec;

/** Index of the radius closest to `r` in `scales`. */
function nearest(scales: readonly number[], r: number): number {
  return scales.reduce(
    (best, x, i) =>
      Math.abs(Math.log(x / r)) < Math.abs(Math.log((scales[best] ?? 1) / r)) ? i : best,
    0,
  );
}

export const goldilocksSweepStudy: Study<'goldilocks'> = {
  id: 'goldilocks-sweep',
  title: 'The Goldilocks sweep: initialization radius against trainability in a hyperplane',
  phenomenon: '§6.4',
  explanation:
    'The goldilocks preset’s network (a 16–16–4 tanh MLP on a 4-class Gaussian mixture, D = 340), ' +
    'its initial weights scaled by r = 0.1 … 30. At each r: Tr(H_d)/‖H_d‖_F of the Hessian ' +
    'restricted to three random 30-dimensional hyperplanes through the start (large when many ' +
    'directions curve upwards), the share of positive eigenvalues, and 200 SGD steps confined to ' +
    'one hyperplane. Fort & Scherlis find a zone of radii where such a hyperplane can train; too ' +
    'large a radius and it cannot.',
  whatToLookAt: [
    'Goldilocks measures against r: Tr(H_d)/‖H_d‖_F peaks near r = 0.3–3 and falls beyond.',
    'Loss before and after hyperplane training: the gap closes as r grows.',
    'The table: train error after hyperplane training, per radius.',
  ],
  expected:
    'Measured (wasm, seeds 1–10): after 200 steps in a 30-d hyperplane the train error is ' +
    '0.14–0.24 at r = 1, 0.31–0.51 at r = 10 and 0.45–0.62 at r = 30, in that order on every ' +
    'seed. Tr(H_d)/‖H_d‖_F, averaged over only three hyperplanes, is noisy: its maximum over ' +
    'r ≤ 3 is 0.6–2.1 (at r = 0.3–3) against −0.92–0.63 at r = 30. On the small side the measure ' +
    'falls too (−0.06–0.27 at r = 0.1) while the hyperplane still trains: for this shallow net the ' +
    'zone’s sharp edge is the large-radius one. The check: error(r = 1) < error(r = 10) < ' +
    'error(r = 30), and the measure’s maximum over r ≤ 3 above its value at the largest r.',
  narrative: [
    'Scale the initial weights by r; look at the landscape there, in random 30-d slices.',
    { text: 'Near r = 1 many directions curve upwards.', after: 'verdict' },
    'There, even a random hyperplane through the start holds a way down.',
    'Far out, the hyperplane run stalls: the shape around the start is gone.',
  ],
  job: {
    kind: 'goldilocks',
    dataset,
    model,
    loss,
    scales: [0.1, 0.3, 1, 3, 10, 30],
    subspaceDim: 30,
    hyperplanes: 3,
    trainSteps: 200,
    learningRate: 1,
    batchSize: 32,
    seed: 1,
  },
  fields: GOLDILOCKS_FIELDS,
  check(result) {
    const scales = Array.from(result.scales);
    const err = Array.from(result.finalError);
    const ratio = Array.from(result.traceOverFrobenius);
    const i1 = nearest(scales, 1);
    const i10 = nearest(scales, 10);
    const iMax = scales.length - 1;
    const inZone = ratio.filter((_, i) => (scales[i] ?? Infinity) <= 3);
    const zoneTop = Math.max(...inZone);
    const e = (i: number) => err[i] ?? Number.NaN;
    const ordered = e(i1) < e(i10) && e(i10) < e(iMax) && i1 < i10 && i10 < iMax;
    return {
      ok: ordered && zoneTop > (ratio[iMax] ?? Number.NaN),
      detail:
        `train error after ${result.subspaceDim}-d hyperplane training: ` +
        scales.map((r, i) => `${fmt(e(i))} at r = ${fmt(r)}`).join(', ') +
        `; Tr(H_d)/‖H_d‖_F: ` +
        ratio.map(fmt).join(', ') +
        '.',
    };
  },
};
