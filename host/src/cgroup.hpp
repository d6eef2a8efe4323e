#pragma once
// Reading the CPU quota of this process's cgroup (v2 and v1), from any sysfs root so that
// tests can use sample trees.
#include <filesystem>
#include <optional>
#include <string_view>

namespace volley::detail {

/// cgroup v2 cpu.max ("<quota> <period>" or "max <period>"): quota / period, or nothing.
std::optional<double> parse_cpu_max(std::string_view text);

/// cgroup v1 cpu.cfs_quota_us and cpu.cfs_period_us: quota / period, or nothing (-1 quota).
std::optional<double> parse_cfs_quota(std::string_view quota, std::string_view period);

/// The tightest CPU quota on the path of this process's cgroup (from the text of
/// /proc/self/cgroup) and its ancestors, under the cgroup mount `root`.
std::optional<double> cgroup_cpu_limit(const std::filesystem::path& root, std::string_view proc_self_cgroup);

}  // namespace volley::detail
