/*
 * Hand-written C of the paper's network (1.2), the baseline of bench/network.bench.ts: K = 4 points,
 * the OU-split step (exact OU flow of -(rho/eps)(v - V), then Euler on the rest), the means and the
 * nonlocal sums every step (plain double sums), written the way one would by hand, with three
 * generators of normals fused into the step loop:
 *   polar:  xoshiro256+ and the Marsaglia polar method (the reference loop)
 *   zig:    xoshiro256+ and a 128-layer ziggurat (tables built at start)
 *   philox: Philox4x32-10 (one block of four words per four neurons) and the same ziggurat
 * usage: hand-network VARIANT NEURONS_PER_POINT STEPS  -> prints "seconds S check C" (S: CPU time of the step loop)
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PI 3.141592653589793

enum { K = 4 };
static double now(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

static uint64_t s[4] = { 0x9E3779B97F4A7C15ULL, 0xBF58476D1CE4E5B9ULL, 0x94D049BB133111EBULL, 0x2545F4914F6CDD1DULL };
static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline uint64_t xoshiro(void) {
  const uint64_t r = s[0] + s[3], t = s[1] << 17;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
  return r;
}
static inline double u01(void) { return ((xoshiro() >> 11) + 0.5) * 0x1.0p-53; }

static double spare; static int has_spare;
static inline double polar(void) {
  if (has_spare) { has_spare = 0; return spare; }
  double u, v, q;
  do { u = 2 * u01() - 1; v = 2 * u01() - 1; q = u * u + v * v; } while (q >= 1 || q == 0);
  const double f = sqrt(-2 * log(q) / q);
  spare = v * f; has_spare = 1;
  return u * f;
}

static int32_t kn[128]; static double wn[128], fn[128];
static void zig_tables(void) {
  const double m1 = 2147483648.0, vn = 9.91256303526217e-3;
  double dn = 3.442619855899, tn = dn, q = vn / exp(-0.5 * dn * dn);
  kn[0] = (int32_t)((dn / q) * m1); kn[1] = 0; wn[0] = q / m1; wn[127] = dn / m1; fn[0] = 1; fn[127] = exp(-0.5 * dn * dn);
  for (int i = 126; i >= 1; i--) { dn = sqrt(-2 * log(vn / dn + exp(-0.5 * dn * dn))); kn[i + 1] = (int32_t)((dn / tn) * m1); tn = dn; fn[i] = exp(-0.5 * dn * dn); wn[i] = dn / m1; }
}
static double __attribute__((noinline)) zig_slow(int32_t hz) {
  for (;;) {
    const int iz = hz & 127;
    const double x = hz * wn[iz];
    if (iz == 0) { double xt, y; do { xt = -log(u01()) / 3.442619855899; y = -log(u01()); } while (y + y < xt * xt); return hz > 0 ? 3.442619855899 + xt : -3.442619855899 - xt; }
    if (fn[iz] + u01() * (fn[iz - 1] - fn[iz]) < exp(-0.5 * x * x)) return x;
    hz = (int32_t)xoshiro();
    if ((hz < 0 ? -(int64_t)hz : hz) < kn[hz & 127]) return hz * wn[hz & 127];
  }
}
static inline double zig_from(int32_t hz) {
  const int iz = hz & 127;
  return (hz < 0 ? -(int64_t)hz : hz) < kn[iz] ? hz * wn[iz] : zig_slow(hz);
}
static inline void philox(uint32_t c[4], uint32_t k0, uint32_t k1) {
  for (int r = 0; r < 10; r++) {
    const uint64_t p0 = (uint64_t)0xD2511F53u * c[0], p1 = (uint64_t)0xCD9E8D57u * c[2];
    const uint32_t n0 = (uint32_t)(p1 >> 32) ^ c[1] ^ k0, n2 = (uint32_t)(p0 >> 32) ^ c[3] ^ k1;
    c[0] = n0; c[1] = (uint32_t)p1; c[2] = n2; c[3] = (uint32_t)p0;
    k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
  }
}

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: %s polar|zig|philox NEURONS STEPS\n", argv[0]); return 2; }
  const int variant = strcmp(argv[1], "polar") == 0 ? 0 : strcmp(argv[1], "zig") == 0 ? 1 : 2;
  const long n = atol(argv[2]), steps = atol(argv[3]);
  const double dt = 1e-3, eps = 0.05, a = 0.8, b = 1, c = 0.1;
  double x[K], rho[K], C[K * K], V[K], PsiRho[K], *v[K], *w[K];
  zig_tables();
  for (int k = 0; k < K; k++) { x[k] = (k + 0.5) / K; rho[k] = 1 + 0.4 * cos(2 * PI * x[k]); }
  for (int i = 0; i < K; i++) { PsiRho[i] = 0; for (int j = 0; j < K; j++) { C[i * K + j] = 0.5 * exp(-(x[i] - x[j]) * (x[i] - x[j]) / 0.05) * rho[j] / K; PsiRho[i] += C[i * K + j]; } }
  for (int k = 0; k < K; k++) {
    v[k] = malloc(n * sizeof(double)); w[k] = malloc(n * sizeof(double));
    double m = 0;
    for (long i = 0; i < n; i++) { v[k][i] = 0.5 + 0.3 * sin(2 * PI * x[k]) + (i % 2 ? 0.6 : -0.6) + 0.25 * polar(); w[k][i] = 0.2 + 0.3 * polar(); m += v[k][i]; }
    V[k] = m / n;
  }
  const double t0 = now();
  for (long st = 0; st < steps; st++) {
    double PsiRhoV[K];
    for (int i = 0; i < K; i++) { PsiRhoV[i] = 0; for (int j = 0; j < K; j++) PsiRhoV[i] += C[i * K + j] * V[j]; }
    for (int k = 0; k < K; k++) {
      const double decay = exp(-rho[k] / eps * dt), sd = sqrt((1 - decay * decay) * eps / rho[k]), Vk = V[k], pr = PsiRho[k], prv = PsiRhoV[k];
      double *restrict vk = v[k], *restrict wk = w[k], sum = 0;
      const uint32_t key1 = (uint32_t)st;
      for (long i = 0; i < n; i += 4) {
        double xi[4];
        if (variant == 0) for (int q = 0; q < 4; q++) xi[q] = polar();
        else if (variant == 1) for (int q = 0; q < 4; q++) xi[q] = zig_from((int32_t)(xoshiro() >> 32));
        else {
          uint32_t ctr[4] = { (uint32_t)st, (uint32_t)(k * n + i), 0, 0 };
          philox(ctr, 1u, key1);
          for (int q = 0; q < 4; q++) xi[q] = zig_from((int32_t)ctr[q]);
        }
        const long m = n - i < 4 ? n - i : 4;
        for (long q = 0; q < m; q++) {
          const double y = Vk + (vk[i + q] - Vk) * decay + sd * xi[q], wi = wk[i + q];
          const double nv = y + (y - y * y * y - wi - pr * y + prv) * dt;
          vk[i + q] = nv;
          wk[i + q] = wi + (a * y - b * wi + c) * dt;
          sum += nv;
        }
      }
      V[k] = sum / n;
    }
  }
  const double seconds = now() - t0;
  double check = 0;
  for (int k = 0; k < K; k++) check += V[k];
  printf("seconds %.9f check %.17g\n", seconds, check);
  return 0;
}
