/** Code generation: derived expressions -> readable TypeScript kernels with provenance. */
export * from './emit.ts';
export * from './kernel.ts';
export * from './scheme.ts';
