#include "volley/thread_policy.hpp"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>
#include <thread>

#include "host/src/cgroup.hpp"
#include "volley/run_options.hpp"

namespace volley {
namespace {

// A positive count from an environment variable, or a warning saying why it was ignored.
std::optional<unsigned> positive_count(const std::optional<std::string>& value, std::string_view name,
                                       std::vector<std::string>& warnings) {
  if (!value) return std::nullopt;
  // OMP_NUM_THREADS may list one count per nesting level; the first one applies here.
  const std::string_view text = std::string_view(*value).substr(0, value->find(','));
  unsigned count = 0;
  const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (err != std::errc{} || end != text.data() + text.size() || count == 0) {
    warnings.push_back("ignoring " + std::string(name) + "='" + *value + "': not a positive integer");
    return std::nullopt;
  }
  if (count > max_threads()) {  // the cap on an explicit count holds here too
    warnings.push_back("ignoring " + std::string(name) + "='" + *value + "': more than the " +
                       std::to_string(max_threads()) + " threads allowed");
    return std::nullopt;
  }
  return count;
}

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::optional<std::string>(value) : std::nullopt;
}

unsigned affinity_cpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<unsigned>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

ThreadPolicy thread_policy_for(const ThreadEnvironment& e) {
  ThreadPolicy policy{std::max(1u, e.affinity_cpus), "CPU affinity mask", {}};
  if (e.cgroup_cpus && *e.cgroup_cpus < policy.threads) {
    policy.threads = std::max(1u, static_cast<unsigned>(std::ceil(*e.cgroup_cpus)));
    policy.source = "cgroup CPU quota";
  }
  if (const auto omp = positive_count(e.omp_num_threads, "OMP_NUM_THREADS", policy.warnings)) {
    policy.threads = *omp;
    policy.source = "OMP_NUM_THREADS";
  }
  if (e.in_slurm_job) {
    if (const auto slurm = positive_count(e.slurm_cpus_per_task, "SLURM_CPUS_PER_TASK", policy.warnings)) {
      policy.threads = *slurm;
      policy.source = "SLURM_CPUS_PER_TASK";
    }
  }
  return policy;
}

ThreadEnvironment current_thread_environment() {
  ThreadEnvironment e;
  e.affinity_cpus = affinity_cpus();
  if (std::ifstream in("/proc/self/cgroup"); in) {
    std::stringstream text;
    text << in.rdbuf();
    e.cgroup_cpus = detail::cgroup_cpu_limit("/sys/fs/cgroup", text.str());
  }
  e.omp_num_threads = env("OMP_NUM_THREADS");
  e.slurm_cpus_per_task = env("SLURM_CPUS_PER_TASK");
  e.in_slurm_job = env("SLURM_JOB_ID").has_value();
  return e;
}

const ThreadPolicy& default_thread_policy() {
  static const ThreadPolicy policy = [] {
    ThreadPolicy p = thread_policy_for(current_thread_environment());
    for (const auto& w : p.warnings) std::cerr << "volley: " << w << '\n';
    return p;
  }();
  return policy;
}

unsigned default_threads() { return default_thread_policy().threads; }

}  // namespace volley
