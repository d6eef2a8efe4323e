#pragma once
// The smallest and largest of many 64-bit numbers, per Highway target.
#include <cstddef>
#include <cstdint>

namespace volley::kernels {

struct MinMax {
  std::uint64_t min, max;
};

/// min and max of numbers[0, n), n >= 1.
MinMax min_max(std::int64_t target, const std::uint64_t* numbers, std::size_t n);

}  // namespace volley::kernels
