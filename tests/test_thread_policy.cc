#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "host/src/cgroup.hpp"
#include "volley/thread_policy.hpp"

using namespace volley;
namespace fs = std::filesystem;

namespace {

// A scratch sysfs-like tree, removed afterwards.
struct TempTree {
  fs::path root = fs::temp_directory_path() / ("volley_cgroup_" + std::to_string(::getpid()));
  TempTree() { fs::remove_all(root); }
  ~TempTree() { fs::remove_all(root); }
  void write(const fs::path& relative, const std::string& text) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << text;
  }
};

}  // namespace

TEST_CASE("cgroup quota files parse") {
  CHECK(detail::parse_cpu_max("max 100000\n") == std::nullopt);
  CHECK(detail::parse_cpu_max("150000 100000\n") == 1.5);
  CHECK(detail::parse_cpu_max("200000 100000") == 2.0);
  CHECK(detail::parse_cpu_max("garbage") == std::nullopt);
  CHECK(detail::parse_cpu_max("") == std::nullopt);
  CHECK(detail::parse_cfs_quota("-1\n", "100000\n") == std::nullopt);
  CHECK(detail::parse_cfs_quota("50000\n", "100000\n") == 0.5);
  CHECK(detail::parse_cfs_quota("300000", "0") == std::nullopt);
}

TEST_CASE("the cgroup limit is the tightest quota on the process's path") {
  TempTree tree;
  tree.write("job/cpu.max", "300000 100000\n");
  tree.write("job/step/cpu.max", "max 100000\n");
  CHECK(detail::cgroup_cpu_limit(tree.root, "0::/job/step\n") == 3.0);
  tree.write("cpu.max", "150000 100000\n");  // a tighter quota at the root
  CHECK(detail::cgroup_cpu_limit(tree.root, "0::/job/step\n") == 1.5);
  CHECK(detail::cgroup_cpu_limit(tree.root / "missing", "0::/\n") == std::nullopt);

  TempTree v1;
  v1.write("cpu,cpuacct/slurm/cpu.cfs_quota_us", "400000\n");
  v1.write("cpu,cpuacct/slurm/cpu.cfs_period_us", "100000\n");
  CHECK(detail::cgroup_cpu_limit(v1.root, "4:memory:/slurm\n3:cpu,cpuacct:/slurm\n") == 4.0);
  CHECK(detail::cgroup_cpu_limit(v1.root, "4:memory:/slurm\n") == std::nullopt);  // no cpu controller
}

TEST_CASE("the thread policy applies its sources in order") {
  ThreadEnvironment e;
  e.affinity_cpus = 8;
  CHECK(thread_policy_for(e).threads == 8);
  CHECK(thread_policy_for(e).source == "CPU affinity mask");

  e.cgroup_cpus = 2.5;  // capped, rounded up
  CHECK(thread_policy_for(e).threads == 3);
  CHECK(thread_policy_for(e).source == "cgroup CPU quota");
  e.cgroup_cpus = 16;  // a quota above the mask does not raise it
  CHECK(thread_policy_for(e).threads == 8);

  e.omp_num_threads.emplace("5,2");
  CHECK(thread_policy_for(e).threads == 5);
  CHECK(thread_policy_for(e).source == "OMP_NUM_THREADS");

  e.slurm_cpus_per_task.emplace("6");
  CHECK(thread_policy_for(e).threads == 5);  // not in a SLURM job: ignored
  e.in_slurm_job = true;
  CHECK(thread_policy_for(e).threads == 6);
  CHECK(thread_policy_for(e).source == "SLURM_CPUS_PER_TASK");
}

TEST_CASE("garbage and zero in the variables are ignored with a warning") {
  ThreadEnvironment e;
  e.affinity_cpus = 4;
  for (const char* bad : {"0", "abc", "-3", "", "4x", "99999999999999"}) {
    INFO(bad);
    e.omp_num_threads.emplace(bad);
    const auto p = thread_policy_for(e);
    CHECK(p.threads == 4);
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].find("OMP_NUM_THREADS") != std::string::npos);
  }
  e.omp_num_threads.reset();
  e.in_slurm_job = true;
  e.slurm_cpus_per_task.emplace("zero");
  CHECK(thread_policy_for(e).threads == 4);
  CHECK(thread_policy_for(e).warnings.size() == 1);
}

TEST_CASE("this process's policy is at least one thread") {
  CHECK(default_threads() >= 1);
  CHECK(current_thread_environment().affinity_cpus >= 1);
}
