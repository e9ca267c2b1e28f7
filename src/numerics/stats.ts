/** Sample statistics with their standard errors (for comparing particles with a PDE). */
import { NumericInputError } from './validate.ts';

/** Mean and variance of a sample, with the standard errors of both. */
export interface SampleMoments {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
  readonly meanStdError: number;
  /** sqrt((m4 - s^4) / n), the large-sample standard error of the variance. */
  readonly varianceStdError: number;
}

/** Mean, unbiased variance and their standard errors of x[0..n) (two passes, so a large mean costs no accuracy). */
export function sampleMoments(x: ArrayLike<number>, n = x.length): SampleMoments {
  if (!(n >= 2 && n <= x.length)) throw new NumericInputError(`sampleMoments: at least two samples are needed (and at most ${x.length}), got ${n}`);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  m2 /= n;
  m4 /= n;
  const variance = (m2 * n) / (n - 1);
  return { n, mean, variance, meanStdError: Math.sqrt(variance / n), varianceStdError: Math.sqrt(Math.max(0, m4 - m2 * m2) / n) };
}
