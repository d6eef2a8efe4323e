#pragma once
// The sieving primes of a range, one byte each: half the gap to the previous prime (gaps
// between primes below 2^32 are at most 336). Near 2^64 the 203 million of them take 203 MB
// instead of 812, written once and read once per run.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <vector>

#include "kernels/large_pages.h"
#include "kernels/presieve.h"

namespace volley::kernels {

class SievingPrimes {
 public:
  /// An empty list whose first gap counts from `from` (odd, below the first prime).
  explicit SievingPrimes(std::uint32_t from = PreSieve::kLargestPrime) : from_(from), last_(from) {}

  /// Ascending primes above back(), appended; throws std::logic_error for a step that is
  /// odd, 0 or over 510 (not a list of consecutive odd primes below 2^32).
  void append(std::span<const std::uint32_t> primes);
  /// Room for n primes in all (address space only: pages are touched when written).
  void reserve(std::size_t n) { gaps_.reserve(n); }

  std::size_t size() const { return gaps_.size(); }
  bool empty() const { return gaps_.empty(); }
  /// The largest prime, or `from` when empty.
  std::uint32_t back() const { return last_; }

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = std::uint32_t;
    using difference_type = std::ptrdiff_t;
    Iterator() = default;
    Iterator(const std::uint8_t* at, std::uint32_t before) : at_(at), before_(before) {}
    std::uint32_t operator*() const { return before_ + 2 * std::uint32_t{*at_}; }
    Iterator& operator++() {
      before_ += 2 * std::uint32_t{*at_++};
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const Iterator& other) const { return at_ == other.at_; }

   private:
    const std::uint8_t* at_ = nullptr;
    std::uint32_t before_ = 0;  // the prime before *at_'s
  };
  Iterator begin() const { return {gaps_.data(), from_}; }
  Iterator end() const { return {gaps_.data() + gaps_.size(), last_}; }

  /// The lists of consecutive ranges, in order, joined into one; `for_each(n, copy)` calls
  /// copy(k) for k in [0, n), on threads or not.
  template <typename ForEach>
  static SievingPrimes join(std::span<const SievingPrimes> parts, ForEach&& for_each);

 private:
  std::uint32_t from_, last_;
  std::vector<std::uint8_t, LargePageAllocator<std::uint8_t>> gaps_;
};

template <typename ForEach>
SievingPrimes SievingPrimes::join(std::span<const SievingPrimes> parts, ForEach&& for_each) {
  SievingPrimes out(parts.empty() ? PreSieve::kLargestPrime : parts.front().from_);
  std::vector<std::size_t> at(parts.size() + 1);
  for (std::size_t k = 0; k < parts.size(); ++k) at[k + 1] = at[k] + parts[k].size();
  out.gaps_.resize(at.back());  // uninitialised: every byte is copied
  for_each(parts.size(), [&](std::size_t k) {
    std::copy(parts[k].gaps_.begin(), parts[k].gaps_.end(), out.gaps_.begin() + static_cast<std::ptrdiff_t>(at[k]));
  });
  // Each part's first gap counted from its own `from`: count it from the prime before.
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (parts[k].empty()) continue;
    if (k != 0) out.gaps_[at[k]] = static_cast<std::uint8_t>((*parts[k].begin() - out.last_) / 2);
    out.last_ = parts[k].last_;
  }
  return out;
}

}  // namespace volley::kernels
