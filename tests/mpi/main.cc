// The MPI tests' runner: every rank runs every test case in the same order (their collective
// calls match up; the tests use CHECK, never REQUIRE, so no rank leaves a case early), and
// all ranks exit with the worst rank's result.
#include <mpi.h>

#include "tests/catch_session.hpp"

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  const int failed = run_catch_session(argc, argv);
  int worst = 0;
  MPI_Allreduce(&failed, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Finalize();
  return worst;
}
