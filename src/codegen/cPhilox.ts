/**
 * The C text of the counter-based normals of src/numerics/philox.ts: Philox4x32-10 keyed by
 * (seed, replica), counter (step, neuron / 4, high word, stream), and the ziggurat with the very
 * tables the TypeScript side built (printed with 17 significant digits, which round-trip). The
 * block loop is written so that compilers vectorise it (no branches, 32 x 32 -> 64 products).
 */
import { ZIGGURAT } from '../numerics/random.ts';

/** A double as a C literal that reads back to the same bits. */
const exact = (x: number): string => (Number.isInteger(x) ? `${x}.0` : x.toPrecision(17));

/** The ziggurat tables as C arrays. */
function tables(): string {
  const { kn, wn, fn, r } = ZIGGURAT;
  return [
    `static const int32_t ZIG_KN[128] = { ${Array.from(kn, (k) => `${k}`).join(', ')} };`,
    `static const double ZIG_WN[128] = { ${Array.from(wn, exact).join(', ')} };`,
    `static const double ZIG_FN[128] = { ${Array.from(fn, exact).join(', ')} };`,
    `static const double ZIG_R = ${exact(r)};`,
  ].join('\n');
}

/** The C source of philox4x32_10, the ziggurat and fill_normals (needs <stdint.h> and <math.h>). */
export function cCounterNormals(): string {
  return `${tables()}

/* Philox4x32-10 (Salmon et al., SC 2011; the Random123 constants): c <- the 10-round bijection of c under (k0, k1). */
static inline void philox4x32_10(uint32_t c[4], uint32_t k0, uint32_t k1) {
  for (int r = 0; r < 10; r++) {
    const uint64_t p0 = (uint64_t)0xD2511F53u * c[0], p1 = (uint64_t)0xCD9E8D57u * c[2];
    const uint32_t n0 = (uint32_t)(p1 >> 32) ^ c[1] ^ k0, n2 = (uint32_t)(p0 >> 32) ^ c[3] ^ k1;
    c[0] = n0; c[1] = (uint32_t)p1; c[2] = n2; c[3] = (uint32_t)p0;
    k0 += 0x9E3779B9u; k1 += 0xBB67AE85u;
  }
}

/* The ziggurat's slow path (wedges and tail) for neuron g: further words from blocks (step, g, g >> 32, stream + 1, ...). */
static double __attribute__((noinline)) zig_slow(int32_t hz, uint64_t g, uint32_t step, uint32_t stream, uint32_t k0, uint32_t k1) {
  uint32_t words[4];
  int used = 4;
  uint32_t block = 0;
#define ZIG_NEXT() (used == 4 ? (words[0] = step, words[1] = (uint32_t)g, words[2] = (uint32_t)(g >> 32), words[3] = stream + ++block, \\
                                 philox4x32_10(words, k0, k1), used = 1, words[0]) : words[used++])
#define ZIG_UNIFORM() (((double)ZIG_NEXT() + 0.5) / 4294967296.0)
  for (;;) {
    const int iz = hz & 127;
    const long long ahz = hz < 0 ? -(long long)hz : (long long)hz;
    if (ahz < ZIG_KN[iz]) return hz * ZIG_WN[iz];
    const double x = hz * ZIG_WN[iz];
    if (iz == 0) {
      double xt, y;
      do {
        xt = -log(ZIG_UNIFORM()) / ZIG_R;
        y = -log(ZIG_UNIFORM());
      } while (y + y < xt * xt);
      return hz > 0 ? ZIG_R + xt : -ZIG_R - xt;
    }
    if (ZIG_FN[iz] + ZIG_UNIFORM() * (ZIG_FN[iz - 1] - ZIG_FN[iz]) < exp(-0.5 * x * x)) return x;
    hz = (int32_t)ZIG_NEXT();
  }
#undef ZIG_UNIFORM
#undef ZIG_NEXT
}

enum { NORMAL_CHUNK = 1024 };

/* out[0..n) = the standard normals of neurons g0 .. g0 + n - 1 at this step and stream (n <= NORMAL_CHUNK). */
static void fill_normals(double *restrict out, uint64_t g0, long n, uint32_t step, uint32_t stream, uint32_t k0, uint32_t k1) {
  uint32_t words[NORMAL_CHUNK + 8];
  const uint64_t q0 = g0 >> 2;
  const long blocks = (long)(((g0 + (uint64_t)n + 3) >> 2) - q0);
  for (long b = 0; b < blocks; b++) {
    uint32_t c[4] = { step, (uint32_t)(q0 + (uint64_t)b), (uint32_t)((q0 + (uint64_t)b) >> 32), stream };
    philox4x32_10(c, k0, k1);
    words[4 * b] = c[0]; words[4 * b + 1] = c[1]; words[4 * b + 2] = c[2]; words[4 * b + 3] = c[3];
  }
  const uint32_t *w = words + (g0 & 3);
  for (long i = 0; i < n; i++) {
    const int32_t hz = (int32_t)w[i];
    const int iz = hz & 127;
    const long long ahz = hz < 0 ? -(long long)hz : (long long)hz;
    out[i] = ahz < ZIG_KN[iz] ? hz * ZIG_WN[iz] : zig_slow(hz, g0 + (uint64_t)i, step, stream, k0, k1);
  }
}`;
}

/** The stream word of the step noise of noise variable j, and of the initial value of state variable a (as philox.ts's streamWord). */
export const STREAM_C = { step: (j: number) => `${j * 65536}u`, initial: (a: number) => `${2 ** 24 + a * 65536}u` };
