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

namespace {

// "<t>x": how many times faster `row` is than the row of its workload with `variant`.
std::string speedup_over(const std::vector<Row>& rows, const Row& row, const std::string& variant) {
  const auto base = std::find_if(rows.begin(), rows.end(), [&](const Row& r) {
    return r.workload == row.workload && r.variant == variant;
  });
  if (base == rows.end() || row.seconds <= 0) return "";
  return fmt::format("{:.2f}x", base->seconds / row.seconds);
}

}  // namespace

void print_table(const std::vector<Row>& rows) {
  fmt::print("{:<8} {:<13} {:<10} {:>7} {:<24} {:<8} {:>10} {:>9} {:>11} {:>9} {:>9} {:>9}\n", "workload",
             "variant", "target", "threads", "result", "check", "time (s)", "ns/item", "items/s", "vs scalar",
             "vs 1 thr", "vs peer");
  for (const Row& row : rows) {
    const double items = static_cast<double>(row.items);
    const bool peer = row.variant == "primesieve";
    fmt::print("{:<8} {:<13} {:<10} {:>7} {:<24} {:<8} {:>10.6f} {:>9.3f} {:>11.3e} {:>9} {:>9} {:>9}\n",
               row.workload, row.variant, row.target, row.threads, row.result, row.check, row.seconds,
               row.seconds * 1e9 / items, items / row.seconds, peer ? "" : speedup_over(rows, row, "scalar"),
               row.variant == "simd+threads" ? speedup_over(rows, row, "simd") : "",
               peer ? "" : speedup_over(rows, row, "primesieve"));
  }
}

}  // namespace volley::bench
