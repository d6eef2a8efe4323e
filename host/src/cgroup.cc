#include "host/src/cgroup.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <string>

namespace volley::detail {
namespace {

std::optional<long long> to_integer(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  long long value = 0;
  const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (err != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::optional<double> ratio(std::optional<long long> quota, std::optional<long long> period) {
  if (!quota || !period || *quota <= 0 || *period <= 0) return std::nullopt;
  return static_cast<double>(*quota) / static_cast<double>(*period);
}

std::optional<double> tighter(std::optional<double> a, std::optional<double> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

// Min of `limit_at(dir)` over dir = base/relative and each ancestor up to base.
template <typename LimitAt>
std::optional<double> tightest_on_path(const std::filesystem::path& base, std::string_view relative, LimitAt limit_at) {
  std::optional<double> best;
  std::filesystem::path dir = base / std::filesystem::path(relative).relative_path();
  while (true) {
    best = tighter(best, limit_at(dir));
    if (dir == base || !dir.has_relative_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return best;
}

}  // namespace

std::optional<double> parse_cpu_max(std::string_view text) {
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  return ratio(to_integer(text.substr(0, space)), to_integer(text.substr(space + 1)));
}

std::optional<double> parse_cfs_quota(std::string_view quota, std::string_view period) {
  return ratio(to_integer(quota), to_integer(period));
}

std::optional<double> cgroup_cpu_limit(const std::filesystem::path& root, std::string_view proc_self_cgroup) {
  std::optional<double> limit;
  std::istringstream lines{std::string(proc_self_cgroup)};
  for (std::string line; std::getline(lines, line);) {
    // "<id>:<controllers>:<path>"; v2 is "0::<path>".
    const auto first = line.find(':'), second = line.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    const std::string controllers = line.substr(first + 1, second - first - 1);
    const std::string path = line.substr(second + 1);
    if (controllers.empty()) {
      limit = tighter(limit, tightest_on_path(root, path, [](const std::filesystem::path& dir) {
        const auto text = read_file(dir / "cpu.max");
        return text ? parse_cpu_max(*text) : std::nullopt;
      }));
    } else if (("," + controllers + ",").find(",cpu,") != std::string::npos) {
      for (const char* mount : {"cpu,cpuacct", "cpu"}) {
        limit = tighter(limit, tightest_on_path(root / mount, path, [](const std::filesystem::path& dir) {
          const auto quota = read_file(dir / "cpu.cfs_quota_us"), period = read_file(dir / "cpu.cfs_period_us");
          return quota && period ? parse_cfs_quota(*quota, *period) : std::nullopt;
        }));
      }
    }
  }
  return limit;
}

}  // namespace volley::detail
