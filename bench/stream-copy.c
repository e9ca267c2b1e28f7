/*
 * The machine's memory bandwidth for the roofline of bench/network.bench.ts, STREAM-like (after
 * McCalpin's STREAM): "copy" c[i] = a[i] counted as STREAM counts it (16 bytes per element), and
 * "update" x[i] = q x[i] + 1, y[i] = q y[i] + 1 in place on two arrays — the network's own traffic
 * pattern (two state arrays read and written, 32 bytes per pair, no write-allocate) with no compute.
 * Timed in CPU time (the machine is shared: wall time counts other processes' turns), best of ROUNDS.
 * usage: stream-copy -> prints "copy_bytes_per_second B update_bytes_per_second U"
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { N = 1 << 24, ROUNDS = 10 };
static double now(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

int main(void) {
  double *a = malloc(N * sizeof(double)), *c = malloc(N * sizeof(double));
  for (long i = 0; i < N; i++) { a[i] = 1.0 + i * 1e-9; c[i] = 0; }
  double copy = 1e30, update = 1e30;
  volatile double q = 0.999;
  for (int r = 0; r < ROUNDS; r++) {
    double t0 = now();
    for (long i = 0; i < N; i++) c[i] = a[i];
    double t = now() - t0;
    if (t < copy) copy = t;
    const double s = q;
    t0 = now();
    for (long i = 0; i < N; i++) { a[i] = s * a[i] + 1.0; c[i] = s * c[i] + 1.0; }
    t = now() - t0;
    if (t < update) update = t;
  }
  printf("copy_bytes_per_second %.6g update_bytes_per_second %.6g check %g\n", 16.0 * N / copy, 32.0 * N / update, a[N / 2] + c[N / 3]);
  return 0;
}
