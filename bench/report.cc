#include "bench/report.hpp"

#include <algorithm>

#include <fmt/core.h>

#include "bench/output_file.hpp"

namespace volley::bench {

void write_csv(const std::vector<Row>& rows, const std::string& path) {
  write_file(path, [&](std::ostream& out) {
    out << "workload,variant,target,ranks,threads,seconds,items,result,check\n";
    for (const Row& r : rows)
      out << fmt::format("{},{},{},{},{},{:.9f},{},\"{}\",{}\n", r.workload, r.variant, r.target, r.ranks, r.threads,
                         r.seconds, r.items, r.result, r.check);
  });
}

nlohmann::json to_json(const Row& row) {
  nlohmann::json out = {{"workload", row.workload}, {"variant", row.variant}, {"target", row.target},
                        {"ranks", row.ranks},       {"threads", row.threads}, {"seconds", row.seconds}};
  out.update(row.fields);
  if (!row.check.empty()) out["check"] = row.check;
  return out;
}

namespace {

// "<t>x": how many times faster per item `row` is than the row of its workload with
// `variant` (per item, since the tutorials' Python runs smaller sizes).
std::string speedup_over(const std::vector<Row>& rows, const Row& row, const std::string& variant) {
  const auto base = std::find_if(rows.begin(), rows.end(), [&](const Row& r) {
    return r.workload == row.workload && r.variant == variant;
  });
  if (base == rows.end() || row.seconds <= 0 || &*base == &row) return "";
  const double ratio = (base->seconds / static_cast<double>(base->items)) / (row.seconds / static_cast<double>(row.items));
  return ratio >= 100 ? fmt::format("{:.0f}x", ratio) : fmt::format("{:.2f}x", ratio);
}

}  // namespace

void print_table_header() {
  fmt::print("{:<8} {:<13} {:<10} {:>5} {:>7} {:<24} {:<8} {:>10} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "workload",
             "variant", "target", "ranks", "threads", "result", "check", "time (s)", "ns/item", "vs scalar", "vs 1 thr",
             "vs cores", "vs peer", "vs python");
}

void print_table_row(const std::vector<Row>& rows, const Row& row) {
  // Ratios only for volley's own rows: the peer and the Python rows are the yardsticks.
  const bool volley = row.variant != "primesieve" && row.target != "python";
  const bool gpu = row.variant == "gpu";
  fmt::print("{:<8} {:<13} {:<10} {:>5} {:>7} {:<24} {:<8} {:>10.6f} {:>10.3f} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
             row.workload, row.variant, row.target, row.ranks, row.threads, row.result.substr(0, 24), row.check, row.seconds,
             row.seconds * 1e9 / static_cast<double>(row.items), volley ? speedup_over(rows, row, "scalar") : "",
             row.variant == "simd+threads" || gpu ? speedup_over(rows, row, "simd") : "",
             gpu ? speedup_over(rows, row, "simd+threads") : "", volley ? speedup_over(rows, row, "primesieve") : "",
             volley ? speedup_over(rows, row, "python") : "");
}

}  // namespace volley::bench
