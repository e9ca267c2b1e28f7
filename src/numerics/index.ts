/** Hand-written numerics: random numbers, integrators, quadrature, particle and grid solvers, norms, rate fits. */
export * from './validate.ts';
export * from './random.ts';
export * from './ode.ts';
export * from './quadrature.ts';
export * from './progress.ts';
export * from './stats.ts';
export * from './particles.ts';
export * from './macro.ts';
export * from './fit.ts';
export * from './grid/index.ts';
export * from './philox.ts';
