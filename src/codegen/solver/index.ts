/** Solvers generated from a simulation spec: quantities, schemes, kernels, grid operators, and `simulate`. */
export * from './quantities.ts';
export * from './program.ts';
export * from './stiff.ts';
export * from './particles.ts';
export * from './grid.ts';
export * from './population.ts';
export * from './simulate.ts';
export * from './files.ts';
export * from './driver.ts';
