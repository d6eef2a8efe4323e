#include <catch2/catch.hpp>

#include <atomic>
#include <bit>
#include <list>
#include <numeric>
#include <stdexcept>
#include <string>
#include <tuple>

#include "volley/pool.hpp"
#include "volley/run_options.hpp"

using namespace volley;

namespace {

constexpr Schedule kSchedules[] = {Schedule::Static, Schedule::Dynamic, Schedule::Guided};
constexpr unsigned kThreads[] = {1, 2, 3, 8};

const char* name(Schedule s) {
  return s == Schedule::Static ? "static" : s == Schedule::Dynamic ? "dynamic" : "guided";
}

struct Collatz {  // irregular work per item
  long operator()(long x) const {
    long steps = 0;
    for (; x > 1; ++steps) x = x % 2 ? 3 * x + 1 : x / 2;
    return steps;
  }
};

}  // namespace

TEST_CASE("map equals serial evaluation for every schedule, chunk size and thread count") {
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{1000}}) {
    std::vector<long> inputs(n);
    std::iota(inputs.begin(), inputs.end(), 1);
    std::vector<long> expected;
    for (long x : inputs) expected.push_back(Collatz{}(x));
    for (const unsigned threads : kThreads) {
      for (const Schedule schedule : kSchedules) {
        for (const std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{5000}}) {
          INFO(n << " items, " << threads << " threads, " << name(schedule) << ", chunk " << chunk);
          REQUIRE(Pool(threads).map(Collatz{}, inputs, {.chunk_size = chunk, .schedule = schedule}) == expected);
        }
      }
    }
  }
}

TEST_CASE("map takes any input range and any result type") {
  Pool pool(3);
  const std::list<int> list{1, 2, 3, 4};  // not random access: copied first
  CHECK(pool.map([](int x) { return x * 10; }, list) == std::vector<int>{10, 20, 30, 40});
  CHECK(pool.map([](int x) { return x % 2 == 0; }, std::vector{1, 2, 3, 4}) == std::vector<bool>{false, true, false, true});
  struct NoDefault {
    explicit NoDefault(int v) : value(v) {}
    int value;
  };
  const auto made = pool.map([](int x) { return NoDefault(x); }, std::vector{5, 6});
  REQUIRE(made.size() == 2);
  CHECK(made[1].value == 6);
  CHECK(pool.map([](int x) { return std::to_string(x); }, std::vector{7, 8}) == std::vector<std::string>{"7", "8"});
}

TEST_CASE("starmap applies each tuple as arguments") {
  const std::vector<std::tuple<int, int>> pairs{{1, 2}, {3, 4}, {5, 6}};
  CHECK(Pool(2).starmap([](int a, int b) { return a * b; }, pairs) == std::vector<int>{2, 12, 30});
}

TEST_CASE("map_reduce gives the same bits for every thread count, schedule and chunk size") {
  const std::size_t n = 100'003;
  auto term = [](std::size_t i) { return 1.0 / (1.0 + static_cast<double>(i) * 0.37); };
  const double reference = Pool(1).map_reduce(n, term, std::plus<>(), 0.5);
  CHECK(reference == Approx(0.5 + [&] { double s = 0; for (std::size_t i = 0; i < n; ++i) s += term(i); return s; }()));
  for (const unsigned threads : kThreads)
    for (const Schedule schedule : kSchedules)
      for (const std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{7}, n + 1}) {
        INFO(threads << " threads, " << name(schedule) << ", chunk " << chunk);
        const double got = Pool(threads).map_reduce(n, term, std::plus<>(), 0.5, {.chunk_size = chunk, .schedule = schedule});
        REQUIRE(std::bit_cast<std::uint64_t>(got) == std::bit_cast<std::uint64_t>(reference));
      }
  CHECK(Pool(4).map_reduce(0, term, std::plus<>(), 2.5) == 2.5);  // empty: init
}

TEST_CASE("map_reduce folds in order, so a non-commutative reduce works") {
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back(std::to_string(i % 10));
  const std::string expected = std::accumulate(words.begin(), words.end(), std::string(">"));
  for (const unsigned threads : kThreads)
    CHECK(Pool(threads).map_reduce([](const std::string& w) { return w; }, words, std::plus<>(), std::string(">"),
                                   {.schedule = Schedule::Dynamic}) == expected);
}

