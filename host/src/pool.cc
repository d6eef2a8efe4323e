// The scheduler under volley::Pool: OpenMP worksharing over chunks of items, with the
// lowest-failing-index error contract and the optional trace.
#include "volley/pool.hpp"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <numeric>

#include "host/src/worker_id.hpp"
#include "volley/contract/integer.hpp"
#include "volley/run_options.hpp"

namespace volley {
namespace {

thread_local int t_worker = -1;
std::atomic<int> g_busy_async{0};  // asynchronous workers running a task, every Pool's

constexpr std::size_t kMaxReductionBlocks = 4096;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr std::size_t kProgressPieces = 1024;  // counts per call: fine enough to show, too few to cost

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The failure with the lowest index so far.
class FirstFailure {
 public:
  std::size_t index() const { return index_.load(std::memory_order_relaxed); }
  const std::atomic<std::size_t>& index_atomic() const { return index_; }
  void record(const detail::ItemFailure& f) {
    std::scoped_lock hold(mutex_);
    if (f.index < index_.load(std::memory_order_relaxed)) {
      index_.store(f.index, std::memory_order_relaxed);
      error_ = f.error;
    }
  }
  void rethrow_if_any() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  std::atomic<std::size_t> index_{kNone};
  std::mutex mutex_;
  std::exception_ptr error_;
};

// Runs chunk `c` of the job; items above a recorded failure are not started. With a progress
// counter, in pieces of `piece` items, each counted as it ends.
void run_chunk(const detail::Job& job, std::size_t chunk, std::size_t c, FirstFailure& failure,
               WorkerTrace* trace, Progress* progress, std::size_t piece) {
  const std::size_t begin = c * chunk, end = std::min(job.items, begin + chunk);
  if (begin >= failure.index()) return;
  const auto start = trace ? Clock::now() : Clock::time_point{};
  std::size_t done = begin;
  try {
    while (done < end) {
      const std::size_t piece_end = progress ? std::min(end, done + piece) : end;
      const std::size_t ran = job.run(job.context, done, piece_end, failure.index_atomic());
      if (progress) progress->done.fetch_add(ran - done, std::memory_order_relaxed);
      const bool whole = ran == piece_end;
      done = ran;
      if (!whole) break;  // stopped by a failure or a stop request
    }
  } catch (const detail::ItemFailure& f) {
    failure.record(f);
    done = f.index + 1;
  }
  if (trace) {
    trace->items += done - begin;
    trace->chunks += 1;
    trace->busy_seconds += seconds_since(start);
  }
}

}  // namespace

int current_worker() noexcept { return t_worker; }

void detail::set_current_worker(int index) noexcept { t_worker = index; }

void detail::add_busy_async_workers(int change) noexcept { g_busy_async.fetch_add(change, std::memory_order_relaxed); }

double Trace::imbalance() const {
  if (workers.empty()) return 1.0;
  double total = 0, busiest = 0;
  for (const auto& w : workers) {
    total += w.busy_seconds;
    busiest = std::max(busiest, w.busy_seconds);
  }
  return total > 0 ? busiest * static_cast<double>(workers.size()) / total : 1.0;
}

Pool::Pool(unsigned threads) : threads_(resolve_threads({.threads = threads})) {}

std::size_t detail::reduction_block(std::size_t n) noexcept {
  return std::max<std::size_t>(1, contract::ceil_div(n, kMaxReductionBlocks));
}

void detail::run_job(const Job& job, unsigned threads, const CallOptions& opts) {
  const auto start = Clock::now();
  const bool nested = t_worker >= 0 || omp_in_parallel();
  // Threads that asynchronous tasks keep busy are not ours to take (one at least).
  const auto busy = static_cast<unsigned>(std::max(0, g_busy_async.load(std::memory_order_relaxed)));
  const unsigned workers = nested ? 1 : (threads > busy ? threads - busy : 1u);
  std::size_t chunk = opts.chunk_size;
  if (chunk == 0) chunk = opts.schedule == Schedule::Static ? std::max<std::size_t>(1, contract::ceil_div(job.items, workers)) : 1;
  const std::size_t chunks = contract::ceil_div(job.items, chunk);
  const unsigned team = static_cast<unsigned>(std::min<std::size_t>(workers, chunks));

  FirstFailure failure;
  // A stop request keeps every item not yet started from starting, as a failure at index 0.
  const std::stop_callback cancel(opts.stop, [&failure] { failure.record({0, std::make_exception_ptr(Cancelled())}); });
  if (opts.trace) *opts.trace = Trace{std::vector<WorkerTrace>(std::max(team, 1u)), 0};
  if (opts.progress) opts.progress->total.fetch_add(job.items, std::memory_order_relaxed);
  const std::size_t piece = std::max<std::size_t>(1, job.items / kProgressPieces);
  auto trace_of = [&](int worker) { return opts.trace ? &opts.trace->workers[worker] : nullptr; };

  if (nested || team <= 1) {
    // On the calling thread, in index order; current_worker() keeps its value.
    const int outer = t_worker;
    if (!nested) t_worker = 0;
    for (std::size_t c = 0; c < chunks && failure.index() == kNone; ++c) run_chunk(job, chunk, c, failure, trace_of(0), opts.progress, piece);
    t_worker = outer;
  } else {
#pragma omp parallel num_threads(team)
    {
      t_worker = omp_get_thread_num();
      WorkerTrace* trace = trace_of(t_worker);
      const auto n = static_cast<std::int64_t>(chunks);
      switch (opts.schedule) {
        case Schedule::Static:
#pragma omp for schedule(static, 1) nowait
          for (std::int64_t c = 0; c < n; ++c) run_chunk(job, chunk, c, failure, trace, opts.progress, piece);
          break;
        case Schedule::Dynamic:
#pragma omp for schedule(dynamic, 1) nowait
          for (std::int64_t c = 0; c < n; ++c) run_chunk(job, chunk, c, failure, trace, opts.progress, piece);
          break;
        case Schedule::Guided:
#pragma omp for schedule(guided, 1) nowait
          for (std::int64_t c = 0; c < n; ++c) run_chunk(job, chunk, c, failure, trace, opts.progress, piece);
          break;
      }
      t_worker = -1;
    }
  }
  if (opts.trace) opts.trace->wall_seconds = seconds_since(start);
  failure.rethrow_if_any();
}

}  // namespace volley
