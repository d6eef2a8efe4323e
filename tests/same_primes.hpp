#pragma once
// Comparing two lists of primes in a test without printing millions of them on a failure:
// the sizes and the first place where they differ.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace volley::test {

/// "" when a == b, else where they first differ.
inline std::string first_difference(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a == b) return "";
  const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  const auto at = static_cast<std::size_t>(ia - a.begin());
  return "sizes " + std::to_string(a.size()) + " and " + std::to_string(b.size()) + "; first difference at " +
         std::to_string(at) + ": " + (ia == a.end() ? std::string("end") : std::to_string(*ia)) + " vs " +
         (ib == b.end() ? std::string("end") : std::to_string(*ib));
}

}  // namespace volley::test
