/**
 * Kernels compiled in process: the JavaScript printer's text (the TypeScript files without their
 * annotations) turned into functions, so a runner executes exactly what a file would hold.
 */
import { Kernel, emitKernel } from './kernel.ts';
import { JAVASCRIPT } from './target.ts';

/** A compiled kernel: scalar kernels return a number; loop and reduction kernels write their arrays. */
export type CompiledKernel = (...args: never[]) => number | undefined;

/** The JavaScript source of the kernels, then `return { name, ... }`: the body `compileKernels` runs. */
export function javascriptSource(kernels: readonly Kernel[]): string {
  const names = kernels.map((k) => k.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`two kernels are named ${duplicate}`);
  return `"use strict";\n${kernels.map((k) => emitKernel(k, JAVASCRIPT)).join('\n\n')}\nreturn { ${names.join(', ')} };`;
}

/** Compile kernels to functions by name (the printed JavaScript, evaluated once). */
export function compileKernels(kernels: readonly Kernel[]): Record<string, CompiledKernel> {
  return new Function(javascriptSource(kernels))() as Record<string, CompiledKernel>;
}
