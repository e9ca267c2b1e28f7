/** Finite volumes on (v, w) boxes: mesh, implicit Scharfetter–Gummel stiff part, upwind transport, norms. */
export * from './mesh.ts';
export * from './stiff.ts';
export * from './transport.ts';
export * from './norms.ts';
export * from './solver.ts';
export * from './remap.ts';
export * from './stiff-lines.ts';
export * from './split.ts';
