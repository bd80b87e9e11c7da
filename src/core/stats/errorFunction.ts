/**
 * The error function in double precision, written by hand because no maintained npm package of
 * ours has it (Math has no erf; tfjs has only a float32 tensor op): a positive series below 3 and
 * Laplace's continued fraction for the tail, so erfc and log erfc stay accurate far out. Used by
 * focusing BP's messages and by the SLQ density's per-bin Gaussian masses.
 */

const LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** The series erf(x) = (2/√π) e^{−x²} Σ_n 2ⁿ x^{2n+1} / (1·3·…·(2n+1)): positive terms, |x| < 3. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/**
 * log(√π·e^{x²}·erfc(x)) for x ≥ 3 by the continued fraction
 * erfc(x) = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))), evaluated bottom-up.
 */
function logScaledErfcTail(x: number): number {
  let f = x;
  for (let n = 60; n >= 1; n--) f = x + n / 2 / f;
  return -Math.log(f);
}

/** The error function erf(x), double precision (≈1e-15 relative). */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a < 3) return x < 0 ? -erfSeries(a) : erfSeries(a);
  const tail = Math.exp(-a * a - LOG_SQRT_PI + logScaledErfcTail(a));
  return x < 0 ? tail - 1 : 1 - tail;
}

/** The complementary error function erfc(x) = 1 − erf(x), accurate in the far right tail. */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) return 1 - erfSeries(x);
  return Math.exp(-x * x - LOG_SQRT_PI + logScaledErfcTail(x));
}

/** log erfc(x), finite for every finite x (≈ −x² − log(x√π) as x → ∞). */
export function logErfc(x: number): number {
  if (x < 3) return Math.log(erfc(x));
  return -x * x - LOG_SQRT_PI + logScaledErfcTail(x);
}
