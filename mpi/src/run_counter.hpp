#pragma once
// A counter on rank 0 of a communicator that every rank draws from with MPI one-sided atomics
// (MPI_Fetch_and_op), so work is dealt to whichever rank asks first. Creating and destroying it
// are collective: every rank of the communicator must do both.
#include <mpi.h>

#include <cstdint>

namespace volley::mpi::detail {

class RunCounter {
 public:
  explicit RunCounter(MPI_Comm comm);
  ~RunCounter();
  RunCounter(const RunCounter&) = delete;
  RunCounter& operator=(const RunCounter&) = delete;

  /// Adds k and returns the value before: the first of the k numbers this rank now owns.
  std::uint64_t take(std::uint64_t k);

 private:
  MPI_Win window_ = MPI_WIN_NULL;
};

}  // namespace volley::mpi::detail
