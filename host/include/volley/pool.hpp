#pragma once
// volley::Pool: multiprocessing.Pool's map / starmap / map-reduce, on OpenMP threads.
//
//   volley::Pool pool;                                   // default_threads() workers
//   auto squares = pool.map([](int x) { return x * x; }, std::vector{1, 2, 3});
//   double sum = pool.map_reduce(n, [&](std::size_t i) { return term(i); }, std::plus<>(), 0.0);
//
// Contracts:
// - map / starmap / try_map return results in input order.
// - map_reduce's result depends only on the inputs, fn, reduce and init, never on the thread
//   count, the schedule or the chunk size: the items are cut into at most 4096 reduction
//   blocks whose size depends only on the item count, each block is folded in item order,
//   and the block results are folded in block order after `init`. `reduce` must be
//   associative (it need not be commutative); floating-point sums are then reproducible.
// - An exception from fn stops the running of items: no item above the lowest failing index
//   seen so far is started. The call returns after every running item has finished and
//   rethrows the exception of the lowest failing index (the same one whatever the threads
//   and schedule). try_map instead runs every item and returns each one's value or exception.
// - A stop requested on CallOptions::stop starts no further item (map_reduce also looks
//   inside its reduction blocks, every kStopCheckItems items); the call returns after the
//   running items have finished and throws Cancelled (or the exception of a lower failing
//   index).
// - A Pool call made inside a Pool task, or inside any OpenMP parallel region, runs its
//   items on the calling thread in index order: nesting never oversubscribes or deadlocks.
// - The library was compiled with OpenMP; callers need not be.
#include "volley/contract/cxx20.hpp"
#include "volley/export.hpp"
#include "volley/progress.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <ranges>
#include <stop_token>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "volley/cancellation.hpp"
#include "volley/contract/integer.hpp"

namespace volley {

namespace detail {
class Executor;
}  // namespace detail

enum class Schedule {
  Static,   ///< fixed assignment of chunks to workers (chunk k to worker k mod threads)
  Dynamic,  ///< a free worker takes the next chunk: for irregular items
  Guided,   ///< like Dynamic, with chunks shrinking from large to chunk_size
};

struct WorkerTrace {
  std::size_t items = 0;   ///< items (for map_reduce: reduction blocks) this worker ran
  std::size_t chunks = 0;  ///< chunks it took
  double busy_seconds = 0; ///< time spent running them
};

/// How a call's work was spread: per worker (indexed by current_worker()) and in total.
struct VOLLEY_API Trace {
  std::vector<WorkerTrace> workers;
  double wall_seconds = 0;
  /// Busiest worker's busy time over the mean busy time (1 = perfectly even).
  double imbalance() const;
};

struct CallOptions {
  /// Items per chunk handed to a worker at once (Python's chunksize). 0: the item count
  /// divided by the thread count for Static, 1 for Dynamic and Guided.
  std::size_t chunk_size = 0;
  Schedule schedule = Schedule::Static;
  /// When set, filled with how the work was spread (costs two clock reads per chunk).
  Trace* trace = nullptr;
  /// When a stop is requested on it, no further item starts and the call throws Cancelled.
  std::stop_token stop = {};
  /// When set, the call adds its item count to total and counts items done as they end, in
  /// pieces of about a thousandth of the call (see progress.hpp).
  Progress* progress = nullptr;
};

/// Options of Pool::submit.
struct SubmitOptions {
  /// A task not yet started when a stop is requested on it never starts: its future throws
  /// Cancelled.
  std::stop_token stop = {};
};

/// Options of Pool::imap and Pool::imap_unordered.
struct ImapOptions {
  /// Inputs per task (Python's chunksize); 0: sized as they run, so that a chunk takes about
  /// 100 µs (the first chunks of one input, each next at most twice the last, at most 16384).
  std::size_t chunk_size = 0;
};

/// map_reduce looks at CallOptions::stop once per this many items inside a reduction block.
inline constexpr std::size_t kStopCheckItems = 64;

/// Index (0 .. threads-1) of the worker running the calling Pool task; -1 outside any task.
VOLLEY_API int current_worker() noexcept;

/// One item's outcome in try_map: its value, or the exception it threw.
template <typename T>
class Outcome {
 public:
  Outcome() = default;
  explicit Outcome(T value) : value_(std::move(value)) {}
  explicit Outcome(std::exception_ptr error) : error_(std::move(error)) {}
  bool ok() const noexcept { return value_.has_value(); }
  /// The value; rethrows the item's exception if it failed.
  const T& value() const {
    if (error_) std::rethrow_exception(error_);
    return *value_;
  }
  std::exception_ptr error() const noexcept { return error_; }

