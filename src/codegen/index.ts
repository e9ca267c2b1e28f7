/** Code generation: derived expressions -> readable kernels per target (TypeScript, JavaScript in process, C99) with provenance. */
export * from './target.ts';
export * from './emit.ts';
export * from './kernel.ts';
export * from './module.ts';
export * from './runtime.ts';
export * from './scheme.ts';
export * from './cDriver.ts';
export * from './cNetwork.ts';
