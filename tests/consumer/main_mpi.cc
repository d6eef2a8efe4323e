// Uses the installed MPI API; exits non-zero unless the count over the ranks is pi(10^6).
#include <cstdio>

#include <volley/mpi.hpp>

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  const std::uint64_t count = volley::mpi::count_primes(MPI_COMM_WORLD, 0, 1'000'000);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (rank == 0) std::printf("volley::mpi: %llu primes below 10^6\n", static_cast<unsigned long long>(count));
  MPI_Finalize();
  return count == 78498 ? 0 : 1;
}