 private:
  std::optional<T> value_;
  std::exception_ptr error_;
};

/// A critical section shared by tasks (the tutorials' Lock): lock.with(fn) runs fn while
/// holding the lock, so one task at a time. Also BasicLockable, for std::scoped_lock.
class Lock {
 public:
  template <typename Fn>
  decltype(auto) with(Fn&& fn) {
    std::scoped_lock hold(mutex_);
    return std::forward<Fn>(fn)();
  }
  void lock() { mutex_.lock(); }
  void unlock() { mutex_.unlock(); }

 private:
  std::mutex mutex_;
};

namespace detail {

/// What a running item threw, with its index; carried from the item loop to the scheduler.
struct ItemFailure {
  std::size_t index;
  std::exception_ptr error;
};

/// Runs items [begin, end) of a job, in order, but none at or above `stop_at` (read before
/// each item: the lowest failing index so far, 0 once cancelled); returns one past the last
/// item it ran. Throws ItemFailure when an item throws.
using RangeFn = std::size_t (*)(void* context, std::size_t begin, std::size_t end,
                                const std::atomic<std::size_t>& stop_at);

struct Job {
  std::size_t items;
  RangeFn run;
  void* context;
};

/// The scheduler: runs the job on `threads` OpenMP threads (or serially when nested) and
/// rethrows the exception of the lowest failing item.
VOLLEY_API void run_job(const Job& job, unsigned threads, const CallOptions& opts);

/// Items per reduction block of map_reduce over n items (depends on n only).
VOLLEY_API std::size_t reduction_block(std::size_t n) noexcept;

/// Reduction block b of map_reduce over n items in blocks of `block`: fn of its items folded
/// in item order, looking at `stop` every kStopCheckItems items.
template <typename T, typename Fn, typename Reduce>
T fold_block(std::size_t n, std::size_t block, std::size_t b, Fn& fn, Reduce& reduce, const std::stop_token& stop) {
  const std::size_t end = std::min(n, (b + 1) * block);
  T acc = static_cast<T>(fn(b * block));
  for (std::size_t first = b * block + 1; first < end; first += kStopCheckItems) {
    throw_if_stopped(stop);
    for (std::size_t i = first; i < std::min(end, first + kStopCheckItems); ++i)
      acc = reduce(std::move(acc), static_cast<T>(fn(i)));
  }
  return acc;
}

template <typename F>
std::size_t run_range(void* context, std::size_t begin, std::size_t end, const std::atomic<std::size_t>& stop_at) {
  F& f = *static_cast<F*>(context);
  std::size_t i = begin;
  try {
    for (; i < end && i < stop_at.load(std::memory_order_relaxed); ++i) f(i);
  } catch (...) {
    throw ItemFailure{i, std::current_exception()};
  }
  return i;
}

template <typename R>
concept IndexableRange = std::ranges::random_access_range<R> && std::ranges::sized_range<R>;

}  // namespace detail

class VOLLEY_API Pool {
 public:
  /// A pool of `threads` workers; 0 means default_threads(). Throws std::invalid_argument
  /// above max_threads().
  explicit Pool(unsigned threads = 0);
  /// A copy has the same thread count and workers of its own.
  Pool(const Pool& other) : threads_(other.threads_) {}
  Pool& operator=(const Pool& other);
  /// Waits for every submitted task to end (each queued one runs: request a stop on the
  /// tasks' token first to cancel those not yet started).
  ~Pool();
  unsigned threads() const noexcept { return threads_; }

  /// Runs fn(args...) on one of the pool's `threads()` asynchronous workers (started at the
  /// first submit), tasks in submission order; returns its future. Arguments are copied (or
  /// moved) into the task. Defined in <volley/future.hpp>, with Future.
  template <typename Fn, typename... Args>
    requires(!std::is_same_v<std::remove_cvref_t<Fn>, SubmitOptions>)
  auto submit(Fn&& fn, Args&&... args) const;
  template <typename Fn, typename... Args>
  auto submit(const SubmitOptions& opts, Fn&& fn, Args&&... args) const;
  /// Lazy maps over an input range that may be lazy or endless (defined in
  /// <volley/imap.hpp>).
  template <typename Fn, std::ranges::input_range R>
  auto imap(Fn fn, R&& inputs, ImapOptions opts = {}) const;
  template <typename Fn, std::ranges::input_range R>
  auto imap_unordered(Fn fn, R&& inputs, ImapOptions opts = {}) const;

  /// Calls fn(i) for every i in [0, n): for side effects into caller-owned memory.
  template <typename Fn>
  void for_each(std::size_t n, Fn&& fn, const CallOptions& opts = {}) const {
    run(n, fn, opts);
  }

