#include "bench/context.hpp"

#include <chrono>
#include <thread>

#include <fmt/chrono.h>
#include <fmt/core.h>

#include "bench/build_info.hpp"
#include "bench/gpus.hpp"
#include "bench/machine.hpp"
#include "bench/ranks.hpp"
#include "volley/run_options.hpp"
#include "volley/targets.hpp"
#include "volley/version.hpp"

namespace volley::bench {
namespace {

nlohmann::json names(const std::vector<Target>& targets) {
  nlohmann::json out = nlohmann::json::array();
  for (const Target t : targets) out.push_back(t.name());
  return out;
}

}  // namespace

ThreadPolicy usable_cpus() {
  ThreadEnvironment machine = current_thread_environment();
  machine.omp_num_threads.reset();
  machine.slurm_cpus_per_task.reset();
  return thread_policy_for(machine);
}

ThreadCount thread_count(unsigned threads_option) {
  const ThreadPolicy& policy = default_thread_policy();
  const unsigned asked = threads_option ? threads_option : policy.threads;
  const unsigned threads = resolve_threads({.threads = threads_option});
  if (threads < asked) return {threads, "OMP_THREAD_LIMIT"};
  return {threads, threads_option ? "--threads" : policy.source};
}

nlohmann::json context_record(const ThreadCount& threads, int repeats) {
  const ThreadPolicy cpus = usable_cpus();
  nlohmann::json context = {
      {"volley_version", VOLLEY_VERSION},
      {"date", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(
                                                        std::chrono::system_clock::now())))},
      {"cpu", cpu_model()},
      {"logical_cpus", std::thread::hardware_concurrency()},
      {"usable_cpus", cpus.threads},
      {"usable_cpus_source", cpus.source},
      {"threads", threads.threads},
      {"threads_source", threads.source},
      {"ranks", job_ranks()},
      {"targets", {{"compiled", names(compiled_targets())},
                   {"supported", names(supported_targets())},
                   {"chosen", best_target().name()}}},
      {"compiler", VOLLEY_COMPILER},
      {"flags", VOLLEY_CXX_FLAGS},
      {"repeats", repeats}};
  context.update(gpus_json());
  return {{"context", context}};
}

}  // namespace volley::bench
