/**
 * A small standalone C99 driver for a generated particle step kernel, for users who run their
 * solvers elsewhere. Two modes:
 *   ./driver replay < input   reads n, steps, dt, the uniforms, the initial state and every
 *                             step's normals; prints the final state (what the TypeScript
 *                             kernels are compared with to 1e-12);
 *   ./driver run N STEPS DT SEED UNIFORMS... X0...
 *                             N particles from X0 with the uniforms held fixed, normals by
 *                             Box–Muller from a splitmix64 generator; prints the mean and the
 *                             variance of each variable at the end.
 * Time-dependent and mean-field coefficients are not advanced by the driver (they are uniforms
 * it holds fixed); the in-process runners do that.
 */
import type { LoopKernel } from './kernel.ts';
import { cString } from '../escape/code.ts';

/** The driver's C source for a step kernel (arrays: state then normals; last uniform: the step). */
export function cDriver(kernel: LoopKernel, state: readonly string[], noise: readonly string[], step: string): string {
  const uniforms = kernel.uniforms.filter((u) => u !== step);
  const d = state.length;
  const z = noise.length;
  const call = `${kernel.name}(n, ${[...state.map((_, a) => `x[${a}]`), ...noise.map((_, j) => `xi[${j}]`), ...kernel.uniforms.map((u) => (u === step ? 'dt' : `u[${uniforms.indexOf(u)}]`))].join(', ')})`;
  return `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "kernels.c"

enum { DIM = ${d}, NOISE = ${z}, UNIFORMS = ${uniforms.length} };
static const char *UNIFORM_NAMES[] = { ${[...uniforms.map(cString), '0'].join(', ')} };
static const char *STATE_NAMES[] = { ${state.map(cString).join(', ')} };

static double read_number(void) {
  double v;
  if (scanf("%lf", &v) != 1) { fprintf(stderr, "driver: input ended early or is not a number\\n"); exit(2); }
  return v;
}

static unsigned long long rng_state;
static double uniform01(void) {
  unsigned long long z = (rng_state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return ((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
}
static double normal01(void) {
  double u = uniform01(), v = uniform01();
  return sqrt(-2.0 * log(u > 0.0 ? u : 0x1.0p-53)) * cos(6.283185307179586 * v);
}

static int step_all(long n, double **x, double **xi, const double *u, double dt) {
  const char *err = ${call};
  if (err) { fprintf(stderr, "driver: %s\\n", err); return 1; }
  return 0;
}

int main(int argc, char **argv) {
  double *x[DIM > 0 ? DIM : 1], *xi[NOISE > 0 ? NOISE : 1], u[UNIFORMS > 0 ? UNIFORMS : 1];
  if (argc >= 2 && strcmp(argv[1], "replay") == 0) {
    long n = (long)read_number(), steps = (long)read_number();
    double dt = read_number();
    if (n < 1 || steps < 0) { fprintf(stderr, "driver: n must be >= 1 and steps >= 0\\n"); return 2; }
    for (int k = 0; k < UNIFORMS; k++) u[k] = read_number();
    for (int a = 0; a < DIM; a++) { x[a] = malloc(n * sizeof(double)); for (long i = 0; i < n; i++) x[a][i] = read_number(); }
    for (int j = 0; j < NOISE; j++) xi[j] = malloc(n * sizeof(double));
    for (long s = 0; s < steps; s++) {
      for (int j = 0; j < NOISE; j++) for (long i = 0; i < n; i++) xi[j][i] = read_number();
      if (step_all(n, x, xi, u, dt)) return 1;
    }
    for (int a = 0; a < DIM; a++) for (long i = 0; i < n; i++) printf("%.17g\\n", x[a][i]);
    return 0;
  }
  if (argc == 6 + UNIFORMS + DIM && strcmp(argv[1], "run") == 0) {
    long n = atol(argv[2]), steps = atol(argv[3]);
    double dt = atof(argv[4]);
    rng_state = strtoull(argv[5], 0, 10);
    if (n < 2 || steps < 1) { fprintf(stderr, "driver: N must be >= 2 and STEPS >= 1\\n"); return 2; }
    for (int k = 0; k < UNIFORMS; k++) u[k] = atof(argv[6 + k]);
    for (int a = 0; a < DIM; a++) { x[a] = malloc(n * sizeof(double)); for (long i = 0; i < n; i++) x[a][i] = atof(argv[6 + UNIFORMS + a]); }
    for (int j = 0; j < NOISE; j++) xi[j] = malloc(n * sizeof(double));
    for (long s = 0; s < steps; s++) {
      for (int j = 0; j < NOISE; j++) for (long i = 0; i < n; i++) xi[j][i] = normal01();
      if (step_all(n, x, xi, u, dt)) return 1;
    }
    printf("t = %.17g\\n", steps * dt);
    for (int a = 0; a < DIM; a++) {
      double m = 0, v = 0;
      for (long i = 0; i < n; i++) m += x[a][i];
      m /= n;
      for (long i = 0; i < n; i++) v += (x[a][i] - m) * (x[a][i] - m);
      printf("%s: mean %.10g variance %.10g\\n", STATE_NAMES[a], m, v / (n - 1));
    }
    return 0;
  }
  fprintf(stderr, "usage: %s replay < input\\n       %s run N STEPS DT SEED", argv[0], argv[0]);
  for (int k = 0; k < UNIFORMS; k++) fprintf(stderr, " %s", UNIFORM_NAMES[k]);
  for (int a = 0; a < DIM; a++) fprintf(stderr, " %s0", STATE_NAMES[a]);
  fprintf(stderr, "\\n");
  return 2;
}
`;
}
