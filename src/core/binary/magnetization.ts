/**
 * Message arithmetic for belief propagation on ±1 variables, in the "field" representation: a
 * message of magnetization m ∈ (−1, 1) is stored as its field a = atanh(m), so products of
 * independent messages are sums of fields and saturated messages stay exact. This is the `MagT64`
 * format of carlobaldassi/BinaryCommitteeMachineFBP.jl (src/MagnetizationsT.jl); the functions
 * below are written from its formulas (`lr`, `atanherf`, `auxmix`, the product `*`).
 */
import { erf, logErfc } from '../stats/errorFunction';

export { erf, erfc, logErfc } from '../stats/errorFunction';

/**
 * atanh(erf(x)) without overflow: for |x| > 1,
 * sign(x)·½·(log 2 + log1p(−erfc(|x|)/2) − log erfc(|x|)). (`atanherf` in MagnetizationsT.jl.)
 */
export function atanhErf(x: number): number {
  const a = Math.abs(x);
  if (a <= 1) return Math.atanh(erf(x));
  const logC = logErfc(a);
  const c = Math.exp(logC);
  const v = 0.5 * (Math.LN2 + Math.log1p(-c / 2) - logC);
  return x < 0 ? -v : v;
}

/** lr(x) = log(1 + e^{−2|x|}), so that log(2 cosh x) = |x| + lr(x). */
export function lr(x: number): number {
  return Math.log1p(Math.exp(-2 * Math.abs(x)));
}

/** log cosh x + log 2 = |x| + lr(x), stable for every x. */
function log2cosh(x: number): number {
  return Math.abs(x) + lr(x);
}

/**
 * The field of the product of two magnetizations: atanh(tanh a · tanh b) =
 * ½[log cosh(a + b) − log cosh(a − b)] (the `*` of MagT64). An infinite b returns a.
 */
export function fieldProduct(a: number, b: number): number {
  if (!Number.isFinite(b)) return Math.sign(b) * a;
  if (!Number.isFinite(a)) return Math.sign(a) * b;
  return 0.5 * (log2cosh(a + b) - log2cosh(a - b));
}

/**
 * The field ½·log[(1 + tanh(h)·tanh(a₊)) / (1 + tanh(h)·tanh(a₋))]: the message a factor sends to
 * a ±1 variable when the factor's output, with cavity field h, has magnetization tanh(a₊) if the
 * variable is +1 and tanh(a₋) if it is −1 (`auxmix` in MagnetizationsT.jl, infinite h included;
 * a₊ and a₋ must be finite).
 */
export function mixField(h: number, aPlus: number, aMinus: number): number {
  if (h === 0) return 0;
  if (!Number.isFinite(h)) {
    const s = Math.sign(h);
    return (
      0.5 * (s * (aPlus - aMinus) - Math.abs(aPlus) + Math.abs(aMinus) - lr(aPlus) + lr(aMinus))
    );
  }
  return 0.5 * (log2cosh(h + aPlus) - log2cosh(aPlus) - log2cosh(h + aMinus) + log2cosh(aMinus));
}
