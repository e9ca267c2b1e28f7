/**
 * A standalone C program of a whole coupled network (single process, or C + MPI): K points, n
 * neurons per point, a generated step kernel. Each step it evaluates the kernel's uniforms (per
 * point values, the means of the state at every point, the nonlocal sums through the coupling
 * matrix), draws every neuron's normals from the counter-based stream (cPhilox.ts; keyed by seed,
 * replica, global neuron index and step, so they do not depend on the split across processes),
 * steps each point's block with the kernel and forms the new means by exact sums (cExactSum.ts;
 * one MPI_Allreduce per step under MPI). At the sample times it writes, per point, the mean and
 * the variance of every state variable (%.17g), and at the end a checksum of every neuron's bits.
 * Under MPI each rank owns the block [r n / P, (r + 1) n / P) of every point; the output does not
 * depend on P.
 */
import type { LoopKernel } from './kernel.ts';
import { emitLoop } from './kernel.ts';
import { C99 } from './target.ts';
import { cCounterNormals, STREAM_C } from './cPhilox.ts';
import { cExactSums } from './cExactSum.ts';
import { cNetworkMain } from './cNetworkMain.ts';
import { cComment, cStringLiteral } from './cComment.ts';

/** Where a kernel uniform's value comes from at each point and step. */
export type UniformBinding =
  | { readonly kind: 'step' }
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'point'; readonly values: readonly number[] }
  | { readonly kind: 'mean'; readonly variable: string }
  /** sum_j C[k K + j] (no variable: Psi *_r rho0), or sum_j C[k K + j] mean_j(variable). */
  | { readonly kind: 'coupled'; readonly variable?: string };

/** The initial law of a state variable at each point: mean[k] (+- alternate on even/odd neurons) + sd N(0, 1). */
export interface InitialLaw {
  readonly mean: readonly number[];
  readonly sd: number;
  readonly alternate?: number;
}

/** Everything the printer needs: the kernel, its arrays and uniforms' meaning, the points, the coupling, the initial law, defaults. */
export interface NetworkProgram {
  readonly title: string;
  readonly kernel: LoopKernel;
  /** The kernel's state arrays, then its noise arrays (its array order). */
  readonly state: readonly string[];
  readonly noise: readonly string[];
  readonly bindings: Readonly<Record<string, UniformBinding>>;
  /** Position of each point (for the output). */
  readonly points: readonly number[];
  /** C[k K + j]: the weight of point j in the nonlocal sums of point k. */
  readonly coupling: ArrayLike<number>;
  readonly initial: Readonly<Record<string, InitialLaw>>;
  readonly defaults: { readonly neurons: number; readonly steps: number; readonly dt: number; readonly seed: number; readonly samples: number };
}

/** A double as a C literal that reads back to the same bits. */
export const cDouble = (x: number): string => {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return Number.isInteger(x) && Math.abs(x) < 2 ** 53 ? `${x}.0` : x.toPrecision(17);
};

/** Checks the program's description (every uniform bound, sizes consistent); throws naming the field. */
function validate(p: NetworkProgram): void {
  const K = p.points.length;
  if (K < 1) throw new RangeError('network program: at least one point is needed');
  if (p.coupling.length !== K * K) throw new RangeError(`network program: coupling has ${p.coupling.length} entries, ${K} x ${K} expected`);
  if (p.state.length + p.noise.length !== p.kernel.arrays.length)
    throw new RangeError(`network program: the kernel ${p.kernel.name} has arrays ${p.kernel.arrays.join(', ')}, not state + noise`);
  for (const u of p.kernel.uniforms) if (!p.bindings[u]) throw new RangeError(`network program: the kernel's uniform ${u} has no binding`);
  for (const name of [...p.state, ...p.noise, ...Object.keys(p.bindings)])
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new RangeError(`network program: ${JSON.stringify(name)} is not a C identifier`);
  for (const [u, b] of Object.entries(p.bindings)) {
    if (b.kind === 'point' && b.values.length !== K) throw new RangeError(`network program: ${u} has ${b.values.length} point values, ${K} expected`);
    if ((b.kind === 'mean' || (b.kind === 'coupled' && b.variable)) && !p.state.includes(b.kind === 'mean' ? b.variable : (b.variable as string)))
      throw new RangeError(`network program: ${u} refers to an unknown state variable`);
  }
  for (const s of p.state)
    if (!p.initial[s] || p.initial[s].mean.length !== K) throw new RangeError(`network program: the initial law of ${s} needs ${K} means`);
}

/** The C expression of uniform u at point k (inside the step loop). */
function uniformValue(u: string, b: UniformBinding, state: readonly string[]): string {
  switch (b.kind) {
    case 'step':
      return 'dt';
    case 'constant':
      return `CONST_${u}`;
    case 'point':
      return `POINT_${u}[k]`;
    case 'mean':
      return `mean[k][${state.indexOf(b.variable)}]`;
    case 'coupled':
      return b.variable === undefined ? 'coupled_one[k]' : `coupled[k][${state.indexOf(b.variable)}]`;
  }
}

