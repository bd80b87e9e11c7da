import { it } from 'vitest';
import { useBackend } from '../../testing/backends.node';
import { objectiveLoss } from '../slices/landscapeObjective';
import { mixtureMlp } from '../slices/testObjectives.node';
import { hessianOperator } from '../spectrum/hessianOperator';
import { denseMatrix } from '../spectrum/exactSpectrum';
import { symmetrizeInPlace } from '../linalg/linearOperator';
import { randomHyperplane } from './randomHyperplane';
import { goldilocksMeasures, restrictedHessian } from './restrictedHessian';

it('explore', async () => {
  await useBackend('cpu');
  for (const [hidden, dim, classes] of [[[16], 6, 3], [[32], 10, 4], [[16, 16], 10, 4]] as const) for (const seed of [1, 2, 3]) {
    const row: string[] = [];
    for (const r of [0.03, 0.3, 1, 3, 30]) {
      const { objective, init, model } = mixtureMlp({ activation: 'tanh', hidden: [...hidden], classes, dim, count: 200, initScale: r, seed });
      const op = hessianOperator(objectiveLoss(objective), init);
      const D = model.paramCount;
      const H = await denseMatrix(op); symmetrizeInPlace(H, D);
      const full = goldilocksMeasures(H, D);
      let tf_ = 0, pf = 0;
      for (let k = 0; k < 4; k++) {
        const plane = randomHyperplane(D, 20, { seed: 100 * seed + k });
        const g = goldilocksMeasures(await restrictedHessian(op, plane), 20);
        tf_ += g.traceOverFrobenius / 4; pf += g.positiveFraction / 4;
      }
      row.push(`r=${r}: full ${(full.traceOverFrobenius / Math.sqrt(D)).toFixed(2)}/${full.positiveFraction.toFixed(2)} d20 ${tf_.toFixed(2)}/${pf.toFixed(2)}`);
      op.dispose(); objective.dispose();
    }
    console.log(`H ${hidden} D? seed ${seed} ` + row.join('  '));
  }
}, 600000);
