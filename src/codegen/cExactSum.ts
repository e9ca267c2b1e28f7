/**
 * The C text of the network's exact sums: every value is rounded to a fixed-point integer and the
 * integers are added, so a sum does not depend on the order or the split of its terms (any number
 * of MPI ranks gives the same bits). The proven range:
 *   fix_add(x, E): |x| < 2^E is checked (NaN fails the check). With M = 1.5 2^52, adding M to a
 *   double y with |y| <= 2^51 rounds y to an integer held in M's low mantissa bits (read back as
 *   bits(y + M) - bits(M)): a = round(x 2^(48-E)) has |a| <= 2^48; r = x - a 2^(E-48) is exact (if
 *   a != 0 then |x| >= 2^(E-49), so r, |r| <= 2^(E-49), is a multiple of ulp(x) below 2^53 ulps);
 *   b = round(r 2^(88-E)) has |b| <= 2^39. q = a 2^40 + b is a fixed function of x alone (within one
 *   unit of x 2^(88-E)), which is all an order-free sum needs. Per chunk of at most 2^14 terms the
 *   a's (<= 2^62) and b's (<= 2^53) fit int64; n terms sum to at most n 2^89 in magnitude, so
 *   n <= 2^37 terms per sum keep it inside a signed 128-bit integer (the program refuses more
 *   neurons per point). No division, no library call, no branch: compilers vectorise the loop.
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
enum { FIX_CHUNK = 1 << 14 }; /* terms per int64 partial sum (see the range above) */

/* acc += sum_i q(x_i) for x = src[0..n) (src[i] - shift, squared when squared); returns 0 when some |x| >= 2^E or x is NaN. */
static int fix_add(const double *restrict src, long n, int E, double shift, int squared, wide_t *acc) {
  const double up = ldexp(1.0, 48 - E), down = ldexp(1.0, E - 48), low = ldexp(1.0, 88 - E), limit = ldexp(1.0, E), M = 6755399441055744.0;
  int64_t mbits;
  memcpy(&mbits, &M, sizeof mbits);
  long bad = 0;
  for (long i0 = 0; i0 < n; i0 += FIX_CHUNK) {
    const long i1 = i0 + FIX_CHUNK < n ? i0 + FIX_CHUNK : n;
    int64_t A = 0, B = 0;
    for (long i = i0; i < i1; i++) {
      const double d = src[i] - shift;
      const double x0 = squared ? d * d : d;
      const int in = fabs(x0) < limit;
      bad += !in;
      const double x = in ? x0 : 0.0;
      const double ya = x * up + M;
      const double r = x - (ya - M) * down;
      const double yb = r * low + M;
      int64_t ia, ib;
      memcpy(&ia, &ya, sizeof ia);
      memcpy(&ib, &yb, sizeof ib);
      A += ia - mbits;
      B += ib - mbits;
    }
    *acc += (wide_t)A * ((wide_t)1 << 40) + (wide_t)B;
  }
  return bad == 0;
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
