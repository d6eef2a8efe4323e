#pragma once
// Median timings. Functions timed together run alternately, round by round, so that all of
// them see the same machine load (the machines are shared and noisy), each round in its own
// order, so that no function always runs first or after the same other one (a run can be
// slower on fresh memory, or after another kind of work).
#include <algorithm>
#include <chrono>
#include <functional>
#include <numeric>
#include <random>
#include <vector>

#include "bench/interrupt.hpp"
#include "bench/progress.hpp"

namespace volley::bench {

/// Seconds over the repeats of one measurement.
struct Seconds {
  double median = 0, min = 0, max = 0;
};

template <typename R>
struct Timed {
  R result;         ///< of the last run
  Seconds seconds;  ///< over the runs
};

/// Runs every function once per round, `repeats` rounds (at least one), in the given order
/// first, then in orders shuffled with a fixed seed.
template <typename R>
std::vector<Timed<R>> time_alternately(int repeats, const std::vector<std::function<R()>>& fns) {
  std::vector<Timed<R>> out(fns.size());
  std::vector<std::vector<double>> seconds(fns.size());
  std::vector<std::size_t> order(fns.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::mt19937 shuffler(1);
  for (int round = 0; round < std::max(1, repeats); ++round, std::shuffle(order.begin(), order.end(), shuffler)) {
    for (const std::size_t f : order) {
      throw_if_interrupted();  // between runs too: the plain references do not look
      restart_progress();
      const auto start = std::chrono::steady_clock::now();
      out[f].result = fns[f]();
      seconds[f].push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  }
  for (std::size_t f = 0; f < fns.size(); ++f) {
    std::sort(seconds[f].begin(), seconds[f].end());
    out[f].seconds = {seconds[f][seconds[f].size() / 2], seconds[f].front(), seconds[f].back()};
  }
  return out;
}

/// One function's median time over `repeats` runs.
template <typename Fn>
auto time_median(int repeats, Fn&& fn) {
  using R = decltype(fn());
  return time_alternately<R>(repeats, {std::function<R()>(std::forward<Fn>(fn))}).front();
}

}  // namespace volley::bench
