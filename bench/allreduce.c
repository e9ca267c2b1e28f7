/*
 * The cost of the network's one collective per step: MPI_Allreduce (in place, MPI_SUM) of the
 * int64 limbs the generated MPI program reduces (argv[1] of them), timed over many calls.
 * usage: mpirun -np P allreduce COUNT CALLS -> rank 0 prints "seconds_per_allreduce S" (best of 5 rounds)
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  const int count = argc > 1 ? atoi(argv[1]) : 40, calls = argc > 2 ? atoi(argv[2]) : 10000;
  int64_t *x = calloc(count, sizeof(int64_t));
  double best = 1e30;
  for (int r = 0; r < 5; r++) {
    MPI_Barrier(MPI_COMM_WORLD);
    const double t0 = MPI_Wtime();
    for (int k = 0; k < calls; k++) { x[0] = k; MPI_Allreduce(MPI_IN_PLACE, x, count, MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD); }
    const double t = (MPI_Wtime() - t0) / calls;
    if (t < best) best = t;
  }
  if (rank == 0) printf("seconds_per_allreduce %.6g\n", best);
  MPI_Finalize();
  return 0;
}
