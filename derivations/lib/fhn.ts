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
