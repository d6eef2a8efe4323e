#pragma once
// volley::Future<T>: the result of Pool::submit (defined here), as concurrent.futures'
// Future, with as_completed, wait_all and wait_any.
//
//   volley::Pool pool;
//   auto f = pool.submit([](int n) { return n * n; }, 7);
//   f.on_result([](int v) { use(v); }, [](std::exception_ptr e) { log(e); });  // apply_async's callbacks
//   int v = f.get();                                 // 49, or the task's exception rethrown
//   for (const auto& done : volley::as_completed(futures)) use(done.get());
//
// Contracts:
// - get() returns the task's value, or rethrows its exception (Cancelled when the task was
//   cancelled before it started); it may be called more than once, from any thread.
// - get() or wait() on a task no worker has started yet runs it on the calling thread (as
//   TBB's task_group::wait does), as a nested call: a Pool call inside it runs serially.
// - A wait (get, wait, wait_all, wait_any, as_completed; not wait_for) made on one of a pool's own
//   workers runs that pool's pending tasks while it waits, so a task may submit tasks and
//   wait on them even when every worker is busy: no deadlock (the helping runs them on the
//   waiting worker's stack, so a chain of nested waits deepens the stack).
// - on_done(fn) calls fn(future) once the task has ended, on the thread that ended it, or at
//   once on the calling thread if it already has; an exception from fn is dropped.
#include "volley/cancellation.hpp"
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"
#include "volley/pool.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace volley {
namespace detail {

class TaskState;

/// A lock for a few instructions' work: spins, then yields (a mutex would sleep in the kernel
/// at the first contention, which costs more than the work it guards).
class SpinLock {
 public:
  void lock() noexcept;
  void unlock() noexcept { locked_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> locked_{false};
};

/// The asynchronous workers of a Pool: one queue of tasks, taken in submission order. One
/// worker out of tasks looks for more for a few tens of microseconds before it sleeps, so a
/// steady stream of submits costs no wake-up calls.
class VOLLEY_API Executor {
 public:
  explicit Executor(unsigned threads);
  /// Runs every task still queued, then joins the workers.
  ~Executor();
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;
  void enqueue(std::shared_ptr<TaskState> task);
  /// Runs the oldest queued task on the calling thread; false when none is queued.
  bool run_one();
  /// The executor whose worker the calling thread is, or null.
  static Executor* current() noexcept;
  /// True for the one thread that may run the task. The executor lives until every queued
  /// task is claimed: its last use by a claiming thread is inside this call.
  static bool claim(TaskState& task) noexcept;

 private:
  void work(unsigned index);
  /// The next task for a worker: looks, then sleeps; null once stopping with none queued.
  std::shared_ptr<TaskState> take();
  /// The oldest queued task no thread has claimed, or null.
  std::shared_ptr<TaskState> try_pop();
  /// Drops the newest entries whose tasks were claimed where they lay; under queue_lock_.
  void drop_claimed_newest();
  /// Wakes a sleeping worker when tasks are queued and no worker is looking for them.
  void wake_if_unseen();
  // Apart, on lines of their own: each changes at a different moment.
  alignas(64) SpinLock queue_lock_;
  std::deque<std::shared_ptr<TaskState>> tasks_;  // under queue_lock_
  alignas(64) std::atomic<std::size_t> queued_{0};  // queued tasks not yet claimed
  alignas(64) std::atomic<bool> looking_{false};    // a worker is looking for a task before it sleeps
  std::atomic<unsigned> sleeping_{0};
  alignas(64) std::mutex sleep_mutex_;
  std::condition_variable work_cv_;
  bool stopping_ = false;  // under sleep_mutex_
  std::vector<std::thread> workers_;
};

/// Waits under `lock` until done(); on a pool's worker, runs that pool's queued tasks
/// meanwhile, looking again at done() at least every 100 µs while none is queued.
template <typename Done>
void wait_helping(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, Done done) {
  Executor* const executor = Executor::current();
  while (!done()) {
    if (executor == nullptr) {
      cv.wait(lock, done);
      return;
    }
    lock.unlock();
    const bool ran = executor->run_one();
    lock.lock();
    if (!ran) cv.wait_for(lock, std::chrono::microseconds(100), done);
  }
}

/// A submitted task and what its futures share: whether it has started or ended, the
/// exception, the callbacks. The task runs once, on the first thread to claim it: a worker, or
/// a thread waiting for it before any worker has started it. The state holds no lock of its
/// own: the rare waits and callbacks go through one of a few shared parking places.
class VOLLEY_API TaskState {
 public:
  virtual ~TaskState() = default;
  bool ready() const noexcept { return status_.load(std::memory_order_acquire) == kDone; }
  /// Runs the task here if no thread has started it, else waits for it to end.
  void wait();
  bool wait_for(std::chrono::nanoseconds timeout);
  /// The task's exception, or null; read once ready().
  const std::exception_ptr& error() const noexcept { return error_; }
  /// Calls fn once done (at once, here, when already done); fn's exceptions are dropped.
  void on_done(std::function<void()> fn);
  /// Runs the task, once claimed; ends with finish().
  virtual void execute() noexcept = 0;

