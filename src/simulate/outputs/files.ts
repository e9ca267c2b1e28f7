/**
 * The generated sources of a spec's method, for users who read or run them elsewhere: the same
 * kernels the runners compile in process, printed in TypeScript and in C99 (plus a standalone C
 * driver for particles), each with a header saying how it was made (the command and the spec file).
 */
import type { SimulationSpec } from '../index.ts';
import type { Kernel } from '../../codegen/kernel.ts';
import { emitModule, emitSource, ModuleOrigin } from '../../codegen/module.ts';
import { C99, TYPESCRIPT } from '../../codegen/target.ts';
import { quantityGraph, slotSymbols } from '../plan/quantities.ts';
import { particleKernel, particleRule } from '../plan/particles.ts';
import { chooseMethod } from '../simulate.ts';
import { stiffChoice } from '../plan/stiff.ts';
import { add, expand, mul, num } from '../../cas/index.ts';
import { cDriver } from '../../codegen/cDriver.ts';

/** A generated file: its name in the output directory and its text. */
export interface SolverFile {
  readonly name: string;
  readonly text: string;
}

/** The kernels of a method: the particle step, or the grid's transport velocities. */
export function solverKernels(spec: SimulationSpec, methodName?: string): { kernels: Kernel[]; driver?: string } {
  const [name, method] = chooseMethod(spec, methodName);
  const g = quantityGraph(spec);
  const provenance = { derivation: spec.name ?? spec.model.name };
  if (method.kind === 'particles') {
    const rule = particleRule(g, method, `methods.${name}`, spec);
    const kernel = { ...particleKernel(rule, 'particleStep'), provenance };
    return { kernels: [kernel], driver: cDriver(kernel, rule.state, rule.noise, rule.step) };
  }
  const stiff = stiffChoice(g, method.stiff, `methods.${name}.stiff`);
  const state = g.model.state;
  const transport = g.model.drift.map((a, i) => (stiff && stiff.index === i ? expand(add(a, mul(num(-1), stiff.part))) : a));
  const kernels: Kernel[] = transport.map((e, i) => ({
    kind: 'loop',
    name: `velocity_${state[i]}`,
    doc: `The non-stiff drift of ${state[i]} at n points (the transport velocity at the faces).`,
    arrays: [...state],
    uniforms: slotSymbols(e, state),
    outputs: { value: e },
    provenance,
  }));
  return { kernels };
}

/** kernels.ts, kernels.c and (particles) driver.c of a method, with their provenance. */
export function solverFiles(spec: SimulationSpec, origin: ModuleOrigin, methodName?: string): SolverFile[] {
  const { kernels, driver } = solverKernels(spec, methodName);
  const title = `Kernels of the simulation "${spec.name ?? spec.model.name}"`;
  const files: SolverFile[] = [
    { name: 'kernels.ts', text: emitModule(title, kernels, origin, TYPESCRIPT) },
    { name: 'kernels.c', text: emitModule(title, kernels, origin, C99) },
  ];
  if (driver)
    files.push({ name: 'driver.c', text: emitSource(`Standalone driver of the particle step in kernels.c (cc -O2 -o driver driver.c -lm)`, driver, origin) });
  return files;
}
