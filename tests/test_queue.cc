// volley::Queue: order, bounds, close, timeouts, and many producers and consumers at once.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include "volley/queue.hpp"

using namespace std::chrono_literals;
using volley::Queue;

TEST_CASE("a queue hands items out in the order they came in") {
  Queue<int> q(4);
  CHECK(q.capacity() == 4);
  for (int i = 0; i < 4; ++i) q.push(i);
  CHECK(q.size() == 4);
  for (int i = 0; i < 4; ++i) CHECK(q.pop() == i);
  for (int round = 0; round < 10; ++round) {  // around the ring
    q.push(round);
    q.push(round + 100);
    CHECK(q.pop() == round);
    CHECK(q.pop() == round + 100);
  }
  CHECK(q.size() == 0);
  CHECK_FALSE(q.try_pop().has_value());
}

TEST_CASE("a queue holds no more than its capacity") {
  Queue<int> q(2);
  int a = 1, b = 2, c = 3;
  CHECK(q.try_push(a));
  CHECK(q.try_push(b));
  CHECK_FALSE(q.try_push(c));
  CHECK(c == 3);  // untouched when refused
  CHECK_FALSE(q.push_for(c, 5ms));
  CHECK(q.size() == 2);
  CHECK_THROWS_AS(Queue<int>(0), std::invalid_argument);
}

TEST_CASE("a full queue's push waits for a pop") {
  Queue<int> q(1);
  q.push(1);
  std::atomic<bool> pushed{false};
  std::thread producer([&] {
    q.push(2);
    pushed = true;
  });
  std::this_thread::sleep_for(20ms);
  CHECK_FALSE(pushed.load());
  CHECK(q.pop() == 1);
  producer.join();
  CHECK(pushed.load());
  CHECK(q.pop() == 2);
}

TEST_CASE("a closed queue drains, then pops nothing, and refuses pushes") {
  Queue<std::unique_ptr<int>> q(8);  // move-only items
  q.push(std::make_unique<int>(1));
  q.push(std::make_unique<int>(2));
  q.close();
  q.close();
  CHECK(q.closed());
  CHECK_THROWS_AS(q.push(std::make_unique<int>(3)), volley::QueueClosed);
  auto x = std::make_unique<int>(4);
  CHECK_THROWS_AS(q.try_push(x), volley::QueueClosed);
  REQUIRE(x != nullptr);  // not taken
  CHECK(*q.pop().value() == 1);
  CHECK(*q.try_pop().value() == 2);
  CHECK_FALSE(q.pop().has_value());
  CHECK_FALSE(q.pop_for(1ms).has_value());
}

TEST_CASE("close wakes waiting consumers and producers") {
  Queue<int> empty(1);
  std::vector<std::thread> consumers;
  std::atomic<int> woke{0};
  for (int i = 0; i < 3; ++i)
    consumers.emplace_back([&] {
      if (!empty.pop().has_value()) ++woke;
    });
  Queue<int> full(1);
  full.push(0);
  std::atomic<int> refused{0};
  std::thread producer([&] {
    try {
      full.push(1);
    } catch (const volley::QueueClosed&) {
      ++refused;
    }
  });
  std::this_thread::sleep_for(20ms);
  empty.close();
  full.close();
  for (auto& t : consumers) t.join();
  producer.join();
  CHECK(woke == 3);
  CHECK(refused == 1);
  CHECK(full.pop() == 0);  // what was queued before the close is still there
}

TEST_CASE("pop_for waits for an item that comes in time, and gives up otherwise") {
  Queue<int> q(1);
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(q.pop_for(30ms).has_value());
  CHECK(std::chrono::steady_clock::now() - start >= 30ms);
  CHECK_FALSE(q.closed());
  std::thread producer([&] {
    std::this_thread::sleep_for(10ms);
    q.push(7);
  });
  CHECK(q.pop_for(10s) == 7);
  producer.join();
}

TEST_CASE("many producers and consumers: every item arrives once, each producer's in order") {
  constexpr int kProducers = 4, kConsumers = 4, kItems = 20000;
  Queue<std::uint64_t> q(16);  // small: producers and consumers block often
  std::vector<std::vector<std::uint64_t>> got(kConsumers);
  std::vector<std::thread> threads;
  for (int c = 0; c < kConsumers; ++c)
    threads.emplace_back([&, c] {
      while (auto item = q.pop()) got[c].push_back(*item);
    });
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p)
    producers.emplace_back([&, p] {
      for (std::uint64_t i = 0; i < kItems; ++i) q.push(std::uint64_t(p) << 32 | i);
    });
  for (auto& t : producers) t.join();
  q.close();
  for (auto& t : threads) t.join();
  std::vector<std::vector<bool>> seen(kProducers, std::vector<bool>(kItems));
  std::size_t total = 0;
  for (const auto& items : got) {
    std::vector<std::int64_t> last(kProducers, -1);  // one consumer sees each producer's items in order
    for (const std::uint64_t item : items) {
      const auto p = static_cast<std::size_t>(item >> 32);
      const auto i = static_cast<std::int64_t>(item & 0xffffffff);
      REQUIRE(p < kProducers);
      REQUIRE(i > last[p]);
      last[p] = i;
      REQUIRE_FALSE(seen[p][static_cast<std::size_t>(i)]);
      seen[p][static_cast<std::size_t>(i)] = true;
      ++total;
    }
  }
  CHECK(total == std::size_t{kProducers} * kItems);
}
