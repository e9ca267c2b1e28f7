/** Beyond one machine: sweeps as task lists, Slurm job arrays and a dependent gather, mpirun ranks taking tasks; the toolchain. */
export * from './atomic.ts';
export * from './tasks.ts';
export * from './run.ts';
export * from './gather.ts';
export * from './summary.ts';
export * from './slurm.ts';
export * from './plan.ts';
export * from './networkOutput.ts';
export * from './toolchain.ts';
