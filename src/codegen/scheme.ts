/** Update rules of time-stepping schemes (src/calculus/schemes.ts) as in-place loop kernels. */
import { UpdateRule } from '../calculus/index.ts';
import { LoopKernel, Provenance } from './kernel.ts';

/** What a step kernel needs besides its rule: a name, a doc line, the uniform parameters and where it comes from. */
export interface StepKernelSpec {
  readonly name: string;
  readonly doc: string;
  readonly uniforms: readonly string[];
  readonly provenance: Provenance;
}

/** A loop kernel advancing every particle by one step of the rule, in place; the normals come in arrays xi_<variable>. */
export function stepKernel(rule: UpdateRule, spec: StepKernelSpec): LoopKernel {
  const uniforms = spec.uniforms.includes(rule.step) ? spec.uniforms : [...spec.uniforms, rule.step];
  return {
    kind: 'loop',
    name: spec.name,
    doc: `${spec.doc} Scheme ${rule.scheme}: ${rule.explanation}.`,
    arrays: [...rule.state, ...rule.noise],
    uniforms,
    outputs: rule.update,
    provenance: spec.provenance,
    guards: rule.requirements,
  };
}
