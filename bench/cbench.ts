/**
 * Generated C against hand-written C of the same schemes: the paper's OU-split and Euler–Maruyama
 * steps of (1.2) printed by the C99 printer, and the same loops written by hand, compiled
 * together with `cc -O2` into one program that times both on the same arrays and normals
 * (the fastest of interleaved rounds, in this process's CPU time, the order reversed every other round). Returns the ratios
 * hand / generated (>= 1: the generated kernel is as fast) and the rates.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emitModule, C99, LoopKernel } from '../src/index.ts';
import { kernels } from '../derivations/particles.ts';

const HAND = `
/* hand-written: exact OU of -(rho/eps)(v - V), then Euler on the rest of the drift */
void handOuSplit(long n, double *restrict v, double *restrict w, const double *restrict xi, double dt, double rho, double eps,
                        double V, double PsiRho, double PsiRhoV, double a, double b, double c) {
  const double decay = exp(-rho / eps * dt);
  const double sd = sqrt((1.0 - decay * decay) * eps / rho);
  for (long i = 0; i < n; i++) {
    const double x = V + (v[i] - V) * decay + sd * xi[i];
    const double wi = w[i];
    v[i] = x + (x - x * x * x - wi - PsiRho * x + PsiRhoV) * dt;
    w[i] = wi + (a * x - b * wi + c) * dt;
  }
}
/* hand-written Euler–Maruyama of the whole drift */
void handEulerMaruyama(long n, double *restrict v, double *restrict w, const double *restrict xi, double dt, double rho, double eps,
                              double V, double PsiRho, double PsiRhoV, double a, double b, double c) {
  const double noise = sqrt(2.0 * dt);
  const double lambda = rho / eps;
  for (long i = 0; i < n; i++) {
    const double x = v[i];
    const double wi = w[i];
    v[i] = x + (x - x * x * x - wi - PsiRho * x + PsiRhoV - lambda * (x - V)) * dt + noise * xi[i];
    w[i] = wi + (a * x - b * wi + c) * dt;
  }
}
`;

/** The timing program: N neurons, STEPS steps per workload, ROUNDS interleaved rounds; prints the fastest round of each (others only add time). */
function program(call: (name: string) => string): string {
  const names = ['ouGenerated', 'ouHand', 'emGenerated', 'emHand'];
  const body = {
    ouGenerated: `if (${call('genOu')}) return 1;`,
    ouHand: `${call('handOu')};`,
    emGenerated: `if (${call('genEm')}) return 1;`,
    emHand: `${call('handEm')};`,
  } as Record<string, string>;
  return `#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "kernels.c"
${HAND}
enum { N = 1000000, STEPS = 20, ROUNDS = 9 };
static double now(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
int main(void) {
  double *v = malloc(N * sizeof(double)), *w = malloc(N * sizeof(double)), *xi = malloc(N * sizeof(double));
  unsigned long long s = 88172645463325252ULL;
  for (long i = 0; i < N; i++) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; xi[i] = ((double)(s >> 11) * 0x1.0p-53 - 0.5) * 3.4; v[i] = 0.5 + 0.1 * xi[i]; w[i] = 0.2; }
  /* every kernel is called through a volatile pointer with run-time arguments: none is inlined or specialised */
  const char *(*volatile genOu)(long, double *, double *, const double *, ${'double, '.repeat(9).slice(0, -2)}) = ouSplitStep;
  const char *(*volatile genEm)(long, double *, double *, const double *, ${'double, '.repeat(9).slice(0, -2)}) = eulerMaruyamaStep;
  void (*volatile handOu)(long, double *, double *, const double *, ${'double, '.repeat(9).slice(0, -2)}) = handOuSplit;
  void (*volatile handEm)(long, double *, double *, const double *, ${'double, '.repeat(9).slice(0, -2)}) = handEulerMaruyama;
  volatile double args[9] = { 1e-3, 1.2, 0.05, 0.5, 0.4, 0.2, 0.8, 1.0, 0.1 }; /* dt rho eps V PsiRho PsiRhoV a b c */
  double times[${names.length}][ROUNDS];
  for (int r = -1; r < ROUNDS; r++) {
    if (r % 2 == 0) {
${names.map((n, k) => `      { double t0 = now(); for (int k = 0; k < STEPS; k++) { ${body[n]} } if (r >= 0) times[${k}][r] = now() - t0; }`).join('\n')}
    } else {
${[...names]
  .reverse()
  .map((n) => {
    const k = names.indexOf(n);
    return `      { double t0 = now(); for (int k = 0; k < STEPS; k++) { ${body[n]} } if (r >= 0) times[${k}][r] = now() - t0; }`;
  })
  .join('\n')}
    }
  }
  double check = 0; for (long i = 0; i < N; i++) check += v[i] + w[i];
${names.map((n, k) => `  qsort(times[${k}], ROUNDS, sizeof(double), cmp); printf("${n} %.9f\\n", times[${k}][0]);`).join('\n')}
  printf("check %g\\n", check);
  return 0;
}
`;
}

/** Compile and run the C bench; the four median times in seconds and the neuron-steps per run. */
export function runCBench(): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'fhn-cbench-'));
  try {
    const ks = kernels().filter((k): k is LoopKernel => k.kind === 'loop' && /Step$/.test(k.name));
    writeFileSync(join(dir, 'kernels.c'), emitModule('bench kernels', ks, { command: 'npm run bench numerics', source: 'derivations/particles.ts' }, C99));
    // the hand-written loops take (dt, rho, eps, V, PsiRho, PsiRhoV, a, b, c), which is also the generated kernels' order
    const order = ['dt', 'rho', 'eps', 'V', 'PsiRho', 'PsiRhoV', 'a', 'b', 'c'];
    for (const k of ks) if (k.uniforms.join() !== order.join()) throw new Error(`${k.name}: uniforms ${k.uniforms} are not in the order ${order}`);
    const call = (fn: string) => `${fn}(N, v, w, xi, ${order.map((_, j) => `args[${j}]`).join(', ')})`;
    writeFileSync(join(dir, 'bench.c'), program(call));
    execFileSync('cc', ['-std=c99', '-O2', '-o', join(dir, 'bench'), join(dir, 'bench.c'), '-lm'], { cwd: dir });
    const out = execFileSync(join(dir, 'bench')).toString();
    return Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map((l) => l.split(' '))
        .map(([k, v]) => [k, Number(v)]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Neuron-steps one C workload makes (N x STEPS). */
export const C_WORK = 1_000_000 * 20;
