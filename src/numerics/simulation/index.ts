/** The generic simulation layer: specs, compiled problems, particle and grid runners, time plans, error estimates, limits. */
export * from './spec.ts';
export * from './problem.ts';
export * from './limits.ts';
export * from './program.ts';
export * from './observe.ts';
export * from './timeplan.ts';
export * from './particleRunner.ts';
export * from './gridMesh.ts';
export * from './gridOps.ts';
export * from './gridRunner.ts';
export * from './estimates.ts';
