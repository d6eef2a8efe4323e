// One process, rank 0 of 1 (builds without MPI).
#include <cstdio>

#include "bench/progress.hpp"
#include "bench/ranks.hpp"
#include "volley/midpoint.hpp"
#include "volley/primes.hpp"

namespace volley::bench {

RankSession::RankSession() = default;
RankSession::~RankSession() = default;
bool joined_ranks() { return false; }
int job_ranks() { return 1; }
int job_rank() { return 0; }
void abort_job(int, const std::string&, bool) {}
void report_failure(const std::string& line) {
  progress("");  // the progress line goes first
  std::fputs(line.c_str(), stderr);
}
int finish_job(int code) { return code; }
void check_on_rank_zero(const std::function<void()>& check) { check(); }

MonteCarloResult ranked_monte_carlo_pi(std::uint64_t samples, std::uint64_t seed, const RunOptions& opts) {
  return monte_carlo_pi(samples, seed, opts);
}
double ranked_midpoint_pi(std::uint64_t steps, const RunOptions& opts) { return midpoint_pi(steps, opts); }
std::uint64_t ranked_count_primes(std::uint64_t from, std::uint64_t to, const RunOptions& opts) {
  return count_primes(from, to, opts);
}

}  // namespace volley::bench
