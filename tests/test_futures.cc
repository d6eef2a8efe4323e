// Pool::submit and volley::Future: values, exceptions, callbacks, completion order, waits on
// busy workers, cancellation and shutdown.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <latch>
#include <memory>
#include <set>
#include <stdexcept>
#include <stop_token>
#include <thread>
#include <vector>

#include "volley/future.hpp"
#include "volley/pool.hpp"

using namespace std::chrono_literals;
using volley::Future;
using volley::Pool;

TEST_CASE("submit returns the task's value, or rethrows its exception") {
  const Pool pool(2);
  auto square = pool.submit([](int n) { return n * n; }, 7);
  auto moved = pool.submit([](std::unique_ptr<int> p) { return *p + 1; }, std::make_unique<int>(41));
  std::atomic<int> ran{0};
  auto nothing = pool.submit([&] { ++ran; });
  auto fails = pool.submit([]() -> int { throw std::runtime_error("task 3 failed"); });
  CHECK(square.get() == 49);
  CHECK(square.get() == 49);  // again
  CHECK(moved.get() == 42);
  nothing.get();
  CHECK(ran == 1);
  CHECK_THROWS_WITH(fails.get(), "task 3 failed");
  CHECK_THROWS_WITH(fails.get(), "task 3 failed");
  CHECK(fails.ready());
  CHECK_FALSE(Future<int>().valid());
}

// fib(n) by submitting fib(n - 1) and waiting on it from inside a task.
long fib(const Pool& pool, int n) {
  if (n < 2) return n;
  auto left = pool.submit([&pool, n] { return fib(pool, n - 1); });
  const long right = fib(pool, n - 2);
  return left.get() + right;
}

TEST_CASE("tasks that submit tasks and wait on them never deadlock, on 1 and 2 workers") {
  for (const unsigned workers : {1u, 2u}) {
    INFO(workers << " workers");
    const Pool pool(workers);
    CHECK(pool.submit([&pool] { return fib(pool, 18); }).get() == 2584);
  }
}

TEST_CASE("as_completed yields every future once, in the order the tasks end") {
  const Pool one(1);  // one worker: tasks end in submission order
  std::vector<Future<int>> futures;
  for (int i = 0; i < 20; ++i)
    futures.push_back(one.submit([i] {
      if (i % 7 == 3) throw std::runtime_error("odd one");
      return i;
    }));
  std::vector<int> order;
  int failed = 0;
  for (const Future<int>& f : volley::as_completed(futures)) {
    try {
      order.push_back(f.get());
    } catch (const std::runtime_error&) {
      ++failed;
    }
  }
  CHECK(failed == 3);
  CHECK(order == std::vector<int>{0, 1, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 18, 19});

  const Pool two(2);
  futures.clear();
  for (int i = 0; i < 200; ++i) futures.push_back(two.submit([i] { return i; }));
  std::set<int> seen;
  for (const Future<int>& f : volley::as_completed(futures)) {
    CHECK(f.ready());
    seen.insert(f.get());
  }
  CHECK(seen.size() == 200);
  std::vector<Future<int>> none;
  CHECK(volley::as_completed(none).begin() == std::default_sentinel);
}

TEST_CASE("wait_any returns a finished task while another still runs; wait_all waits for all") {
  const Pool pool(2);
  std::latch gate(1);
  std::vector<Future<int>> futures;
  futures.push_back(pool.submit([&] {
    gate.wait();
    return 0;
  }));
  futures.push_back(pool.submit([] { return 1; }));
  CHECK(volley::wait_any(futures) == 1);
  CHECK_FALSE(futures[0].wait_for(10ms));
  gate.count_down();
  volley::wait_all(futures);
  CHECK(futures[0].ready());
  CHECK(futures[0].wait_for(0ms));
  CHECK_THROWS_AS(volley::wait_any(std::vector<Future<int>>{}), std::invalid_argument);
}

TEST_CASE("callbacks get the value or the exception, once") {
  const Pool pool(2);
  std::atomic<int> value{0}, errors{0}, done{0};
  auto ok = pool.submit([] { return 5; });
  auto bad = pool.submit([]() -> int { throw std::logic_error("no"); });
  ok.on_result([&](int v) { value += v; }, [&](std::exception_ptr) { ++errors; });
  bad.on_result([&](int v) { value += v; }, [&](std::exception_ptr e) {
    try {
      std::rethrow_exception(e);
    } catch (const std::logic_error&) {
      ++errors;
    }
  });
  ok.wait();
  bad.wait();
  ok.on_done([&](const Future<int>& f) { done += f.get(); });  // already done: runs here, now
  CHECK(done == 5);
  // The callbacks ran before the futures' waits returned? Not promised; wait for them.
  for (int i = 0; i < 1000 && (value + errors) < 6; ++i) std::this_thread::sleep_for(1ms);
  CHECK(value == 5);
  CHECK(errors == 1);
}

TEST_CASE("a stop cancels the tasks not yet started: they never run and throw Cancelled") {
  const Pool pool(1);
  std::latch gate(1);
  std::stop_source stop;
  std::atomic<int> ran{0};
  auto blocker = pool.submit([&] { gate.wait(); });
  std::vector<Future<void>> queued;
  for (int i = 0; i < 5; ++i) queued.push_back(pool.submit(volley::SubmitOptions{stop.get_token()}, [&] { ++ran; }));
  stop.request_stop();
  gate.count_down();
  blocker.get();
  for (const auto& f : queued) CHECK_THROWS_AS(f.get(), volley::Cancelled);
  CHECK(ran == 0);
}

TEST_CASE("destroying a pool waits for every task it was given") {
  std::atomic<int> ran{0};
  std::vector<Future<void>> futures;
  {
    const Pool pool(2);
    for (int i = 0; i < 100; ++i)
      futures.push_back(pool.submit([&] {
        std::this_thread::sleep_for(100us);
        ++ran;
      }));
  }
  CHECK(ran == 100);
  for (const auto& f : futures) CHECK(f.ready());
}

TEST_CASE("a blocking map inside a task runs on the task's thread, as nesting does") {
  const Pool pool(2);
  auto same = pool.submit([&pool] {
    const auto here = std::this_thread::get_id();
    const auto threads = pool.map([](int) { return std::this_thread::get_id(); }, std::vector<int>(64));
    for (const auto& t : threads)
      if (t != here) return false;
    return volley::current_worker() >= 0;
  });
  CHECK(same.get());
}

TEST_CASE("a blocking call leaves the threads of running tasks alone") {
  const Pool pool(2);
  std::latch gate(1);
  auto busy = pool.submit([&] { gate.wait(); });
  // The task holds one of the two threads once it has started (retried until it has).
  volley::Trace trace;
  for (int i = 0; i < 1000 && (pool.for_each(64, [](std::size_t) {}, {.trace = &trace}), trace.workers.size() != 1); ++i)
    std::this_thread::sleep_for(1ms);
  CHECK(trace.workers.size() == 1);
  gate.count_down();
  busy.get();
  for (int i = 0; i < 1000 && (pool.for_each(64, [](std::size_t) {}, {.trace = &trace}), trace.workers.size() != 2); ++i)
    std::this_thread::sleep_for(1ms);
  CHECK(trace.workers.size() == 2);
}
