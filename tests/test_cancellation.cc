// Stopping calls through a std::stop_token, and the Pool stopping promptly after a failure.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <stop_token>
#include <thread>
#include <vector>

#include "volley/volley.hpp"

using namespace volley;

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
constexpr Schedule kSchedules[] = {Schedule::Static, Schedule::Dynamic, Schedule::Guided};

// About `micros` microseconds of work that the optimiser cannot remove.
void spin(int micros) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::microseconds(micros);
  while (std::chrono::steady_clock::now() < end) {
  }
}

// Runs call(token) while another thread requests a stop after `delay`; returns whether the
// call threw Cancelled (false: it returned normally).
bool cancelled_midway(const std::function<void(std::stop_token)>& call,
                      std::chrono::milliseconds delay = std::chrono::milliseconds(50)) {
  std::stop_source source;
  std::jthread stopper([&, delay] {
    std::this_thread::sleep_for(delay);
    source.request_stop();
  });
  try {
    call(source.get_token());
  } catch (const Cancelled&) {
    return true;
  }
  return false;
}

std::stop_token stopped_token() {
  std::stop_source source;
  source.request_stop();
  return source.get_token();
}

}  // namespace

TEST_CASE("after an item throws, each worker starts at most about one more item") {
  // Item 0 fails at once; every other item takes 20 ms, longer than recording a failure
  // takes even when the failing thread loses its core for a time slice, so a worker that
  // looks before each item starts at most one more. (Looking every 1024 items, as before,
  // started hundreds more.)
  for (const unsigned threads : {2u, 4u}) {
    for (const Schedule schedule : kSchedules) {
      for (const std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{100}}) {
        INFO(threads << " threads, schedule " << static_cast<int>(schedule) << ", chunk " << chunk);
        std::atomic<bool> failed{false};
        std::atomic<int> started_after{0};
        auto fn = [&](std::size_t i) {
          if (i == 0) {
            failed = true;
            throw std::runtime_error("item 0");
          }
          if (failed) ++started_after;
          spin(20'000);
        };
        CHECK_THROWS_WITH(Pool(threads).for_each(20'000, fn, {.chunk_size = chunk, .schedule = schedule}), "item 0");
        CHECK(started_after <= 2 * static_cast<int>(threads));
      }
    }
  }
}

TEST_CASE("a stop requested before a call: Cancelled, and no item runs") {
  std::atomic<int> ran{0};
  auto fn = [&](std::size_t i) {
    ++ran;
    return i;
  };
  for (const unsigned threads : {1u, 3u}) {
    const Pool pool(threads);
    const std::stop_token stop = stopped_token();
    CHECK_THROWS_AS(pool.for_each(1000, fn, {.stop = stop}), Cancelled);
    CHECK_THROWS_AS(pool.map(fn, std::vector<std::size_t>(1000), {.stop = stop}), Cancelled);
    CHECK_THROWS_AS(pool.try_map(fn, std::vector<std::size_t>(1000), {.stop = stop}), Cancelled);
    CHECK_THROWS_AS(pool.map_reduce(1000, fn, std::plus<>(), std::size_t{0}, {.stop = stop}), Cancelled);
    CHECK(ran == 0);
  }
  const std::stop_token stop = stopped_token();
  CHECK_THROWS_AS(monte_carlo_pi(1000, 1, {.stop = stop}), Cancelled);
  CHECK_THROWS_AS(midpoint_pi(1000, {.stop = stop}), Cancelled);
  CHECK_THROWS_AS(count_primes(0, 100'000, {.stop = stop}), Cancelled);
  CHECK_THROWS_AS(count_primes(1'000'000, 1'000'100, {.prime_method = PrimeMethod::TestEach, .stop = stop}), Cancelled);
  CHECK_THROWS_AS(primes_in(0, 100'000, {.stop = stop}), Cancelled);
  std::vector<std::uint64_t> numbers(1000, 7);
  std::vector<std::uint8_t> flags(numbers.size());
  CHECK_THROWS_AS(is_prime(numbers, flags, {.stop = stop}), Cancelled);
  // Work that needs no threads is not cancelled: planning.
  CHECK(plan_primes(0, 100'000, {.stop = stop}).chunks > 0);
}

TEST_CASE("a stop requested during a long Pool call ends it early") {
  for (const unsigned threads : {1u, 2u}) {
    for (const Schedule schedule : kSchedules) {
      INFO(threads << " threads, schedule " << static_cast<int>(schedule));
      constexpr std::size_t kItems = 200'000;  // 10 s of work per thread
      std::atomic<std::size_t> ran{0};
      CHECK(cancelled_midway([&](std::stop_token stop) {
        Pool(threads).for_each(kItems, [&](std::size_t) { spin(50), ++ran; }, {.schedule = schedule, .stop = stop});
      }));
      CHECK(ran < kItems / 2);
      ran = 0;
      // map_reduce looks inside its reduction blocks too (here 2 blocks of 100000 items).
      CHECK(cancelled_midway([&](std::stop_token stop) {
        Pool(threads).map_reduce(kItems, [&](std::size_t i) { spin(50), ++ran; return i; }, std::plus<>(),
                                 std::size_t{0}, {.chunk_size = 100'000, .schedule = schedule, .stop = stop});
      }));
      CHECK(ran < kItems / 2);
    }
  }
}

TEST_CASE("every long workload stops on request") {
  const RunOptions two{.threads = 2};
  auto with = [&](std::stop_token stop) {
    RunOptions o = two;
    o.stop = std::move(stop);
    return o;
  };
  CHECK(cancelled_midway([&](auto stop) { monte_carlo_pi(std::uint64_t{1} << 44, 1, with(stop)); }));
  CHECK(cancelled_midway([&](auto stop) { midpoint_pi(kMidpointMaxSteps, with(stop)); }));
  CHECK(cancelled_midway([&](auto stop) { count_primes(0, std::uint64_t{1} << 44, with(stop)); }));
  // Far from 0 the sieving primes alone take seconds to make and to set up.
  CHECK(cancelled_midway([&](auto stop) { count_primes(kMax - 1'000'000'000'000, kMax, with(stop)); }));
  CHECK(cancelled_midway([&](auto stop) {
    RunOptions o = with(stop);
    o.prime_method = PrimeMethod::TestEach;
    count_primes(kMax - 1'000'000'000'000, kMax, o);
  }));
  std::uint64_t streamed = 0;
  CHECK(cancelled_midway([&](auto stop) {
    for_each_prime(0, std::uint64_t{1} << 44, [&](std::uint64_t) { ++streamed; }, with(stop));
  }));
  CHECK(cancelled_midway([&](auto stop) { primes_in(0, std::uint64_t{1} << 44, with(stop)); }));
  std::vector<std::uint64_t> numbers(1 << 22);
  for (std::size_t i = 0; i < numbers.size(); ++i) numbers[i] = kMax - 2 * i;  // sparse and large: tested each
  std::vector<std::uint8_t> flags(numbers.size());
  CHECK(cancelled_midway([&](auto stop) { is_prime(numbers, flags, with(stop)); }, std::chrono::milliseconds(20)));
}

TEST_CASE("an unrequested stop token changes nothing") {
  std::stop_source source;
  const RunOptions opts{.threads = 2, .stop = source.get_token()};
  CHECK(count_primes(100'000'000, 101'000'000, opts) == 54208);
  CHECK(monte_carlo_pi(1 << 22, 3, opts).hits == monte_carlo_pi_reference(1 << 22, 3).hits);
  CHECK(midpoint_pi(1 << 22, opts) == midpoint_pi_reference(1 << 22));
}
