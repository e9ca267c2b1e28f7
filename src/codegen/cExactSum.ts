/**
 * The C text of the network's exact sums: every value is truncated to a fixed-point integer and
 * the integers are added, so a sum does not depend on the order or the split of its terms (any
 * number of MPI ranks gives the same bits). The proven range:
 *   fix_add(x, E): |x| < 2^E is checked (NaN fails the check); a = trunc(x 2^(48-E)) has |a| < 2^48,
 *   r = x - a 2^(E-48) is exact (the low bits of x) with |r| < 2^(E-48), b = trunc(r 2^(88-E)) has
 *   |b| < 2^40, and a 2^40 + b = trunc(x 2^(88-E)) exactly. Per chunk of at most 2^14 terms the a's
 *   (< 2^62) and b's (< 2^54) fit int64; the running sum of n terms is below n 2^88, so n <= 2^38
 *   terms per sum keep it inside a signed 128-bit integer (the program refuses more neurons per point).
 * First moments use E = 24 (resolution 2^-64), squared deviations E = 50 (resolution 2^-38).
 * Across ranks the 128-bit sums travel as four 32-bit limbs in int64 (a sum of up to 2^31 ranks'
 * limbs cannot overflow) and are recombined modulo 2^128, which is exact since the total fits.
 */

/** The C source of fix_add, the limb split/join and the reduction (MPI_Allreduce of the limbs when mpi). */
export function cExactSums(mpi: boolean): string {
  const transport = mpi
    ? '  MPI_Allreduce(MPI_IN_PLACE, limbs, (int)(4 * count + extraCount), MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD);'
    : '  (void)limbs; /* one process: the local sums are the totals */';
  return `typedef __int128 wide_t;
typedef unsigned __int128 uwide_t;
enum { FIX_CHUNK = 1 << 14 };

/* acc += sum_i trunc(x_i 2^(88-E)) for x = src[0..n) (src[i] - shift, squared when squared); returns 0 when some |x| >= 2^E or x is NaN. */
static int fix_add(const double *restrict src, long n, int E, double shift, int squared, wide_t *acc) {
  const double up = ldexp(1.0, 48 - E), down = ldexp(1.0, E - 48), low = ldexp(1.0, 88 - E), limit = ldexp(1.0, E);
  int ok = 1;
  for (long i0 = 0; i0 < n; i0 += FIX_CHUNK) {
    const long i1 = i0 + FIX_CHUNK < n ? i0 + FIX_CHUNK : n;
    int64_t A = 0, B = 0;
    for (long i = i0; i < i1; i++) {
      const double d = src[i] - shift;
      const double x = squared ? d * d : d;
      ok &= fabs(x) < limit;
      const int64_t a = ok ? (int64_t)(x * up) : 0;
      const double r = x - (double)a * down;
      A += a;
      B += ok ? (int64_t)(r * low) : 0;
    }
    *acc += (wide_t)A * ((wide_t)1 << 40) + (wide_t)B;
  }
  return ok;
}

/* The value of an exact sum with exponent E: acc 2^-(88-E). */
static double fix_value(wide_t acc, int E) { return ldexp((double)acc, E - 88); }

/* Sum count 128-bit values (and extra plain int64 counters) over every process, exactly: limbs of 32 bits in int64. */
static void exact_allreduce(wide_t *sums, long count, int64_t *extra, long extraCount, int64_t *limbs) {
  for (long k = 0; k < count; k++) {
    const uwide_t u = (uwide_t)sums[k];
    for (int l = 0; l < 4; l++) limbs[4 * k + l] = l < 3 ? (int64_t)(uint32_t)(u >> (32 * l)) : (int64_t)(int32_t)(uint32_t)(u >> 96);
  }
  for (long e = 0; e < extraCount; e++) limbs[4 * count + e] = extra[e];
${transport}
  for (long k = 0; k < count; k++) {
    uwide_t u = 0;
    for (int l = 0; l < 4; l++) u += (uwide_t)limbs[4 * k + l] << (32 * l);
    sums[k] = (wide_t)u;
  }
  for (long e = 0; e < extraCount; e++) extra[e] = limbs[4 * count + e];
}`;
}
