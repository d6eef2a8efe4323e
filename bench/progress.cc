#include "bench/progress.hpp"

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

#include <fmt/core.h>

namespace volley::bench {
namespace {

constexpr auto kRedraw = std::chrono::milliseconds(100);

struct Line {
  std::mutex mutex;
  std::condition_variable_any wake;
  bool on = false;
  std::string what;  ///< "" while nothing runs
  Progress counter;
  std::jthread painter;  // last: stopped and joined before the rest goes

  // Under `mutex`.
  void draw() {
    if (what.empty()) return;
    const std::uint64_t total = counter.total.load(std::memory_order_relaxed);
    if (total == 0)
      fmt::print(stderr, "\r\033[Krunning {} ...", what);
    else
      fmt::print(stderr, "\r\033[Krunning {} ... {:.0f}%", what, 100 * counter.fraction());
    std::fflush(stderr);
  }
};

Line& line() {
  static Line instance;
  return instance;
}

}  // namespace

void enable_progress(bool on) {
  Line& l = line();
  const std::scoped_lock hold(l.mutex);
  l.on = on && isatty(STDERR_FILENO);
  if (!l.on || l.painter.joinable()) return;
  l.painter = std::jthread([&l](std::stop_token stop) {
    std::unique_lock lock(l.mutex);
    while (!stop.stop_requested()) {
      l.wake.wait_for(lock, stop, kRedraw, [] { return false; });  // a stop request wakes it at once
      if (!stop.stop_requested()) l.draw();
    }
  });
}

void progress(const std::string& what) {
  Line& l = line();
  const std::scoped_lock hold(l.mutex);
  if (!l.on) return;
  if (what.empty() && !l.what.empty()) {
    fmt::print(stderr, "\r\033[K");
    std::fflush(stderr);
  }
  l.what = what;
  l.draw();
}

Progress* progress_counter() {
  Line& l = line();
  const std::scoped_lock hold(l.mutex);
  return l.on ? &l.counter : nullptr;
}

void restart_progress() {
  Line& l = line();
  l.counter.total = 0;
  l.counter.done = 0;
}

}  // namespace volley::bench
