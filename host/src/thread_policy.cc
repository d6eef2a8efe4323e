#include "volley/thread_policy.hpp"

#include <sched.h>

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <string_view>
#include <thread>

namespace volley {
namespace {

unsigned affinity_cpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<unsigned>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

// OMP_NUM_THREADS may list one count per nesting level; the first one applies here.
unsigned omp_num_threads() {
  const char* raw = std::getenv("OMP_NUM_THREADS");
  if (raw == nullptr || *raw == '\0') return 0;
  const std::string_view text(raw);
  const std::string_view first = text.substr(0, text.find(','));
  unsigned value = 0;
  const auto [end, err] = std::from_chars(first.data(), first.data() + first.size(), value);
  if (err != std::errc{} || end != first.data() + first.size() || value == 0) {
    std::cerr << "volley: ignoring OMP_NUM_THREADS='" << text << "': not a positive integer\n";
    return 0;
  }
  return value;
}

}  // namespace

ThreadPolicy default_thread_policy() {
  if (const unsigned n = omp_num_threads()) return {n, "OMP_NUM_THREADS"};
  return {affinity_cpus(), "CPU affinity mask"};
}

unsigned default_threads() { return default_thread_policy().threads; }

}  // namespace volley
