#pragma once
// volley::Queue<T>: a bounded blocking queue for many producers and many consumers, the
// tutorials' multiprocessing.Queue for work that arrives over time, with close() in place of
// poison pills.
//
//   volley::Queue<std::uint64_t> candidates(1024);
//   // producers:  candidates.push(n);            (blocks while the queue is full)
//   // consumers:  while (auto n = candidates.pop()) use(*n);   (empty once closed and drained)
//   // when every producer is done: candidates.close();
//
// Contracts:
// - Items come out in the order they went in (FIFO), each exactly once.
// - push blocks while the queue is full; pop blocks while it is empty and open.
// - close() wakes every waiter: pop then returns the items still queued, then an empty optional;
//   a push on a closed queue throws QueueClosed (an item is never dropped silently).
// - The _for forms wait at most the given time; the try_ forms do not wait.
// - Every member may be called from any thread at the same time.
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace volley {

/// What a push on a closed Queue throws.
class VOLLEY_API QueueClosed : public std::logic_error {
 public:
  QueueClosed() : std::logic_error("push on a closed volley::Queue") {}
};

template <typename T>
class Queue {
 public:
  /// A queue holding at most `capacity` items; throws std::invalid_argument for 0.
  explicit Queue(std::size_t capacity) : slots_(check(capacity)) {}
  Queue(const Queue&) = delete;
  Queue& operator=(const Queue&) = delete;

  /// Appends `value`, waiting while the queue is full; throws QueueClosed once it is closed.
  void push(T value) { push_until(value, kForever); }
  /// Appends `value` if there is room now; false (value untouched) if the queue is full.
  /// Throws QueueClosed once it is closed.
  bool try_push(T& value) { return push_until(value, kNow); }
  /// As push, waiting at most `timeout`; false (value untouched) if the queue stayed full.
  template <typename Rep, typename Period>
  bool push_for(T& value, std::chrono::duration<Rep, Period> timeout) {
    return push_until(value, Clock::now() + timeout);
  }

  /// The oldest item, waiting while the queue is empty and open; empty once it is closed and
  /// drained.
  std::optional<T> pop() { return pop_until(kForever); }
  /// The oldest item if there is one now.
  std::optional<T> try_pop() { return pop_until(kNow); }
  /// As pop, waiting at most `timeout`: empty if nothing came (or the queue is closed and
  /// drained; closed() tells which).
  template <typename Rep, typename Period>
  std::optional<T> pop_for(std::chrono::duration<Rep, Period> timeout) {
    return pop_until(Clock::now() + timeout);
  }

  /// No more pushes: waiting producers throw QueueClosed, consumers drain what is queued and
  /// then get empty optionals. Closing twice is harmless.
  void close() {
    {
      std::scoped_lock lock(mutex_);
      closed_ = true;
    }
    not_full_.notify_all();
    not_empty_.notify_all();
  }
  bool closed() const {
    std::scoped_lock lock(mutex_);
    return closed_;
  }
  /// Items queued now.
  std::size_t size() const {
    std::scoped_lock lock(mutex_);
    return count_;
  }
  std::size_t capacity() const noexcept { return slots_.size(); }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr Clock::time_point kNow = Clock::time_point::min(), kForever = Clock::time_point::max();

  static std::size_t check(std::size_t capacity) {
    if (capacity == 0) throw std::invalid_argument("volley::Queue: capacity must be at least 1");
    return capacity;
  }
  // Waits for `ready` until `deadline` (kNow: not at all; kForever: no limit), counted in
  // `waiting` so that the other side notifies only when someone waits (a notify is a system
  // call; most pushes and pops find no waiter).
  template <typename Ready>
  bool wait(std::condition_variable& cv, std::unique_lock<std::mutex>& lock, std::size_t& waiting, Ready ready,
            Clock::time_point deadline) {
    if (ready() || deadline == kNow) return ready();
    ++waiting;
    const bool ok = deadline == kForever ? (cv.wait(lock, ready), true) : cv.wait_until(lock, deadline, ready);
    --waiting;
    return ok;
  }
  bool push_until(T& value, Clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    if (!wait(not_full_, lock, waiting_producers_, [&] { return closed_ || count_ < slots_.size(); }, deadline))
      return false;
    put(std::move(value), lock);
    return true;
  }
  std::optional<T> pop_until(Clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    if (!wait(not_empty_, lock, waiting_consumers_, [&] { return closed_ || count_ > 0; }, deadline)) return std::nullopt;
    return take(lock);
  }
  // With the lock held and room (or closed).
  void put(T&& value, std::unique_lock<std::mutex>& lock) {
    if (closed_) throw QueueClosed();
    slots_[(head_ + count_) % slots_.size()].emplace(std::move(value));
    ++count_;
    const bool wake = waiting_consumers_ > 0;
    lock.unlock();
    if (wake) not_empty_.notify_one();
  }
  // With the lock held and an item (or closed).
  std::optional<T> take(std::unique_lock<std::mutex>& lock) {
    if (count_ == 0) return std::nullopt;  // closed and drained
    T item = std::move(*slots_[head_]);
    slots_[head_].reset();
    head_ = (head_ + 1) % slots_.size();
    --count_;
    const bool wake = waiting_producers_ > 0;
    lock.unlock();
    if (wake) not_full_.notify_one();
    return item;
  }

  mutable std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::vector<std::optional<T>> slots_;  // a ring: count_ items from head_
  std::size_t head_ = 0, count_ = 0;
  std::size_t waiting_producers_ = 0, waiting_consumers_ = 0;
  bool closed_ = false;
};

}  // namespace volley
