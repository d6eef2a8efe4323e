#include "mpi/src/run_counter.hpp"

namespace volley::mpi::detail {

RunCounter::RunCounter(MPI_Comm comm) {
  int rank = 0;
  MPI_Comm_rank(comm, &rank);
  std::uint64_t* value = nullptr;
  const MPI_Aint bytes = rank == 0 ? sizeof(std::uint64_t) : 0;
  MPI_Win_allocate(bytes, sizeof(std::uint64_t), MPI_INFO_NULL, comm, &value, &window_);
  if (rank == 0) *value = 0;
  MPI_Barrier(comm);  // the counter is zero before anyone draws
  MPI_Win_lock_all(0, window_);
}

RunCounter::~RunCounter() {
  MPI_Win_unlock_all(window_);
  MPI_Win_free(&window_);
}

std::uint64_t RunCounter::take(std::uint64_t k) {
  std::uint64_t before = 0;
  MPI_Fetch_and_op(&k, &before, MPI_UINT64_T, 0, 0, MPI_SUM, window_);
  MPI_Win_flush(0, window_);
  return before;
}

}  // namespace volley::mpi::detail
