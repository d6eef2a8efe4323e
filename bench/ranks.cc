#include "bench/ranks.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>

#include <fmt/core.h>

#include "bench/count_arg.hpp"

namespace volley::bench {

void check_launch() {
  // srun sets the step's task count; a value that is not a small number is not srun's.
  const char* text = std::getenv("SLURM_STEP_NUM_TASKS");
  if (text == nullptr || std::strlen(text) > 9) return;
  const char* const end = text + std::strlen(text);
  unsigned tasks = 0;
  if (const auto parsed = std::from_chars(text, end, tasks); parsed.ec != std::errc() || parsed.ptr != end) return;
  if (tasks > 1 && job_ranks() == 1)
    throw UsageError(fmt::format(
        "srun started {} tasks that are not ranks of one MPI job, and each would run everything: {}", tasks,
#ifdef VOLLEY_HAVE_MPI
        "use srun --mpi=pmix, or mpirun"
#else
        "this volley-bench was built without MPI; run one task"
#endif
        ));
}

}  // namespace volley::bench
