/**
 * Simulation of any Fokker–Planck model, in one place: spec -> plan (quantities, method, scheme rules,
 * stiff part, grid operators, population) -> run (particle and grid runners) -> estimates -> outputs.
 */
export * from './spec.ts';
export * from './problem.ts';
export * from './limits.ts';
export * from './timeplan.ts';
export * from './plan/quantities.ts';
export * from './plan/compileProgram.ts';
export * from './plan/stiff.ts';
export * from './plan/particles.ts';
export * from './plan/grid.ts';
export * from './plan/population.ts';
export * from './run/program.ts';
export * from './run/observe.ts';
export * from './run/particleRunner.ts';
export * from './run/gridMesh.ts';
export * from './run/gridOps.ts';
export * from './run/gridRunner.ts';
export * from './estimates.ts';
export * from './validateSpec.ts';
export * from './inputErrors.ts';
export * from './plan/stability.ts';
export * from './run/gridDiffusion.ts';
export * from './run/gridAccounting.ts';
export * from './run/gridInitial.ts';
export * from './runMethod.ts';
export * from './simulate.ts';
export * from './outputs/files.ts';
export * from './outputs/summary.ts';
