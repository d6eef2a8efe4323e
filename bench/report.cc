#include "bench/report.hpp"

#include <algorithm>

#include <fmt/core.h>

namespace volley::bench {

nlohmann::json to_json(const Row& row) {
  nlohmann::json out = {{"workload", row.workload}, {"variant", row.variant}, {"target", row.target},
                        {"threads", row.threads},   {"seconds", row.seconds}};
  out.update(row.fields);
  if (!row.check.empty()) out["check"] = row.check;
  return out;
}

void print_table(const std::vector<Row>& rows) {
  fmt::print("{:<8} {:<13} {:<9} {:>7} {:<24} {:<8} {:>10} {:>9} {:>11} {:>8}\n", "workload", "variant",
             "target", "threads", "result", "check", "time (s)", "ns/item", "items/s", "speedup");
  for (const Row& row : rows) {
    const auto scalar = std::find_if(rows.begin(), rows.end(), [&](const Row& r) {
      return r.workload == row.workload && r.variant == "scalar";
    });
    const std::string speedup =
        scalar == rows.end() || row.seconds <= 0 ? "" : fmt::format("{:.1f}x", scalar->seconds / row.seconds);
    const double items = static_cast<double>(row.items);
    fmt::print("{:<8} {:<13} {:<9} {:>7} {:<24} {:<8} {:>10.4f} {:>9.3f} {:>11.3e} {:>8}\n", row.workload,
               row.variant, row.target, row.threads, row.result, row.check, row.seconds,
               row.seconds * 1e9 / items, items / row.seconds, speedup);
  }
}

}  // namespace volley::bench
