/**
 * The FitzHugh–Nagumo defaults every numeric run uses unless a derivation or the CLI overrides
 * them: N(v) = v - v^3, A(v, w) = a v - b w + c, a network on K = [0, 1] with a non-uniform
 * density rho0 (bounded below by m* = 0.6) and a smooth, nonzero long-range kernel Psi.
 */

/** N(v) = v - v^3, the cubic nonlinearity of the FitzHugh–Nagumo model (a formula in x). */
export const defaultNonlinearity = { params: ['x'], body: 'x - x^3' } as const;

/** A(v, w) = a v - b w + c: a couples the voltage into the adaptation, b > 0 confines it. */
export const defaultAdaptation = { a: 0.8, b: 1, c: 0.1 } as const;

/** rho0(x) = 1 + 0.4 cos(2 pi x) on K = [0, 1]: between m* = 0.6 and 1.4. */
export const defaultDensity = (x: number): number => 1 + 0.4 * Math.cos(2 * Math.PI * x);

/** Psi(x, x') = 0.5 exp(-(x - x')^2 / 0.05): smooth, positive, weak long-range coupling. */
export const defaultKernel = (x: number, y: number): number => 0.5 * Math.exp(-((x - y) ** 2) / 0.05);

/** V0(x) = 0.5 + 0.3 sin(2 pi x): the initial mean voltage at x. */
export const initialMeanV = (x: number): number => 0.5 + 0.3 * Math.sin(2 * Math.PI * x);

/** W0(x) = 0.2: the initial mean adaptation. */
export const initialMeanW = (_x: number): number => 0.2;

/**
 * Ill-prepared initial data mu0(x, v, w): bimodal in v (two Gaussians of standard deviation 0.25
 * at V0(x) -/+ 0.6, weights 1/2) times a Gaussian in w (mean W0(x), standard deviation 0.3).
 * Far from the Maxwellian profile the limit selects, and with theta(0) = 1 not concentrated.
 */
export const initialData = { spread: 0.6, sdV: 0.25, sdW: 0.3 } as const;

const gauss = (z: number, sd: number) => Math.exp(-0.5 * (z / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));

/** The density mu0(x, v, w) of the initial data. */
export function initialDensity(x: number, v: number, w: number): number {
  const { spread, sdV, sdW } = initialData;
  const dv = v - initialMeanV(x);
  return 0.5 * (gauss(dv - spread, sdV) + gauss(dv + spread, sdV)) * gauss(w - initialMeanW(x), sdW);
}

/** The exact variance of v under mu0: spread^2 + sdV^2. */
export const initialVarianceV = initialData.spread ** 2 + initialData.sdV ** 2;
