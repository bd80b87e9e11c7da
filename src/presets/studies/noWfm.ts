/**
 * SCIENCE.md §6.5 (Baldassi, Pittorino & Zecchina 2020, abstract: "examples of learning devices
 * for which WFM do not exist"): a parity machine beside a committee machine, the same patterns,
 * the same solver and budget — are the parity machine's solutions isolated where the committee's
 * sit in a wide flat region? The candidate reading of the abstract; the paper's own passage on
 * which device it means was not at hand (see the explanation).
 */
import type { DeviceCurve } from '../../protocol/jobs/devicesJob';
import { fmt } from '../../protocol/checks';
import { DEVICES_FIELDS, repairDevicesJob } from '../../protocol/studies/jobFields';
import type { Study } from '../../protocol/studies/study';

/** Index of distance `d` in `distances`, or −1. */
const indexOf = (distances: ArrayLike<number>, d: number) =>
  Array.from(distances).findIndex((x) => Math.abs(x - d) < 1e-9);

export const noWfmStudy: Study<'devices'> = {
  id: 'no-wfm',
  title: 'A device without wide flat minima? Parity vs committee machine',
  phenomenon: '§6.5',
  explanation:
    'A parity machine outputs the product of its hidden units’ signs, so every hidden unit ' +
    'decides every pattern. Here a K = 3 tree parity machine and a K = 3 tree committee machine ' +
    'learn the same 80 random patterns (N = 201, α = 0.4) with the same algorithm, focusing BP ' +
    '(for the parity machine with an exact product-of-signs output factor and a gauge clamp: two ' +
    'whole units flipped give the same network, so one weight per unit but the last is pinned — ' +
    'Flatland’s own extension). Then d·N weights of each solution are flipped at random, 200 times ' +
    'per distance: what fraction is still a solution? The reading comes from the abstract of ' +
    'Baldassi, Pittorino & Zecchina (PNAS 2020) and SCIENCE.md §6.5 (“the parity machine is the ' +
    'usual example”); the paper’s own passage on the device was not checked.',
  whatToLookAt: [
    'The fraction of solutions against d: the committee’s stays high over the first flips.',
    'The parity machine’s falls at once, like a typical (annealing) solution of the committee.',
    'Load it again with job.alpha=0.2: at low load the parity machine’s solutions are wide too.',
  ],
  expected:
    'Measured (plain JavaScript, the same on every backend; seeds 1–10, 200 flips per distance): ' +
    'both devices solved on every seed. Around the committee’s solution every 1-flip neighbour ' +
    'and 0.72–0.92 of 2-flip neighbours still solve the task (0.22–0.53 at 4 flips); around the ' +
    'parity machine’s 0.05–0.55 and 0–0.10, and none at 4 flips. The check: both solved, the ' +
    'committee’s fraction at d = 0.01 at least 0.4 above the parity machine’s (smallest gap ' +
    '0.63), and the parity machine’s at most 0.05 at d = 0.02. What does not hold: at α ≤ 0.2 ' +
    'the parity solutions are about as wide as the committee’s at small d (0.99 against 0.995 ' +
    'at d = 0.01); on the fully connected parity machine focusing BP solved 1 seed of 5, and that ' +
    'solution was wide. A finite-size, sampled proxy of the local entropy, not the replica result.',
  narrative: [
    'Two ±1 networks, the same patterns: a committee votes, a parity machine multiplies.',
    'The same algorithm finds a solution for each.',
    {
      text: 'Flip a few weights: the committee’s solution survives, the parity’s does not.',
      after: 'verdict',
    },
    'Wide flat minima are not a law of every learning device.',
  ],
  job: {
    kind: 'devices',
    inputs: 201,
    hidden: 3,
    tree: true,
    alpha: 0.4,
    solver: 'focusingBP',
    sweeps: 1000,
    distances: [0.005, 0.01, 0.02, 0.05, 0.1],
    samples: 200,
    seed: 1,
  },
  fields: DEVICES_FIELDS,
  repair: repairDevicesJob,
  check(result, job) {
    const committee = result.curves.find((c) => c.machine === 'committee');
    const parity = result.curves.find((c) => c.machine === 'parity');
    if (!committee || !parity) return { ok: false, detail: 'needs both devices.' };
    const i1 = indexOf(result.distances, 0.01);
    const i2 = indexOf(result.distances, 0.02);
    if (i1 < 0 || i2 < 0)
      return { ok: false, detail: 'needs d = 0.01 and 0.02 among the distances.' };
    const f = (c: DeviceCurve, i: number) => c.fraction[i] ?? Number.NaN;
    const gap = f(committee, i1) - f(parity, i1);
    const how = (c: DeviceCurve) =>
      c.solved
        ? `solved in ${c.sweeps} sweeps`
        : `${c.errors} error${c.errors === 1 ? '' : 's'} left`;
    const curve = (c: DeviceCurve) => Array.from(c.fraction, fmt).join(', ');
    return {
      ok: committee.solved && parity.solved && gap >= 0.4 && f(parity, i2) <= 0.05,
      detail:
        `N = ${job.inputs}, K = ${job.hidden}${job.tree ? ' tree' : ''}, α = ${fmt(job.alpha)}, ` +
        `seed ${job.seed}: fraction of solutions at d = ${Array.from(result.distances, fmt).join(', ')} — ` +
        `committee (${how(committee)}) ${curve(committee)}; parity (${how(parity)}) ${curve(parity)}; ` +
        `gap at d = 0.01: ${fmt(gap)}.`,
    };
  },
};