 protected:
  /// Ends the task with `error` (null: with its value, stored before) and runs the callbacks.
  void finish(std::exception_ptr error) noexcept;

 private:
  friend class Executor;
  enum : std::uint8_t { kQueued, kRunning, kDone };
  Executor* executor_ = nullptr;  // the one it is queued in; set before it is queued
  std::atomic<std::uint8_t> status_{kQueued};
  std::atomic<bool> watched_{false};  // a waiter or a callback: finish() must visit the parking place
  std::exception_ptr error_;
  std::vector<std::function<void()>> callbacks_;  // under the parking place's lock
};

template <typename T>
struct ValueState : TaskState {
  std::optional<T> value;
};
template <>
struct ValueState<void> : TaskState {};

/// Indices of futures in the order they end, fed by their callbacks.
class VOLLEY_API Completions {
 public:
  void push(std::size_t index);
  /// The next index to end, waiting for it.
  std::size_t pop();

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::size_t> done_;
};

/// A submitted call: fn(args...) into its own state, unless stopped before it starts.
template <typename R, typename Fn, typename... Args>
class Submitted final : public ValueState<R> {
 public:
  template <typename F, typename... A>
  explicit Submitted(std::stop_token stop, F&& fn, A&&... args)
      : stop_(std::move(stop)), fn_(std::forward<F>(fn)), args_(std::forward<A>(args)...) {}
  void execute() noexcept override {
    if (stop_.stop_requested()) return this->finish(std::make_exception_ptr(Cancelled()));
    try {
      if constexpr (std::is_void_v<R>)
        std::apply(std::move(fn_), std::move(args_));  // runs once: as std::async, rvalues
      else
        this->value.emplace(std::apply(std::move(fn_), std::move(args_)));
    } catch (...) {
      return this->finish(std::current_exception());
    }
    this->finish(nullptr);
  }

 private:
  std::stop_token stop_;
  Fn fn_;
  std::tuple<Args...> args_;
};

}  // namespace detail

namespace detail {
struct FutureAccess;
}  // namespace detail

template <typename T>
class Future {
 public:
  Future() = default;
  /// False for a default-constructed future, which has no task.
  bool valid() const noexcept { return state_ != nullptr; }
  bool ready() const { return state_->ready(); }
  void wait() const { state_->wait(); }
  /// Waits at most `timeout`; true if the task has ended.
  template <typename Rep, typename Period>
  bool wait_for(std::chrono::duration<Rep, Period> timeout) const {
    return state_->wait_for(std::chrono::duration_cast<std::chrono::nanoseconds>(timeout));
  }
  /// The value (a reference to the one the future keeps), or the task's exception rethrown.
  decltype(auto) get() const {
    state_->wait();
    if (auto e = state_->error()) std::rethrow_exception(e);
    if constexpr (!std::is_void_v<T>) return static_cast<const T&>(*state_->value);
  }
  /// Calls fn(*this) once the task has ended.
  template <typename Fn>
  void on_done(Fn fn) const {
    state_->on_done([fn = std::move(fn), self = *this]() mutable { fn(self); });
  }
  /// apply_async's callback and error_callback: on_value(value) (on_value() for void) or
  /// on_error(exception_ptr), once the task has ended.
  template <typename OnValue, typename OnError>
  void on_result(OnValue on_value, OnError on_error) const {
    on_done([on_value = std::move(on_value), on_error = std::move(on_error)](const Future& f) mutable {
      if (auto e = f.state_->error()) {
        on_error(e);
      } else if constexpr (std::is_void_v<T>) {
        on_value();
      } else {
        on_value(*f.state_->value);
      }
    });
  }

