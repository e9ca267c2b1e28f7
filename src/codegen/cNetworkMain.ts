/**
 * The main() of the generated network program (cNetwork.ts): name=value arguments checked with a
 * message naming the argument (exit 2), the rank's block of every point, the initial law from the
 * counter-based stream, the step loop with one exact reduction per step, the samples (rank 0
 * writes stdout; nothing on it depends on the number of ranks), the checksum, the timing on stderr.
 */

/** What main() needs from the printer: MPI or not, the chunk step body, the initial streams' words, whether coupled sums are used. */
export interface MainParts {
  readonly mpi: boolean;
  readonly stepChunk: string;
  readonly initialStreams: readonly string[];
  readonly coupledUsed: boolean;
  /** Per state variable: is its mean needed every step (by a mean or coupled uniform)? The others are summed at the samples only. */
  readonly needed: readonly boolean[];
}

/** One name=value argument of the program: its C variable (with the cast), its bounds as C literals, integer or not. */
export interface ProgramArgument {
  readonly name: string;
  readonly assign: string;
  readonly lo: string;
  readonly hi: string;
  readonly integer: boolean;
}

/** The program's arguments besides the model's constants (the one source of their bounds: main() checks them, `sweep plan` checks scanned values against them). */
export const PROGRAM_ARGUMENTS: readonly ProgramArgument[] = [
  { name: 'neurons', assign: 'n = (long)', lo: '2', hi: '137438953472.0', integer: true },
  { name: 'steps', assign: 'steps = (long)', lo: '1', hi: '4294967295.0', integer: true },
  { name: 'samples', assign: 'samples = (long)', lo: '1', hi: '4294967295.0', integer: true },
  { name: 'dt', assign: 'dt = ', lo: '4.9e-324', hi: '1.79e308', integer: false },
  { name: 'seed', assign: 'key0 = (uint32_t)', lo: '0', hi: '4294967295.0', integer: true },
  { name: 'replica', assign: 'key1 = (uint32_t)', lo: '0', hi: '4294967295.0', integer: true },
  { name: 'dump', assign: 'dump = (int)', lo: '0', hi: '1', integer: true },
];

/** The C lines of main() that read the arguments of PROGRAM_ARGUMENTS. */
const argumentLines = (): string =>
  PROGRAM_ARGUMENTS.map(
    (a, i) => `    ${i > 0 ? 'else ' : ''}if (IS("${a.name}")) ${a.assign}argument("${a.name}", eq + 1, ${a.lo}, ${a.hi}, ${a.integer ? 1 : 0});`,
  ).join('\n');

