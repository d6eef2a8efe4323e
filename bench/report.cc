#include "bench/report.hpp"

#include <algorithm>

#include <fmt/core.h>

#include "bench/csv.hpp"
#include "bench/output_file.hpp"

namespace volley::bench {
namespace {

// The schema's fields, in the CSV's column order.
constexpr const char* kColumns[] = {"workload", "variant", "target",  "ranks",     "threads",     "size",
                                    "result",   "check",   "median",  "min",       "max",         "ns_per_item",
                                    "vs_scalar", "vs_1_thread", "vs_cores", "vs_peer", "vs_python", "detail"};

// How many times faster per item `row` is than its workload's row with `variant` (per item,
// since the tutorials' Python runs smaller sizes).
std::optional<double> speedup_over(const std::vector<Row>& rows, const Row& row, const std::string& variant) {
  const auto base = std::find_if(rows.begin(), rows.end(), [&](const Row& r) {
    return r.workload == row.workload && r.variant == variant;
  });
  if (base == rows.end() || &*base == &row || row.seconds.median <= 0 || row.size == 0 || base->size == 0) return {};
  return (base->seconds.median / static_cast<double>(base->size)) /
         (row.seconds.median / static_cast<double>(row.size));
}

std::optional<double> ns_per_item(const Row& row) {
  if (row.size == 0) return {};
  return row.seconds.median * 1e9 / static_cast<double>(row.size);
}

nlohmann::json number_or_null(const std::optional<double>& x) { return x ? nlohmann::json(*x) : nlohmann::json(); }

std::string csv_value(const nlohmann::json& value) {
  if (value.is_null()) return "";
  return csv_field(value.is_string() ? value.get<std::string>() : value.dump());
}

std::string ratio_text(const std::optional<double>& x) {
  if (!x) return "";
  return *x >= 100 ? fmt::format("{:.0f}x", *x) : fmt::format("{:.2f}x", *x);
}

}  // namespace

Speedups speedups(const std::vector<Row>& rows, const Row& row) {
  // Ratios only for volley's own rows: the peer and the Python rows are the yardsticks.
  if (row.variant == "primesieve" || row.target == "python") return {};
  const bool gpu = row.variant == "gpu";
  Speedups out;
  out.vs_scalar = speedup_over(rows, row, "scalar");
  if (row.variant == "simd+threads" || gpu) out.vs_1_thread = speedup_over(rows, row, "simd");
  if (gpu) out.vs_cores = speedup_over(rows, row, "simd+threads");
  out.vs_peer = speedup_over(rows, row, "primesieve");
  out.vs_python = speedup_over(rows, row, "python");
  return out;
}

nlohmann::json to_json(const Row& row, const Speedups& vs) {
  return {{"workload", row.workload},
          {"variant", row.variant},
          {"target", row.target},
          {"ranks", row.ranks},
          {"threads", row.threads},
          {"size", row.size},
          {"result", row.result},
          {"check", row.check.empty() ? nlohmann::json() : nlohmann::json(row.check)},
          {"median", row.seconds.median},
          {"min", row.seconds.min},
          {"max", row.seconds.max},
          {"ns_per_item", number_or_null(ns_per_item(row))},
          {"vs_scalar", number_or_null(vs.vs_scalar)},
          {"vs_1_thread", number_or_null(vs.vs_1_thread)},
          {"vs_cores", number_or_null(vs.vs_cores)},
          {"vs_peer", number_or_null(vs.vs_peer)},
          {"vs_python", number_or_null(vs.vs_python)},
          {"detail", row.detail}};
}

void write_csv(const std::vector<Row>& rows, const std::string& path) {
  write_file(path, [&](std::ostream& out) {
    std::string line;
    for (const char* column : kColumns) line += (line.empty() ? "" : ",") + std::string(column);
    out << line << '\n';
    for (const Row& r : rows) {
      const nlohmann::json fields = to_json(r, speedups(rows, r));
      line.clear();
      for (const char* column : kColumns) line += (line.empty() ? "" : ",") + csv_value(fields.at(column));
      out << line << '\n';
    }
  });
}

void print_table_header() {
  fmt::print("{:<8} {:<13} {:<10} {:>5} {:>7} {:<24} {:<8} {:>10} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "workload",
             "variant", "target", "ranks", "threads", "result", "check", "time (s)", "ns/item", "vs scalar", "vs 1 thr",
             "vs cores", "vs peer", "vs python");
}

void print_table_row(const std::vector<Row>& rows, const Row& row) {
  const Speedups vs = speedups(rows, row);
  fmt::print("{:<8} {:<13} {:<10} {:>5} {:>7} {:<24} {:<8} {:>10.6f} {:>10.3f} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
             row.workload, row.variant, row.target, row.ranks, row.threads, row.shown.substr(0, 24), row.check,
             row.seconds.median, ns_per_item(row).value_or(0), ratio_text(vs.vs_scalar), ratio_text(vs.vs_1_thread),
             ratio_text(vs.vs_cores), ratio_text(vs.vs_peer), ratio_text(vs.vs_python));
}

}  // namespace volley::bench
