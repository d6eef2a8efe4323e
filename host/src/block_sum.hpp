#pragma once
// Sums fn(block) over blocks [0, blocks) on an OpenMP team. Only for integer results: their
// sum does not depend on which thread added which block.
#include <omp.h>

#include <cstdint>
#include <numeric>
#include <vector>

namespace volley::detail {

/// Number of blocks of `block` items that cover n items (the last may be partial).
constexpr std::uint64_t block_count(std::uint64_t n, std::uint64_t block) {
  return n / block + (n % block != 0);
}

template <typename T, typename Fn>
T sum_over_blocks(std::uint64_t blocks, unsigned threads, Fn&& fn) {
  struct alignas(64) Partial { T value{}; };  // one cache line per thread
  std::vector<Partial> partials(threads);
#pragma omp parallel num_threads(threads)
  {
    T local{};
#pragma omp for schedule(static)
    for (std::uint64_t block = 0; block < blocks; ++block) local += fn(block);
    partials[omp_get_thread_num()].value = local;
  }
  return std::accumulate(partials.begin(), partials.end(), T{},
                         [](T sum, const Partial& p) { return sum + p.value; });
}

}  // namespace volley::detail
