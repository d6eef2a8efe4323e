#include <catch2/catch.hpp>

#include <vector>

#include "bench/csv.hpp"
#include "bench/scaling.hpp"

using volley::bench::best_worker_count;
using volley::bench::csv_field;
using volley::bench::ScalingPoint;

namespace {

ScalingPoint point(unsigned workers, double min, double median, double max) {
  ScalingPoint p;
  p.workers = workers;
  p.min = min;
  p.median = median;
  p.max = max;
  return p;
}

// A curve on 2 usable cores: 1 worker takes 10 s, 2 workers halve it; `more` holds the
// {min, median, max} seconds of 3, 4, ... workers.
std::vector<ScalingPoint> curve(const std::vector<std::vector<double>>& more) {
  std::vector<ScalingPoint> points{point(1, 9.9, 10.0, 10.2), point(2, 4.9, 5.0, 5.15)};
  for (const auto& t : more) points.push_back(point(static_cast<unsigned>(points.size() + 1), t[0], t[1], t[2]));
  return points;
}

}  // namespace

TEST_CASE("scaling: a real gain makes more workers the best count") {
  CHECK(best_worker_count(curve({})) == 1);
  // 3 tasks on 3 workers beat 2 rounds on 2: every run well under the 2 workers' fastest.
  CHECK(best_worker_count(curve({{3.4, 3.45, 3.5}})) == 2);
  CHECK(best_worker_count(curve({{4.9, 5.0, 5.1}, {3.6, 3.7, 3.8}})) == 3);
}

TEST_CASE("scaling: noise above the usable cores does not win") {
  // Faster medians, but spreads that overlap the 2 workers' runs.
  CHECK(best_worker_count(curve({{4.8, 4.85, 5.0}})) == 1);
  CHECK(best_worker_count(curve({{4.95, 5.05, 5.2}, {4.7, 4.8, 5.3}, {4.85, 4.86, 4.88}})) == 1);
  // Every run faster, but by less than the 3% that drift between worker counts can make.
  CHECK(best_worker_count(curve({{4.8, 4.82, 4.85}})) == 1);
  // 1 worker is best when 2 buy nothing beyond the noise.
  std::vector<ScalingPoint> flat = curve({});
  flat[1] = point(2, 9.6, 9.8, 10.0);
  CHECK(best_worker_count(flat) == 0);
}

TEST_CASE("scaling: CSV fields are quoted only when they must be") {
  CHECK(csv_field("fixed-tasks") == "fixed-tasks");
  CHECK(csv_field("") == "");
  CHECK(csv_field("python pool") == "python pool");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");
}