  /// fn(x) for every x of inputs, in input order.
  template <typename Fn, std::ranges::input_range R>
  auto map(Fn&& fn, R&& inputs, const CallOptions& opts = {}) const {
    return with_indexable(std::forward<R>(inputs), [&](auto& in) {
      return map_index(std::ranges::size(in), [&](std::size_t i) { return std::invoke(fn, std::ranges::begin(in)[i]); },
                       opts);
    });
  }

  /// fn(args...) for every tuple of arguments, in input order (Python's starmap).
  template <typename Fn, std::ranges::input_range R>
  auto starmap(Fn&& fn, R&& tuples, const CallOptions& opts = {}) const {
    return map([&](const auto& args) { return std::apply(fn, args); }, std::forward<R>(tuples), opts);
  }

  /// Like map, but runs every item and returns each one's value or exception.
  template <typename Fn, std::ranges::input_range R>
  auto try_map(Fn&& fn, R&& inputs, const CallOptions& opts = {}) const {
    return with_indexable(std::forward<R>(inputs), [&](auto& in) {
      using T = std::decay_t<std::invoke_result_t<Fn&, std::ranges::range_reference_t<decltype(in)>>>;
      std::vector<Outcome<T>> out(std::ranges::size(in));
      run(out.size(), [&](std::size_t i) {
        try {
          out[i] = Outcome<T>(std::invoke(fn, std::ranges::begin(in)[i]));
        } catch (...) {
          out[i] = Outcome<T>(std::current_exception());
        }
      }, opts);
      return out;
    });
  }

  /// reduce(...reduce(init, fn(x0))..., fn(x_n-1)), computed in parallel in a fixed order.
  template <typename Fn, std::ranges::input_range R, typename Reduce, typename T>
  T map_reduce(Fn&& fn, R&& inputs, Reduce&& reduce, T init, const CallOptions& opts = {}) const {
    return with_indexable(std::forward<R>(inputs), [&](auto& in) {
      return map_reduce(std::ranges::size(in), [&](std::size_t i) { return std::invoke(fn, std::ranges::begin(in)[i]); },
                        reduce, std::move(init), opts);
    });
  }

  /// The index form: reduce over fn(0), ..., fn(n-1).
  template <typename Fn, typename Reduce, typename T>
  T map_reduce(std::size_t n, Fn&& fn, Reduce&& reduce, T init, const CallOptions& opts = {}) const {
    const std::size_t block = detail::reduction_block(n);
    const std::size_t blocks = contract::ceil_div(n, block);
    std::vector<std::optional<T>> partials(blocks);
    CallOptions block_opts = opts;
    if (opts.chunk_size != 0) block_opts.chunk_size = contract::ceil_div(opts.chunk_size, block);
    run(blocks, [&](std::size_t b) { partials[b].emplace(detail::fold_block<T>(n, block, b, fn, reduce, opts.stop)); },
        block_opts);
    for (auto& p : partials) init = reduce(std::move(init), std::move(*p));
    return init;
  }

 private:
  template <typename F>
  void run(std::size_t n, F&& f, const CallOptions& opts) const {
    using Body = std::remove_reference_t<F>;
    void* context = const_cast<void*>(static_cast<const void*>(std::addressof(f)));
    detail::run_job({n, &detail::run_range<Body>, context}, threads_, opts);
  }

  // Calls body with inputs as an indexable range, copying single-pass ranges into a vector.
  template <typename R, typename Body>
  static decltype(auto) with_indexable(R&& inputs, Body&& body) {
    if constexpr (detail::IndexableRange<R>) {
      return body(inputs);
    } else {
      std::vector<std::ranges::range_value_t<R>> copy;
      for (auto&& x : inputs) copy.push_back(std::forward<decltype(x)>(x));
      return body(copy);
    }
  }

  template <typename G>
  auto map_index(std::size_t n, G&& g, const CallOptions& opts) const {
    using T = std::decay_t<std::invoke_result_t<G&, std::size_t>>;
    static_assert(!std::is_void_v<T>, "map needs a function that returns a value; use for_each");
    // Each worker writes its own slots; vector<bool> packs bits, so bool goes through optional.
    if constexpr (std::is_default_constructible_v<T> && !std::is_same_v<T, bool>) {
      std::vector<T> out(n);
      run(n, [&](std::size_t i) { out[i] = g(i); }, opts);
      return out;
    } else {
      std::vector<std::optional<T>> slots(n);
      run(n, [&](std::size_t i) { slots[i].emplace(g(i)); }, opts);
      std::vector<T> out;
      out.reserve(n);
      for (auto& s : slots) out.push_back(std::move(*s));
      return out;
    }
  }

  // The asynchronous workers, made at the first submit.
  detail::Executor& executor() const;

  unsigned threads_;
  mutable std::atomic<detail::Executor*> async_{nullptr};
};

}  // namespace volley
