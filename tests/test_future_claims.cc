// Who runs a submitted task: a worker, or a thread that waits for it before any worker has
// started it. Either way it runs exactly once, and the pool may end while others still wait.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <latch>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "volley/future.hpp"
#include "volley/pool.hpp"

using namespace std::chrono_literals;
using volley::Future;
using volley::Pool;

TEST_CASE("a wait on a task no worker has started runs it on the waiting thread, as a nested call") {
  std::atomic<int> runs{0};
  {
    const Pool pool(1);
    std::latch started(1), gate(1);
    auto blocker = pool.submit([&] {
      started.count_down();
      gate.wait();
    });
    started.wait();  // the only worker is busy
    auto task = pool.submit([&] {
      ++runs;
      return std::pair{std::this_thread::get_id(), volley::current_worker()};
    });
    CHECK_FALSE(task.wait_for(5ms));  // a timed wait does not run it
    CHECK(runs == 0);
    const auto [thread, worker] = task.get();
    CHECK(thread == std::this_thread::get_id());
    CHECK(worker == 0);                      // a Pool call inside it would run serially
    CHECK(volley::current_worker() == -1);   // and the caller is itself again after
    gate.count_down();
    blocker.get();
  }  // the worker has passed the task's entry by now
  CHECK(runs == 1);
}

TEST_CASE("waiters racing the workers run each task exactly once") {
  constexpr int kTasks = 20000;
  std::vector<std::atomic<int>> runs(kTasks);
  std::atomic<long> sum_forward{0}, sum_backward{0};
  {
    const Pool pool(2);
    std::vector<Future<int>> futures;
    for (int i = 0; i < kTasks; ++i)
      futures.push_back(pool.submit([&runs, i] {
        ++runs[static_cast<std::size_t>(i)];
        return i;
      }));
    std::jthread forward([&] {
      for (const auto& f : futures) sum_forward += f.get();
    });
    for (auto f = futures.rbegin(); f != futures.rend(); ++f) sum_backward += f->get();
  }
  int once = 0;
  for (const auto& r : runs) once += r == 1 ? 1 : 0;
  CHECK(once == kTasks);
  const long expected = static_cast<long>(kTasks) * (kTasks - 1) / 2;
  CHECK(sum_forward == expected);
  CHECK(sum_backward == expected);
}

TEST_CASE("a pool may end while another thread waits on its tasks") {
  for (int round = 0; round < 50; ++round) {
    auto pool = std::make_unique<Pool>(1);
    std::latch started(1), gate(1);
    auto blocker = pool->submit([&] {
      started.count_down();
      gate.wait();
    });
    started.wait();
    auto task = pool->submit([] { return 7; });
    std::atomic<int> got{0};
    std::jthread waiter([&] { got = task.get(); });
    gate.count_down();
    pool.reset();  // runs or passes every queued task, then joins its worker
    waiter.join();
    CHECK(got == 7);
  }
}
