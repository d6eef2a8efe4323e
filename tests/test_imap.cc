// Pool::imap and Pool::imap_unordered: order, completeness, laziness on endless inputs,
// bounded memory, early break, exceptions.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <list>
#include <iterator>
#include <ranges>
#include <stdexcept>
#include <vector>

#include "volley/imap.hpp"

using volley::Pool;

namespace {

// The numbers from `first` up to `last` (never ending by default), made as they are read: a
// lazy input range of its own (clang 14 cannot compile libstdc++ 12's views::iota).
struct Count {
  std::uint64_t first = 0, last = ~std::uint64_t{0};
  struct iterator {
    using value_type = std::uint64_t;
    using difference_type = std::ptrdiff_t;
    std::uint64_t at, last;
    std::uint64_t operator*() const { return at; }
    iterator& operator++() {
      ++at;
      return *this;
    }
    void operator++(int) { ++at; }
    bool operator==(std::default_sentinel_t) const { return at == last; }
  };
  iterator begin() const { return {first, last}; }
  std::default_sentinel_t end() const { return {}; }
};
static_assert(std::ranges::input_range<Count>);

}  // namespace

TEST_CASE("imap yields fn(x) in input order, for every chunk size") {
  const Pool pool(2);
  const std::list<int> inputs = [] {  // not random access: read as it goes
    std::list<int> l;
    for (int i = 0; i < 1000; ++i) l.push_back(i);
    return l;
  }();
  for (const std::size_t chunk : {0u, 1u, 7u, 1000u, 5000u}) {
    INFO("chunk " << chunk);
    std::vector<long> got;
    for (const long r : pool.imap([](int x) { return long{x} * x; }, inputs, {.chunk_size = chunk})) got.push_back(r);
    REQUIRE(got.size() == 1000);
    for (int i = 0; i < 1000; ++i) CHECK(got[static_cast<std::size_t>(i)] == long{i} * i);
  }
  int empty_count = 0;
  for (const int r : pool.imap([](int x) { return x; }, std::vector<int>{})) empty_count += r + 1;
  CHECK(empty_count == 0);
}

TEST_CASE("imap_unordered yields every input once, with its index") {
  const Pool pool(2);
  std::vector<int> seen(5000, 0);
  for (const auto& [index, value] :
       pool.imap_unordered([](std::uint64_t x) { return 3 * x; }, Count{0, 5000}, {.chunk_size = 16})) {
    REQUIRE(index < seen.size());
    CHECK(value == 3 * index);
    ++seen[index];
  }
  for (const int s : seen) REQUIRE(s == 1);
}

TEST_CASE("imap on an endless lazy input reads only what it needs, and a break cancels the rest") {
  const Pool pool(2);
  std::atomic<std::uint64_t> calls{0};
  std::uint64_t sum = 0, taken = 0;
  for (const std::uint64_t r : pool.imap([&](std::uint64_t x) {
         ++calls;
         return x;
       }, Count{}, {.chunk_size = 100})) {
    sum += r;
    if (++taken == 10'000) break;
  }
  CHECK(sum == 10'000ull * 9'999 / 2);
  // What ran beyond the break is bounded by the chunks in flight: 2 * threads chunks.
  CHECK(calls.load() <= 10'000 + 2 * 2 * 100 + 100);
}

TEST_CASE("imap keeps O(threads x chunk) in flight over 10^8 lazy inputs") {
  const Pool pool(2);
  std::atomic<std::int64_t> in_flight{0}, most{0};
  std::uint64_t count = 0, sum = 0;
  constexpr std::uint64_t kItems = 100'000'000, kChunk = 4096;
  // Each chunk counts itself in flight from its first item until the iteration reads it.
  for (const std::uint64_t r : pool.imap([&](std::uint64_t x) {
         if (x % kChunk == 0) {
           const auto now = ++in_flight;
           for (auto m = most.load(); now > m && !most.compare_exchange_weak(m, now);) {
           }
         }
         return x & 1;
       }, Count{0, kItems}, {.chunk_size = kChunk})) {
    if (count++ % kChunk == 0) --in_flight;
    sum += r;
  }
  CHECK(count == kItems);
  CHECK(sum == kItems / 2);
  CHECK(most.load() <= 2 * 2 + 1);  // the window, plus the chunk being read
}

TEST_CASE("an exception from fn reaches the iteration, and ends it") {
  const Pool pool(2);
  for (const bool unordered : {false, true}) {
    INFO((unordered ? "imap_unordered" : "imap"));
    const auto fn = [](std::uint64_t x) {
      if (x == 500) throw std::runtime_error("input 500");
      return x;
    };
    int read = 0;
    const auto drain = [&](auto&& range) {
      for (auto&& r : range) {
        (void)r;
        ++read;
      }
    };
    if (unordered)
      CHECK_THROWS_WITH(drain(pool.imap_unordered(fn, Count{0, 1000})), "input 500");
    else
      CHECK_THROWS_WITH(drain(pool.imap(fn, Count{0, 1000})), "input 500");
    CHECK(read < 1000);
  }
}

TEST_CASE("imap's own chunk size follows the time per input: about 100 µs a chunk, growing at most twofold") {
  volley::detail::ChunkTiming timing;
  CHECK(timing.next_size(1) == 1);  // nothing measured yet
  timing.record(std::chrono::microseconds(1), 10);  // 100 ns an input: 1000 fit in 100 µs
  CHECK(timing.next_size(1) == 2);
  CHECK(timing.next_size(256) == 512);
  CHECK(timing.next_size(800) == 1000);
  timing.record(std::chrono::nanoseconds(3), 8);  // a fraction of a nanosecond: the cap
  CHECK(timing.next_size(10000) == volley::detail::ChunkTiming::kMaxChunk);
  timing.record(std::chrono::milliseconds(5), 1);  // slower than a chunk's time: one at a time
  CHECK(timing.next_size(4096) == 1);
}
