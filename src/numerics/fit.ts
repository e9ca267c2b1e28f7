/**
 * Convergence rates: the least-squares slope of log(value) against log(eps), with its standard
 * error and a 95% interval, as used to compare measured rates with proven ones.
 */

/** A fitted power law value ≈ C eps^slope. */
export interface PowerLawFit {
  readonly slope: number;
  /** Standard error of the slope (0 with two points: no residual to estimate it from). */
  readonly slopeStdError: number;
  /** Half-width of the 95% interval of the slope (Student t with n - 2 degrees of freedom). */
  readonly slope95: number;
  readonly prefactor: number;
  /** Coefficient of determination of the log-log fit. */
  readonly r2: number;
  readonly points: number;
}

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom (then the normal 1.96). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Student t 97.5% quantile for `dof` degrees of freedom. */
export const studentT975 = (dof: number): number => (dof < 1 ? Number.POSITIVE_INFINITY : dof <= 30 ? T975[dof - 1] : 1.96);

/** Least-squares line y = intercept + slope x with the slope's standard error and 95% half-width. */
function fitLine(x: readonly number[], y: readonly number[]): { slope: number; intercept: number; slopeStdError: number; slope95: number; r2: number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  const sxx = x.reduce((a, xi) => a + (xi - mx) ** 2, 0);
  if (sxx === 0) throw new Error('all abscissae are equal; no slope can be fitted');
  const sxy = x.reduce((a, xi, i) => a + (xi - mx) * (y[i] - my), 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const residual = y.reduce((a, yi, i) => a + (yi - intercept - slope * x[i]) ** 2, 0);
  const syy = y.reduce((a, yi) => a + (yi - my) ** 2, 0);
  const slopeStdError = n > 2 ? Math.sqrt(residual / (n - 2) / sxx) : 0;
  return {
    slope,
    intercept,
    slopeStdError,
    slope95: n > 2 ? studentT975(n - 2) * slopeStdError : Number.POSITIVE_INFINITY,
    r2: syy === 0 ? 1 : 1 - residual / syy,
  };
}

/** Fit value = C eps^slope by least squares on (log eps, log value); refuses non-positive or non-finite data. */
export function fitPowerLaw(eps: readonly number[], values: readonly number[]): PowerLawFit {
  if (eps.length !== values.length) throw new Error(`fitPowerLaw: ${eps.length} values of eps but ${values.length} values`);
  if (eps.length < 2) throw new Error(`fitPowerLaw: at least two points are needed, got ${eps.length}`);
  eps.forEach((e, i) => {
    if (!(e > 0) || !Number.isFinite(e)) throw new Error(`fitPowerLaw: eps[${i}] = ${e} must be positive and finite`);
    if (!(values[i] > 0) || !Number.isFinite(values[i]))
      throw new Error(`fitPowerLaw: value[${i}] = ${values[i]} (at eps = ${e}) must be positive and finite for a log-log fit`);
  });
  if (eps.every((e) => e === eps[0])) throw new Error('fitPowerLaw: all eps are equal; no slope can be fitted');
  const line = fitLine(eps.map(Math.log), values.map(Math.log));
  return { slope: line.slope, slopeStdError: line.slopeStdError, slope95: line.slope95, prefactor: Math.exp(line.intercept), r2: line.r2, points: eps.length };
}

/** A fitted exponential decay value ≈ A exp(-rate x). */
export interface ExponentialFit {
  readonly rate: number;
  readonly rateStdError: number;
  /** Half-width of the 95% interval of the rate (Student t with n - 2 degrees of freedom). */
  readonly rate95: number;
  readonly amplitude: number;
  readonly r2: number;
  readonly points: number;
}

/** Fit value = A exp(-rate x) by least squares on (x, log value); refuses non-positive or non-finite data. */
export function fitExponentialDecay(x: readonly number[], values: readonly number[]): ExponentialFit {
  if (x.length !== values.length) throw new Error(`fitExponentialDecay: ${x.length} abscissae but ${values.length} values`);
  if (x.length < 3) throw new Error(`fitExponentialDecay: at least three points are needed, got ${x.length}`);
  x.forEach((xi, i) => {
    if (!Number.isFinite(xi)) throw new Error(`fitExponentialDecay: x[${i}] = ${xi} must be finite`);
    if (!(values[i] > 0) || !Number.isFinite(values[i]))
      throw new Error(`fitExponentialDecay: value[${i}] = ${values[i]} (at x = ${xi}) must be positive and finite for a log-linear fit`);
  });
  if (x.every((xi) => xi === x[0])) throw new Error('fitExponentialDecay: all x are equal; no rate can be fitted');
  const line = fitLine(x, values.map(Math.log));
  return { rate: -line.slope, rateStdError: line.slopeStdError, rate95: line.slope95, amplitude: Math.exp(line.intercept), r2: line.r2, points: x.length };
}
