/** Test helper: pieces of simulation specs that many tests write alike. */

/** The initial data N(mean, variance I): a Gaussian with a diagonal covariance of equal variances. */
export function diagonalGaussian(mean: readonly number[], variance: number): { gaussian: { mean: number[]; covariance: number[][] } } {
  return { gaussian: { mean: [...mean], covariance: mean.map((_, i) => mean.map((_, j) => (i === j ? variance : 0))) } };
}
