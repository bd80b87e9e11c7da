import type { LabelKind, Loss } from '../types';
import { baldassiLoss } from './baldassiLoss';
import { crossEntropy } from './crossEntropy';
import type { LossSpec } from './lossSpec';
import { meanSquaredError } from './meanSquaredError';

/**
 * The batch-mean loss `spec` as a `Loss` (outputs [n, outputDim], labels [n] → scalar). With
 * `labelKind`, refuses pairings that make no sense: cross-entropy needs class labels, Baldassi's
 * loss needs ±1 labels.
 */
export function makeLoss(spec: LossSpec, labelKind?: LabelKind): Loss {
  switch (spec.kind) {
    case 'crossEntropy':
      if (labelKind === 'sign') throw new Error('cross-entropy needs class labels; use baldassi');
      return crossEntropy;
    case 'mse':
      return meanSquaredError;
    case 'baldassi': {
      if (labelKind === 'class') throw new Error("Baldassi's loss needs ±1 labels");
      if (!(spec.gamma > 0)) throw new RangeError(`γ must be positive, got ${spec.gamma}`);
      const gamma = spec.gamma;
      return (fields, labels) => baldassiLoss(fields, labels, gamma);
    }
  }
}