/** The C text of the helpers and main(). */
export function cNetworkMain(parts: MainParts): string {
  const { mpi } = parts;
  const finish = mpi ? 'MPI_Finalize(); ' : '';
  return `
static int RANK = 0, RANKS = 1;
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }
static double cpu_now(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }
/* A refusal of the input (exit 2) or a failed run (exit 1): rank 0 says why; every rank reaches the same decision. */
static void stop(int code, const char *what) {
  if (RANK == 0) fprintf(stderr, "network: %s\\n", what);
  ${finish}exit(code);
}
static void fail_step(const char *err, long s) {
  char text[512];
  snprintf(text, sizeof text, "step %ld: %s", s + 1, err);
  stop(1, text);
}
static double argument(const char *name, const char *text, double lo, double hi, int integer) {
  char *end, msg[512];
  const double v = strtod(text, &end);
  if (end == text || *end || !(v >= lo && v <= hi) || (integer && v != floor(v))) {
    snprintf(msg, sizeof msg, "%s must be %s in [%.17g, %.17g], got '%s'", name, integer ? "an integer" : "a number", lo, hi, text);
    stop(2, msg);
  }
  return v;
}
/* Bytes of memory available to new allocations (MemAvailable of /proc/meminfo), or -1 where the system does not say. */
static double available_memory(void) {
  FILE *f = fopen("/proc/meminfo", "r");
  char line[256];
  double kb = -1;
  if (!f) return -1;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "MemAvailable: %lf kB", &kb) == 1) break;
  fclose(f);
  return kb < 0 ? -1 : kb * 1024.0;
}
static uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

int main(int argc, char **argv) {
${mpi ? '  MPI_Init(&argc, &argv);\n  MPI_Comm_rank(MPI_COMM_WORLD, &RANK);\n  MPI_Comm_size(MPI_COMM_WORLD, &RANKS);\n' : ''}  long n = DEFAULT_NEURONS, steps = DEFAULT_STEPS, samples = DEFAULT_SAMPLES;
  double dt = DEFAULT_DT;
  uint32_t key0 = (uint32_t)DEFAULT_SEED, key1 = 0;
  int dump = 0;
  char msg[1024];
  for (int i = 1; i < argc; i++) {
    const char *eq = strchr(argv[i], '=');
    const size_t len = eq ? (size_t)(eq - argv[i]) : 0;
    int known = 0;
#define IS(name) (eq && len == strlen(name) && strncmp(argv[i], name, len) == 0 && (known = 1))
${argumentLines()}
    for (int c = 0; !known && c < NCONST; c++)
      if (IS(CONST_NAMES[c])) *CONST_SLOTS[c] = argument(CONST_NAMES[c], eq + 1, -1.79e308, 1.79e308, 0);
#undef IS
    if (!known) {
      int at = snprintf(msg, sizeof msg, "unknown argument '%s' (give name=value; names: ${PROGRAM_ARGUMENTS.map((a) => a.name).join(' ')}", argv[i]);
      for (int c = 0; c < NCONST && at < (int)sizeof msg - 40; c++) at += snprintf(msg + at, sizeof msg - at, " %s", CONST_NAMES[c]);
      snprintf(msg + at, sizeof msg - at, ")");
      stop(2, msg);
    }
  }
  if (samples > steps) { snprintf(msg, sizeof msg, "samples = %ld must be at most steps = %ld", samples, steps); stop(2, msg); }
  if ((long)RANKS > n) {
    snprintf(msg, sizeof msg, "%d ranks is more than the %ld neurons per point: every rank needs at least one neuron of every point (use fewer ranks or more neurons)", RANKS, n);
    stop(2, msg);
  }
  if (dump && RANKS > 1) stop(2, "dump=1 prints every neuron and is for one process");
  const long lo = (long)(((wide_t)n * RANK) / RANKS), hi = (long)(((wide_t)n * (RANK + 1)) / RANKS), mine = hi - lo;
  {
    /* the neurons' state must fit in memory: refused here by name, not killed by the system mid-run */
    double need = (double)K * DIM * (double)mine * sizeof(double) + (NOISE > 0 ? NOISE : 1) * (double)NORMAL_CHUNK * sizeof(double), have = available_memory();
${mpi ? '    MPI_Allreduce(MPI_IN_PLACE, &need, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);\n    MPI_Allreduce(MPI_IN_PLACE, &have, 1, MPI_DOUBLE, MPI_MIN, MPI_COMM_WORLD);\n' : ''}    if (have > 0 && need > have) {
      snprintf(msg, sizeof msg, "%ld neurons per point need %.3g GB of memory per process, and %.3g GB is available: use fewer neurons (or more processes on more machines)", n, need / 1e9, have / 1e9);
      stop(2, msg);
    }
  }
  double *x[K][DIM], *xi[NOISE > 0 ? NOISE : 1];
  for (int k = 0; k < K; k++)
    for (int a = 0; a < DIM; a++)
      if (!(x[k][a] = malloc((size_t)mine * sizeof(double)))) stop(1, "out of memory for the neurons of this rank");
  for (int j = 0; j < (NOISE > 0 ? NOISE : 1); j++) xi[j] = malloc(NORMAL_CHUNK * sizeof(double));
  const uint32_t INIT_STREAM[DIM] = { ${parts.initialStreams.join(', ')} };
  for (int k = 0; k < K; k++)
    for (int a = 0; a < DIM; a++)
      for (long j = 0; j < mine; j += NORMAL_CHUNK) {
        const long m = mine - j < NORMAL_CHUNK ? mine - j : NORMAL_CHUNK;
        fill_normals(xi[0], (uint64_t)k * (uint64_t)n + (uint64_t)(lo + j), m, 0u, INIT_STREAM[a], key0, key1);
        for (long i = 0; i < m; i++) x[k][a][j + i] = INIT_MEAN[a][k] + ((lo + j + i) % 2 == 0 ? -INIT_ALT[a] : INIT_ALT[a]) + INIT_SD[a] * xi[0][i];
      }
  wide_t sums[K * DIM];
  int64_t flags[K * DIM], limbs[4 * K * DIM + K * DIM];
  double mean[K][DIM], coupled[K][DIM], coupled_one[K], reduce_seconds = 0;
  (void)coupled; (void)coupled_one;
  for (int k = 0; k < K; k++) {
    coupled_one[k] = 0;
    for (int j = 0; j < K; j++) coupled_one[k] += COUPLING[k * K + j] * 1.0;
  }
  const int NEEDED[DIM] = { ${parts.needed.map((b) => (b ? 1 : 0)).join(', ')} };
#define REDUCE_MEANS(step, all) do { \\
    const double r0 = now(); \\
    exact_allreduce(sums, K * DIM, flags, K * DIM, limbs); \\
    reduce_seconds += now() - r0; \\
    for (int k = 0; k < K; k++) for (int a = 0; a < DIM; a++) if ((all) || NEEDED[a]) { \\
      if (flags[k * DIM + a]) { \\
        snprintf(msg, sizeof msg, "step %ld: %lld neurons of point %d have %s outside the exact-sum range |%s| < 2^24 (or NaN): the run blew up", \\
                 (long)(step), (long long)flags[k * DIM + a], k, STATE_NAMES[a], STATE_NAMES[a]); \\
        stop(1, msg); \\
      } \\
      mean[k][a] = fix_value(sums[k * DIM + a], 24) / (double)n; \\
    } } while (0)
  for (int q = 0; q < K * DIM; q++) {
    sums[q] = 0;
    flags[q] = !fix_add(x[q / DIM][q % DIM], mine, 24, 0.0, 0, &sums[q]);
  }
  REDUCE_MEANS(0, 1);
  if (RANK == 0) {
    printf("# %s\\n# neurons=%ld steps=%ld dt=%.17g samples=%ld seed=%lu replica=%lu", TITLE, n, steps, dt, samples, (unsigned long)key0, (unsigned long)key1);
    for (int c = 0; c < NCONST; c++) printf(" %s=%.17g", CONST_NAMES[c], *CONST_SLOTS[c]);
    printf("\\nt,point,x");
    for (int a = 0; a < DIM; a++) printf(",mean(%s)", STATE_NAMES[a]);
    for (int a = 0; a < DIM; a++) printf(",var(%s)", STATE_NAMES[a]);
    printf("\\n");
  }
  long next = 1;
  const double t0 = now(), c0 = cpu_now();
  for (long s = 0; s < steps; s++) {
${parts.coupledUsed ? '    for (int k = 0; k < K; k++) for (int a = 0; a < DIM; a++) { coupled[k][a] = 0; for (int j = 0; j < K; j++) coupled[k][a] += COUPLING[k * K + j] * mean[j][a]; }\n' : ''}    for (int q = 0; q < K * DIM; q++) { sums[q] = 0; flags[q] = 0; }
    for (int k = 0; k < K; k++) {
      const uint64_t g0 = (uint64_t)k * (uint64_t)n + (uint64_t)lo;
      for (long j = 0; j < mine; j += NORMAL_CHUNK) {
        const long m = mine - j < NORMAL_CHUNK ? mine - j : NORMAL_CHUNK;
        {
${parts.stepChunk}
        }
        for (int a = 0; a < DIM; a++)
          if (NEEDED[a]) flags[k * DIM + a] += !fix_add(&x[k][a][j], m, 24, 0.0, 0, &sums[k * DIM + a]);
      }
    }
    REDUCE_MEANS(s + 1, 0);
    if ((s + 1) == (long)(((wide_t)next * steps) / samples)) {
      for (int q = 0; q < K * DIM; q++) {
        sums[q] = 0;
        flags[q] = !fix_add(x[q / DIM][q % DIM], mine, 24, 0.0, 0, &sums[q]);
      }
      REDUCE_MEANS(s + 1, 1);
      for (int q = 0; q < K * DIM; q++) {
        sums[q] = 0;
        flags[q] = !fix_add(x[q / DIM][q % DIM], mine, 50, mean[q / DIM][q % DIM], 1, &sums[q]);
      }
      exact_allreduce(sums, K * DIM, flags, K * DIM, limbs);
      for (int k = 0; RANK == 0 && k < K; k++) {
        printf("%.17g,%d,%.17g", (double)(s + 1) * dt, k, POINT_X[k]);
        for (int a = 0; a < DIM; a++) printf(",%.17g", mean[k][a]);
        for (int a = 0; a < DIM; a++) printf(",%.17g", fix_value(sums[k * DIM + a], 50) / (double)(n - 1));
        printf("\\n");
      }
      next++;
    }
  }
  const double seconds = now() - t0, cpu_seconds = cpu_now() - c0;
  wide_t check = 0;
  for (int k = 0; k < K; k++)
    for (int a = 0; a < DIM; a++)
      for (long i = 0; i < mine; i++) {
        uint64_t bits;
        memcpy(&bits, &x[k][a][i], sizeof bits);
        check += (wide_t)mix64(bits ^ (((uint64_t)k * (uint64_t)n + (uint64_t)(lo + i)) * 0x9E3779B97F4A7C15ULL + (uint64_t)a + 1u));
      }
  int64_t none = 0;
  exact_allreduce(&check, 1, &none, 0, limbs);
  if (RANK == 0) {
    printf("# checksum %016llx\\n", (unsigned long long)(uint64_t)check);
    if (dump)
      for (int k = 0; k < K; k++)
        for (long i = 0; i < n; i++) {
          printf("%d,%ld", k, i);
          for (int a = 0; a < DIM; a++) printf(",%.17g", x[k][a][i]);
          printf("\\n");
        }
    fflush(stdout);
    fprintf(stderr, "# timing ranks=%d neuron_steps=%.0f seconds=%.6f cpu_seconds=%.6f neuron_steps_per_second=%.6g reduce_seconds=%.6f reduce_per_step=%.3g\\n",
            RANKS, (double)n * K * steps, seconds, cpu_seconds, (double)n * K * steps / seconds, reduce_seconds, reduce_seconds / steps);
  }
  ${finish}return 0;
}`;
}