TEST_CASE("for_each writes caller-owned memory and Lock guards a critical section") {
  std::vector<int> squares(1000, -1);
  Pool(3).for_each(squares.size(), [&](std::size_t i) { squares[i] = static_cast<int>(i * i); });
  for (std::size_t i = 0; i < squares.size(); ++i) REQUIRE(squares[i] == static_cast<int>(i * i));

  Lock lock;
  long counter = 0;  // plain long: only the lock makes this correct
  Pool(8).for_each(20'000, [&](std::size_t) { lock.with([&] { ++counter; }); }, {.chunk_size = 1, .schedule = Schedule::Dynamic});
  CHECK(counter == 20'000);
}

TEST_CASE("the exception of the lowest failing index reaches the caller") {
  for (const unsigned threads : kThreads) {
    for (const Schedule schedule : kSchedules) {
      INFO(threads << " threads, " << name(schedule));
      std::vector<std::atomic<bool>> ran(3000);
      auto fn = [&](std::size_t i) {
        ran[i] = true;
        if (i == 1234 || i == 2500 || i == 2999) throw std::runtime_error("item " + std::to_string(i));
      };
      CHECK_THROWS_WITH(Pool(threads).for_each(ran.size(), fn, {.chunk_size = 10, .schedule = schedule}), "item 1234");
      for (std::size_t i = 0; i < 1234; ++i) REQUIRE(ran[i]);  // everything below the failure ran
      CHECK_THROWS_WITH(Pool(threads).map([](int x) { if (x >= 3) throw std::invalid_argument(std::to_string(x)); return x; },
                                          std::vector{1, 2, 3, 4, 5}, {.schedule = schedule}), "3");
      CHECK_THROWS_WITH(Pool(threads).map_reduce(100, [](std::size_t i) { if (i == 42) throw std::runtime_error("42"); return i; },
                                                 std::plus<>(), std::size_t{0}, {.schedule = schedule}), "42");
    }
  }
}

TEST_CASE("try_map runs every item and keeps every error") {
  std::vector<int> inputs(100);
  std::iota(inputs.begin(), inputs.end(), 0);
  for (const unsigned threads : kThreads) {
    const auto outcomes = Pool(threads).try_map([](int x) {
      if (x % 7 == 3) throw std::runtime_error("bad " + std::to_string(x));
      return x * 2;
    }, inputs, {.schedule = Schedule::Dynamic});
    REQUIRE(outcomes.size() == 100);
    int errors = 0;
    for (int x = 0; x < 100; ++x) {
      if (x % 7 == 3) {
        ++errors;
        REQUIRE_FALSE(outcomes[x].ok());
        REQUIRE_THROWS_WITH(outcomes[x].value(), "bad " + std::to_string(x));
      } else {
        REQUIRE(outcomes[x].ok());
        REQUIRE(outcomes[x].value() == 2 * x);
      }
    }
    CHECK(errors == 14);
  }
}

TEST_CASE("nested calls run on the calling worker without deadlock") {
  CHECK(current_worker() == -1);
  Pool outer(2);
  const auto sums = outer.map([](int row) {
    const int worker = current_worker();
    const auto inner = Pool(4).map([&](int col) { return current_worker() == worker ? row * col : -1000000; },
                                   std::vector{1, 2, 3});
    return std::accumulate(inner.begin(), inner.end(), 0);
  }, std::vector{1, 2, 3, 4});
  CHECK(sums == std::vector<int>{6, 12, 18, 24});
  CHECK(current_worker() == -1);
}

TEST_CASE("current_worker and the trace show how items were spread") {
  Trace trace;
  std::vector<int> worker_of(10, -2);
  Pool(4).for_each(10, [&](std::size_t i) { worker_of[i] = current_worker(); }, {.trace = &trace});
  // Static, no chunk size: chunks of ceil(10 / 4) = 3 items, chunk k on worker k.
  CHECK(worker_of == std::vector<int>{0, 0, 0, 1, 1, 1, 2, 2, 2, 3});
  REQUIRE(trace.workers.size() == 4);
  CHECK(trace.workers[0].items == 3);
  CHECK(trace.workers[3].items == 1);
  CHECK(trace.workers[2].chunks == 1);
  CHECK(trace.wall_seconds > 0);
  CHECK(trace.imbalance() >= 1.0);

  Trace dynamic;
  Pool(3).for_each(100, [](std::size_t) {}, {.chunk_size = 4, .schedule = Schedule::Dynamic, .trace = &dynamic});
  std::size_t items = 0, chunks = 0;
  for (const auto& w : dynamic.workers) items += w.items, chunks += w.chunks;
  CHECK(items == 100);
  CHECK(chunks == 25);
}

TEST_CASE("a pool with too many threads is refused") {
  CHECK_THROWS_WITH(Pool(max_threads() + 1), Catch::Contains("threads must be at most"));
  CHECK(Pool(0).threads() >= 1);
  CHECK(Pool(5).threads() == 5);
}
