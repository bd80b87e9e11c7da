/**
 * Message arithmetic for belief propagation on ±1 variables, in the "field" representation: a
 * message of magnetization m ∈ (−1, 1) is stored as its field a = atanh(m), so products of
 * independent messages are sums of fields and saturated messages stay exact. This is the `MagT64`
 * format of carlobaldassi/BinaryCommitteeMachineFBP.jl (src/MagnetizationsT.jl); the functions
 * below are written from its formulas (`lr`, `atanherf`, `auxmix`, the product `*`).
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

/**
 * atanh(erf(x)) without overflow: for |x| > 1,
 * sign(x)·½·(log 2 + log1p(−erfc(|x|)/2) − log erfc(|x|)). (`atanherf` in MagnetizationsT.jl.)
 */
export function atanhErf(x: number): number {
  const a = Math.abs(x);
  if (a <= 1) return Math.atanh(erf(x));
  let c: number;
  let logC: number;
  if (a < 3) {
    c = 1 - erfSeries(a);
    logC = Math.log(c);
  } else {
    logC = -a * a - LOG_SQRT_PI + logScaledErfcTail(a);
    c = Math.exp(logC);
  }
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
