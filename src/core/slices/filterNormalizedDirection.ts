/**
 * Filter-normalized random directions (Li, Xu, Taylor, Studer & Goldstein 2018, "Visualizing the
 * loss landscape of neural nets"): a Gaussian direction whose every unit is rescaled to the norm
 * of that unit's weights, so that rescaling a ReLU layer by c and the next by 1/c rescales the
 * direction with it and the slice does not fake sharpness.
 */
import type { ParamBlock, Rng } from '../types';
import type { Plane } from './plane';

export interface FilterNormalizationOptions {
  /**
   * Bias blocks: 'zero' (default; Li et al.'s code, `ignore='biasbn'`, leaves 1-D parameters
   * unperturbed) or 'unit': a bias entry belongs to its unit (the matching column of the preceding
   * weight block, see `ParamBlock`) and is drawn and rescaled together with it.
   */
  bias?: 'zero' | 'unit';
}

/**
 * d ~ N(0, I_D), then for every unit (a column j of a weight block of shape [fanIn, fanOut]; a
 * 1-D weight block is a single unit): d_unit ← d_unit · ‖w_unit‖ / ‖d_unit‖. Units with zero
 * weights get a zero direction. Biases per `options.bias`. Returns a new [D] vector.
 *
 * @param layout the model's parameter blocks
 * @param w the point the slice is centred on, [D]
 */
export function filterNormalizedDirection(
  layout: readonly ParamBlock[],
  w: ArrayLike<number>,
  rng: Rng,
  options: FilterNormalizationOptions = {},
): Float64Array {
  const bias = options.bias ?? 'zero';
  const d = new Float64Array(w.length);
  layout.forEach((block, index) => {
    if (block.kind !== 'weight') return;
    const rows =
      block.shape.length >= 2 ? block.size / block.shape[block.shape.length - 1]! : block.size;
    const cols = block.size / rows;
    const next = layout[index + 1];
    const unitBias =
      bias === 'unit' && next?.kind === 'bias' && next.size === cols ? next : undefined;
    for (let j = 0; j < cols; j++) {
      // Unit j: entries offset + i·cols + j (i < rows), plus its bias entry.
      const idx: number[] = [];
      for (let i = 0; i < rows; i++) idx.push(block.offset + i * cols + j);
      if (unitBias) idx.push(unitBias.offset + j);
      let wn = 0;
      let dn = 0;
      for (const k of idx) {
        d[k] = rng.normal();
        wn += w[k]! ** 2;
        dn += d[k] ** 2;
      }
      const s = dn > 0 ? Math.sqrt(wn / dn) : 0;
      for (const k of idx) d[k]! *= s;
    }
  });
  return d;
}

/** The slice through `w` along two independent filter-normalized directions. */
export function filterNormalizedPlane(
  layout: readonly ParamBlock[],
  w: ArrayLike<number>,
  rng: Rng,
  options: FilterNormalizationOptions = {},
): Plane {
  return {
    origin: Float64Array.from(w),
    u: filterNormalizedDirection(layout, w, rng, options),
    v: filterNormalizedDirection(layout, w, rng, options),
  };
}