 private:
  friend class Pool;
  friend struct detail::FutureAccess;
  explicit Future(std::shared_ptr<detail::ValueState<T>> state) : state_(std::move(state)) {}
  std::shared_ptr<detail::ValueState<T>> state_;
};

namespace detail {

struct FutureAccess {
  /// The value moved out, for a holder that alone reads it (imap's chunks): waits, rethrows.
  template <typename T>
  static T take(Future<T>& future) {
    future.get();
    return std::move(*future.state_->value);
  }
};

}  // namespace detail

template <typename Fn, typename... Args>
  requires(!std::is_same_v<std::remove_cvref_t<Fn>, SubmitOptions>)
auto Pool::submit(Fn&& fn, Args&&... args) const {
  return submit(SubmitOptions{}, std::forward<Fn>(fn), std::forward<Args>(args)...);
}

template <typename Fn, typename... Args>
auto Pool::submit(const SubmitOptions& opts, Fn&& fn, Args&&... args) const {
  using R = std::invoke_result_t<std::decay_t<Fn>, std::decay_t<Args>...>;
  auto task = std::make_shared<detail::Submitted<R, std::decay_t<Fn>, std::decay_t<Args>...>>(
      opts.stop, std::forward<Fn>(fn), std::forward<Args>(args)...);
  executor().enqueue(task);
  return Future<R>(std::move(task));
}

namespace detail {

/// The futures' indices as their tasks end, fed by a callback on each.
template <typename T>
std::shared_ptr<Completions> completions_of(const std::vector<Future<T>>& futures) {
  auto completions = std::make_shared<Completions>();
  for (std::size_t i = 0; i < futures.size(); ++i)
    futures[i].on_done([completions, i](const Future<T>&) { completions->push(i); });
  return completions;
}

}  // namespace detail

/// Waits until every future has ended.
template <typename T>
void wait_all(const std::vector<Future<T>>& futures) {
  for (const auto& f : futures) f.wait();
}

/// The futures in the order their tasks end, each waited for as the iteration reaches it:
/// `for (const Future<T>& f : as_completed(futures))`. Every future appears exactly once.
template <typename T>
class AsCompleted {
 public:
  explicit AsCompleted(const std::vector<Future<T>>& futures)
      : futures_(&futures), completions_(detail::completions_of(futures)) {}
  class iterator {
   public:
    using value_type = Future<T>;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    const Future<T>& operator*() const { return (*owner_->futures_)[index_]; }
    iterator& operator++() {
      if (++taken_ < owner_->futures_->size()) index_ = owner_->completions_->pop();
      return *this;
    }
    void operator++(int) { ++*this; }
    bool operator==(std::default_sentinel_t) const { return taken_ == owner_->futures_->size(); }

   private:
    friend class AsCompleted;
    iterator(AsCompleted* owner) : owner_(owner) {
      if (!owner_->futures_->empty()) index_ = owner_->completions_->pop();
    }
    AsCompleted* owner_ = nullptr;
    std::size_t taken_ = 0, index_ = 0;
  };
  /// Waits for the first future to end. Iterate once.
  iterator begin() { return iterator(this); }
  std::default_sentinel_t end() const { return {}; }

 private:
  const std::vector<Future<T>>* futures_;
  std::shared_ptr<detail::Completions> completions_;
};

template <typename T>
AsCompleted<T> as_completed(const std::vector<Future<T>>& futures) {
  return AsCompleted<T>(futures);
}

/// Waits until one of the futures has ended and returns its index (the first to end after
/// the call, or the lowest one already done). Throws std::invalid_argument for an empty list.
template <typename T>
std::size_t wait_any(const std::vector<Future<T>>& futures) {
  if (futures.empty()) throw std::invalid_argument("wait_any: no futures");
  for (std::size_t i = 0; i < futures.size(); ++i)
    if (futures[i].ready()) return i;
  return detail::completions_of(futures)->pop();
}

}  // namespace volley