/** The program's declarations: sizes, points, coupling, constants (overridable by name=value), initial law. */
function declarations(p: NetworkProgram): string {
  const K = p.points.length;
  const list = (xs: ArrayLike<number>) => Array.from(xs, cDouble).join(', ');
  const constants = Object.entries(p.bindings).flatMap(([u, b]) => (b.kind === 'constant' ? [[u, b.value] as const] : []));
  const points = Object.entries(p.bindings).flatMap(([u, b]) => (b.kind === 'point' ? [[u, b.values] as const] : []));
  return [
    `enum { K = ${K}, DIM = ${p.state.length}, NOISE = ${p.noise.length}, NCONST = ${constants.length} };`,
    `static const double POINT_X[K] = { ${list(p.points)} };`,
    `static const double COUPLING[K * K] = { ${list(p.coupling)} };`,
    `static const char *STATE_NAMES[DIM] = { ${p.state.map(cStringLiteral).join(', ')} };`,
    ...constants.map(([u, v]) => `static double CONST_${u} = ${cDouble(v)};`),
    `static const char *CONST_NAMES[NCONST + 1] = { ${[...constants.map(([u]) => cStringLiteral(u)), '0'].join(', ')} };`,
    `static double *CONST_SLOTS[NCONST + 1] = { ${[...constants.map(([u]) => `&CONST_${u}`), '0'].join(', ')} };`,
    ...points.map(([u, v]) => `static const double POINT_${u}[K] = { ${list(v)} };`),
    `static const double INIT_MEAN[DIM][K] = { ${p.state.map((s) => `{ ${list(p.initial[s].mean)} }`).join(', ')} };`,
    `static const double INIT_SD[DIM] = { ${p.state.map((s) => cDouble(p.initial[s].sd)).join(', ')} };`,
    `static const double INIT_ALT[DIM] = { ${p.state.map((s) => cDouble(p.initial[s].alternate ?? 0)).join(', ')} };`,
    `static const char *TITLE = ${cStringLiteral(p.title.replace(/[\r\n]+/g, ' '))}; /* one line: the output's first line */`,
    `static long DEFAULT_NEURONS = ${p.defaults.neurons}, DEFAULT_STEPS = ${p.defaults.steps}, DEFAULT_SAMPLES = ${p.defaults.samples};`,
    `static double DEFAULT_DT = ${cDouble(p.defaults.dt)};`,
    `static unsigned long DEFAULT_SEED = ${p.defaults.seed}ul;`,
  ].join('\n');
}

/** The body of the per-chunk step: normals of every noise, the kernel on the chunk, its error checked. */
function stepChunk(p: NetworkProgram): string {
  const args = [
    'm',
    ...p.state.map((_, a) => `&x[k][${a}][j]`),
    ...p.noise.map((_, j) => `xi[${j}]`),
    ...p.kernel.uniforms.map((u) => uniformValue(u, p.bindings[u], p.state)),
  ];
  return [
    ...p.noise.map((_, j) => `fill_normals(xi[${j}], g0 + (uint64_t)j, m, (uint32_t)s, ${STREAM_C.step(j)}, key0, key1);`),
    `const char *err = ${p.kernel.name}(${args.join(', ')});`,
    `if (err) { fail_step(err, s); }`,
  ]
    .map((l) => `          ${l}`)
    .join('\n');
}

/** The C source of the network program (mpi: the C + MPI program; build lines in networkBuildLines). */
export function cNetworkProgram(p: NetworkProgram, options: { mpi: boolean }): string {
  validate(p);
  const { mpi } = options;
  const coupledUsed = Object.values(p.bindings).some((b) => b.kind === 'coupled');
  const needed = p.state.map((s) => Object.values(p.bindings).some((b) => (b.kind === 'mean' || b.kind === 'coupled') && b.variable === s));
  return `${cComment(`${p.title}: the whole coupled network${mpi ? ', C + MPI (one MPI_Allreduce of the exact sums per step)' : ', one process'}`)}
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>
${mpi ? '#include <mpi.h>\n' : ''}
${emitLoop(p.kernel, C99)}

${cCounterNormals()}

${cExactSums(mpi)}

${declarations(p)}
${cNetworkMain({ mpi, stepChunk: stepChunk(p), initialStreams: p.state.map((_, a) => STREAM_C.initial(a)), coupledUsed, needed })}
`;
}

/** How to build and run the program (cc for one process, mpicc and mpirun for MPI). */
export function networkBuildLines(source: string, mpi: boolean): string[] {
  const exe = source.replace(/\.c$/, '');
  const flags = '-O3 -std=gnu99 -ffp-contract=off';
  return mpi
    ? [`mpicc ${flags} -o ${exe} ${source} -lm`, `mpirun -np 4 ./${exe} replica=0 > network.csv`]
    : [`cc ${flags} -o ${exe} ${source} -lm`, `./${exe} replica=0 > network.csv`];
}
