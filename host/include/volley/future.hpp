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

#include <chrono>
#include <condition_variable>
#include <cstddef>
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

/// A submitted task, type-erased (move-only callables welcome).
struct Task {
  virtual ~Task() = default;
  virtual void run() noexcept = 0;
};

/// The asynchronous workers of a Pool: one queue of tasks, taken in submission order.
class VOLLEY_API Executor {
 public:
  explicit Executor(unsigned threads);
  /// Runs every task still queued, then joins the workers.
  ~Executor();
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;
  void enqueue(std::unique_ptr<Task> task);
  /// Runs the oldest queued task on the calling thread; false when none is queued.
  bool run_one();
  /// The executor whose worker the calling thread is, or null.
  static Executor* current() noexcept;

 private:
  void work(unsigned index);
  std::mutex mutex_;
  std::condition_variable work_cv_;
  std::deque<std::unique_ptr<Task>> tasks_;
  bool stopping_ = false;
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

/// What every future's state shares: done or not, the exception, the callbacks.
class VOLLEY_API TaskState {
 public:
  virtual ~TaskState() = default;
  bool ready() const;
  void wait() const;
  bool wait_for(std::chrono::nanoseconds timeout) const;
  /// Ends the task with `error` (null: with its value, stored before) and runs the callbacks.
  void finish(std::exception_ptr error) noexcept;
  std::exception_ptr error() const;
  /// Calls fn once done (at once, here, when already done); fn's exceptions are dropped.
  void on_done(std::function<void()> fn);

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable done_cv_;
  bool done_ = false;
  std::exception_ptr error_;
  std::vector<std::function<void()>> callbacks_;
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

/// A submitted call: fn(args...) into its future's state, unless stopped before it starts.
template <typename R, typename Fn, typename... Args>
class Submitted final : public Task {
 public:
  template <typename F, typename... A>
  Submitted(std::shared_ptr<ValueState<R>> state, std::stop_token stop, F&& fn, A&&... args)
      : state_(std::move(state)), stop_(std::move(stop)), fn_(std::forward<F>(fn)), args_(std::forward<A>(args)...) {}
  void run() noexcept override {
    if (stop_.stop_requested()) return state_->finish(std::make_exception_ptr(Cancelled()));
    try {
      if constexpr (std::is_void_v<R>)
        std::apply(std::move(fn_), std::move(args_));  // runs once: as std::async, rvalues
      else
        state_->value.emplace(std::apply(std::move(fn_), std::move(args_)));
    } catch (...) {
      return state_->finish(std::current_exception());
    }
    state_->finish(nullptr);
  }

 private:
  std::shared_ptr<ValueState<R>> state_;
  std::stop_token stop_;
  Fn fn_;
  std::tuple<Args...> args_;
};

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
  explicit Future(std::shared_ptr<detail::ValueState<T>> state) : state_(std::move(state)) {}
  std::shared_ptr<detail::ValueState<T>> state_;
};

template <typename Fn, typename... Args>
  requires(!std::is_same_v<std::remove_cvref_t<Fn>, SubmitOptions>)
auto Pool::submit(Fn&& fn, Args&&... args) const {
  return submit(SubmitOptions{}, std::forward<Fn>(fn), std::forward<Args>(args)...);
}

template <typename Fn, typename... Args>
auto Pool::submit(const SubmitOptions& opts, Fn&& fn, Args&&... args) const {
  using R = std::invoke_result_t<std::decay_t<Fn>, std::decay_t<Args>...>;
  auto state = std::make_shared<detail::ValueState<R>>();
  executor().enqueue(std::make_unique<detail::Submitted<R, std::decay_t<Fn>, std::decay_t<Args>...>>(
      state, opts.stop, std::forward<Fn>(fn), std::forward<Args>(args)...));
  return Future<R>(std::move(state));
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
